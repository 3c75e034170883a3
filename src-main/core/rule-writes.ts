import type { DatedKey, RuleBook, RuleChange } from './rules';
import type { LocalDate } from './time';

/**
 * What storing one dated change means for the changes already stored (docs/decisions/0008).
 *
 * Decisions:
 * - Holidays and focus pauses are lists the user edits item by item: an edit from a date is the
 *   items added and removed against the list in force then, and it is carried into every later
 *   change of the same list, so adding Christmas "from today" survives a pause list already
 *   planned from June, and a sick week added from its start is not hidden by a change since.
 * - Any other rule set from a past date is a correction "from then on": the later changes of it
 *   that are already in force are replaced by it (the figures of every day since are recounted,
 *   as the window says). Changes planned for later dates stay planned.
 */

const LIST_KEYS: ReadonlySet<DatedKey> = new Set<DatedKey>(['holidays', 'focusPauses']);

export interface RuleWrite {
  upserts: RuleChange[];
  deletes: { key: DatedKey; from: LocalDate }[];
}

function keyOf(item: unknown): string {
  return JSON.stringify(item);
}

/** `list` without `removed`, then with whichever of `added` it lacks, in order. */
function applyDelta(
  list: readonly unknown[],
  added: readonly unknown[],
  removed: ReadonlySet<string>,
): unknown[] {
  const kept = list.filter((item) => !removed.has(keyOf(item)));
  const present = new Set(kept.map(keyOf));
  return [...kept, ...added.filter((item) => !present.has(keyOf(item)))];
}

/** The stored changes that setting `key` to `value` from `from` (on `today`) adds, updates and removes. */
export function ruleWrite(
  book: RuleBook,
  change: { key: DatedKey; from: LocalDate; value: unknown },
  today: LocalDate,
): RuleWrite {
  const { key, from, value } = change;
  const later = book.changesOf(key).filter((c) => c.from > from);
  const write: RuleWrite = { upserts: [{ key, from, value }], deletes: [] };
  if (LIST_KEYS.has(key) && Array.isArray(value)) {
    const before = book.on(from)[key] as readonly unknown[];
    const beforeKeys = new Set(before.map(keyOf));
    const valueKeys = new Set(value.map(keyOf));
    const added = value.filter((item) => !beforeKeys.has(keyOf(item)));
    const removed = new Set(before.map(keyOf).filter((k) => !valueKeys.has(k)));
    for (const c of later) {
      const next = applyDelta(c.value as readonly unknown[], added, removed);
      if (keyOf(next) !== keyOf(c.value)) write.upserts.push({ key, from: c.from, value: next });
    }
    return write;
  }
  if (from < today) {
    for (const c of later) if (c.from <= today) write.deletes.push({ key, from: c.from });
  }
  return write;
}
