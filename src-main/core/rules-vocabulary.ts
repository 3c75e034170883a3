import type { SettingKey } from './settings';

/**
 * The words of rules that take effect on a date, apart from core/rules.ts (which validates values
 * with zod), so the window can import them as values through src-main/shared/: which settings are
 * dated, what each is called, and how a change stands against today.
 */

export const DATED_KEYS = [
  'zone',
  'workingHours',
  'dayBoundary',
  'focusPlan',
  'focusPauses',
  'holidays',
  'checkins',
  'oneOnOne',
] as const satisfies readonly SettingKey[];
export type DatedKey = (typeof DATED_KEYS)[number];

export function isDatedKey(key: string): key is DatedKey {
  return (DATED_KEYS as readonly string[]).includes(key);
}

/** The effective date of a value set before rules were dated: always in force. */
export const SINCE_THE_BEGINNING = '0000-01-01';

/** What each dated rule is called in a sentence ("From 1 Jan 2027: working hours …"). */
export const DATED_KEY_LABELS: Readonly<Record<DatedKey, string>> = {
  zone: 'time zone',
  workingHours: 'working hours',
  dayBoundary: 'day boundary',
  focusPlan: 'focus plan',
  focusPauses: 'focus pauses',
  holidays: 'holidays and days off',
  checkins: 'check-ins',
  oneOnOne: 'one-on-one',
};

/**
 * How a change stands today: it held once and a later one replaced it (`past`), it is the one in
 * force (`in-force`), or it takes effect after today (`upcoming`).
 */
export const RULE_STATES = ['past', 'in-force', 'upcoming'] as const;
export type RuleState = (typeof RULE_STATES)[number];

/**
 * The state of a change taking effect on `from`, given when the next change of the same rule takes
 * effect (`next`, if there is one). Dates are `YYYY-MM-DD`, so they compare as strings.
 */
export function ruleStateOf(from: string, next: string | undefined, today: string): RuleState {
  if (from > today) return 'upcoming';
  return next !== undefined && next <= today ? 'past' : 'in-force';
}
