import { KeelError } from '../errors';
import { busyStatusOf, hasBusySignals } from './busy';
import {
  allProps,
  firstProp,
  parseDateTime,
  parseDuration,
  readContent,
  unescapeText,
  USED_PROPERTIES,
  type Component,
  type Property,
} from './content';
import { expandSeries, type Length, type Instance, type Series, type Start, type ZoneRef } from './expand';
import { parseRecur, type RecurRule } from './recur';
import type { CalendarReadOptions, CalendarStats, Occurrence } from './types';
import { DAY_MS, SECOND_MS } from './wall';
import { ianaZone, resolveTzid, vtimezoneZone, UTC_ZONE, wallToInstant } from './zones';

/**
 * Reading a calendar file (.ics) into series Keel can expand: lenient about what real exports
 * get wrong (a bad line or event is skipped and counted), strict about what could mislead
 * (zones resolve to the runtime's time-zone data by name; a file's own VTIMEZONE is used only for
 * a name nobody knows). Expansion (expand.ts) and busy rules (busy.ts) live beside it.
 */

export const INVALID_CALENDAR_MESSAGE = 'That file is not a calendar file (.ics) Keel can read.';
export const MAX_CALENDAR_MB = 50;
export const TOO_BIG_MESSAGE = `That calendar file is too big for Keel: it reads files up to ${MAX_CALENDAR_MB} MB.`;
/** Characters, not bytes: a file under the byte limit is never over this. */
export const MAX_ICS_CHARS = MAX_CALENDAR_MB * 1024 * 1024;
export const MAX_TITLE_CHARS = 120;
/**
 * Per query: more occurrences than this in one range is not a calendar a person attends (half a
 * year of 100 meetings a day). The earliest are kept and the rest counted; it also bounds what
 * the worker hands back and the service writes to SQLite in one go.
 */
export const MAX_OCCURRENCES_PER_QUERY = 20_000;

/** A parsed calendar. Treat as opaque: pass it to `occurrencesBetween`. */
export interface ParsedCalendar {
  readonly series: readonly Series[];
  readonly stats: Pick<CalendarStats, 'events' | 'unreadableEvents' | 'skippedLines'>;
}

/**
 * Parses .ics text. Throws a one-sentence KeelError('invalid_input') for text that is not an
 * iCalendar at all or is too big; anything smaller that is wrong is skipped and counted.
 */
export function readCalendar(text: string, options: CalendarReadOptions = {}): ParsedCalendar {
  if (typeof text !== 'string') throw new KeelError('invalid_input', INVALID_CALENDAR_MESSAGE);
  if (text.length > MAX_ICS_CHARS) throw new KeelError('invalid_input', TOO_BIG_MESSAGE);
  // One quick scan first: random bytes or another kind of file are refused without being split
  // into lines.
  if (!/BEGIN:VCALENDAR/i.test(text)) throw new KeelError('invalid_input', INVALID_CALENDAR_MESSAGE);
  const content = readContent(text.replace(/^\uFEFF/, ''), USED_PROPERTIES);
  if (!content) throw new KeelError('invalid_input', INVALID_CALENDAR_MESSAGE);
  const root = content.calendar;
  const zones = zoneLookup(root);
  const addresses = new Set((options.addresses ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean));

  const byUid = new Map<string, { master: Component | null; overrides: Component[] }>();
  // Events without a UID stand alone (nothing can refer to them), under a made-up UID
  // (`no-uid-3` for the file's third event) that is never merged with a real one spelled alike.
  const loose: [string, Component][] = [];
  let events = 0;
  let unreadable = 0;
  let skippedLines = content.skippedLines + content.unclosedComponents + root.skippedLines;
  for (const child of root.children) {
    if (child.name !== 'VEVENT') continue;
    events++;
    skippedLines += child.skippedLines;
    const uid = firstProp(child, 'UID')?.value.trim();
    if (!uid) {
      loose.push([`no-uid-${events}`, child]);
      continue;
    }
    const entry = byUid.get(uid) ?? { master: null, overrides: [] };
    if (firstProp(child, 'RECURRENCE-ID')) entry.overrides.push(child);
    else if (entry.master === null) entry.master = child;
    // else: the same UID twice without RECURRENCE-ID. The first one wins; the second is counted
    // nowhere (it is not unreadable: Keel read it and chose the first).
    byUid.set(uid, entry);
  }

  const series: Series[] = [];
  const standalone = loose.map(([uid, event]) => {
    const alone = firstProp(event, 'RECURRENCE-ID')
      ? { master: null, overrides: [event] }
      : { master: event, overrides: [] };
    return [uid, alone] as const;
  });
  for (const [uid, entry] of [...byUid, ...standalone]) {
    const built = buildSeries(boundedUid(uid), entry.master, entry.overrides, zones, addresses);
    unreadable += built.unreadable;
    if (built.series) series.push(built.series);
  }
  return { series, stats: { events, unreadableEvents: unreadable, skippedLines } };
}

