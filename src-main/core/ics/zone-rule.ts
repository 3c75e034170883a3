import { daysInMonth, DAY_MS, fieldsOf, isLeapYear, wallOf, weekdayOfWall, type WallMs } from './wall';

/**
 * The one recurrence rule a VTIMEZONE observance needs (RFC 5545 §3.6.5): once a year, in the
 * given months, on an ordinal weekday ("last Sunday": BYDAY=-1SU), on month days (BYMONTHDAY=15),
 * a weekday among month days (BYDAY=SU;BYMONTHDAY=8,9,…,14) or among days of the year (vzic's
 * BYYEARDAY=-92,…,-98;BYDAY=FR), at DTSTART's time or one BYHOUR/BYMINUTE/BYSECOND, with INTERVAL,
 * UNTIL or COUNT. Anything else — another FREQ, BYSETPOS, BYWEEKNO, several hours… — is refused
 * (null), and the observance then applies only at its DTSTART and RDATEs: a file's rule can never
 * make Keel step through minutes since 1601. Instances are found a year at a time, never by
 * walking from the start.
 */
export interface YearlyRule {
  readonly interval: number;
  /** 1–12, ascending; null for every month (a BYYEARDAY rule without BYMONTH). */
  readonly months: readonly number[] | null;
  /** 0 = Monday … 6 = Sunday; `nth` 0 for every such weekday of the month, −5…5 otherwise. */
  readonly weekdays: readonly { readonly weekday: number; readonly nth: number }[] | null;
  /** −31…31 without 0; negative counts from the month's end. */
  readonly monthDays: readonly number[] | null;
  /** −366…366 without 0; negative counts from the year's end. */
  readonly yearDays: readonly number[] | null;
  /** The instances' time of day in ms, or null for DTSTART's. */
  readonly timeOfDay: number | null;
  /** The last instance allowed: a wall time, or (`untilUtc`) an instant. */
  readonly until: number | null;
  readonly untilUtc: boolean;
  readonly count: number | null;
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const ALLOWED = new Set([
  'FREQ',
  'INTERVAL',
  'BYMONTH',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYHOUR',
  'BYMINUTE',
  'BYSECOND',
  'UNTIL',
  'COUNT',
  'WKST',
]);
const MAX_INTERVAL = 400;

/** Null for a rule this module does not follow (the observance then ignores it). */
export function parseYearlyRule(value: string, dtstart: WallMs): YearlyRule | null {
  const parts = ruleParts(value);
  if (!parts || parts.get('FREQ') !== 'YEARLY' || (parts.has('UNTIL') && parts.has('COUNT'))) return null;
  const start = fieldsOf(dtstart);
  const byYearDay = parts.has('BYYEARDAY');
  const interval = optional(parts.get('INTERVAL'), 1, (v) => integer(v, 1, MAX_INTERVAL));
  const months = optional(parts.get('BYMONTH'), byYearDay ? null : [start.month], (v) =>
    list(v, (m) => integer(m, 1, 12)),
  );
  const weekdays = optional(parts.get('BYDAY'), null, (v) => list(v, weekdayOf));
  const yearDays = optional(parts.get('BYYEARDAY'), null, (v) => list(v, (d) => nonZero(d, 366)));
  const monthDays = optional(parts.get('BYMONTHDAY'), weekdays || byYearDay ? null : [start.day], (v) =>
    list(v, (d) => nonZero(d, 31)),
  );
  const hour = optional(parts.get('BYHOUR'), start.hour, (v) => integer(v, 0, 23));
  const minute = optional(parts.get('BYMINUTE'), start.minute, (v) => integer(v, 0, 59));
  const second = optional(parts.get('BYSECOND'), start.second, (v) => integer(v, 0, 59));
  const until = optional(parts.get('UNTIL'), null, untilOf);
  const count = optional(parts.get('COUNT'), null, (v) => integer(v, 1, Number.MAX_SAFE_INTEGER));
  const read = [interval, months, weekdays, yearDays, monthDays, hour, minute, second, until, count];
  // Ordinal weekdays count within a month; with BYYEARDAY they would count within the year.
  if (read.includes(undefined) || (byYearDay && weekdays?.some((w) => w.nth !== 0))) return null;
  return {
    interval: interval!,
    months: months ? [...new Set(months)].sort((a, b) => a - b) : null,
    weekdays: weekdays!,
    monthDays: monthDays!,
    yearDays: yearDays!,
    timeOfDay: ((hour! * 60 + minute!) * 60 + second!) * 1000,
    until: until?.at ?? null,
    untilUtc: until?.utc ?? false,
    count: count!,
  };
}

/** NAME=value parts, upper case; null for an unknown or repeated part. */
function ruleParts(value: string): Map<string, string> | null {
  const parts = new Map<string, string>();
  for (const part of value.trim().split(';')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toUpperCase();
    if (!ALLOWED.has(name) || parts.has(name)) return null;
    parts.set(
      name,
      eq < 0
        ? ''
        : part
            .slice(eq + 1)
            .trim()
            .toUpperCase(),
    );
  }
  return parts;
}

/** `fallback` when the part is absent, `undefined` when it is present but unreadable. */
function optional<T, F>(
  text: string | undefined,
  fallback: F,
  read: (text: string) => T | null,
): T | F | undefined {
  if (text === undefined) return fallback;
  return read(text) ?? undefined;
}

function integer(text: string | undefined, min: number, max: number): number | null {
  if (text === undefined || !/^[+-]?\d{1,16}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

function list<T>(text: string | undefined, each: (item: string) => T | null): T[] | null {
  const items = (text ?? '').split(',').map((s) => each(s.trim()));
  return items.length > 0 && items.length <= 64 && items.every((i) => i !== null) ? (items as T[]) : null;
}

function weekdayOf(text: string): { weekday: number; nth: number } | null {
  const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(text);
  if (!m) return null;
  const nth = m[1] === undefined ? 0 : Number(m[1]);
  return nth === 0 && m[1] !== undefined
    ? null
    : Math.abs(nth) > 5
      ? null
      : { weekday: WEEKDAY_CODES.indexOf(m[2]!), nth };
}

function nonZero(text: string, max: number): number | null {
  const n = integer(text, -max, max);
  return n === 0 ? null : n;
}

function untilOf(text: string): { at: number; utc: boolean } | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // A date UNTIL includes that whole day.
  if (m[4] === undefined) return { at: wallOf(year, month, day) + DAY_MS - 1, utc: false };
  return { at: wallOf(year, month, day, Number(m[4]), Number(m[5]), Number(m[6])), utc: m[7] !== undefined };
}

/**
 * The rule's dates in `year` (wall ms at midnight), ascending, ignoring DTSTART, INTERVAL, UNTIL
 * and COUNT (the caller applies those). At most 366.
 */
export function ruleDatesInYear(rule: YearlyRule, year: number): WallMs[] {
  const dates: WallMs[] = [];
  if (rule.yearDays) {
    const first = wallOf(year, 1, 1);
    const length = isLeapYear(year) ? 366 : 365;
    const days = [...new Set(rule.yearDays.map((d) => (d > 0 ? d : length + d + 1)))].sort((a, b) => a - b);
    for (const n of days) {
      if (n < 1 || n > length) continue;
      const date = first + (n - 1) * DAY_MS;
      const { month, day } = fieldsOf(date);
      if (rule.months && !rule.months.includes(month)) continue;
      const monthLength = daysInMonth(year, month);
      if (
        monthDayMatches(rule, day, monthLength) &&
        weekdayMatches(rule, day, monthLength, weekdayOfWall(date))
      ) {
        dates.push(date);
      }
    }
    return dates;
  }
  for (const month of rule.months ?? []) {
    const length = daysInMonth(year, month);
    const first = wallOf(year, month, 1);
    const firstWeekday = weekdayOfWall(first);
    for (let day = 1; day <= length; day++) {
      if (!monthDayMatches(rule, day, length)) continue;
      if (weekdayMatches(rule, day, length, (firstWeekday + day - 1) % 7))
        dates.push(first + (day - 1) * DAY_MS);
    }
  }
  return dates;
}

function monthDayMatches(rule: YearlyRule, day: number, length: number): boolean {
  if (!rule.monthDays) return true;
  for (const d of rule.monthDays) if ((d > 0 ? d : length + d + 1) === day) return true;
  return false;
}

function weekdayMatches(rule: YearlyRule, day: number, length: number, weekday: number): boolean {
  if (!rule.weekdays) return true;
  const nthFromStart = Math.floor((day - 1) / 7) + 1;
  const nthFromEnd = -(Math.floor((length - day) / 7) + 1);
  for (const w of rule.weekdays) {
    if (w.weekday === weekday && (w.nth === 0 || w.nth === nthFromStart || w.nth === nthFromEnd)) return true;
  }
  return false;
}

/** How many rule years a COUNT is followed through, and how far back an onset is looked for. */
const COUNT_YEARS = 400;
const LOOK_BACK_YEARS = 8;

/**
 * A yearly rule bound to its observance: its DTSTART (instances keep its time of day and never
 * come before it) and TZOFFSETFROM (its wall times are read in the offset before the change).
 */
export class ObservanceRule {
  private readonly startYear: number;
  private readonly timeOfDay: number;
  /** The last instance's wall time, from UNTIL (a local one) or COUNT; Infinity when open. */
  private readonly lastWall: number;
  private readonly lastYear: number;

  constructor(
    private readonly rule: YearlyRule,
    private readonly dtstart: WallMs,
    private readonly from: number,
  ) {
    this.startYear = fieldsOf(dtstart).year;
    this.timeOfDay = rule.timeOfDay ?? dtstart - Math.floor(dtstart / DAY_MS) * DAY_MS;
    let last = Number.POSITIVE_INFINITY;
    if (rule.until !== null) last = rule.untilUtc ? rule.until + from : rule.until;
    else if (rule.count !== null) last = this.lastCounted(rule.count);
    this.lastWall = last;
    this.lastYear = Number.isFinite(last) ? fieldsOf(last).year : Number.POSITIVE_INFINITY;
  }

  /** The onset instants this rule gives in wall year `year`, ascending. */
  onsetsIn(year: number): number[] {
    if (year < this.startYear || year > this.lastYear || (year - this.startYear) % this.rule.interval !== 0) {
      return [];
    }
    const onsets: number[] = [];
    for (const date of ruleDatesInYear(this.rule, year)) {
      const wall = date + this.timeOfDay;
      if (wall >= this.dtstart && wall <= this.lastWall) onsets.push(wall - this.from);
    }
    return onsets;
  }

  /** The latest onset before `instant`, looked for from wall year `year` back; null if none near. */
  latestBefore(instant: number, year: number): number | null {
    const top = Math.min(year, this.lastYear);
    let y = this.startYear + Math.floor((top - this.startYear) / this.rule.interval) * this.rule.interval;
    for (let step = 0; step < LOOK_BACK_YEARS && y >= this.startYear; step++, y -= this.rule.interval) {
      const onsets = this.onsetsIn(y);
      for (let i = onsets.length - 1; i >= 0; i--) if (onsets[i]! < instant) return onsets[i]!;
    }
    return null;
  }

  /** COUNT as the last instance's wall time; DTSTART is the first instance even if the rule skips it. */
  private lastCounted(count: number): number {
    let remaining = count;
    const dates = ruleDatesInYear(this.rule, this.startYear).map((d) => d + this.timeOfDay);
    if (!dates.includes(this.dtstart)) remaining--;
    if (remaining <= 0) return this.dtstart - 1;
    for (let i = 0, year = this.startYear; i < COUNT_YEARS; i++, year += this.rule.interval) {
      const walls = ruleDatesInYear(this.rule, year)
        .map((d) => d + this.timeOfDay)
        .filter((w) => w >= this.dtstart);
      if (remaining <= walls.length) return walls[remaining - 1]!;
      remaining -= walls.length;
    }
    return Number.POSITIVE_INFINITY;
  }
}
