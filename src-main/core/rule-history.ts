import type { RuleChange } from './rules';
import { ruleStateOf, SINCE_THE_BEGINNING, type DatedKey, type RuleState } from './rules-vocabulary';
import type { Settings } from './settings';
import type { LocalDate } from './time';

/** One change of a dated rule as the window and `keel settings history` show it. */
export type RuleHistoryEntry = {
  [K in DatedKey]: {
    key: K;
    /** When it takes effect; null for a value in force since the beginning. */
    from: LocalDate | null;
    value: Settings[K];
    state: RuleState;
  };
}[DatedKey];

/**
 * Every change of every dated rule with how it stands on `today`, by rule and then date, as the
 * book lists them (`RuleBook.changes()`, whose values are validated against each key's schema).
 */
export function ruleHistory(changes: readonly RuleChange[], today: LocalDate): RuleHistoryEntry[] {
  return changes.map((change, i) => {
    const following = changes[i + 1];
    const next = following?.key === change.key ? following.from : undefined;
    return {
      key: change.key,
      from: change.from === SINCE_THE_BEGINNING ? null : change.from,
      // The book kept only values its key's schema accepted.
      value: change.value as Settings[typeof change.key],
      state: ruleStateOf(change.from, next, today),
    } as RuleHistoryEntry;
  });
}
