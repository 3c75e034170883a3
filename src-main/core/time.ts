// The subpath, not the package root: the root also loads TZDate, whose module fills in its
// prototype from Date.prototype when loaded, so the window's bundle (which takes weekdays and
// calendar arithmetic from here through shared/) could not leave it out.
import { tzOffset } from '@date-fns/tz/tzOffset';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;

/*
 * Speed matters here: every agenda, summary and trend walks dates through these helpers (see
 * BENCHMARKS.md). Zone offsets come from @date-fns/tz's `tzOffset` (the runtime's time-zone
 * data through Intl) and are remembered per zone and UTC quarter hour (offsets only change on
 * quarter hours in the tz database since 1970); the calendar arithmetic is plain integers.
 */
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_MAX = 100_000;

/** The UTC offset of `zone` at `instant`, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const quarter = Math.floor(instant / QUARTER_MS);
  let byQuarter = offsetCache.get(zone);
  if (!byQuarter) offsetCache.set(zone, (byQuarter = new Map()));
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    offset = Math.round(tzOffset(zone, new Date(quarter * QUARTER_MS)) * 60_000);
    if (byQuarter.size >= OFFSET_CACHE_MAX) byQuarter.clear();
    byQuarter.set(quarter, offset);
  }
  return offset;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function dateString(utc: Date): LocalDate {
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isValidZone(zone: string): boolean {
  if (zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone the operating system (or `TZ`) reports. */
export function systemZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidZone(zone) ? zone : 'UTC';
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * A date a person may ask about (the IPC contract, summary choices): a real date before the
 * year 9999, so that the days after it that ranges and weeks reach are dates too.
 */
export function isInputDate(value: string): boolean {
  return isLocalDate(value) && value <= '9998-12-31';
}

/** True when `value` is a 24-hour `HH:MM` time. */
export function isClockTime(value: string): boolean {
  return HHMM.test(value);
}

/** Minutes after midnight of an `HH:MM` time. */
export function minutesOfDay(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new RangeError(`Not an HH:MM time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The local calendar date of `instant` in `zone`. */
export function localDateOf(instant: number, zone: string): LocalDate {
  return dateString(new Date(instant + offsetAt(instant, zone)));
}

/** The weekday of a local calendar date. */
export function weekdayOf(date: LocalDate): Weekday {
  const [y, m, d] = splitDate(date);
  // getDay(): 0 = Sunday; our week starts on Monday.
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return WEEKDAYS[(day + 6) % 7] as Weekday;
}

/** The instant of local time `hhmm` on `date` in `zone` (a time skipped by DST moves forward). */
export function instantAt(date: LocalDate, hhmm: string, zone: string): number {
  const [y, m, d] = splitDate(date);
  const minutes = minutesOfDay(hhmm);
  const wall = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  // Guess with the offset at the wall time, then correct once; a wall time inside a DST gap
  // does not exist, and moves forward by the gap (as TZDate does).
  const first = offsetAt(wall, zone);
  let guess = wall - first;
  const second = offsetAt(guess, zone);
  if (first === second) return guess;
  guess = wall - second;
  const third = offsetAt(guess, zone);
  if (second === third) return guess;
  return wall - Math.min(second, third);
}

/** The instant local midnight starts `date` in `zone`. */
export function startOfLocalDate(date: LocalDate, zone: string): number {
  return instantAt(date, '00:00', zone);
}

/** `date` plus `days` calendar days (never by adding 24-hour blocks). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = splitDate(date);
  return dateString(new Date(Date.UTC(y, m - 1, d) + days * DAY_MS));
}

/** ISO 8601 with the local offset of `zone`, e.g. `2027-03-15T09:00:00-04:00`. */
export function toLocalIso(instant: number, zone: string): string {
  const offset = offsetAt(instant, zone);
  const wall = new Date(instant + offset);
  const minutes = Math.round(offset / 60_000);
  const abs = Math.abs(minutes);
  const suffix =
    minutes === 0 ? 'Z' : `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${dateString(wall)}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${suffix}`;
}

/** `HH:MM` of `instant` in `zone`. */
export function clockTimeOf(instant: number, zone: string): string {
  const wall = new Date(instant + offsetAt(instant, zone));
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

function splitDate(date: LocalDate): [number, number, number] {
  if (!isLocalDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/**
 * An instant written by a person: ISO 8601 with an offset or `Z` (`2027-03-15T17:42:00+01:00`),
 * or a local date-time in `zone` (`2027-03-15T17:42` or `2027-03-15 17:42`). Null when it is not
 * one of those, or not a real date and time.
 */
export function parseInstant(raw: string, zone: string): number | null {
  const text = raw.trim();
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?$/.exec(text);
  if (local) {
    const [, date, hhmm, seconds] = local as unknown as [string, string, string, string | undefined];
    if (!isLocalDate(date) || !isClockTime(hhmm)) return null;
    return instantAt(date, hhmm, zone) + Number(seconds ?? 0) * 1000;
  }
  const zoned = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!zoned || !isLocalDate(zoned[1] as string) || !isClockTime(zoned[2] as string)) return null;
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? null : instant;
}
