import { eventTitleIn } from '../../src-main/shared/i18n/event-titles';
import { weekdayOf } from '../../src-main/shared/vocabulary';
import type { AgendaEvent, TimeRange, Weekday } from '../api/types';
import { windowFormat, windowMessage } from '../i18n/window-locale';
import { formatTime } from './time';

/**
 * Display helpers on values main already computed in the user's zone, in the window's locale
 * (i18n/window-locale.ts): dates through `Intl`, words from the catalog.
 */

function parts(date: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** core's weekday of a date; null for a malformed one (core throws, a label should not). */
function weekdayOrNull(date: string): Weekday | null {
  try {
    return weekdayOf(date);
  } catch {
    return null;
  }
}

/**
 * "Tuesday, January 14" / "Tuesday 14 January" / "Dienstag, 14. Januar" for a `YYYY-MM-DD` date
 * (`weekday` is kept for callers; the date names its own weekday).
 */
export function formatLongDate(date: string, _weekday?: Weekday): string {
  if (!parts(date) || weekdayOrNull(date) === null) return date;
  return windowFormat().day(date);
}

/** "Wed, Jan 15" / "Wed 15 Jan" / "Mi., 15. Jan." for a `YYYY-MM-DD` date (no zone involved). */
export function formatShortDate(date: string): string {
  if (!parts(date) || weekdayOrNull(date) === null) return date;
  return windowFormat().day(date, { weekday: 'short', month: 'short' });
}

/** "Friday, Nov 27" / "Friday 27 Nov" / "Freitag, 27. Nov." for a `YYYY-MM-DD` date. */
export function formatWeekdayDate(date: string): string {
  if (!parts(date) || weekdayOrNull(date) === null) return date;
  return windowFormat().day(date, { month: 'short' });
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); NaN for a malformed date. */
export function daysBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return Number.NaN;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** "09:00–17:30" / "9:00 AM–5:30 PM". */
export function formatRange(range: TimeRange): string {
  return `${formatTime(range.start)}–${formatTime(range.end)}`;
}

function minutes(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** "2 hr", "1 hr, 30 min", "45 min" (the locale's units) for a same-day or past-midnight range. */
export function formatDuration(range: TimeRange): string {
  const start = minutes(range.start);
  const end = minutes(range.end);
  if (start === null || end === null) return '';
  return windowFormat().duration((end - start + 24 * 60) % (24 * 60));
}

/** The local `HH:MM` and date of an ISO 8601 string with offset, as main wrote it. */
export function localParts(iso: string): { date: string; time: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? { date: m[1] as string, time: m[2] as string } : null;
}

/** "Good morning" / "Good afternoon" / "Good evening" for main's local `now`. */
export function greetingFor(nowIso: string): string {
  const local = localParts(nowIso);
  const hour = local ? Number(local.time.slice(0, 2)) : 12;
  if (hour >= 5 && hour < 12) return windowMessage('app.greeting.morning');
  if (hour >= 12 && hour < 18) return windowMessage('app.greeting.afternoon');
  return windowMessage('app.greeting.evening');
}

const EVENT_KINDS = {
  focus: 'app.event.focus',
  'focus-warning': 'app.event.focus-warning',
  signoff: 'app.event.signoff',
  check: 'app.event.check',
} as const;

/**
 * An agenda event's title in the window's language: Keel's own events by their kind (main names
 * them in English); any other keeps the title it came with.
 */
export function eventTitle(event: { kind: string; title: string }): string {
  return eventTitleIn((id) => windowMessage(id), event);
}

/** A short label for an agenda event's kind; unknown kinds (added later) get a neutral one. */
export function eventKindLabel(kind: string): string {
  const id = (EVENT_KINDS as Record<string, (typeof EVENT_KINDS)[keyof typeof EVENT_KINDS]>)[kind];
  return windowMessage(id ?? 'app.event.planned');
}

/** "Today, 14:00–16:00" or "Wed 15 Jan, 09:00" (in the window's locale). */
export function formatEventWhen(event: AgendaEvent, today: string): string {
  const start = localParts(event.start);
  if (!start) return event.start;
  const end = event.end ? localParts(event.end) : null;
  const day = start.date === today ? windowMessage('app.event.today') : formatShortDate(start.date);
  const time =
    end && end.date === start.date
      ? `${formatTime(start.time)}–${formatTime(end.time)}`
      : formatTime(start.time);
  return windowMessage('app.event.when', { day, time });
}

/** A Monday (2024-01-01) and the days after it: a date for each weekday, for Intl's names. */
const WEEK_OF: Record<Weekday, string> = {
  mon: '2024-01-01',
  tue: '2024-01-02',
  wed: '2024-01-03',
  thu: '2024-01-04',
  fri: '2024-01-05',
  sat: '2024-01-06',
  sun: '2024-01-07',
};

/** "Monday" / "Montag": a weekday's name in the window's language. */
export function weekdayName(day: Weekday, width: 'long' | 'short' = 'long'): string {
  return windowFormat().weekday(WEEK_OF[day], width);
}
