import type { Clock } from '../core/clock';
import { dayFigures, type DayFigures, type FocusTotals, type WorkdayFacts } from '../core/day-figures';
import { signoffWorkdayOf } from '../core/signoff-policy';
import { addLocalDays, type LocalDate } from '../core/time';
import type { FocusRepo } from '../storage/focus-repo';
import type { WorkdayRepo } from '../storage/workday-repo';
import type { SettingsService } from './settings-service';

const NO_FOCUS: FocusTotals = Object.freeze({
  protectedMinutes: 0,
  interruptions: Object.freeze({ meeting: 0, chat: 0, incident: 0, other: 0 }),
});

/**
 * Every day's figures (core/day-figures.ts) from the stored records and the rules in force on
 * each day: the one source of the Focus view's stats, creep, `keel day` and the summary.
 */
export class FiguresService {
  constructor(
    private readonly deps: {
      settings: SettingsService;
      focus: Pick<FocusRepo, 'focusByDate'>;
      workdays: Pick<WorkdayRepo, 'facts'>;
      clock: Clock;
    },
  ) {}

  /** The figures of each date from `from` to `to` inclusive, in order. */
  days(from: LocalDate, to: LocalDate): DayFigures[] {
    const { settings, clock } = this.deps;
    const book = settings.book();
    const now = clock.now();
    const start = settings.countingStart();
    const today = signoffWorkdayOf(now, settings.byDate());
    const focus = this.deps.focus.focusByDate(from, to, now);
    const workdays = new Map<LocalDate, WorkdayFacts>(
      this.deps.workdays.facts(from, to).map((w) => [w.date, w]),
    );
    const out: DayFigures[] = [];
    for (let date = from; date <= to; date = addLocalDays(date, 1)) {
      const rules = book.on(date);
      const workday = workdays.get(date);
      // While Keel followed the system's zone, a past day is read in the zone it recorded then.
      const zone = book.zoneFollowsSystemOn(date) && workday?.zone ? workday.zone : rules.zone;
      out.push(
        dayFigures({
          date,
          rules,
          zone,
          workday,
          focus: focus.get(date) ?? NO_FOCUS,
          now,
          today,
          countFrom: start.firstStart,
          recordsFrom: start.recordsFrom,
        }),
      );
    }
    return out;
  }

  /** One day's figures. */
  day(date: LocalDate): DayFigures {
    return this.days(date, date)[0] as DayFigures;
  }
}
