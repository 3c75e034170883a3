import { protectedMs, type FocusSession, type Interruption, type InterruptionCounts } from './focus';
import { isPaused, occurrencesOn } from './focus-plan';
import type { Rules } from './rules';
import { addLocalDays, startOfLocalDate, type LocalDate } from './time';
import { holidayName, hoursOn, workingSpanOn, type TimeRange } from './working-hours';

/**
 * One day's figures: the single place every number Keel shows about a day comes from. Week
 * stats, the Focus view, creep, `keel day` and the summary all sum these, so the same day never
 * has two different figures, and a summary's totals are the sum of its days.
 *
 * Decisions (docs/decisions/0008):
 * - A day is judged by the rules in force on it (core/rules.ts), never by today's.
 * - Planned focus time is the plan's blocks on a working day: never on a holiday, a pause or a
 *   day without working hours, and never before Keel was counting; a block Keel started in the
 *   middle of counts from that moment.
 * - Keel counts from its first start on the data file. A day that ended before it counts whole
 *   only when something is recorded on it or an earlier date (an import, presence from before);
 *   records on the first start's own day do not move it. Each day is judged in its own zone, so
 *   neither a zone change on day one nor a trip makes an earlier day counted.
 * - Protected time is how long a focus block ran, planned or started on the spot; interruptions
 *   inside it are counted, not subtracted (they are instants, not spans).
 * - Late, a missed sign-off and work on a day off are only judged where Keel was counting: a day
 *   before it is neither missed nor late, and on the first day an evening is judged only if Keel
 *   was running by the end of hours (a first start at 22:55 is not "a late evening").
 */

/** What Keel keeps about one workday: presence (two instants) and the sign-off, if any. */
export interface WorkdayFacts {
  date: LocalDate;
  firstActive: number | null;
  lastActive: number | null;
  signedOffAt: number | null;
  /** The zone Keel recorded the day in. */
  zone?: string;
}

/** "Late" is last activity more than this after the end of hours. */
export const LATE_AFTER_MINUTES = 30;

const MINUTE = 60_000;

export interface DayFiguresInput {
  date: LocalDate;
  rules: Rules;
  /** The zone the day is read in: the rules' zone, or the one recorded that day while following the system. */
  zone: string;
  workday: WorkdayFacts | undefined;
  /** How long the focus sessions whose local date is `date` ran, and its interruptions (see `focusTotals`). */
  focus: FocusTotals;
  now: number;
  /** The current workday: a missing sign-off on it is not settled yet. */
  today: LocalDate;
  /** Keel's first start on this data file: its figures count from this instant. */
  countFrom: number;
  /**
   * The earliest date anything is recorded on (null: nothing yet). A day that ended before the
   * first start is counted whole when something is recorded on it or before it (an import, work
   * from before Keel ran), and so is the first start's own day when a record is dated before it.
   */
  recordsFrom?: LocalDate | null;
}

/** Whether Keel was counting on a day: not yet, from part way through it, or all of it. */
export type Counting = 'before' | 'first' | 'counted';

export interface DayFigures {
  date: LocalDate;
  zone: string;
  counting: Counting;
  hours: TimeRange | null;
  /** No working hours that date (weekend, day off, holiday). */
  dayOff: boolean;
  /** The holiday's note ("Holiday" without one), if the date is in one. */
  holiday: string | null;
  focusPaused: boolean;
  /** The end of working hours, epoch ms; null on a day off. */
  endOfHours: number | null;
  plannedFocusMinutes: number;
  protectedFocusMinutes: number;
  interruptions: InterruptionCounts;
  firstActive: number | null;
  lastActive: number | null;
  signedOffAt: number | null;
  late: boolean;
  /** Activity on a day off. */
  workedDayOff: boolean;
  /** A settled workday with activity and no sign-off. */
  missedSignoff: boolean;
  /** A settled workday with activity where Keel was running by the end of hours. */
  settledWorkday: boolean;
}

/** One date's focus records, summed: whole minutes each session ran, interruptions by kind. */
export interface FocusTotals {
  protectedMinutes: number;
  interruptions: InterruptionCounts;
}

/** The totals of one date's sessions (a running one up to `now`) and interruptions. */
export function focusTotals(
  sessions: readonly FocusSession[],
  interruptions: readonly Interruption[],
  now: number,
): FocusTotals {
  const counts = emptyInterruptionCounts();
  for (const i of interruptions) counts[i.kind]++;
  let minutes = 0;
  for (const s of sessions) minutes += Math.floor(protectedMs(s, now) / MINUTE);
  return { protectedMinutes: minutes, interruptions: counts };
}

export const emptyInterruptionCounts = (): InterruptionCounts => ({
  meeting: 0,
  chat: 0,
  incident: 0,
  other: 0,
});

/**
 * Each day is judged in its own zone alone: neighbouring days read in different zones (a zone
 * changed, a trip) overlap or leave a gap, so an instant or a date computed in another zone could
 * count a day that ended before Keel started, or miss one.
 */
function countingOn(
  date: LocalDate,
  zone: string,
  countFrom: number,
  recordsFrom: LocalDate | null,
): Counting {
  const recorded = (before: (d: LocalDate) => boolean) => recordsFrom !== null && before(recordsFrom);
  if (startOfLocalDate(addLocalDays(date, 1), zone) <= countFrom) {
    return recorded((d) => d <= date) ? 'counted' : 'before';
  }
  if (countFrom <= startOfLocalDate(date, zone)) return 'counted';
  return recorded((d) => d < date) ? 'counted' : 'first';
}

function plannedMinutes(input: DayFiguresInput, counting: Counting): number {
  if (counting === 'before') return 0;
  // Only the first day is cut at the instant counting started.
  const from = counting === 'first' ? input.countFrom : -Infinity;
  let ms = 0;
  for (const o of occurrencesOn(input.date, input.rules, input.zone)) {
    ms += Math.max(0, o.end - Math.max(o.start, from));
  }
  return Math.round(ms / MINUTE);
}

/** The figures of one day under the rules in force on it. */
export function dayFigures(input: DayFiguresInput): DayFigures {
  const { date, rules, zone, workday, countFrom } = input;
  const counting = countingOn(date, zone, countFrom, input.recordsFrom ?? null);
  const hours = hoursOn(date, rules);
  const span = hours === null ? null : workingSpanOn(date, { ...rules, zone });
  const endOfHours = span?.end ?? null;
  const first = workday?.firstActive ?? null;
  const last = workday?.lastActive ?? null;
  const signed = workday?.signedOffAt ?? null;
  const judged =
    counting !== 'before' && endOfHours !== null && (counting !== 'first' || countFrom <= endOfHours);
  const settledWorkday = judged && first !== null && date < input.today;
  return {
    date,
    zone,
    counting,
    hours,
    dayOff: hours === null,
    holiday: holidayName(date, rules),
    focusPaused: isPaused(date, rules.focusPauses),
    endOfHours,
    plannedFocusMinutes: plannedMinutes(input, counting),
    protectedFocusMinutes: input.focus.protectedMinutes,
    interruptions: { ...input.focus.interruptions },
    firstActive: first,
    lastActive: last,
    signedOffAt: signed,
    late: judged && last !== null && endOfHours !== null && last > endOfHours + LATE_AFTER_MINUTES * MINUTE,
    workedDayOff: hours === null && first !== null && counting === 'counted',
    missedSignoff: settledWorkday && signed === null,
    settledWorkday,
  };
}
