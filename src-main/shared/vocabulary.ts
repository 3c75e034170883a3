/**
 * The one vocabulary the window shares with main: labels, limits, choices and the few small
 * rules the window shows before main answers (which weekday the default check-in lands on, how
 * a typed tag is stored). Each is defined once in a pure core module without zod, so the
 * renderer imports these values without taking main's schemas into its bundle.
 */
export {
  CUSTOM_TAGS_MAX,
  DEFAULT_CHECK_TIME,
  QUESTIONNAIRE_DISCLAIMER,
  QUESTIONNAIRE_INTERVAL_DAYS,
  QUESTIONNAIRE_KINDS,
  QUESTIONNAIRE_TITLES,
  TAGS_PER_CHECK_MAX,
  tagLabel,
  tagSlug,
  workingDayBefore,
} from '../core/checkin-vocabulary';
export {
  AGREEMENT_NOTE_MAX_LENGTH,
  NORM_CHANNELS,
  DEFAULT_NORMS,
  NORM_LABELS,
  TEAM_ZONES_MAX,
  TEAMMATE_NAME_MAX_LENGTH,
  type NormChannel,
} from '../core/agreement-vocabulary';
export { ADHOC_MINUTES, INTERRUPTION_KIND_LABELS, INTERRUPTION_KINDS } from '../core/focus-vocabulary';
export {
  DONE_MAX_LENGTH,
  ENERGY_RATING_LABELS,
  ENERGY_RATINGS,
  FIRST_TOMORROW_MAX_LENGTH,
  MAX_UNFINISHED,
  UNFINISHED_TEXT_MAX_LENGTH,
  type EnergyRating,
} from '../core/signoff-vocabulary';
export {
  DATED_KEY_LABELS,
  DATED_KEYS,
  isDatedKey,
  RULE_STATES,
  type DatedKey,
  type RuleState,
} from '../core/rules-vocabulary';
/** A time of day as the user reads it (the system's 12/24-hour choice): core's, never a copy. */
export { formatClockTime, hourCycleOf, type HourCycle } from '../core/hour-cycle';
/** Calendar arithmetic on `YYYY-MM-DD` dates: core/time.ts's, never a second copy. */
export { addLocalDays, MONTH_NAMES, WEEKDAY_NAMES, WEEKDAYS, weekdayOf } from '../core/time';
