/**
 * The creep card's kind sentences ("2 evenings ran late. Every workday ended with a sign-off.") in
 * `t`'s language, from the counts main sends (core/signoff.ts): counts, never a score. One
 * function for the window and for main's English `summary` field, so the two never say different
 * things.
 */
import type { MessageId } from './catalog';
import type { MessageValues } from './intl-core';

export interface CreepCounts {
  lateEvenings: number;
  daysOffWorked: number;
  daysWithoutSignoff: number;
  activeWorkdays: number;
  settledWorkdays: number;
  trend: 'later' | 'earlier' | 'steady' | 'not-enough-data';
}

type Translate = (id: MessageId, values?: MessageValues) => string;

export function creepSummaryIn(t: Translate, s: CreepCounts): string {
  if (s.activeWorkdays === 0 && s.daysOffWorked === 0) return t('signoff.creep.summary.noActivity');
  const parts: string[] = [];
  // Evenings "stayed your own" only once Keel has seen one end.
  if (s.lateEvenings === 0 && s.daysOffWorked === 0) {
    if (s.settledWorkdays > 0) parts.push(t('signoff.creep.summary.ownTime'));
  } else if (s.daysOffWorked === 0) {
    parts.push(t('signoff.creep.summary.late', { count: s.lateEvenings }));
  } else if (s.lateEvenings === 0) {
    parts.push(t('signoff.creep.summary.daysOff', { count: s.daysOffWorked }));
  } else {
    parts.push(t('signoff.creep.summary.lateAndDaysOff', { late: s.lateEvenings, off: s.daysOffWorked }));
  }
  // Only a claim about days Keel saw end: on day one there is nothing to say yet.
  if (s.daysWithoutSignoff === 0) {
    if (s.settledWorkdays > 0) parts.push(t('signoff.creep.summary.allSignedOff'));
  } else parts.push(t('signoff.creep.summary.missed', { count: s.daysWithoutSignoff }));
  if (s.trend === 'later') parts.push(t('signoff.creep.summary.later'));
  if (s.trend === 'earlier') parts.push(t('signoff.creep.summary.earlier'));
  return parts.length === 0 ? t('signoff.creep.summary.nothingYet') : parts.join(' ');
}