/**
 * Every occurrence overlapping [from, to), sorted by start: busy, free, tentative and cancelled
 * alike (callers choose), all-day ones too. Floating times and dates are read in `zone`.
 */
export function occurrencesBetween(
  calendar: ParsedCalendar,
  from: number,
  to: number,
  zone: string,
): { occurrences: Occurrence[]; stats: CalendarStats } {
  const userZone = ianaZone(zone) ?? UTC_ZONE;
  const out: Occurrence[] = [];
  let dropped = 0;
  let trimmed = 0;
  if (to > from) {
    for (const s of calendar.series) {
      const result = expandSeries(s, from, to, userZone, out);
      if (result.dropped) dropped++;
      trimmed += result.trimmed;
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end || a.uid.localeCompare(b.uid));
  if (out.length > MAX_OCCURRENCES_PER_QUERY) {
    trimmed += out.length - MAX_OCCURRENCES_PER_QUERY;
    out.length = MAX_OCCURRENCES_PER_QUERY;
  }
  return {
    occurrences: out,
    stats: { ...calendar.stats, droppedSeries: dropped, trimmedOccurrences: trimmed },
  };
}

export const MAX_UID_CHARS = 255;

/**
 * The UID an occurrence carries (stored, backed up, sent between processes): a UID longer than
 * MAX_UID_CHARS becomes `long-uid-` and a stable 64-bit FNV-1a digest of its UTF-16 code units.
 * Overrides are matched to their master by the full UID before this.
 */
export function boundedUid(uid: string): string {
  if (uid.length <= MAX_UID_CHARS) return uid;
  // FNV-1a 64 in four 16-bit words (offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3), so
  // every product stays exact in a double.
  let [h0, h1, h2, h3] = [0x2325, 0x8422, 0x9ce4, 0xcbf2];
  for (let i = 0; i < uid.length; i++) {
    h0 ^= uid.charCodeAt(i);
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    t2 += t1 >>> 16;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
  }
  const hex = [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, '0')).join('');
  return `long-uid-${hex}`;
}

/** Plain, single-line, bounded text: titles come from whoever sent the invitation. */
export function cleanTitle(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : '';
  const cleaned = text
    // Control characters (incl. newlines and tabs) become spaces; bidi overrides and invisible
    // marks go, so a title cannot reorder or hide the text around it.
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const chars = Array.from(cleaned);
  if (chars.length === 0) return 'Untitled meeting';
  if (chars.length <= MAX_TITLE_CHARS) return cleaned;
  return `${chars
    .slice(0, MAX_TITLE_CHARS - 1)
    .join('')
    .trimEnd()}…`;
}

type ZoneLookup = (tzid: string | undefined, utc: boolean) => ZoneRef;

/**
 * TZID → zone, each name resolved once. The runtime's data wins for any name it can place (IANA,
 * aliases, Windows and Outlook names); the file's VTIMEZONE only for names it cannot. A name
 * nobody knows is read as floating (the user's zone), which is what the file's author most
 * likely saw.
 */
