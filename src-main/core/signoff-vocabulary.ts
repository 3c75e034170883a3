/**
 * The sign-off ritual's words and limits, apart from its zod schema (core/signoff.ts) so the
 * window can import them as values through src-main/shared/ without taking zod into its bundle.
 */

import { ENERGY_LABELS } from './checkin-vocabulary';

export const ENERGY_RATINGS = [1, 2, 3, 4, 5] as const;
export type EnergyRating = (typeof ENERGY_RATINGS)[number];
/** The one energy scale: the check-in's words (core/checkin-vocabulary.ts), not a second set. */
export const ENERGY_RATING_LABELS: Readonly<Record<EnergyRating, string>> = ENERGY_LABELS;

/** The ritual lists at most this many unfinished things. */
export const MAX_UNFINISHED = 10;
/** "What got done". */
export const DONE_MAX_LENGTH = 2000;
/** An unfinished thing, and its plan for tomorrow, each. */
export const UNFINISHED_TEXT_MAX_LENGTH = 200;
/** "First thing tomorrow". */
export const FIRST_TOMORROW_MAX_LENGTH = 280;
