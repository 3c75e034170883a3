import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import { KeelError } from './errors';
import { registerUndefinedZones } from './ics-zones';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalDuration = InstanceType<typeof ICAL.Duration>;

/** One meeting occurrence, as the focus service consumes it (epoch-ms instants). */
export interface Meeting {
  title: string;
  start: number;
  end: number;
}

/** A single occurrence replaced by a RECURRENCE-ID override (moved, renamed or cancelled). */
interface Override {
  /** The replacement occurrence, or null when it was cancelled or made free/all-day. */
  replacement: SeriesTimes | null;
  title: string;
}

interface SeriesTimes {
  start: IcalTime;
  /** DTEND (an exact duration per RFC 5545) or DURATION (nominal, added on the wall clock). */
  end: { kind: 'instant'; ms: number } | { kind: 'duration'; value: IcalDuration };
}

/** One UID: its master event (if any) and the occurrences its overrides replace. */
export interface CalendarSeries {
  readonly uid: string;
  readonly title: string;
  /** The master VEVENT, kept for recurrence expansion; null when only overrides were found. */
  readonly master: IcalComponent | null;
  readonly times: SeriesTimes | null;
  /** Busy occurrences of the master (false when it is free, all-day or cancelled). */
  readonly masterBusy: boolean;
  readonly recurring: boolean;
  /** Overrides by the key of the occurrence they replace (see `occurrenceKey`). */
  readonly overrides: ReadonlyMap<string, Override>;
}

/** A parsed calendar. Treat as opaque: pass it to `meetingsBetween`. */
export interface ParsedCalendar {
  readonly series: readonly CalendarSeries[];
  /** VEVENTs ignored because they are all-day, free, cancelled, absurd or unreadable. */
  readonly ignoredEvents: number;
}

export const INVALID_CALENDAR_MESSAGE = 'That file is not a calendar Keel can read (.ics).';
/** Far beyond any real calendar export; a bigger file is refused before parsing. */
export const MAX_ICS_CHARS = 20_000_000;
export const MAX_TITLE_CHARS = 120;
/** Per query: more meetings than this in one range is not a calendar a person attends. */
export const MAX_OCCURRENCES_PER_QUERY = 5_000;
/**
 * Recurrence steps (ical.js takes roughly 20 µs each) per series and per query. Open-ended
 * hourly/daily/weekly rules are fast-forwarded to the range, so only COUNT-limited or
 * monthly/yearly rules walk from DTSTART; these caps bound a pathological file to well under a
 * second instead of stalling the main process.
 */
export const MAX_STEPS_PER_SERIES = 10_000;
export const MAX_STEPS_PER_QUERY = 40_000;

const HOUR_MS = 3_600_000;
/** Rule periods that are whole wall-clock hours, so DTSTART can jump ahead by whole periods. */
const FIXED_PERIOD_HOURS: Readonly<Record<string, number>> = { HOURLY: 1, DAILY: 24, WEEKLY: 7 * 24 };

/** Rules this frequent are not meetings; expanding them would only burn time. */
const ABSURD_FREQUENCIES = new Set(['SECONDLY', 'MINUTELY']);

/**
 * Parses .ics text into series Keel can expand. Throws one-sentence KeelError('invalid_input')
 * for anything that is not an iCalendar; single unreadable events are skipped, not fatal, since
 * real exports occasionally carry one odd event among hundreds of good ones.
 */
export function parseMeetings(icsText: string): ParsedCalendar {
  const root = parseRoot(icsText);
  registerUndefinedZones(root);

  const vevents = root.getAllSubcomponents('vevent');
  const byUid = new Map<string, { master: IcalComponent | null; overrides: IcalComponent[] }>();
  let ignored = 0;
  for (const vevent of vevents) {
    const uidValue = vevent.getFirstPropertyValue('uid');
    // Events without a UID cannot have overrides; give each its own key.
    const uid = typeof uidValue === 'string' && uidValue.length > 0 ? uidValue : `no-uid-${byUid.size}`;
    const entry = byUid.get(uid) ?? { master: null, overrides: [] };
    if (vevent.hasProperty('recurrence-id')) entry.overrides.push(vevent);
    else if (entry.master === null) entry.master = vevent;
    else ignored++; // A duplicate UID without RECURRENCE-ID: the first one wins.
    byUid.set(uid, entry);
  }

  const series: CalendarSeries[] = [];
  for (const [uid, entry] of byUid) {
    const built = buildSeries(uid, entry.master, entry.overrides);
    ignored += built.ignored;
    if (built.series) series.push(built.series);
  }
  return { series, ignoredEvents: ignored };
}

/**
 * The busy meetings overlapping [from, to), sorted by start. Floating times (no zone in the file)
 * are read in `zone`, the user's zone. At most MAX_OCCURRENCES_PER_QUERY are returned.
 */
