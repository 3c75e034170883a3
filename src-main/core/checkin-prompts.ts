import type { AgendaEvent, AgendaSource } from './agenda';
import { defaultCadence, type Cadence } from './checkin-cadence';
import type { Rules, RulesView } from './rules';
import { addLocalDays, instantAt, localDateOf, weekdayOf, type LocalDate } from './time';
import { hoursOn } from './working-hours';

/**
 * The check-in prompts a cadence plans, as agenda events.
 *
 * Decisions:
 * - Every date is planned by the rules in force on it: its cadence, its working hours and
 *   holidays, its zone.
 * - Prompts never fire on a holiday or a day without working hours. Daily prompts skip such days;
 *   a weekly prompt due on one moves to the previous working day within the week before it (a
 *   Friday holiday brings Thursday's prompt), and is dropped when there is none.
 * - Prompts keep their local time across DST; a time skipped by the spring change moves forward by
 *   the gap (02:30 becomes 03:30), like every other planned event.
 * - Ids are `check:YYYY-MM-DD@HH:MM` with the local date the prompt fires on and the planned (not
 *   the shifted) time, so snoozes and skips survive re-plans and a change of zone.
 */

export const CHECK_PROMPT_TITLE = 'Quick check';

export function checkPromptId(date: LocalDate, time: string): string {
  return `check:${date}@${time}`;
}

/** The cadence in force under `rules`: the user's, or weekly on the working day before the one-on-one. */
export function cadenceOf(rules: Rules): Cadence {
  return rules.checkins.cadence ?? defaultCadence(rules.oneOnOne, rules.workingHours);
}

const works = (date: LocalDate, rules: RulesView) => hoursOn(date, rules.on(date)) !== null;

/** The working day a weekly prompt due on `due` fires on: `due`, or the previous working day within six days. */
function firingDate(due: LocalDate, rules: RulesView): LocalDate | null {
  for (let back = 0; back < 7; back++) {
    const date = addLocalDays(due, -back);
    if (works(date, rules)) return date;
  }
  return null;
}

/**
 * Check-in prompts starting in [from, to), in time order, as agenda events; `cadenceFor` gives
 * the cadence in force on a date (default: the rules' own, see `cadenceOf`).
 */
export function checkPromptsBetween(
  from: number,
  to: number,
  rules: RulesView,
  cadenceFor: (rules: Rules) => Cadence = cadenceOf,
): AgendaEvent[] {
  if (to <= from) return [];
  const zone = rules.current.zone;
  const events = new Map<string, AgendaEvent>();
  const push = (date: LocalDate, time: string, due: LocalDate = date) => {
    const start = instantAt(date, time, rules.on(date).zone);
    if (start < from || start >= to) return;
    const id = checkPromptId(date, time);
    const moved = due === date ? {} : { movedFrom: due };
    events.set(id, { id, kind: 'check', title: CHECK_PROMPT_TITLE, start, ...moved });
  };
  // Padded by a day before (a prompt's local date can differ from the UTC date of the range) and
  // a week after (a weekly prompt due then may move back into the range).
  const last = addLocalDays(localDateOf(to, zone), 7);
  for (let date = addLocalDays(localDateOf(from, zone), -1); date <= last; date = addLocalDays(date, 1)) {
    const cadence = cadenceFor(rules.on(date));
    if (cadence.mode === 'daily') {
      if (works(date, rules)) push(date, cadence.time);
    } else if (cadence.mode === 'weekly' && weekdayOf(date) === cadence.weekday) {
      const firing = firingDate(date, rules);
      if (firing !== null) push(firing, cadence.time, date);
    }
  }
  return [...events.values()].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
}

/** The agenda source of check-in prompts, each date's from the rules in force on it. */
export function makeCheckSource(cadenceFor: (rules: Rules) => Cadence = cadenceOf): AgendaSource {
  return {
    name: 'check',
    eventsBetween(from, to, rules) {
      return checkPromptsBetween(from, to, rules, cadenceFor);
    },
  };
}
