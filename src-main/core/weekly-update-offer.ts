import { addLocalDays, weekStartOf, type LocalDate } from './time';

/**
 * When Keel offers to draft the weekly update: one line on the sign-off screen, never a
 * notification of its own.
 *
 * Decisions:
 * - A week is Monday to Sunday (as Keel's other weekly figures). Its last working day is the
 *   latest date in it with working hours by the rules in force on that date (a Friday holiday
 *   makes Thursday the last; a week of holidays has none, and no offer).
 * - The offer shows only on that workday, after it was signed off, and never while a focus block
 *   runs. It is not replayed: the next workday is in another week, or is not the last.
 * - Answered once ("Draft it" or "Skip"), it does not come back that week.
 */

export interface UpdateWeek {
  from: LocalDate;
  to: LocalDate;
}

/** The Monday-to-Sunday week holding `date`. */
export function weekOf(date: LocalDate): UpdateWeek {
  const from = weekStartOf(date);
  return { from, to: addLocalDays(from, 6) };
}

/** The last date of `date`'s week that has working hours, or null when none has. */
export function lastWorkingDayOfWeek(
  date: LocalDate,
  hasHours: (date: LocalDate) => boolean,
): LocalDate | null {
  const { from } = weekOf(date);
  for (let i = 6; i >= 0; i--) {
    const day = addLocalDays(from, i);
    if (hasHours(day)) return day;
  }
  return null;
}

export interface UpdateOfferInput {
  /** The current workday (core/signoff-policy.ts `signoffWorkdayOf`). */
  workday: LocalDate;
  /** The current workday was signed off. */
  signedOff: boolean;
  focusRunning: boolean;
  /** The Monday of the week whose offer was last answered, if any. */
  answeredWeek: LocalDate | null;
  /** Whether a date has working hours by the rules in force on it. */
  hasHours: (date: LocalDate) => boolean;
}

/** The week to offer the update for now, or null (see the module's decisions). */
export function updateOfferWeek(input: UpdateOfferInput): UpdateWeek | null {
  if (!input.signedOff || input.focusRunning) return null;
  const week = weekOf(input.workday);
  if (input.answeredWeek === week.from) return null;
  return lastWorkingDayOfWeek(input.workday, input.hasHours) === input.workday ? week : null;
}
