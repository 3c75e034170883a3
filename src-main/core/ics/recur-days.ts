/**
 * Calendar arithmetic for recurrence expansion (recur.ts): day numbers (days since 1970-01-01,
 * proleptic Gregorian, the same days WallMs counts) and the day-level BYxxx parts of a rule
 * (BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY) compiled into one test a day either passes or
 * not. Plain integers throughout: a day is checked in a few dozen operations, no Date objects.
 */
import { DAY_MS, type WallMs } from './wall';

/** Days since 1970-01-01 of a date (Howard Hinnant's days_from_civil; any year). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The date of a day number (Howard Hinnant's civil_from_days). */
export function civilOf(dayNum: number): CivilDate {
  const z = dayNum + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOfDay(dayNum: number): number {
  return (((dayNum + 3) % 7) + 7) % 7;
}

export function dayOfWall(wall: WallMs): number {
  return Math.floor(wall / DAY_MS);
}

export function yearLength(year: number): number {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function monthLength(year: number, month: number): number {
  return month === 2 && yearLength(year) === 366 ? 29 : MONTH_LENGTHS[month - 1]!;
}

/**
 * The day of the year (1-based, ≤ 0 when it falls in the year before) on which week 1 starts:
 * weeks begin on `wkst`, and week 1 is the first with at least four days in the year (RFC 5545
 * BYWEEKNO, ISO 8601 when WKST=MO).
 */
function week1Start(year: number, wkst: number): number {
  const delta = (weekdayOfDay(dayNumber(year, 1, 1)) - wkst + 7) % 7;
  return delta <= 3 ? 1 - delta : 8 - delta;
}

function weeksIn(year: number, wkst: number): number {
  return (yearLength(year) + week1Start(year + 1, wkst) - week1Start(year, wkst)) / 7;
}

/** The day-level parts of a rule, as look-up tables. */
export interface DayFilter {
  /** BYMONTH: index 1–12; null when absent. */
  readonly months: Uint8Array | null;
  /** BYMONTHDAY: index value + 31 (so -31…31); null when absent. */
  readonly monthDays: Uint8Array | null;
  /** BYYEARDAY: index value + 366. */
  readonly yearDays: Uint8Array | null;
  /** BYWEEKNO: index value + 53. */
  readonly weekNos: Uint8Array | null;
  /** BYDAY without an ordinal (or with one the frequency ignores): index weekday 0–6. */
  readonly weekdays: Uint8Array | null;
  /** BYDAY with an ordinal: [weekday, n] pairs, n counted within the month or the year. */
  readonly ordinals: readonly (readonly [number, number])[];
  readonly ordinalScope: 'month' | 'year';
  readonly wkst: number;
}

/** True when no day-level part is left: every day passes. */
export function filtersNothing(f: DayFilter): boolean {
  return !f.months && !f.monthDays && !f.yearDays && !f.weekNos && !f.weekdays && f.ordinals.length === 0;
}

/** A look-up table with `values` (offset by `offset`) set. */
export function table(values: readonly number[], offset: number, size: number): Uint8Array | null {
  if (values.length === 0) return null;
  const t = new Uint8Array(size);
  for (const v of values) t[v + offset] = 1;
  return t;
}

/** A day and everything the filter asks about it, advanced one day at a time by `nextDay`. */
export interface DayCursor {
  day: number;
  year: number;
  month: number;
  /** Day of the month, 1-based. */
  md: number;
  dim: number;
  /** Day of the year, 1-based. */
  yd: number;
  ylen: number;
  /** 0 = Monday. */
  wd: number;
}

export function cursorAt(dayNum: number): DayCursor {
  const { year, month, day } = civilOf(dayNum);
  return {
    day: dayNum,
    year,
    month,
    md: day,
    dim: monthLength(year, month),
    yd: dayNum - dayNumber(year, 1, 1) + 1,
    ylen: yearLength(year),
    wd: weekdayOfDay(dayNum),
  };
}

/** The cursor on the 1st of a month (cheaper than cursorAt: no date from a day number). */
export function cursorOfMonth(year: number, month: number): DayCursor {
  const day = dayNumber(year, month, 1);
  return {
    day,
    year,
    month,
    md: 1,
    dim: monthLength(year, month),
    yd: day - dayNumber(year, 1, 1) + 1,
    ylen: yearLength(year),
    wd: weekdayOfDay(day),
  };
}

export function nextDay(c: DayCursor): void {
  c.day++;
  c.md++;
  c.yd++;
  c.wd = c.wd === 6 ? 0 : c.wd + 1;
  if (c.md <= c.dim) return;
  c.md = 1;
  c.month++;
  if (c.month > 12) {
    c.month = 1;
    c.year++;
    c.yd = 1;
    c.ylen = yearLength(c.year);
  }
  c.dim = monthLength(c.year, c.month);
}

/** Whether the day's week number (in the week-numbering year it belongs to) is in BYWEEKNO. */
function weekNoMatches(weekNos: Uint8Array, c: DayCursor, wkst: number): boolean {
  const start = week1Start(c.year, wkst);
  let week: number;
  let weeks: number;
  if (c.yd < start) {
    weeks = weeksIn(c.year - 1, wkst);
    week = weeks;
  } else {
    week = Math.floor((c.yd - start) / 7) + 1;
    weeks = weeksIn(c.year, wkst);
    if (week > weeks) {
      week = 1;
      weeks = weeksIn(c.year + 1, wkst);
    }
  }
  return weekNos[week + 53] === 1 || weekNos[week - weeks - 1 + 53] === 1;
}

function byDayMatches(f: DayFilter, c: DayCursor): boolean {
  if (f.weekdays && f.weekdays[c.wd] === 1) return true;
  const [index, length] = f.ordinalScope === 'month' ? [c.md, c.dim] : [c.yd, c.ylen];
  const fromStart = Math.floor((index - 1) / 7) + 1;
  const fromEnd = -(Math.floor((length - index) / 7) + 1);
  for (const [weekday, n] of f.ordinals) {
    if (weekday === c.wd && (n === fromStart || n === fromEnd)) return true;
  }
  return false;
}

/** Whether the cursor's day passes every day-level part (RFC 5545: each part narrows the set). */
export function dayMatches(f: DayFilter, c: DayCursor): boolean {
  if (f.months && f.months[c.month] !== 1) return false;
  if (f.monthDays && f.monthDays[c.md + 31] !== 1 && f.monthDays[c.md - c.dim - 1 + 31] !== 1) return false;
  if (f.yearDays && f.yearDays[c.yd + 366] !== 1 && f.yearDays[c.yd - c.ylen - 1 + 366] !== 1) return false;
  if ((f.weekdays || f.ordinals.length > 0) && !byDayMatches(f, c)) return false;
  if (f.weekNos && !weekNoMatches(f.weekNos, c, f.wkst)) return false;
  return true;
}
