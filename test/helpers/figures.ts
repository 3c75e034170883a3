import { dayFigures, focusTotals, type DayFigures, type WorkdayFacts } from '../../src-main/core/day-figures';
import type { FocusSession, Interruption, InterruptionKind } from '../../src-main/core/focus';
import { fixedRules, type RulesView } from '../../src-main/core/rules';
import type { Settings } from '../../src-main/core/settings';
import type { SummaryDays } from '../../src-main/core/summary-sections';
import { addLocalDays, instantAt, type LocalDate } from '../../src-main/core/time';

/** Long before any test's dates: Keel was counting all along. */
export const COUNTING_ALL_ALONG = Date.parse('2000-01-01T00:00:00Z');

export interface FiguresOver {
  /** One set of settings for every date, or the rules in force by date. */
  rules: Settings | RulesView;
  from: LocalDate;
  to: LocalDate;
  /** The current workday (a missing sign-off on it is not settled yet). */
  today: LocalDate;
  workdays?: readonly WorkdayFacts[];
  sessions?: readonly FocusSession[];
  interruptions?: readonly Interruption[];
  /** Default: noon of `today` in the zone in force then. */
  now?: number;
  /** Default: counting all along. */
  countFrom?: number;
}

const isView = (rules: Settings | RulesView): rules is RulesView =>
  typeof (rules as RulesView).on === 'function';

/**
 * Each date's figures from `from` to `to`, as FiguresService builds them from stored records:
 * every date under the rules in force on it, in that rules' zone.
 */
export function figuresOver(input: FiguresOver): DayFigures[] {
  const view = isView(input.rules) ? input.rules : fixedRules(input.rules);
  const now = input.now ?? instantAt(input.today, '12:00', view.on(input.today).zone);
  const out: DayFigures[] = [];
  for (let date = input.from; date <= input.to; date = addLocalDays(date, 1)) {
    const rules = view.on(date);
    out.push(
      dayFigures({
        date,
        rules,
        zone: rules.zone,
        workday: input.workdays?.find((w) => w.date === date),
        focus: focusTotals(
          (input.sessions ?? []).filter((s) => s.localDate === date),
          (input.interruptions ?? []).filter((i) => i.localDate === date),
          now,
        ),
        now,
        today: input.today,
        countFrom: input.countFrom ?? COUNTING_ALL_ALONG,
      }),
    );
  }
  return out;
}

/** The summary's view of the days, decided as SummaryService decides it. */
export function summaryDaysOf(days: readonly DayFigures[]): SummaryDays {
  return {
    days,
    hasFocusData: days.some((d) => d.plannedFocusMinutes > 0 || d.protectedFocusMinutes > 0),
    hasWorkdayData: days.some((d) => d.firstActive !== null || d.signedOffAt !== null),
  };
}

/** No figures at all: Keel holds no focus or end-of-day records for the period. */
export const NO_FIGURES: SummaryDays = { days: [], hasFocusData: false, hasWorkdayData: false };

let nextId = 1;

/** A focus block that ran `minutes` from `start` on `date` in `zone`, and ended. */
export function ranSession(date: LocalDate, start: string, minutes: number, zone: string): FocusSession {
  const startedAt = instantAt(date, start, zone);
  return {
    id: nextId++,
    kind: 'adhoc',
    occurrenceId: null,
    startedAt,
    plannedEnd: startedAt + minutes * 60_000,
    endedAt: startedAt + minutes * 60_000,
    endReason: 'completed',
    localDate: date,
    zone,
  };
}

/** An interruption of `session`, `minutesIn` after it started. */
export function interruptionOf(session: FocusSession, kind: InterruptionKind, minutesIn = 10): Interruption {
  return {
    id: nextId++,
    sessionId: session.id,
    at: session.startedAt + minutesIn * 60_000,
    kind,
    note: null,
    localDate: session.localDate,
  };
}