function zoneLookup(root: Component): ZoneLookup {
  const vtimezones = new Map<string, Component>();
  for (const child of root.children) {
    if (child.name !== 'VTIMEZONE') continue;
    const id = firstProp(child, 'TZID')?.value.trim();
    if (id && !vtimezones.has(id)) vtimezones.set(id, child);
  }
  const cache = new Map<string, ZoneRef>();
  const floating: ZoneRef = { kind: 'floating' };
  const utc: ZoneRef = { kind: 'fixed', zone: UTC_ZONE };
  return (tzid, isUtc) => {
    if (isUtc) return utc;
    if (tzid === undefined || tzid.trim() === '') return floating;
    let ref = cache.get(tzid);
    if (ref) return ref;
    const iana = resolveTzid(tzid);
    const zone = (iana ? ianaZone(iana) : null) ?? vtimezoneOf(vtimezones, tzid);
    ref = zone ? { kind: 'fixed', zone } : floating;
    cache.set(tzid, ref);
    return ref;
  };
}

function vtimezoneOf(vtimezones: Map<string, Component>, tzid: string) {
  const component = vtimezones.get(tzid.trim()) ?? vtimezones.get(tzid.trim().replace(/^"|"$/g, ''));
  return component ? vtimezoneZone(component) : null;
}

function startOf(prop: Property | undefined, zones: ZoneLookup): Start | null {
  if (!prop) return null;
  const value = parseDateTime(prop.value);
  if (!value) return null;
  return {
    wall: value.wall,
    date: value.date,
    zone: value.date ? { kind: 'floating' } : zones(prop.params.TZID, value.utc),
  };
}

/** Every value of every property `name` (EXDATE and RDATE hold comma-separated lists). */
function startsOf(component: Component, name: string, zones: ZoneLookup): Start[] {
  const out: Start[] = [];
  for (const prop of allProps(component, name)) {
    if ((prop.params.VALUE ?? '').toUpperCase() === 'PERIOD') continue; // handled by periodsOf
    for (const part of prop.value.split(',')) {
      const start = startOf({ ...prop, value: part }, zones);
      if (start) out.push(start);
    }
  }
  return out;
}

/** RDATE;VALUE=PERIOD values: start/end or start/duration, each with its own length. */
function periodsOf(component: Component, zones: ZoneLookup): { start: Start; length: Length }[] {
  const out: { start: Start; length: Length }[] = [];
  for (const prop of allProps(component, 'RDATE')) {
    if ((prop.params.VALUE ?? '').toUpperCase() !== 'PERIOD') continue;
    for (const part of prop.value.split(',')) {
      const [first, second] = part.split('/');
      const start = startOf({ ...prop, value: first ?? '' }, zones);
      if (!start || second === undefined) continue;
      const duration = parseDuration(second);
      if (duration && !duration.negative) {
        out.push({
          start,
          length: { kind: 'nominal', days: duration.days, ms: duration.seconds * SECOND_MS },
        });
        continue;
      }
      const end = startOf({ ...prop, value: second }, zones);
      const ms = end ? instantOfStart(end, UTC_ZONE) - instantOfStart(start, UTC_ZONE) : NaN;
      if (ms > 0) out.push({ start, length: { kind: 'exact', ms } });
    }
  }
  return out;
}

/** The instant of a start (floating ones in `userZone`). */
export function instantOfStart(start: Start, userZone: typeof UTC_ZONE): number {
  return wallToInstant(start.wall, start.zone.kind === 'fixed' ? start.zone.zone : userZone);
}