export function meetingsBetween(calendar: ParsedCalendar, from: number, to: number, zone: string): Meeting[] {
  if (!(to > from)) return [];
  const out: Meeting[] = [];
  const budget = { steps: MAX_STEPS_PER_QUERY };
  for (const s of calendar.series) {
    if (out.length >= MAX_OCCURRENCES_PER_QUERY) break;
    expandSeries(s, from, to, zone, out, budget);
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out.slice(0, MAX_OCCURRENCES_PER_QUERY);
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

function invalid(cause?: unknown): KeelError {
  return new KeelError(
    'invalid_input',
    INVALID_CALENDAR_MESSAGE,
    cause === undefined ? undefined : { cause },
  );
}

function parseRoot(icsText: string): IcalComponent {
  if (typeof icsText !== 'string' || icsText.length > MAX_ICS_CHARS) throw invalid();
  // A BOM or leading blank lines are common in hand-saved files and harmless.
  const text = icsText.replace(/^\uFEFF/, '').trimStart();
  if (!/^BEGIN:VCALENDAR/i.test(text)) throw invalid();
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    throw invalid(error);
  }
  // Several calendars concatenated parse to an array of roots; read the first, like clients do.
  const first: unknown = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
  if (!Array.isArray(first) || first[0] !== 'vcalendar') throw invalid();
  return new ICAL.Component(first);
}

function propText(component: IcalComponent, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : null;
}

function isCancelled(component: IcalComponent): boolean {
  return propText(component, 'status')?.toUpperCase() === 'CANCELLED';
}

function isFree(component: IcalComponent, fallback: IcalComponent | null): boolean {
  const own = propText(component, 'transp');
  const transp = own ?? (fallback ? propText(fallback, 'transp') : null);
  return transp?.toUpperCase() === 'TRANSPARENT';
}

function timeOf(component: IcalComponent, name: string): IcalTime | null {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) return null;
  // ical.js turns unparsable values into NaN fields rather than throwing.
  if (![value.year, value.month, value.day, value.hour, value.minute, value.second].every(Number.isFinite)) {
    return null;
  }
  return value;
}

/** Start and end of a VEVENT; null for all-day, zero-length or unreadable events. */
function readTimes(component: IcalComponent): SeriesTimes | null {
  const start = timeOf(component, 'dtstart');
  if (!start || start.isDate) return null;
  const end = timeOf(component, 'dtend');
  if (end) {
    if (end.isDate) return null;
    // Absolute end minus absolute start: DTEND may even name another zone than DTSTART.
    const ms = (end.toUnixTime() - start.toUnixTime()) * 1000;
    return ms > 0 ? { start, end: { kind: 'instant', ms } } : null;
  }
  const duration = component.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration && !duration.isNegative && duration.toSeconds() > 0) {
    return { start, end: { kind: 'duration', value: duration } };
  }
  // No DTEND or DURATION: a zero-length marker, which cannot clash with a focus block.
  return null;
}

function isFloating(time: IcalTime): boolean {
  return time.zone === ICAL.Timezone.localTimezone || time.zone?.tzid === 'floating';
}

/** The epoch-ms instant of an ical.js time; floating times are read in `zone`. */
function instantOf(time: IcalTime, zone: string): number {
  if (isFloating(time)) {
    return new TZDate(
      time.year,
      time.month - 1,
      time.day,
      time.hour,
      time.minute,
      time.second,
      zone,
    ).getTime();
  }
  return time.toUnixTime() * 1000;
}

/**
 * Identifies an occurrence independently of the viewing zone, so an override's RECURRENCE-ID
 * matches the master's generated occurrence: floating times by wall clock, others by instant.
 */
function occurrenceKey(time: IcalTime): string {
  return isFloating(time) ? `f${time.toString()}` : `u${time.toUnixTime()}`;
}

function endOf(times: SeriesTimes, start: IcalTime, startMs: number, zone: string): number {
  if (times.end.kind === 'instant') return startMs + times.end.ms;
  const end = start.clone();
  end.addDuration(times.end.value);
  return instantOf(end, zone);
}

