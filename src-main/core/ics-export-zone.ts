import { tzName, tzOffset } from '@date-fns/tz';
import {
  DAY_MS,
  MINUTE_MS,
  SECOND_MS,
  daysInMonth,
  fieldsOf,
  wallOf,
  weekdayOfWall,
  type WallMs,
} from './ics/wall';

/**
 * The zone half of the focus-plan export: the runtime's offset changes found to the minute, the
 * VTIMEZONE that describes them, and which wall-clock times a change skips or repeats.
 */

/** One change of a zone's UTC offset. */
export interface ZoneTransition {
  /** The instant the new offset takes effect. */
  at: number;
  /** UTC offsets before and after the change, in seconds. */
  from: number;
  to: number;
  /**
   * A change to daylight saving time: forward, and back to the old offset or below within a
   * year. A forward change for good (a new standard offset) is not.
   */
  daylight: boolean;
}

/** The years a VTIMEZONE describes: from the year before `now` (early dates this year), six in all. */
const VTIMEZONE_YEARS_BEFORE = 1;
const VTIMEZONE_YEARS = 6;

/**
 * How far apart offsets are sampled before the change between two samples is searched to the
 * minute. The tz data since 1995 has no two changes of a zone less than 7 days apart (Brazil's
 * 2000 start moved by a week), so no pair of changes can hide between two samples.
 */
const SCAN_STEP_MS = 3 * DAY_MS;

/** The zone's UTC offset at `instant`, in seconds, from the runtime's time-zone data. */
export function offsetSeconds(zone: string, instant: number): number {
  return Math.round(tzOffset(zone, new Date(instant)) * 60);
}

/**
 * The range a VTIMEZONE written at `now` describes (whole UTC years) and the zone's offset
 * changes from its start to a year after its end (the year after tells a change to DST from
 * one for good).
 */
export function zoneChanges(
  zone: string,
  now: number,
): { range: { from: number; to: number }; transitions: ZoneTransition[] } {
  const year = fieldsOf(now + offsetSeconds(zone, now) * SECOND_MS).year;
  const first = year - VTIMEZONE_YEARS_BEFORE;
  const range = { from: wallOf(first, 1, 1), to: wallOf(first + VTIMEZONE_YEARS, 1, 1) };
  const found = zoneTransitions(zone, range.from, wallOf(first + VTIMEZONE_YEARS + 1, 1, 1));
  const transitions = found.map((t, i) => ({
    ...t,
    daylight: t.to > t.from && found.slice(i + 1).some((u) => u.at - t.at <= 366 * DAY_MS && u.to <= t.from),
  }));
  return { range, transitions };
}

/** Every offset change of `zone` in [from, to), each at the first whole minute of its new offset. */
function zoneTransitions(zone: string, from: number, to: number): Omit<ZoneTransition, 'daylight'>[] {
  const out: Omit<ZoneTransition, 'daylight'>[] = [];
  let at = Math.floor(from / MINUTE_MS) * MINUTE_MS;
  let before = offsetSeconds(zone, at);
  while (at < to) {
    const next = Math.min(at + SCAN_STEP_MS, to);
    const after = offsetSeconds(zone, next);
    if (after !== before) {
      let lo = at;
      let hi = next;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetSeconds(zone, mid) === before) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: before, to: after });
    }
    at = next;
    before = after;
  }
  return out;
}

/**
 * Whether the wall-clock time `wall` exists exactly once: a change forward skips the wall times
 * from its old to its new offset (a gap), a change back repeats them (an overlap).
 */
export function isPlainWall(wall: WallMs, transitions: readonly ZoneTransition[]): boolean {
  for (const t of transitions) {
    const a = t.at + Math.min(t.from, t.to) * SECOND_MS;
    const b = t.at + Math.max(t.from, t.to) * SECOND_MS;
    if (a <= wall && wall < b) return false;
  }
  return true;
}

/** `YYYYMMDDTHHMMSS`, a DATE-TIME's local form. */
export function formatWall(wall: WallMs): string {
  const f = fieldsOf(wall);
  return `${pad(f.year, 4)}${pad(f.month)}${pad(f.day)}T${pad(f.hour)}${pad(f.minute)}${pad(f.second)}`;
}

/** `YYYYMMDDTHHMMSSZ`, a DATE-TIME in UTC. */
export function formatUtc(instant: number): string {
  return `${formatWall(instant)}Z`;
}

