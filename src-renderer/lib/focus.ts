import type { Weekday } from '../api/types';
import { windowFormat, windowMessage } from '../i18n/window-locale';
import { formatShortDate } from './format';
export { weekdayName } from './format';
import { formatTime } from './time';
import { addLocalDays, WEEKDAYS, weekdayOf } from '../../src-main/shared/vocabulary';

/**
 * Display and calendar helpers for the Focus view (pure: no clock, no time zone guesses), in the
 * window's language (i18n/window-locale.ts).
 */

/** Whole minutes in the window's language through Intl: "2 hr", "1 hr, 20 min", "0 min" / "2 Std.". */
export function formatMinutes(total: number): string {
  return windowFormat().duration(Math.max(0, Math.round(total)));
}

/** The seven weekdays from the locale's first day of the week (Sunday in the US, Monday in Europe). */
export function localeWeekdays(): Weekday[] {
  const first = windowFormat().firstDayOfWeek - 1;
  return WEEKDAYS.map((_, i) => WEEKDAYS[(first + i) % 7] as Weekday);
}

/** Monday to Sunday of the week holding `date` (core's calendar arithmetic). */
export function weekOf(date: string): { from: string; to: string } {
  const monday = addLocalDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
  return { from: monday, to: addLocalDays(monday, 6) };
}

/** Minutes between two ISO 8601 instants (with offsets, as main writes them). */
export function minutesBetween(startIso: string, endIso: string): number {
  const ms = Date.parse(endIso) - Date.parse(startIso);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 60_000)) : 0;
}

/** The calendar date and `HH:MM` of an instant in `zone` (null for a bad instant or zone). */
function zonedParts(at: Date, zone: string): { date: string; time: string } | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    // Numbers only, so no language's month names are read back.
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return null;
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** "today at 09:12" or "Sat, Mar 15 at 09:12" for an instant, shown in the user's zone and language. */
export function formatInstant(iso: string, zone: string, today: string | null): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const local = zonedParts(at, zone);
  if (local === null) return iso;
  const time = formatTime(local.time);
  if (local.date === today) return windowMessage('focus.calendar.readToday', { time });
  return windowMessage('focus.calendar.readOn', { date: formatShortDate(local.date), time });
}