function buildSeries(
  uid: string,
  master: IcalComponent | null,
  overrideComponents: IcalComponent[],
): { series: CalendarSeries | null; ignored: number } {
  let ignored = 0;
  try {
    const masterTitle = master ? cleanTitle(master.getFirstPropertyValue('summary')) : '';
    if (master && isCancelled(master)) {
      return { series: null, ignored: 1 + overrideComponents.length };
    }
    const rrules = master ? master.getAllProperties('rrule') : [];
    const absurd = rrules.some((p) => {
      const recur = p.getFirstValue();
      return recur instanceof ICAL.Recur && ABSURD_FREQUENCIES.has(recur.freq);
    });
    if (absurd) return { series: null, ignored: 1 + overrideComponents.length };

    const times = master ? readTimes(master) : null;
    const masterBusy = master !== null && times !== null && !isFree(master, null);
    if (master && !masterBusy) ignored++;

    const overrides = new Map<string, Override>();
    for (const component of overrideComponents) {
      const rid = timeOf(component, 'recurrence-id');
      if (!rid) {
        ignored++;
        continue;
      }
      const replacement = isCancelled(component) || isFree(component, master) ? null : readTimes(component);
      if (!replacement) ignored++;
      const ownTitle = component.getFirstPropertyValue('summary');
      overrides.set(occurrenceKey(rid), {
        replacement,
        title: typeof ownTitle === 'string' ? cleanTitle(ownTitle) : masterTitle || cleanTitle(''),
      });
    }

    const recurring = master !== null && (master.hasProperty('rrule') || master.hasProperty('rdate'));
    if (!masterBusy && overrides.size === 0) return { series: null, ignored };
    return {
      series: {
        uid,
        title: masterTitle || cleanTitle(''),
        master,
        times,
        masterBusy,
        recurring,
        overrides,
      },
      ignored,
    };
  } catch {
    // ical.js throws on some malformed values (bad RRULE parts, broken durations).
    return { series: null, ignored: (master ? 1 : 0) + overrideComponents.length };
  }
}

function pushIfOverlapping(
  out: Meeting[],
  title: string,
  start: number,
  end: number,
  from: number,
  to: number,
) {
  if (start < to && end > from) out.push({ title, start, end });
}

function expandSeries(
  s: CalendarSeries,
  from: number,
  to: number,
  zone: string,
  out: Meeting[],
  budget: { steps: number },
): void {
  // Overrides stand on their own: a moved occurrence appears at its new time even when the
  // time it replaced lies outside the range (or was never generated by the rule).
  for (const o of s.overrides.values()) {
    if (!o.replacement) continue;
    const start = instantOf(o.replacement.start, zone);
    pushIfOverlapping(out, o.title, start, endOf(o.replacement, o.replacement.start, start, zone), from, to);
  }
  if (!s.masterBusy || !s.master || !s.times) return;

  const times = s.times;
  if (!s.recurring) {
    const start = instantOf(times.start, zone);
    pushIfOverlapping(out, s.title, start, endOf(times, times.start, start, zone), from, to);
    return;
  }

  try {
    // RecurExpansion applies RRULE (COUNT/UNTIL), RDATE and EXDATE in ical.js's own terms.
    const expansion = new ICAL.RecurExpansion({
      component: s.master,
      dtstart: fastForward(s.master, times, from, zone) ?? times.start,
    });
    for (let step = 0; step < MAX_STEPS_PER_SERIES && out.length < MAX_OCCURRENCES_PER_QUERY; step++) {
      if (budget.steps-- <= 0) return;
      const next = expansion.next() as IcalTime | undefined;
      if (!next) return;
      const start = instantOf(next, zone);
      if (start >= to) return;
      if (s.overrides.has(occurrenceKey(next))) continue;
      pushIfOverlapping(out, s.title, start, endOf(times, next, start, zone), from, to);
    }
  } catch {
    // An impossible rule (ical.js gives up after many fruitless tries): keep what was found.
  }
}

/**
 * A later DTSTART for expanding one open-ended hourly/daily/weekly rule: the original moved on by
 * whole periods (INTERVAL included) to a point whose occurrence still ends before `from`. Whole
 * periods keep the weekday, the week parity and BY* filters aligned, so the occurrences from there
 * on are exactly the rule's; the one at the new DTSTART itself lies before the range either way.
 * Null when the rule must be walked from the start (COUNT counts from DTSTART) or is near anyway.
 */
function fastForward(master: IcalComponent, times: SeriesTimes, from: number, zone: string): IcalTime | null {
  const rules = master.getAllProperties('rrule');
  if (rules.length !== 1) return null;
  const recur = rules[0]?.getFirstValue();
  if (!(recur instanceof ICAL.Recur) || recur.count) return null;
  const periodHours = FIXED_PERIOD_HOURS[recur.freq];
  if (periodHours === undefined) return null;
  const stepHours = periodHours * Math.max(1, recur.interval || 1);
  const startMs = instantOf(times.start, zone);
  const longest = times.end.kind === 'instant' ? times.end.ms : times.end.value.toSeconds() * 1000;
  // Margin: the longest occurrence, a DST shift, and one more period to be safe.
  const gapHours = (from - startMs - longest - 2 * HOUR_MS) / HOUR_MS - stepHours;
  const periods = Math.floor(gapHours / stepHours);
  if (periods < 2) return null;
  const totalHours = periods * stepHours;
  const shifted = times.start.clone();
  shifted.adjust(Math.floor(totalHours / 24), totalHours % 24, 0, 0);
  return shifted;
}
