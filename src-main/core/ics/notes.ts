import { addLocalDays, localDateOf, type LocalDate } from '../time';
import { hoursOn, type WorkingCalendar } from '../working-hours';
import type { CalendarStats, Occurrence } from './types';

/**
 * What the user is told about a calendar read: what was skipped or left out, in plain sentences
 * (never silently), and which absences in it could be days off in Keel.
 */

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One sentence per kind of loss; none when everything was read. */
export function calendarNotes(stats: CalendarStats): string[] {
  const notes: string[] = [];
  if (stats.unreadableEvents > 0) {
    notes.push(
      `${count(stats.unreadableEvents, 'event', 'events')} could not be read and ${stats.unreadableEvents === 1 ? 'was' : 'were'} skipped.`,
    );
  }
  if (stats.skippedLines > 0) {
    notes.push(
      `${count(stats.skippedLines, 'line', 'lines')} of the file could not be read and ${stats.skippedLines === 1 ? 'was' : 'were'} skipped.`,
    );
  }
  if (stats.droppedSeries > 0) {
    notes.push(
      `${count(stats.droppedSeries, 'repeating event was', 'repeating events were')} left out: ${stats.droppedSeries === 1 ? 'it repeats' : 'they repeat'} every second or minute, more than 24 times a day, or by a rule too costly to follow.`,
    );
  }
  if (stats.trimmedOccurrences > 0) {
    notes.push(
      `${count(stats.trimmedOccurrences, 'occurrence', 'occurrences')} beyond what Keel keeps for a range ${stats.trimmedOccurrences === 1 ? 'was' : 'were'} left out.`,
    );
  }
  return notes;
}

export interface DayOffOffer {
  date: LocalDate;
  /** The calendar event's title, e.g. "Out of office" or "Bank holiday". */
  title: string;
}

/** At most this many days are offered at once (a year of absences is not one decision). */
export const MAX_DAY_OFF_OFFERS = 31;

/**
 * All-day absences (out of office, holidays) on dates that would otherwise be working days in
 * Keel, from today on: each can become a day off (a holiday), so no block is planned and no
 * prompt comes. Dates already off are not offered again.
 */
export function dayOffOffers(
  occurrences: readonly Occurrence[],
  settings: WorkingCalendar & { zone: string },
  now: number,
): DayOffOffer[] {
  const today = localDateOf(now, settings.zone);
  const offers = new Map<LocalDate, string>();
  for (const o of occurrences) {
    if (!o.allDay || o.status !== 'out-of-office') continue;
    const last = localDateOf(o.end - 1, settings.zone);
    for (
      let date = localDateOf(o.start, settings.zone), n = 0;
      date <= last && n < 366;
      date = addLocalDays(date, 1), n++
    ) {
      if (date < today || offers.has(date) || hoursOn(date, settings) === null) continue;
      offers.set(date, o.title);
    }
  }
  return [...offers]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, MAX_DAY_OFF_OFFERS)
    .map(([date, title]) => ({ date, title }));
}
