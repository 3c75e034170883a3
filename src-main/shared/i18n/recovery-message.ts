/**
 * What Keel says when its data file could not be used at start-up (storage/recovery.ts): why, where
 * the old file went, and what Keel started with — in `t`'s language, from the facts main keeps
 * (RecoveryDto). The window's banner, the start-up notification and `keel` say the same words.
 */
import type { MessageId } from './catalog';
import type { MessageValues } from './intl-core';

export interface RecoveryFacts {
  reason: 'damaged' | 'newer';
  /** Where the unusable file now is. */
  movedTo: string;
  /** The restored backup's local time, as the caller writes it; null when Keel started empty. */
  restored: { date: string; time: string } | null;
}

type Translate = (id: MessageId, values?: MessageValues) => string;

export function recoveryMessageIn(t: Translate, facts: RecoveryFacts): string {
  const why = t(facts.reason === 'newer' ? 'app.recovery.newer' : 'app.recovery.damaged', {
    path: facts.movedTo,
  });
  const then = facts.restored
    ? t('app.recovery.restored', { date: facts.restored.date, time: facts.restored.time })
    : t('app.recovery.afresh');
  return t('app.recovery.message', { why, then });
}
