import type { AgendaEvent, AgendaSource } from './agenda';
import type { Cadence } from './checkin-cadence';
import { addLocalDays, instantAt, localDateOf, weekdayOf, type LocalDate } from './time';
import { hoursOn } from './working-hours';

/**
 * The check-in prompts a cadence plans, as agenda events.
 *
 * Decisions:
 * - Daily prompts fire only on workdays: by default the weekdays that have working hours (the
 *   agenda source reads them from the settings), or whatever `isWorkday` says. Weekly prompts fire
 *   on their weekday whatever the working hours, because the user picked that day on purpose.
 * - Prompts keep their local time across DST; a time skipped by the spring change moves forward by
 *   the gap (02:30 becomes 03:30), like every other planned event.
 * - Ids are `check:YYYY-MM-DD@HH:MM` with the local date and the planned (not the shifted) time,
 *   so snoozes and skips survive re-plans and a change of zone.
 */

export const CHECK_PROMPT_TITLE = 'Quick check';

export function checkPromptId(date: LocalDate, time: string): string {
  return `check:${date}@${time}`;
}

export interface CheckPromptOptions {
  /** Whether a daily prompt fires on `date`; every day when absent. */
  isWorkday?: (date: LocalDate) => boolean;
}

/** Check-in prompts starting in [from, to) in `zone`, in time order, as agenda events. */
export function checkPromptsBetween(
  from: number,
  to: number,
  cadence: Cadence,
  zone: string,
  options: CheckPromptOptions = {},
): AgendaEvent[] {
  if (to <= from || (cadence.mode !== 'daily' && cadence.mode !== 'weekly')) return [];
  const events: AgendaEvent[] = [];
  // Padded by a day each side: a prompt's local date can differ from the UTC date of the range.
  const last = addLocalDays(localDateOf(to, zone), 1);
  for (let date = addLocalDays(localDateOf(from, zone), -1); date <= last; date = addLocalDays(date, 1)) {
    if (
      cadence.mode === 'weekly' ? weekdayOf(date) !== cadence.weekday : options.isWorkday?.(date) === false
    ) {
      continue;
    }
    const start = instantAt(date, cadence.time, zone);
    if (start < from || start >= to) continue;
    events.push({ id: checkPromptId(date, cadence.time), kind: 'check', title: CHECK_PROMPT_TITLE, start });
  }
  return events;
}

/**
 * The agenda source of check-in prompts. The cadence is read on every call through `getCadence`
 * (the service owns where it is stored); daily prompts skip days without working hours (days off
 * and holidays, as `hoursOn` decides, like the check-in service's own source).
 */
export function makeCheckSource(getCadence: () => Cadence): AgendaSource {
  return {
    name: 'check',
    eventsBetween(from, to, settings) {
      return checkPromptsBetween(from, to, getCadence(), settings.zone, {
        isWorkday: (date) => hoursOn(date, settings) !== null,
      });
    },
  };
}
