/**
 * A recurrence rule compiled against its DTSTART (recur.ts expands with it): the parts DTSTART
 * fills in, the day filter, the times of day, and how the number of occurrences per period
 * repeats, so earlier periods can be counted without listing them.
 *
 * Periods are numbered on a fixed grid, independent of DTSTART: YEARLY by year, MONTHLY by
 * year × 12 + month − 1, WEEKLY by weeks starting on WKST, DAILY by day number, HOURLY by hours
 * since 1970. The series' periods are p0 + k × INTERVAL for k ≥ 0, p0 being DTSTART's.
 */
import type { RecurRule } from './recur-types';
import {
  civilOf,
  cursorAt,
  cursorOfMonth,
  dayMatches,
  dayOfWall,
  filtersNothing,
  monthLength,
  nextDay,
  table,
  weekdayOfDay,
  type DayCursor,
  type DayFilter,
} from './recur-days';
import { DAY_MS, HOUR_MS, type WallMs } from './wall';

export type PlanFrequency = 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY' | 'HOURLY';

/** Sorted values per unit, largest unit first; time j is read in mixed radix (never listed). */
export interface TimeGrid {
  readonly units: readonly (readonly number[])[];
  /** Seconds per step of each unit. */
  readonly scales: readonly number[];
  readonly size: number;
}

export interface Plan {
  readonly freq: PlanFrequency;
  readonly interval: number;
  /** DTSTART's period. */
  readonly p0: number;
  readonly filter: DayFilter;
  readonly filtered: boolean;
  /** HOURLY's BYHOUR (a limit): index 0–23; null when absent. */
  readonly hours: Uint8Array | null;
  /** Times of day (HOURLY: within the hour) each matching day (hour) holds, before BYSETPOS. */
  readonly times: TimeGrid;
  readonly setPos: readonly number[];
  /** Per-period counts repeat every `cycle` steps of k; null when they follow the calendar. */
  readonly cycle: number | null;
  /** The most occurrences the rule can put on one day. */
  readonly perDay: number;
}

/** Units of work left; spending past zero stops the expansion (recur.ts drops the rule as 'cost'). */
export class Budget {
  constructor(public left: number) {}
  spend(units: number): void {
    this.left -= units;
    if (this.left < 0) throw new CostExceeded();
  }
}

export class CostExceeded extends Error {}

const mod = (a: number, n: number): number => ((a % n) + n) % n;
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export function timeAt(grid: TimeGrid, j: number): number {
  let seconds = 0;
  let rest = j;
  for (let u = grid.units.length - 1; u >= 0; u--) {
    const values = grid.units[u]!;
    seconds += values[rest % values.length]! * grid.scales[u]!;
    rest = Math.floor(rest / values.length);
  }
  return seconds;
}

function grid(units: number[][], scales: number[]): TimeGrid {
  const sorted = units.map((u) => [...u].sort((a, b) => a - b));
  return { units: sorted, scales, size: sorted.reduce((n, u) => n * u.length, 1) };
}

/** The day filter with what DTSTART fills in (RFC 5545: information not in the rule is DTSTART's). */
function dayFilterOf(rule: RecurRule, freq: PlanFrequency, dtDay: number): DayFilter {
  const { month, day } = civilOf(dtDay);
  const noDayParts =
    rule.byWeekNo.length + rule.byYearDay.length + rule.byMonthDay.length + rule.byDay.length === 0;
  let months = rule.byMonth;
  let monthDays = rule.byMonthDay;
  let byDay = rule.byDay;
  if (noDayParts && freq === 'YEARLY') {
    if (months.length === 0) months = [month];
    monthDays = [day];
  } else if (noDayParts && freq === 'MONTHLY') monthDays = [day];
  else if (noDayParts && freq === 'WEEKLY') byDay = [{ weekday: weekdayOfDay(dtDay), n: 0 }];
  // Open in RFC 5545 (python-dateutil takes every day of the week): a yearly rule naming only
  // week numbers recurs on DTSTART's weekday in them, as "information not in the rule comes from
  // DTSTART" says for every other part.
  else if (freq === 'YEARLY' && rule.byWeekNo.length > 0 && byDay.length + monthDays.length === 0) {
    if (rule.byYearDay.length === 0) byDay = [{ weekday: weekdayOfDay(dtDay), n: 0 }];
  }
  // RFC 5545 allows ordinals only in MONTHLY and YEARLY rules; elsewhere the weekday alone is read
  // (as python-dateutil does) rather than refusing the rule.
  const ordinalsCount = freq === 'MONTHLY' || freq === 'YEARLY';
  const plain = byDay.filter((d) => d.n === 0 || !ordinalsCount).map((d) => d.weekday);
  return {
    months: table(months, 0, 13),
    monthDays: table(monthDays, 31, 63),
    yearDays: table(rule.byYearDay, 366, 733),
    weekNos: table(rule.byWeekNo, 53, 107),
    weekdays: table(plain, 0, 7),
    ordinals: ordinalsCount ? byDay.filter((d) => d.n !== 0).map((d) => [d.weekday, d.n] as const) : [],
    // RFC 5545: a YEARLY ordinal counts within the month when BYMONTH is given, else the year.
    ordinalScope: freq === 'MONTHLY' || rule.byMonth.length > 0 ? 'month' : 'year',
    wkst: rule.wkst,
  };
}

