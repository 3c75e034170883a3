import { addLocalDays, weekStartOf, type LocalDate } from './time';

/**
 * Which state the Today card is in, and whether today opens a working week (the recap of the
 * last one shows then). Pure: the service passes the instant and the workday's working span.
 *
 * Decisions:
 * - The day is the sign-off's workday (a night shift keeps its start date until it ends).
 * - A workday without working hours (a weekend, a day off, a holiday) is "quiet" all day.
 * - Before the start of hours is "before"; from the start to the end "during"; from the end on,
 *   or once the day is signed off (even early), "after".
 * - The first working day of a week is the workday when no earlier date of its ISO week
 *   (Monday on) has working hours by the rules in force on that date; a Tuesday after a Monday
 *   holiday opens its week.
 */
export type TodayPhase = 'quiet' | 'before' | 'during' | 'after';

export interface TodayPhaseInput {
  now: number;
  /** The workday's working span (epoch ms), or null on a day without working hours. */
  span: { start: number; end: number } | null;
  signedOff: boolean;
}

export interface TodayPhaseResult {
  phase: TodayPhase;
  /** The next instant the phase changes by time alone (start or end of hours); null when none. */
  changesAt: number | null;
}

export function todayPhase(input: TodayPhaseInput): TodayPhaseResult {
  const { now, span, signedOff } = input;
  if (span === null) return { phase: 'quiet', changesAt: null };
  if (signedOff) return { phase: 'after', changesAt: null };
  if (now < span.start) return { phase: 'before', changesAt: span.start };
  if (now < span.end) return { phase: 'during', changesAt: span.end };
  return { phase: 'after', changesAt: null };
}

/**
 * Whether `workday` is the first working day of its ISO week: it has hours and no earlier date of
 * the week does (`hasHours` answers by the rules in force on each date).
 */
export function opensWeek(workday: LocalDate, hasHours: (date: LocalDate) => boolean): boolean {
  if (!hasHours(workday)) return false;
  for (let date = weekStartOf(workday); date < workday; date = addLocalDays(date, 1)) {
    if (hasHours(date)) return false;
  }
  return true;
}

/** The ISO week (Monday to Sunday) before the one `date` is in. */
export function weekBefore(date: LocalDate): { from: LocalDate; to: LocalDate } {
  const from = addLocalDays(weekStartOf(date), -7);
  return { from, to: addLocalDays(from, 6) };
}