/** `+HHMM` (or `+HHMMSS`), a UTC-OFFSET; RFC 5545 forbids `-0000`. */
export function formatOffset(seconds: number): string {
  const abs = Math.abs(seconds);
  const s = abs % 60;
  const text = `${pad(Math.floor(abs / 3600))}${pad(Math.floor(abs / 60) % 60)}${s === 0 ? '' : pad(s)}`;
  return `${seconds < 0 ? '-' : '+'}${text}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const BYDAY_BY_WEEKDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A transition's onset: the local wall time in the offset before it (RFC 5545 §3.6.5, DTSTART). */
function onsetOf(t: ZoneTransition): WallMs {
  return t.at + t.from * SECOND_MS;
}

/**
 * The VTIMEZONE for `zone` over `range` (see `zoneChanges`), as content lines. Yearly
 * changes on the same nth (or last) weekday of a month at the same time, in every year of the
 * range, become STANDARD/DAYLIGHT with an RRULE (what Outlook and Apple expect); any other
 * changes are listed as RDATEs; a zone without changes gets one fixed-offset STANDARD.
 */
export function vtimezoneLines(
  zone: string,
  now: number,
  range: { from: number; to: number },
  changes: readonly ZoneTransition[],
): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const transitions = changes.filter((t) => t.at < range.to);
  if (transitions.length === 0) {
    const offset = offsetSeconds(zone, now);
    lines.push(...observance('STANDARD', wallOf(1970, 1, 1), offset, offset, abbreviation(zone, now)));
    return [...lines, 'END:VTIMEZONE'];
  }
  const daylight = transitions.filter((t) => t.daylight);
  const standard = transitions.filter((t) => !t.daylight);
  const firstYear = fieldsOf(range.from).year;
  const years = fieldsOf(range.to).year - firstYear;
  const rules = [daylight, standard].map((group) => yearlyRule(group, firstYear, years));
  if (rules[0] && rules[1]) {
    for (const [i, group] of [daylight, standard].entries()) {
      const first = group[0] as ZoneTransition;
      lines.push(...observanceOf(zone, first, [`RRULE:${rules[i]}`]));
    }
    return [...lines, 'END:VTIMEZONE'];
  }
  // Irregular: the offset at the range's start (without it, dates before the first change have
  // no offset: ical.js reads them as UTC), then one observance per distinct (kind, from, to),
  // listing every onset as an RDATE.
  const start = transitions[0] as ZoneTransition;
  const name = abbreviation(zone, range.from);
  lines.push(...observance('STANDARD', range.from + start.from * SECOND_MS, start.from, start.from, name));
  const byKey = new Map<string, ZoneTransition[]>();
  for (const t of transitions) {
    const key = `${t.daylight}:${t.from}:${t.to}`;
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  for (const list of byKey.values()) {
    // The first onset is DTSTART, but ical.js (and some others) read only RDATEs once any exist.
    const rdates = list.map((t) => `RDATE:${formatWall(onsetOf(t))}`);
    lines.push(...observanceOf(zone, list[0] as ZoneTransition, rdates));
  }
  return [...lines, 'END:VTIMEZONE'];
}

function observanceOf(zone: string, t: ZoneTransition, extra: string[]): string[] {
  const kind = t.daylight ? 'DAYLIGHT' : 'STANDARD';
  const lines = observance(kind, onsetOf(t), t.from, t.to, abbreviation(zone, t.at));
  return [...lines.slice(0, -1), ...extra, lines[lines.length - 1] as string];
}

function observance(kind: string, onset: WallMs, from: number, to: number, name: string | null): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${formatWall(onset)}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    ...(name ? [`TZNAME:${name}`] : []),
    `END:${kind}`,
  ];
}

/**
 * `FREQ=YEARLY;BYMONTH=m;BYDAY=nXX` when the group has exactly one change in each of the `years`
 * years from `firstYear`, every one on the same nth (or last) weekday of the same month at the
 * same local time with the same offsets; else null. A change that happens once (a zone moving
 * to another standard offset, or ending DST) is never written as a yearly rule.
 */
function yearlyRule(group: readonly ZoneTransition[], firstYear: number, years: number): string | null {
  if (group.length !== years) return null;
  const described = group.map((t) => {
    const f = fieldsOf(onsetOf(t));
    const weekday = BYDAY_BY_WEEKDAY[weekdayOfWall(onsetOf(t))] as string;
    return {
      year: f.year,
      shape: `${f.month}|${weekday}|${f.hour}:${f.minute}:${f.second}|${t.from}|${t.to}`,
      month: f.month,
      nth: Math.ceil(f.day / 7),
      last: f.day + 7 > daysInMonth(f.year, f.month),
      weekday,
    };
  });
  const d0 = described[0];
  if (!d0) return null;
  if (!described.every((d, i) => d.year === firstYear + i && d.shape === d0.shape)) return null;
  // "Last Sunday" and "4th Sunday" look alike in some years; prefer whichever holds every year.
  const ordinal = described.every((d) => d.last)
    ? -1
    : described.every((d) => d.nth === d0.nth)
      ? d0.nth
      : null;
  if (ordinal === null) return null;
  return `FREQ=YEARLY;BYMONTH=${d0.month};BYDAY=${ordinal}${d0.weekday}`;
}

/** "CET", "EDT"…: only real abbreviations; "GMT+2" style names add nothing. */
function abbreviation(zone: string, instant: number): string | null {
  const name = tzName(zone, new Date(instant), 'short');
  return /^[A-Z]{3,5}$/.test(name) && name !== 'GMT' ? name : null;
}