/** Whether every month (year) holds the same number of days the filter passes. */
function steadyMonths(f: DayFilter): boolean {
  if (f.yearDays || f.weekNos || f.weekdays) return false;
  const pick = (t: Uint8Array | null, lo: number, hi: number) =>
    t !== null && t.some((v, i) => v && (i < lo || i > hi));
  if (f.ordinals.length === 0) {
    // Month days all 1–28 (or all −28…−1) exist in every month and never coincide.
    return f.monthDays !== null && (!pick(f.monthDays, 32, 59) || !pick(f.monthDays, 3, 30));
  }
  if (f.monthDays) return false;
  const limit = f.ordinalScope === 'month' ? 4 : 52;
  const ns = f.ordinals.map(([, n]) => n);
  return ns.every((n) => n >= 1 && n <= limit) || ns.every((n) => n <= -1 && n >= -limit);
}

/** Steps of k after which the per-period counts repeat, when that is a few periods; else null. */
function cycleOf(
  freq: PlanFrequency,
  interval: number,
  f: DayFilter,
  hours: Uint8Array | null,
): number | null {
  const none = filtersNothing(f);
  const onlyWeekdays =
    f.weekdays !== null && !f.months && !f.monthDays && !f.yearDays && !f.weekNos && f.ordinals.length === 0;
  const every = (span: number) => span / gcd(span, interval);
  switch (freq) {
    case 'HOURLY':
      return none ? (hours ? every(24) : 1) : onlyWeekdays ? every(168) : null;
    case 'DAILY':
      return none ? 1 : onlyWeekdays ? every(7) : null;
    case 'WEEKLY':
      return onlyWeekdays ? 1 : null;
    case 'MONTHLY':
      return steadyMonths(f) ? (f.months ? every(12) : 1) : null;
    case 'YEARLY':
      return steadyMonths(f) ? 1 : null;
  }
}

/** The most hours of one day an HOURLY series with this INTERVAL and BYHOUR hits. */
function hoursPerDay(interval: number, p0: number, hours: Uint8Array | null): number {
  if (interval >= 24) return 1;
  let most = 0;
  // A day's phase against the series repeats every `interval` days.
  for (let d = 0; d < interval; d++) {
    let hits = 0;
    for (let h = 0; h < 24; h++) if (mod(24 * d + h - p0, interval) === 0 && (!hours || hours[h])) hits++;
    most = Math.max(most, hits);
  }
  return most;
}

export function periodOf(freq: PlanFrequency, wkst: number, wall: WallMs): number {
  const day = dayOfWall(wall);
  switch (freq) {
    case 'HOURLY':
      return Math.floor(wall / HOUR_MS);
    case 'DAILY':
      return day;
    case 'WEEKLY':
      return Math.floor((day - (wkst - 3)) / 7);
    case 'MONTHLY': {
      const { year, month } = civilOf(day);
      return year * 12 + month - 1;
    }
    case 'YEARLY':
      return civilOf(day).year;
  }
}

export function compile(rule: RecurRule & { freq: PlanFrequency }, dtstart: WallMs): Plan {
  const freq = rule.freq;
  const dtDay = dayOfWall(dtstart);
  const secondOfDay = Math.floor((dtstart - dtDay * DAY_MS) / 1000);
  const orDefault = (values: number[], fallback: number) => (values.length > 0 ? values : [fallback]);
  const minutes = orDefault(rule.byMinute, Math.floor(secondOfDay / 60) % 60);
  // A leap second (BYSECOND=60) never shows on a wall clock: skipped like an invalid date.
  const seconds = orDefault(rule.bySecond, secondOfDay % 60).filter((s) => s < 60);
  const hourly = freq === 'HOURLY';
  const times = hourly
    ? grid([minutes, seconds], [60, 1])
    : grid([orDefault(rule.byHour, Math.floor(secondOfDay / 3600)), minutes, seconds], [3600, 60, 1]);
  const hours = hourly ? table(rule.byHour, 0, 24) : null;
  const filter = dayFilterOf(rule, freq, dtDay);
  const p0 = periodOf(freq, rule.wkst, dtstart);
  const slots = rule.bySetPos.length > 0 ? Math.min(times.size, rule.bySetPos.length) : times.size;
  return {
    freq,
    interval: rule.interval,
    p0,
    filter,
    filtered: !filtersNothing(filter),
    hours,
    times,
    setPos: rule.bySetPos,
    cycle: cycleOf(freq, rule.interval, filter, hours),
    perDay: hourly ? hoursPerDay(rule.interval, p0, hours) * slots : slots,
  };
}

/** The days of period `p` the filter passes, in order (pushed to `out` when given); their number. */
export function periodDays(plan: Plan, p: number, budget: Budget, out?: number[]): number {
  const f = plan.filter;
  switch (plan.freq) {
    case 'YEARLY': {
      let n = 0;
      for (let m = 1; m <= 12; m++) {
        if (!f.months || f.months[m]) n += scan(plan, cursorOfMonth(p, m), monthLength(p, m), budget, out);
      }
      return n;
    }
    case 'MONTHLY': {
      const year = Math.floor(p / 12);
      const month = p - year * 12 + 1;
      if (f.months && !f.months[month]) return 0;
      return scan(plan, cursorOfMonth(year, month), monthLength(year, month), budget, out);
    }
    case 'WEEKLY':
      return scan(plan, cursorAt(p * 7 + plan.filter.wkst - 3), 7, budget, out);
    case 'DAILY':
      return scan(plan, cursorAt(p), 1, budget, out);
    case 'HOURLY':
      return scan(plan, cursorAt(Math.floor(p / 24)), 1, budget, out);
  }
}

/**
 * The days among `length` from the cursor's that the filter passes (pushed to `out` when given);
 * their number. Leaves the cursor on the day after them.
 */
export function scan(plan: Plan, c: DayCursor, length: number, budget: Budget, out?: number[]): number {
  budget.spend(length);
  let n = 0;
  for (let d = 0; d < length; d++) {
    if (!plan.filtered || dayMatches(plan.filter, c)) {
      n++;
      out?.push(c.day);
    }
    nextDay(c);
  }
  return n;
}
