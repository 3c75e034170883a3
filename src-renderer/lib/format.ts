import { MONTH_NAMES, WEEKDAY_NAMES, weekdayOf } from '../../src-main/shared/vocabulary';
import type { AgendaEvent, TimeRange, Weekday } from '../api/types';
import { formatTime } from './time';

/** Display helpers. Pure string/calendar work on values main already computed in the user's zone. */

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

/** "Tuesday, 14 January" for a `YYYY-MM-DD` date and its weekday. */
export function formatLongDate(date: string, weekday: Weekday): string {
  const p = parts(date);
  if (!p) return WEEKDAY_NAMES[weekday];
  return `${WEEKDAY_NAMES[weekday]}, ${p[2]} ${MONTH_NAMES[p[1] - 1]}`;
}

/** "Wed 15 Jan" for a `YYYY-MM-DD` date (a calendar date: no time zone involved). */
export function formatShortDate(date: string): string {
  const p = parts(date);
  const day = weekdayOrNull(date);
  if (!p || day === null) return date;
  const weekday = WEEKDAY_NAMES[day].slice(0, 3);
  return `${weekday} ${p[2]} ${(MONTH_NAMES[p[1] - 1] ?? '').slice(0, 3)}`;
}

/** "Friday 27 Nov" for a `YYYY-MM-DD` date. */
export function formatWeekdayDate(date: string): string {
  const p = parts(date);
  const day = weekdayOrNull(date);
  if (!p || day === null) return date;
  return `${WEEKDAY_NAMES[day]} ${p[2]} ${(MONTH_NAMES[p[1] - 1] ?? '').slice(0, 3)}`;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); NaN for a malformed date. */
export function daysBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return Number.NaN;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** "09:00–17:30". */
export function formatRange(range: TimeRange): string {
  return `${formatTime(range.start)}–${formatTime(range.end)}`;
}

function minutes(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** "2 h", "1 h 30 min", "45 min" for a same-day or past-midnight range. */
export function formatDuration(range: TimeRange): string {
  const start = minutes(range.start);
  const end = minutes(range.end);
  if (start === null || end === null) return '';
  const total = (end - start + 24 * 60) % (24 * 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
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
  if (hour >= 5 && hour < 12) return 'Good morning';
  if (hour >= 12 && hour < 18) return 'Good afternoon';
  return 'Good evening';
}

const EVENT_KINDS: Record<string, string> = {
  focus: 'Focus block',
  'focus-warning': 'Focus block soon',
  signoff: 'Sign-off',
  check: 'Check-in',
};

/** A short label for an agenda event's kind; unknown kinds (added later) get a neutral one. */
export function eventKindLabel(kind: string): string {
  return EVENT_KINDS[kind] ?? 'Planned';
}

/** "Today, 14:00–16:00" or "Wed 15 Jan, 09:00". */
export function formatEventWhen(event: AgendaEvent, today: string): string {
  const start = localParts(event.start);
  if (!start) return event.start;
  const end = event.end ? localParts(event.end) : null;
  const day = start.date === today ? 'Today' : formatShortDate(start.date);
  const endPart = end && end.date === start.date ? `–${formatTime(end.time)}` : '';
  return `${day}, ${formatTime(start.time)}${endPart}`;
}