/** How long an event lasts: DTEND (exact) or DURATION (nominal days, exact rest); null if unreadable. */
function lengthOf(event: Component, start: Start, zones: ZoneLookup): Length | null {
  const endProp = firstProp(event, 'DTEND');
  if (endProp) {
    const end = startOf(endProp, zones);
    if (!end) return null;
    if (start.date) {
      const days = Math.round((end.wall - start.wall) / DAY_MS);
      return { kind: 'nominal', days: Math.max(1, days), ms: 0 };
    }
    // Both in the same zone (or floating): the wall difference is what the author wrote.
    const sameClock =
      end.zone === start.zone || (end.zone.kind === 'floating' && start.zone.kind === 'floating');
    const ms = sameClock
      ? wallToInstantRef(end) - wallToInstantRef(start)
      : instantOfStart(end, UTC_ZONE) - instantOfStart(start, UTC_ZONE);
    return { kind: 'exact', ms: Math.max(0, ms) };
  }
  const durationProp = firstProp(event, 'DURATION');
  if (durationProp) {
    const duration = parseDuration(durationProp.value);
    if (!duration || duration.negative) return null;
    // RFC 5545 §3.8.2.5: a DATE start takes days or weeks. Google writes PT86400S: whole days of
    // seconds are read as days, so the event still ends at midnight on a DST change.
    const wholeDays = start.date && duration.seconds % 86_400 === 0;
    if (wholeDays) return { kind: 'nominal', days: duration.days + duration.seconds / 86_400, ms: 0 };
    return { kind: 'nominal', days: duration.days, ms: duration.seconds * SECOND_MS };
  }
  // RFC 5545 §3.6.1: a date lasts one day; a date-time without an end is a moment.
  return start.date ? { kind: 'nominal', days: 1, ms: 0 } : { kind: 'exact', ms: 0 };
}

function wallToInstantRef(start: Start): number {
  return start.zone.kind === 'fixed' ? wallToInstant(start.wall, start.zone.zone) : start.wall;
}

/**
 * One VEVENT as an occurrence. An override (`series` is its master) keeps what it does not say:
 * the series' title, and the series' busy signals read with the override's own all-day-ness (a
 * timed override of an all-day "Team holiday" is busy, not an all-day absence).
 */
function instanceOf(
  event: Component,
  zones: ZoneLookup,
  addresses: ReadonlySet<string>,
  series: { component: Component; instance: Instance } | null,
): Instance | null {
  const start = startOf(firstProp(event, 'DTSTART'), zones);
  if (!start) return null;
  const length = lengthOf(event, start, zones);
  if (!length) return null;
  const summary = firstProp(event, 'SUMMARY');
  const signals = series && !hasBusySignals(event) ? series.component : event;
  return {
    start,
    length,
    title: summary ? cleanTitle(unescapeText(summary.value)) : (series?.instance.title ?? cleanTitle('')),
    status: busyStatusOf(signals, addresses, start.date),
  };
}

function buildSeries(
  uid: string,
  master: Component | null,
  overrideComponents: Component[],
  zones: ZoneLookup,
  addresses: ReadonlySet<string>,
): { series: Series | null; unreadable: number } {
  let unreadable = 0;
  const base = master ? instanceOf(master, zones, addresses, null) : null;
  if (master && !base) unreadable++;
  const rules: RecurRule[] = [];
  if (master && base) {
    for (const prop of allProps(master, 'RRULE')) {
      const rule = parseRecur(prop.value);
      if (rule) rules.push(rule);
      else unreadable++;
    }
  }
  const overrides: { rid: Start; instance: Instance }[] = [];
  const future: { rid: Start; instance: Instance }[] = [];
  for (const component of overrideComponents) {
    const ridProp = firstProp(component, 'RECURRENCE-ID');
    const rid = startOf(ridProp, zones);
    const series = master && base ? { component: master, instance: base } : null;
    const instance = rid ? instanceOf(component, zones, addresses, series) : null;
    if (!rid || !instance) {
      unreadable++;
      continue;
    }
    overrides.push({ rid, instance });
    if ((ridProp?.params.RANGE ?? '').toUpperCase() === 'THISANDFUTURE') future.push({ rid, instance });
  }
  if (!base && overrides.length === 0) return { series: null, unreadable };
  return {
    series: {
      uid,
      master: base,
      rules,
      rdates: master && base ? startsOf(master, 'RDATE', zones) : [],
      periods: master && base ? periodsOf(master, zones) : [],
      exdates: master && base ? startsOf(master, 'EXDATE', zones) : [],
      overrides,
      future,
    },
    unreadable,
  };
}
