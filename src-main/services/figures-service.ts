import type { Clock } from '../core/clock';
import { dayFigures, type DayFigures, type WorkdayFacts } from '../core/day-figures';
import type { FocusSession, Interruption } from '../core/focus';
import { signoffWorkdayOf } from '../core/signoff-policy';
import { addLocalDays, type LocalDate } from '../core/time';
import type { FocusRepo } from '../storage/focus-repo';
import type { WorkdayRepo } from '../storage/workday-repo';
import type { SettingsService } from './settings-service';

function byDate<T>(items: readonly T[], dateOf: (item: T) => LocalDate): Map<LocalDate, T[]> {
  const out = new Map<LocalDate, T[]>();
  for (const item of items) {
    const date = dateOf(item);
    const list = out.get(date);
    if (list) list.push(item);
    else out.set(date, [item]);
  }
  return out;
}

/**
 * Every day's figures (core/day-figures.ts) from the stored records and the rules in force on
 * each day: the one source of the Focus view's stats, creep, `keel day` and the summary.
 */
export class FiguresService {
  constructor(
    private readonly deps: {
      settings: SettingsService;
      focus: Pick<FocusRepo, 'sessionsBetween' | 'interruptionsBetween'>;
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
    const today = signoffWorkdayOf(now, settings.get());
    const sessions = byDate<FocusSession>(this.deps.focus.sessionsBetween(from, to), (s) => s.localDate);
    const interruptions = byDate<Interruption>(
      this.deps.focus.interruptionsBetween(from, to),
      (i) => i.localDate,
    );
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
          sessions: sessions.get(date) ?? [],
          interruptions: interruptions.get(date) ?? [],
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
