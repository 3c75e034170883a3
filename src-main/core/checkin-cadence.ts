import { z } from 'zod';
import { DEFAULT_CHECK_TIME, workingDayBefore } from './checkin-vocabulary';
import { isClockTime, WEEKDAY_NAMES } from './time';
import { weekdaySchema } from './validation';
import type { WorkingHours } from './working-hours';

/**
 * When Keel asks for the quick check: the cadence setting, its default and how it is described.
 * The prompts it plans are in checkin-prompts.ts.
 *
 * Decisions:
 * - Four modes: daily at a time, weekly on a weekday at a time, at sign-off (the runtime asks
 *   right after the shutdown ritual, so nothing is planned on the agenda), or manual only.
 * - The default is weekly, on the working day before the usual one-on-one, at 16:00: late enough
 *   that most of the week has happened, early enough to be in working hours. "Working day" means
 *   a weekday with working hours (Monday–Friday when none are given), so a Monday one-on-one gets a
 *   Friday prompt. Without a known one-on-one the default is Friday at 16:00.
 */

const clockTime = z.string({ message: 'Use a 24-hour time such as 16:00.' }).refine(isClockTime, {
  message: 'Use a 24-hour time such as 16:00.',
});

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
    strictShape({ mode: z.literal('weekly'), weekday: weekdaySchema, time: clockTime }),
    strictShape({ mode: z.literal('signoff') }),
    strictShape({ mode: z.literal('manual') }),
  ],
  { message: 'Choose a cadence: daily, weekly, signoff or manual.' },
);
export type Cadence = z.infer<typeof cadenceSchema>;

/** The user's usual one-on-one. */
export const oneOnOneSchema = z.strictObject(
  { weekday: weekdaySchema, time: clockTime },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `A one-on-one has no field ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
        : 'A one-on-one needs a weekday and a time.',
  },
);
export type OneOnOne = z.infer<typeof oneOnOneSchema>;

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
