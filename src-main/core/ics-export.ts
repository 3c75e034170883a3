import { isPaused, type FocusPause, type FocusRule } from './focus-plan';
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

export interface IcsExportOptions {
  /** "Now": picks each rule's first date, the DTSTAMP and the zone rules to describe. */
  now: number;
  /**
   * This install's id (a random UUID made once and kept): part of every UID, so two people
   * with the same plan never overwrite each other's events in a shared calendar, while every
   * export from this install updates the same events.
   */
  installId: string;
  productId?: string;
}

export const FOCUS_EVENT_SUMMARY = 'Focus time';
export const DEFAULT_PRODUCT_ID = '-//Keel//Focus plan//EN';
/**
 * Paused dates are written as EXDATEs, and blocks a DST change lengthens or shortens as
 * occurrences of their own, this far ahead; re-exporting refreshes them.
 */
export const PAUSE_HORIZON_DAYS = 366;

const BYDAY: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

const INSTALL_ID = /^[A-Za-z0-9][A-Za-z0-9-]{7,63}$/;

/**
 * Stable across exports of one install, so re-importing updates the same events instead of
 * duplicating them; unique per install, so colleagues with the same plan do not collide.
 * Readable rather than hashed: it carries no user text, only the rule and the install's id.
 */
export function focusRuleUid(rule: FocusRule, installId: string): string {
  if (!INSTALL_ID.test(installId)) throw new RangeError('An install id is 8–64 letters, digits or dashes.');
  const hhmm = (time: string) => time.replace(':', '');
  return `focus-${rule.weekday}-${hhmm(rule.start)}-${hhmm(rule.end)}-${installId}@keel.local`;
}

/**
 * The weekly focus plan as an iCalendar file: one weekly busy VEVENT per rule in `zone`, with a
 * VTIMEZONE so clients that do not know the IANA name (Outlook maps by rules) still place blocks
 * right. Within the next year, paused dates (and blocks a DST gap swallows) are EXDATEs, and a
 * block whose times a DST change skips, repeats or stretches gets an override (RECURRENCE-ID)
 * with its own start and end, so every client shows the instants Keel plans. CRLF line endings,
 * lines folded at 75 octets. Pause notes are deliberately left out: the file is meant to be
 * shared with a work calendar.
 */
export function focusPlanToIcs(
  plan: readonly FocusRule[],
  pauses: readonly FocusPause[],
  zone: string,
  options: IcsExportOptions,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${escapeText(options.productId ?? DEFAULT_PRODUCT_ID)}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // Google and Apple show the calendar name and default zone from these widely read extensions.
    'X-WR-CALNAME:Keel focus time',
    `X-WR-TIMEZONE:${zone}`,
  ];
  if (plan.length > 0) {
    const { range, transitions } = zoneChanges(zone, options.now);
    lines.push(...vtimezoneLines(zone, options.now, range, transitions));
    const today = localDateOf(options.now, zone);
    const context: ExportContext = {
      zone,
      transitions,
      pauses,
      today,
      horizon: addLocalDays(today, PAUSE_HORIZON_DAYS),
      stamp: formatUtc(Math.floor(options.now / SECOND_MS) * SECOND_MS),
      installId: options.installId,
    };
    const sorted = [...plan].sort(
      (a, b) => dayIndex(a.weekday) - dayIndex(b.weekday) || a.start.localeCompare(b.start),
    );
    for (const rule of sorted) lines.push(...ruleEvents(rule, context));
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => `${fold(line)}\r\n`).join('');
}

interface ExportContext {
  zone: string;
  transitions: readonly ZoneTransition[];
  pauses: readonly FocusPause[];
  today: LocalDate;
  horizon: LocalDate;
  stamp: string;
  installId: string;
}

/**
 * A rule's block on one date, as Keel plans it (core/focus-plan occurrencesOn): paused; dropped
 * (a DST gap leaves nothing of it); plain (its start and end wall times each happen exactly
 * once, so every client reads the instants Keel plans); or irregular (a DST change skips or
 * repeats one of its times, or falls inside it).
 */
type Planned =
  | { kind: 'paused' | 'dropped'; date: LocalDate; wallStart: WallMs }
  | { kind: 'plain' | 'irregular'; date: LocalDate; wallStart: WallMs; start: number; end: number };

function planned(rule: FocusRule, date: LocalDate, context: ExportContext): Planned {
  const day = dayNumber(date) * DAY_MS;
  const wallStart = day + minutesOfDay(rule.start) * MINUTE_MS;
  const wallEnd = day + minutesOfDay(rule.end) * MINUTE_MS;
  if (isPaused(date, context.pauses)) return { kind: 'paused', date, wallStart };
  const start = instantAt(date, rule.start, context.zone);
  const end = instantAt(date, rule.end, context.zone);
  if (end <= start) return { kind: 'dropped', date, wallStart };
  const plain =
    isPlainWall(wallStart, context.transitions) &&
    isPlainWall(wallEnd, context.transitions) &&
    wallOfInstant(start, context.zone) === wallStart &&
    // Both ends on the planned wall times and no change between them: the series' own length.
    end - start === wallEnd - wallStart;
  return { kind: plain ? 'plain' : 'irregular', date, wallStart, start, end };
}

function ruleEvents(rule: FocusRule, context: ExportContext): string[] {
  const { zone } = context;
  let first = context.today;
  while (weekdayOf(first) !== rule.weekday) first = addLocalDays(first, 1);
  const dates: Planned[] = [];
  for (let date = first; date <= context.horizon; date = addLocalDays(date, 7)) {
    dates.push(planned(rule, date, context));
  }
  // Start on the first date with a block: some clients mishandle an EXDATE on DTSTART.
  const from = Math.max(
    0,
    dates.findIndex((d) => d.kind === 'plain' || d.kind === 'irregular'),
  );
  const series = dates.slice(from);
  const master = series[0] ?? planned(rule, first, context);
  const uid = `UID:${focusRuleUid(rule, context.installId)}`;
  const minutes = minutesOfDay(rule.end) - minutesOfDay(rule.start);
  const lines = [
    'BEGIN:VEVENT',
    uid,
    `DTSTAMP:${context.stamp}`,
    `DTSTART;TZID=${zone}:${formatWall(master.wallStart)}`,
    // A plain first block gives the series its length as DTEND; an irregular one cannot, so the
    // series takes DURATION and the first block an override like the others.
    master.kind === 'irregular'
      ? `DURATION:${formatDuration(minutes)}`
      : `DTEND;TZID=${zone}:${formatWall(master.wallStart + minutes * MINUTE_MS)}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[rule.weekday]}`,
    // One EXDATE per date keeps every line short and is what every client reads.
    ...series
      .filter((d) => d.kind === 'paused' || d.kind === 'dropped')
      .map((d) => `EXDATE;TZID=${zone}:${formatWall(d.wallStart)}`),
    ...busyLines(),
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
      ...busyLines(),
      'END:VEVENT',
    );
  }
  return lines;
}

function busyLines(): string[] {
  return [
    `SUMMARY:${FOCUS_EVENT_SUMMARY}`,
    'DESCRIPTION:A focus block planned in Keel.',
    'TRANSP:OPAQUE',
    // Outlook reads free/busy from its own property and ignores TRANSP on import.
    'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
  ];
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

function dayIndex(day: Weekday): number {
  return Object.keys(BYDAY).indexOf(day);
}

/** TEXT escaping (RFC 5545 §3.3.11). */
function escapeText(text: string): string {
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
