import { creepSummaryIn, type CreepCounts } from '../../src-main/shared/i18n/creep-summary';
import { messagesFor } from '../../src-main/shared/i18n/intl';

const english = messagesFor({ messages: 'en-US', format: 'en-US' });

/** The creep card's sentences for these counts, in US English (as the window says them). */
export function englishCreepSummary(counts: CreepCounts): string {
  return creepSummaryIn(english.t, counts);
}
