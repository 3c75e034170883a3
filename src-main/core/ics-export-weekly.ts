import { isPaused, type FocusPause } from './focus-plan';
import {
  formatUtc,
  formatWall,
  isPlainWall,
  offsetSeconds,
  vtimezoneLines,
  zoneChanges,
  type ZoneTransition,
} from './ics-export-zone';
import { DAY_MS, MINUTE_MS, SECOND_MS, type WallMs } from './ics/wall';
import {
  addLocalDays,
  dayNumber,
  instantAt,
  localDateOf,
  minutesOfDay,
  weekdayOf,
  type LocalDate,
  type Weekday,
} from './time';

/**
 * The engine under Keel's `.ics` exports (the focus plan, the working agreement): weekly events
 * at local wall-clock times in one zone, written so every client shows the instants Keel plans.
 * Within the next year, dates without the event are EXDATEs, and an occurrence whose times a DST
 * change skips, repeats or stretches gets an override (RECURRENCE-ID) with its own start and end.
 * CRLF line endings, lines folded at 75 octets.
 */

/** One weekly event: a weekday, local times (an end not after the start is on the next date). */
export interface WeeklyEvent {
  weekday: Weekday;
  start: string;
  end: string;
  /** Dates without this event (pauses, holidays). */
  skip: readonly FocusPause[];
  uid: string;
  /** SUMMARY, DESCRIPTION, TRANSP and the like, written into the series and each override. */
  details: readonly string[];
}

export interface WeeklyCalendar {
  productId: string;
  /** X-WR-CALNAME: the name Google and Apple show. */
  name: string;
  zone: string;
  /** "Now": picks each event's first date, the DTSTAMP and the zone rules to describe. */
  now: number;
  /** Dates without an event and overrides are written this far ahead. */
  horizonDays: number;
}

export const BYDAY: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

/** The calendar: a VTIMEZONE (when there are events) and each event's series and overrides. */
export function weeklyEventsToIcs(events: readonly WeeklyEvent[], calendar: WeeklyCalendar): string {
  const { zone, now } = calendar;
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${escapeText(calendar.productId)}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // Google and Apple show the calendar name and default zone from these widely read extensions.
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${zone}`,
  ];
  if (events.length > 0) {
    const { range, transitions } = zoneChanges(zone, now);
    lines.push(...vtimezoneLines(zone, now, range, transitions));
    const today = localDateOf(now, zone);
    const context: ExportContext = {
      zone,
      transitions,
      today,
      horizon: addLocalDays(today, calendar.horizonDays),
      stamp: formatUtc(Math.floor(now / SECOND_MS) * SECOND_MS),
    };
    for (const event of events) lines.push(...eventLines(event, context));
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => `${fold(line)}\r\n`).join('');
}

interface ExportContext {
  zone: string;
  transitions: readonly ZoneTransition[];
  today: LocalDate;
  horizon: LocalDate;
  stamp: string;
}

/**
 * An event on one date, as Keel plans it: skipped; dropped (a DST gap leaves nothing of it);
 * plain (its start and end wall times each happen exactly once, so every client reads the
 * instants Keel plans); or irregular (a DST change skips or repeats one of its times, or falls
 * inside it).
 */
type Planned =
  | { kind: 'skipped' | 'dropped'; date: LocalDate; wallStart: WallMs }
  | { kind: 'plain' | 'irregular'; date: LocalDate; wallStart: WallMs; start: number; end: number };

/** Minutes from start to end on the clock; an end not after the start is on the next date. */
export function clockMinutes(start: string, end: string): number {
  const minutes = minutesOfDay(end) - minutesOfDay(start);
  return minutes > 0 ? minutes : minutes + 24 * 60;
}

function planned(event: WeeklyEvent, date: LocalDate, context: ExportContext): Planned {
  const day = dayNumber(date) * DAY_MS;
  const wallStart = day + minutesOfDay(event.start) * MINUTE_MS;
  const wallEnd = wallStart + clockMinutes(event.start, event.end) * MINUTE_MS;
  if (isPaused(date, event.skip)) return { kind: 'skipped', date, wallStart };
  const endDate = wallEnd >= day + DAY_MS ? addLocalDays(date, 1) : date;
  const start = instantAt(date, event.start, context.zone);
  const end = instantAt(endDate, event.end, context.zone);
  if (end <= start) return { kind: 'dropped', date, wallStart };
  const plain =
    isPlainWall(wallStart, context.transitions) &&
    isPlainWall(wallEnd, context.transitions) &&
    wallOfInstant(start, context.zone) === wallStart &&
    // Both ends on the planned wall times and no change between them: the series' own length.
    end - start === wallEnd - wallStart;
  return { kind: plain ? 'plain' : 'irregular', date, wallStart, start, end };
}

function eventLines(event: WeeklyEvent, context: ExportContext): string[] {
  const { zone } = context;
  let first = context.today;
  while (weekdayOf(first) !== event.weekday) first = addLocalDays(first, 1);
  const dates: Planned[] = [];
  for (let date = first; date <= context.horizon; date = addLocalDays(date, 7)) {
    dates.push(planned(event, date, context));
  }
  // Start on the first date with the event: some clients mishandle an EXDATE on DTSTART.
  const from = Math.max(
    0,
    dates.findIndex((d) => d.kind === 'plain' || d.kind === 'irregular'),
  );
  const series = dates.slice(from);
  const master = series[0] ?? planned(event, first, context);
  const uid = `UID:${event.uid}`;
  const minutes = clockMinutes(event.start, event.end);
  const lines = [
    'BEGIN:VEVENT',
    uid,
    `DTSTAMP:${context.stamp}`,
    `DTSTART;TZID=${zone}:${formatWall(master.wallStart)}`,
    // A plain first occurrence gives the series its length as DTEND; an irregular one cannot, so
    // the series takes DURATION and the first occurrence an override like the others.
    master.kind === 'irregular'
      ? `DURATION:${formatDuration(minutes)}`
      : `DTEND;TZID=${zone}:${formatWall(master.wallStart + minutes * MINUTE_MS)}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[event.weekday]}`,
    // One EXDATE per date keeps every line short and is what every client reads.
    ...series
      .filter((d) => d.kind === 'skipped' || d.kind === 'dropped')
      .map((d) => `EXDATE;TZID=${zone}:${formatWall(d.wallStart)}`),
    ...event.details,
    'END:VEVENT',
  ];
  for (const d of series) {
    if (d.kind !== 'irregular') continue;
    lines.push(
      'BEGIN:VEVENT',
      uid,
      `DTSTAMP:${context.stamp}`,
      `RECURRENCE-ID;TZID=${zone}:${formatWall(d.wallStart)}`,
      `DTSTART${timeValue(d.start, context)}`,
      `DTEND${timeValue(d.end, context)}`,
      ...event.details,
      'END:VEVENT',
    );
  }
  return lines;
}

/**
 * An override's start or end: the zone's wall time when that time happens once, else UTC (a
 * repeated wall time names two instants, and clients disagree on which one it means).
 */
function timeValue(instant: number, context: ExportContext): string {
  const wall = wallOfInstant(instant, context.zone);
  return isPlainWall(wall, context.transitions)
    ? `;TZID=${context.zone}:${formatWall(wall)}`
    : `:${formatUtc(instant)}`;
}

function wallOfInstant(instant: number, zone: string): WallMs {
  return instant + offsetSeconds(zone, instant) * SECOND_MS;
}

/** `PT2H30M`: hours and minutes are exact durations (RFC 5545 §3.3.6). */
function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 || h === 0 ? `${m}M` : ''}`;
}

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0) as number;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
