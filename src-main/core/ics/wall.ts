/**
 * Wall-clock date-times for calendar reading: a date and time on some clock, not yet an instant,
 * held as the milliseconds that date and time would be if the clock were UTC ("wall ms"). Plain
 * integers, so recurrence expansion is arithmetic, and one conversion (zones.ts) turns them into
 * instants by the rules of the zone they belong to.
 */

/** A wall-clock date-time as milliseconds, the clock read as if it were UTC. */
export type WallMs = number;

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface WallFields {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall ms of a date and time; fields out of range roll over (Date.UTC's arithmetic). */
export function wallOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallMs {
  const d = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

export function fieldsOf(wall: WallMs): WallFields {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** 0 = Monday … 6 = Sunday (RFC 5545's MO…SU order). */
export function weekdayOfWall(wall: WallMs): number {
  return (new Date(wall).getUTCDay() + 6) % 7;
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return month === 2
    ? isLeapYear(year)
      ? 29
      : 28
    : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The wall ms of midnight starting the day `wall` falls on. */
export function startOfWallDay(wall: WallMs): WallMs {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}
