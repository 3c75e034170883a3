import type { Clock } from '../core/clock';
import { occurrencesOn } from '../core/focus-plan';
import { signoffWorkdayOf } from '../core/signoff-policy';
import type { SummarySectionModel } from '../core/summary-sections';
import {
  addLocalDays,
  clockTimeOf,
  instantAt,
  startOfLocalDate,
  localDateOf,
  toLocalIso,
  type LocalDate,
} from '../core/time';
import { opensWeek, todayPhase, weekBefore } from '../core/today-phase';
import { exportLanguage } from '../core/export-language';
import { weekRecap, type RecapWeekInput, type WeekRecap } from '../core/week-recap';
import { holidayName, hoursOn, workingSpanOn } from '../core/working-hours';
import type { TodayCard } from '../shared/today-dto';
import type { CheckinService } from './checkin-service';
import type { FiguresService } from './figures-service';
import type { FocusService } from './focus-service';
import type { SettingsService } from './settings-service';
import type { SummaryService } from './summary-service';

type Section<K extends SummarySectionModel['kind']> = Extract<SummarySectionModel, { kind: K }>;

/**
 * The Today card: which state the day is in (core/today-phase.ts) and the few figures Today
 * shows. Every figure comes from the services the Focus view and the summary use (FiguresService
 * and SummaryService.build), never from a computation of its own, so Today, Focus and the summary
 * always agree, and a past week reads the same whatever the settings are now.
 */
export class TodayService {
  constructor(
    private readonly deps: {
      settings: SettingsService;
      figures: Pick<FiguresService, 'day' | 'days'>;
      summary: Pick<SummaryService, 'build'>;
      checkin: Pick<CheckinService, 'agendaSource'>;
      focus: Pick<FocusService, 'running'>;
      clock: Clock;
    },
  ) {}

  /** `locale`: the window's language, for the recap's words (en-US when not given). */
  card(locale?: string | null): TodayCard {
    const { settings, figures, focus, clock } = this.deps;
    const now = clock.now();
    const zone = settings.get().zone;
    const workday = signoffWorkdayOf(now, settings.byDate());
    const rules = settings.on(workday);
    const span = workingSpanOn(workday, rules);
    const signedOff = figures.day(workday).signedOffAt !== null;
    const { phase, changesAt: byHours } = todayPhase({ now, span, signedOff });
    // A block past its end is over whether or not the focus reactor has closed it yet.
    const session = focus.running();
    const running = session !== undefined && session.plannedEnd > now ? session : null;
    const byTime = byHours ?? this.nextWorkdayCheck(now, workday);
    // A running block's end changes the card too (back to the phase's own).
    const changesAt = running !== null ? Math.min(byTime, running.plannedEnd) : byTime;
    const today = localDateOf(now, zone);
    const hasHours = (date: LocalDate) => hoursOn(date, settings.on(date)) !== null;
    return {
      now: toLocalIso(now, zone),
      workday,
      phase,
      changesAt: toLocalIso(changesAt, zone),
      hours: hoursOn(workday, rules),
      blocks: occurrencesOn(workday, rules).map((o) => ({ start: o.startTime, end: o.endTime })),
      running:
        running === null
          ? null
          : {
              kind: running.kind,
              startedAt: toLocalIso(running.startedAt, zone),
              endsAt: toLocalIso(running.plannedEnd, zone),
              endTime: clockTimeOf(running.plannedEnd, zone),
            },
      quietReason: span === null ? (holidayName(workday, rules) ?? 'Day off') : null,
      // The workday's, as the card's state and hours are: after midnight, before the day boundary,
      // the after-hours card still speaks of the day being signed off.
      protectedTodayMinutes: figures.day(workday).protectedFocusMinutes,
      checkinDue: this.checkinDue(now, today, zone),
      recap: opensWeek(workday, hasHours) ? this.countedRecap(workday, locale ?? null) : null,
    };
  }

  /**
   * When a card with no hours left (after hours, a quiet day) must be read again: the next day's
   * boundary, where the sign-off's workday moves on (a window left open overnight then shows the
   * new day, not yesterday's sign-off). Past it, while a late shift still holds the workday, every
   * quarter of an hour.
   */
  private nextWorkdayCheck(now: number, workday: LocalDate): number {
    const { zone, dayBoundary } = this.deps.settings.get();
    const boundary = instantAt(addLocalDays(workday, 1), dayBoundary, zone);
    return boundary > now ? boundary : now + 15 * 60_000;
  }

  /** The recap, unless Keel counted no day of last week (a new user's first week): no card of zeros. */
  private countedRecap(date: LocalDate, locale: string | null): WeekRecap | null {
    const recap = this.recap(date, locale);
    return recap.counted ? recap : null;
  }

  /** The week before `date`'s week, against the one before it. */
  recap(date: LocalDate, locale: string | null = null): WeekRecap {
    const last = weekBefore(date);
    const previous = weekBefore(last.from);
    const lastWeek = this.week(last.from, last.to, locale);
    const before = this.week(previous.from, previous.to, locale).input;
    return weekRecap(lastWeek.input, before, lastWeek.talkingPoints, exportLanguage(locale));
  }

  private week(from: LocalDate, to: LocalDate, locale: string | null) {
    const { model } = this.deps.summary.build({
      from,
      to,
      sections: ['trends', 'focus', 'endOfDay', 'talkingPoints'],
      ...(locale === null ? {} : { locale }),
    });
    const find = <K extends SummarySectionModel['kind']>(kind: K): Section<K> =>
      model.sections.find((s): s is Section<K> => s.kind === kind) as Section<K>;
    const counted = this.deps.figures.days(from, to).some((d) => d.counting !== 'before');
    const input: RecapWeekInput = {
      from,
      to,
      counted,
      focus: find('focus'),
      endOfDay: find('endOfDay'),
      trends: find('trends'),
    };
    return { input, talkingPoints: find('talkingPoints') };
  }

  /** A prompt's time came today and it was not answered by a check-in, a skip or a snooze. */
  private checkinDue(now: number, today: LocalDate, zone: string): boolean {
    const from = startOfLocalDate(today, zone);
    return this.deps.checkin.agendaSource.eventsBetween(from, now + 1, this.deps.settings.view()).length > 0;
  }
}
