import { TZDate } from '@date-fns/tz';
import { addDays, format, isValid, parse } from 'date-fns';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

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
  if (!LOCAL_DATE.test(value)) return false;
  return isValid(parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1)));
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
  return format(new TZDate(instant, zone), 'yyyy-MM-dd');
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
  return new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, zone).getTime();
}

/** The instant local midnight starts `date` in `zone`. */
export function startOfLocalDate(date: LocalDate, zone: string): number {
  return instantAt(date, '00:00', zone);
}

/** `date` plus `days` calendar days (never by adding 24-hour blocks). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = splitDate(date);
  return format(addDays(new Date(y, m - 1, d), days), 'yyyy-MM-dd');
}

/** ISO 8601 with the local offset of `zone`, e.g. `2027-03-15T09:00:00-04:00`. */
export function toLocalIso(instant: number, zone: string): string {
  return format(new TZDate(instant, zone), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** `HH:MM` of `instant` in `zone`. */
export function clockTimeOf(instant: number, zone: string): string {
  return format(new TZDate(instant, zone), 'HH:mm');
}

function splitDate(date: LocalDate): [number, number, number] {
  if (!isLocalDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return [y as number, m as number, d as number];
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
