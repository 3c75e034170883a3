/**
 * The sign-off ritual's words and limits, apart from its zod schema (core/signoff.ts) so the
 * window can import them as values through src-main/shared/ without taking zod into its bundle.
 */

export const ENERGY_RATINGS = [1, 2, 3, 4, 5] as const;
export type EnergyRating = (typeof ENERGY_RATINGS)[number];
export const ENERGY_RATING_LABELS: Readonly<Record<EnergyRating, string>> = {
  1: 'Drained',
  2: 'Low',
  3: 'Okay',
  4: 'Good',
  5: 'Energised',
};

/** The ritual lists at most this many unfinished things. */
export const MAX_UNFINISHED = 10;
/** "What got done". */
export const DONE_MAX_LENGTH = 2000;
/** An unfinished thing, and its plan for tomorrow, each. */
export const UNFINISHED_TEXT_MAX_LENGTH = 200;
/** "First thing tomorrow". */
export const FIRST_TOMORROW_MAX_LENGTH = 280;
