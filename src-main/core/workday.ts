import type { AgendaEvent, AgendaSource } from './agenda';
import { addLocalDays, localDateOf } from './time';
import { workingSpanOn } from './working-hours';

/**
 * The start and end of working hours as internal agenda events, so the tray's after-hours state
 * changes on time without polling. Each date's hours are the ones in force on it. Hours that run past midnight end on the next date.
 */
export const workdaySource: AgendaSource = {
  name: 'workday',
  eventsBetween(from, to, rules) {
    const zone = rules.current.zone;
    const events: AgendaEvent[] = [];
    const last = addLocalDays(localDateOf(to, zone), 1);
    for (let date = addLocalDays(localDateOf(from, zone), -1); date <= last; date = addLocalDays(date, 1)) {
      const span = workingSpanOn(date, rules.on(date));
      if (!span) continue;
      for (const edge of ['start', 'end'] as const) {
        const start = span[edge];
        if (start >= from && start < to) {
          events.push({
            id: `workday:${date}:${edge}`,
            kind: 'workday',
            title: `Working hours ${edge}`,
            start,
            internal: true,
          });
        }
      }
    }
    return events;
  },
};
