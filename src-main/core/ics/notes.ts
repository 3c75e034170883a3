import { addLocalDays, localDateOf, type LocalDate } from '../time';
import { hoursOn, type WorkingCalendar } from '../working-hours';
import type { CalendarSkipped, CalendarStats, Occurrence } from './types';

/**
 * What the user is told about a calendar read: what was skipped or left out (counted here, worded
 * by each caller in its language: shared/i18n/calendar-notes.ts), and which absences in it could
 * be days off in Keel.
 */

export const NOTHING_SKIPPED: CalendarSkipped = {
  unreadableEvents: 0,
  skippedLines: 0,
  droppedSeries: 0,
  trimmedOccurrences: 0,
};

/** What a read could not use, as the counts the window and the CLI word. */
export function skippedOf(stats: CalendarStats): CalendarSkipped {
  return {
    unreadableEvents: stats.unreadableEvents,
    skippedLines: stats.skippedLines,
    droppedSeries: stats.droppedSeries,
    trimmedOccurrences: stats.trimmedOccurrences,
  };
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
