import type { SignoffStatus } from '../../api/types';
import { Card } from '../../components/Card';
import { ClockIcon } from '../../components/Icons';
import { useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';
import { presenceLine, timeOf } from '../../lib/signoff';
import './DayCard.css';

/** What the sign-off state means right now, when it is worth a sentence. */
function stateLine(status: SignoffStatus): string | null {
  if (status.signedOff !== null) return null;
  if (status.notToday) return windowMessage('signoff.day.notToday');
  if (status.snoozedUntil !== null)
    return windowMessage('signoff.day.snoozed', { time: timeOf(status.snoozedUntil) });
  return null;
}

/**
 * The workday's presence: the first and last activity Keel noticed, which are all it keeps, and
 * whether a suggestion is snoozed or set aside for today.
 */
export function DayCard({ status }: { status: SignoffStatus }) {
  const t = useMessages();
  const presence = presenceLine(status);
  const state = stateLine(status);
  return (
    <Card title={t('signoff.day.title')} className="day-card">
      <p className="day-card__presence">
        <ClockIcon className="day-card__icon" aria-hidden="true" />
        <span className="tabular">{presence ?? t('signoff.day.noActivity')}</span>
      </p>
      <p className="day-card__privacy">{t('signoff.day.privacy')}</p>
      {state !== null && <p className="day-card__state">{state}</p>}
    </Card>
  );
}
