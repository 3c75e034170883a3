import { z } from 'zod';
import type { AgendaEvent, AgendaSource } from './agenda';
import { DEFAULT_CHECK_TIME, workingDayBefore } from './checkin-vocabulary';
import type { WorkingHours } from './settings';
import {
  addLocalDays,
  instantAt,
  isClockTime,
  localDateOf,
  WEEKDAY_NAMES,
  WEEKDAYS,
  weekdayOf,
  type LocalDate,
} from './time';

/**
 * When Keel asks for the quick check.
 *
 * Decisions:
 * - Four modes: daily at a time, weekly on a weekday at a time, at sign-off (the runtime asks
 *   right after the shutdown ritual, so nothing is planned on the agenda), or manual only.
 * - Daily prompts fire only on workdays: by default the weekdays that have working hours (the
 *   agenda source reads them from the settings), or whatever `isWorkday` says. Weekly prompts fire
 *   on their weekday whatever the working hours, because the user picked that day on purpose.
 * - Prompts keep their local time across DST; a time skipped by the spring change moves forward by
 *   the gap (02:30 becomes 03:30), like every other planned event.
 * - The default is weekly, on the working day before the usual one-on-one, at 16:00: late enough
 *   that most of the week has happened, early enough to be in working hours. "Working day" means
 *   a weekday with working hours (Monday–Friday when none are given), so a Monday one-on-one gets a
 *   Friday prompt. Without a known one-on-one the default is Friday at 16:00.
 * - Ids are `check:YYYY-MM-DD@HH:MM` with the local date and the planned (not the shifted) time,
 *   so snoozes and skips survive re-plans and a change of zone.
 */

const clockTime = z.string({ message: 'Use a 24-hour time such as 16:00.' }).refine(isClockTime, {
  message: 'Use a 24-hour time such as 16:00.',
});

const weekday = z.enum(WEEKDAYS, { message: 'Use a weekday: mon, tue, wed, thu, fri, sat or sun.' });

export const CADENCE_MODES = ['daily', 'weekly', 'signoff', 'manual'] as const;
export type CadenceMode = (typeof CADENCE_MODES)[number];

/** A strict object whose unknown fields are named in one sentence. */
function strictShape<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A cadence has no field ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : undefined,
  });
}

export const cadenceSchema = z.discriminatedUnion(
  'mode',
  [
    strictShape({ mode: z.literal('daily'), time: clockTime }),
    strictShape({ mode: z.literal('weekly'), weekday, time: clockTime }),
    strictShape({ mode: z.literal('signoff') }),
    strictShape({ mode: z.literal('manual') }),
  ],
  { message: 'Choose a cadence: daily, weekly, signoff or manual.' },
);
export type Cadence = z.infer<typeof cadenceSchema>;

/** The user's usual one-on-one. */
export const oneOnOneSchema = z.strictObject(
  { weekday, time: clockTime },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A one-on-one has no field ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : 'A one-on-one needs a weekday and a time.',
  },
);
export type OneOnOne = z.infer<typeof oneOnOneSchema>;

export { DEFAULT_CHECK_TIME, workingDayBefore };
export const CHECK_PROMPT_TITLE = 'Quick check';

/** Weekly, on the working day before the one-on-one, at 16:00 (Friday without a one-on-one). */
export function defaultCadence(oneOnOne: OneOnOne | null, workingHours?: WorkingHours): Cadence {
  return {
    mode: 'weekly',
    weekday: oneOnOne ? workingDayBefore(oneOnOne.weekday, workingHours) : 'fri',
    time: DEFAULT_CHECK_TIME,
  };
}

/** A short description for settings and the command line ("Weekly on Friday at 16:00"). */
export function describeCadence(cadence: Cadence): string {
  switch (cadence.mode) {
    case 'daily':
      return `Every workday at ${cadence.time}`;
    case 'weekly':
      return `Weekly on ${WEEKDAY_NAMES[cadence.weekday]} at ${cadence.time}`;
    case 'signoff':
      return 'At sign-off';
    case 'manual':
      return 'Only when I choose';
  }
}

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
 * (the service owns where it is stored); daily prompts skip weekdays without working hours.
 */
export function makeCheckSource(getCadence: () => Cadence): AgendaSource {
  return {
    name: 'check',
    eventsBetween(from, to, settings) {
      return checkPromptsBetween(from, to, getCadence(), settings.zone, {
        isWorkday: (date) => settings.workingHours[weekdayOf(date)] !== null,
      });
    },
  };
}
