import { DATED_KEYS, isDatedKey, SINCE_THE_BEGINNING, type DatedKey } from './rules-vocabulary';
import { settingSchemas, type Settings } from './settings';
import { isLocalDate, type LocalDate } from './time';

// The dated keys live in a zod-free module the window can import; their home for main is here.
export { DATED_KEYS, isDatedKey, SINCE_THE_BEGINNING, type DatedKey } from './rules-vocabulary';

/**
 * Rules that take effect on a date: the settings that decide a day's figures (working hours,
 * holidays, the focus plan and its pauses, the day boundary, the zone and the check-in cadence)
 * are kept with the date each value took effect, and every question about a day is answered with
 * the rules in force on that day.
 *
 * Decisions (docs/decisions/0008):
 * - A change takes effect on a local date ("from today" unless the user names one) and holds until
 *   the next change of the same key. A date before a key's first change has Keel's default for it,
 *   so a default of a dated key must never change without a migration that records the old one.
 * - Values set before dated rules existed are kept as in force since the beginning
 *   (`SINCE_THE_BEGINNING`), by migration 6 and by importing an older export.
 * - A change dated in the past is the user's deliberate correction ("I moved on the 20th"); any
 *   other change leaves every past day's figures exactly as they were.
 * - The zone, while the user never set one, follows the system: a past day then keeps the zone
 *   Keel recorded on that day (see `zoneFollowsSystemOn`).
 * - `on(date)` is memoised: the same set of rules in force is one object, so per-day work can be
 *   cached by identity.
 */

/** One dated change of one rule, as stored (the value is validated when the book is built). */
export interface RuleChange {
  key: DatedKey;
  from: LocalDate;
  value: unknown;
}

/** The rules a day is judged by: the settings in force on it. */
export type Rules = Settings;

interface Entry {
  from: LocalDate;
  value: unknown;
}

export function isEffectiveDate(value: string): boolean {
  return value === SINCE_THE_BEGINNING || isLocalDate(value);
}

/**
 * Every dated rule's history over `base` (the undated settings with Keel's defaults). Changes
 * whose value no longer validates (edited by hand, written by an older Keel) are ignored, like
 * stored settings are.
 */
export class RuleBook {
  private readonly entries = new Map<DatedKey, Entry[]>();
  private readonly byDate = new Map<LocalDate, Rules>();
  private readonly bySignature = new Map<string, Rules>();

  constructor(
    readonly base: Settings,
    changes: readonly RuleChange[],
  ) {
    for (const change of changes) {
      if (!isDatedKey(change.key) || !isEffectiveDate(change.from)) continue;
      const parsed = settingSchemas[change.key].safeParse(change.value);
      if (!parsed.success) continue;
      const list = this.entries.get(change.key) ?? [];
      list.push({ from: change.from, value: parsed.data });
      this.entries.set(change.key, list);
    }
    for (const list of this.entries.values())
      list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }

  /** The settings in force on `date`. */
  on(date: LocalDate): Rules {
    const known = this.byDate.get(date);
    if (known) return known;
    const picks: number[] = [];
    for (const key of DATED_KEYS) picks.push(this.indexOn(key, date));
    const signature = picks.join(',');
    let rules = this.bySignature.get(signature);
    if (!rules) {
      const next: Record<string, unknown> = { ...this.base };
      DATED_KEYS.forEach((key, i) => {
        const index = picks[i] as number;
        if (index >= 0) next[key] = (this.entries.get(key) as Entry[])[index]?.value;
      });
      rules = next as Rules;
      this.bySignature.set(signature, rules);
    }
    if (this.byDate.size > 20_000) this.byDate.clear();
    this.byDate.set(date, rules);
    return rules;
  }

  /** True when the user had not set a zone by `date`: Keel then follows the system's. */
  zoneFollowsSystemOn(date: LocalDate): boolean {
    return this.indexOn('zone', date) < 0;
  }

  /** The changes of `key`, oldest first. */
  changesOf(key: DatedKey): readonly { from: LocalDate; value: unknown }[] {
    return this.entries.get(key) ?? [];
  }

  /** Every change, by key and then date. */
  changes(): RuleChange[] {
    return DATED_KEYS.flatMap((key) =>
      this.changesOf(key).map((e) => ({ key, from: e.from, value: e.value })),
    );
  }

  /** Changes that take effect after `date`, soonest first. */
  changesAfter(date: LocalDate): RuleChange[] {
    return this.changes()
      .filter((c) => c.from > date)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.key < b.key ? -1 : 1));
  }

  /** The index of the change of `key` in force on `date`, or -1 for Keel's default. */
  private indexOn(key: DatedKey, date: LocalDate): number {
    const list = this.entries.get(key);
    if (!list) return -1;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Entry).from <= date) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

/** What planning and counting read: today's settings, and the settings in force on any date. */
export interface RulesView {
  /** In force today. */
  readonly current: Rules;
  on(date: LocalDate): Rules;
}

/** One set of rules for every date (tests, and callers that know no history). */
export function fixedRules(settings: Settings): RulesView {
  return { current: settings, on: () => settings };
}
