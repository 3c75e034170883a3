import type { InterruptionKind } from '../api/types';

/** Display and calendar helpers for the Focus view (pure: no clock, no time zone guesses). */

export const INTERRUPTION_KIND_LABELS: Record<InterruptionKind, string> = {
  meeting: 'Meeting',
  chat: 'Chat',
  incident: 'Incident',
  other: 'Other',
};

export const INTERRUPTION_KIND_ORDER = [
  'meeting',
  'chat',
  'incident',
  'other',
] as const satisfies readonly InterruptionKind[];

/** The lengths offered for a block started now (main's ADHOC_MINUTES). */
export const ADHOC_MINUTES = [25, 50, 90] as const;

/** "2 h", "1 h 20 min", "25 min", "0 min". */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function utcDate(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds days to a `YYYY-MM-DD` date (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = utcDate(date);
  if (!d) return date;
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** Monday to Sunday of the week holding `date`. */
export function weekOf(date: string): { from: string; to: string } {
  const d = utcDate(date);
  if (!d) return { from: date, to: date };
  const monday = addDays(date, -((d.getUTCDay() + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
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
  const time = `${get('hour')}:${get('minute')}`;
  if (date === today) return `today at ${time}`;
  return `${get('weekday')} ${Number(get('day'))} ${get('month').slice(0, 3)} at ${time}`;
}
