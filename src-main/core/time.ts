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

/** Month names, January first (dates in words: the summary, the window). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;

/*
 * Speed matters here: every agenda, summary and trend walks dates through these helpers (see
 * BENCHMARKS.md). Zone offsets come from @date-fns/tz's `tzOffset` (the runtime's time-zone
 * data through Intl) and are remembered per zone and UTC quarter hour; a quarter hour with a
 * change inside it (rare since 1970, but St John's did until 2011) is read to the minute. The
 * calendar arithmetic is plain integers.
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
    const start = zoneOffset(zone, quarter * QUARTER_MS);
    // A quarter hour with a change inside it (St John's moved its clocks at 00:01 local until
    // 2011, i.e. at :31 past in UTC) is remembered as NaN and answered to the minute instead.
    offset = start === zoneOffset(zone, (quarter + 1) * QUARTER_MS - MINUTE_MS) ? start : NaN;
    if (byQuarter.size >= OFFSET_CACHE_MAX) byQuarter.clear();
    byQuarter.set(quarter, offset);
  }
  return Number.isNaN(offset) ? zoneOffset(zone, Math.floor(instant / MINUTE_MS) * MINUTE_MS) : offset;
}

/** The zone's UTC offset at `instant`, in milliseconds, from the runtime's time-zone data. */
function zoneOffset(zone: string, instant: number): number {
  return Math.round(tzOffset(zone, new Date(instant)) * MINUTE_MS);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/*
 * Day numbers: whole days since 1970-01-01, the one integer every date computation goes through
 * (the proleptic Gregorian "days from civil" and "civil from days" of H. Hinnant's chrono
 * algorithms). Plain integers, so trends and summaries can call them once per row.
 */

/**
 * Days since 1970-01-01 of a local date (a RangeError for anything but a real `YYYY-MM-DD` date).
 */
export function dayNumber(date: LocalDate): number {
  const y = LOCAL_DATE.test(date) ? digits(date, 0, 4) : 0;
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  }
  return daysFromCivil(y, m, d);
}

function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The year, month (1–12) and day of day number `days`. */
function civilOf(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The local date `days` days after 1970-01-01 (the inverse of `dayNumber`). */
export function dateOfDayNumber(days: number): LocalDate {
  const [y, m, d] = civilOf(days);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); DST plays no part. */
export function localDaysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The day number of the Monday of the week holding day number `day` (1970-01-01 was a Thursday). */
export function mondayOfDayNumber(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** The Monday of the (ISO) week `date` falls in. */
export function weekStartOf(date: LocalDate): LocalDate {
  return dateOfDayNumber(mondayOfDayNumber(dayNumber(date)));
}

/** The ISO week name, e.g. `2027-W01`, of the week holding day number `day`. */
export function isoWeekOfDayNumber(day: number): string {
  // The ISO year is the year of the week's Thursday; week 1 holds that year's first Thursday.
  const thursday = mondayOfDayNumber(day) + 3;
  const [year] = civilOf(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The ISO week name of `date`, e.g. `2027-W01` (2026-12-28 … 2027-01-03 is 2026-W53). */
export function isoWeekOf(date: LocalDate): string {
  return isoWeekOfDayNumber(dayNumber(date));
}

const ZONE_MEMO_MAX = 1_000;
const validZones = new Map<string, boolean>();

/**
 * True when `zone` is an IANA zone this runtime knows. Remembered per name (one
 * Intl.DateTimeFormat each, ~0.2 ms): an import checks a zone in every record.
 */
export function isValidZone(zone: string): boolean {
  let valid = validZones.get(zone);
  if (valid === undefined) {
    valid = zone.length > 0 && zone.length <= 200 && acceptsZone(zone);
    if (validZones.size >= ZONE_MEMO_MAX) validZones.clear();
    validZones.set(zone, valid);
  }
  return valid;
}

function acceptsZone(zone: string): boolean {
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
  return dateOfDayNumber(Math.floor((instant + offsetAt(instant, zone)) / DAY_MS));
}

/** The weekday of a local calendar date. */
export function weekdayOf(date: LocalDate): Weekday {
  // Day 0, 1970-01-01, was a Thursday (index 3 of a week that starts on Monday).
  return WEEKDAYS[(((dayNumber(date) + 3) % 7) + 7) % 7] as Weekday;
}

/**
 * The instant of local time `hhmm` on `date` in `zone`, by the rule of `wallToInstantWith`: a time
 * that happens twice (a fall-back night) is its first occurrence, a time skipped by DST moves
 * forward by the gap.
 */
export function instantAt(date: LocalDate, hhmm: string, zone: string): number {
  const wall = dayNumber(date) * DAY_MS + minutesOfDay(hhmm) * MINUTE_MS;
  return wallToInstantWith(wall, (instant) => offsetAt(instant, zone));
}

/**
 * The instant a wall-clock time stands for (`wall`: the clock's date and time in ms, read as if it
 * were UTC) in a zone whose UTC offset at an instant `offsetOf` gives. RFC 5545 §3.3.5's rule, the
 * one Keel uses in every zone: a wall time that happens twice (clocks going back) is its first
 * occurrence; one that never happens (clocks going forward) is read with the offset before the
 * gap, so it lands as far after the gap's start as it was written after it (02:15 in a one-hour
 * gap from 02:00 reads as 03:15). Calendar reading (core/ics/zones.ts) shares it.
 *
 * Offsets of less than a day that change at most once in the two days around `wall` are exact;
 * two changes close together (a zone's whole-day jump) still give one of the wall time's instants.
 */
export function wallToInstantWith(wall: number, offsetOf: (instant: number) => number): number {
  const before = offsetOf(wall - DAY_MS);
  const after = offsetOf(wall + DAY_MS);
  if (before === after && offsetOf(wall - before) === before) return wall - before;
  let first = Number.POSITIVE_INFINITY;
  for (const offset of [before, after, offsetOf(wall - before), offsetOf(wall - after)]) {
    const instant = wall - offset;
    if (instant < first && offsetOf(instant) === offset) first = instant;
  }
  if (first !== Number.POSITIVE_INFINITY) return first;
  // No instant shows this wall time: it is in a gap. Just before the gap (an instant that would
  // show it with the larger offset) the smaller offset still holds; read the wall time with it.
  return wall - offsetOf(wall - Math.max(before, after));
}

/** The instant local midnight starts `date` in `zone`. */
export function startOfLocalDate(date: LocalDate, zone: string): number {
  return instantAt(date, '00:00', zone);
}

/** `date` plus `days` calendar days (never by adding 24-hour blocks). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** ISO 8601 with the local offset of `zone`, e.g. `2027-03-15T09:00:00-04:00`. */
export function toLocalIso(instant: number, zone: string): string {
  const offset = offsetAt(instant, zone);
  const wall = instant + offset;
  const seconds = Math.floor(modulo(wall, DAY_MS) / 1000);
  const minutes = Math.round(offset / MINUTE_MS);
  const abs = Math.abs(minutes);
  const suffix =
    minutes === 0 ? 'Z' : `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return `${dateOfDayNumber(Math.floor(wall / DAY_MS))}T${time}${suffix}`;
}

/** `HH:MM` of `instant` in `zone`. */
export function clockTimeOf(instant: number, zone: string): string {
  const minutes = Math.floor(modulo(instant + offsetAt(instant, zone), DAY_MS) / MINUTE_MS);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function modulo(n: number, m: number): number {
  return ((n % m) + m) % m;
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
