import { formatTime } from './time';
import { windowFormat } from '../i18n/window-locale';
import { addLocalDays, WEEKDAYS, weekdayOf } from '../../src-main/shared/vocabulary';

/** Display and calendar helpers for the Focus view (pure: no clock, no time zone guesses). */

/** Whole minutes in the window's language: "2 hr", "1 hr, 20 min", "25 min", "0 min" / "2 Std.". */
export function formatMinutes(total: number): string {
  return windowFormat().duration(Math.max(0, Math.round(total)));
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

/** "today at 09:12" or "Mon 15 Mar at 09:12" for an instant, shown in the user's zone. */
export function formatInstant(iso: string, zone: string, today: string | null): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return iso;
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const monthIndex = months.indexOf(get('month').slice(0, 3));
  const date = `${get('year')}-${String(monthIndex + 1).padStart(2, '0')}-${get('day').padStart(2, '0')}`;
  const time = formatTime(`${get('hour')}:${get('minute')}`);
  if (date === today) return `today at ${time}`;
  return `${get('weekday')} ${Number(get('day'))} ${get('month').slice(0, 3)} at ${time}`;
}
