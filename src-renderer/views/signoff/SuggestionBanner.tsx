import { useState } from 'react';
import type { SignoffResponse, SignoffStatus, SignoffSuggestion } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { MoonIcon } from '../../components/Icons';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { windowMessage } from '../../i18n/window-locale';
import { timeOf } from '../../lib/signoff';
import { formatTime } from '../../lib/time';
import { useSignoff } from '../../stores/signoff';
import './SuggestionBanner.css';

function reasonText(suggested: SignoffSuggestion, status: SignoffStatus): string {
  if (suggested.reason === 'long-day') {
    return status.firstActive !== null
      ? windowMessage('signoff.suggestion.since', { time: formatTime(status.firstActive) })
      : windowMessage('signoff.suggestion.longDay');
  }
  const end =
    status.plannedAt !== null ? timeOf(status.plannedAt) : status.hours ? formatTime(status.hours.end) : null;
  return end !== null
    ? windowMessage('signoff.suggestion.hoursEndedAt', { time: end })
    : windowMessage('signoff.suggestion.hoursEnded');
}

/**
 * The suggestion Keel showed as a notification and nobody answered yet, with the same three
 * answers: sign off (go to the ritual), 15 more minutes, or not today.
 */
export function SuggestionBanner({
  status,
  suggested,
  onSignOff,
}: {
  status: SignoffStatus;
  suggested: SignoffSuggestion;
  onSignOff: () => void;
}) {
  const t = useMessages();
  const respond = useSignoff((s) => s.respond);
  const [busy, setBusy] = useState<SignoffResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function answer(action: SignoffResponse) {
    setBusy(action);
    setError(null);
    const outcome = await respond(action);
    setBusy(null);
    if (!outcome.ok) setError(outcome.message);
  }

  return (
    <Card
      title={t('signoff.suggestion.title')}
      description={reasonText(suggested, status)}
      className="suggestion"
    >
      <span className="suggestion__icon" aria-hidden="true">
        <MoonIcon />
      </span>
      <div className="suggestion__actions">
        <Button variant="primary" onClick={onSignOff}>
          {t('signoff.suggestion.signOff')}
        </Button>
        <Button busy={busy === 'snooze'} disabled={busy !== null} onClick={() => void answer('snooze')}>
          {t('signoff.suggestion.snooze')}
        </Button>
        <Button
          variant="ghost"
          busy={busy === 'not-today'}
          disabled={busy !== null}
          onClick={() => void answer('not-today')}
        >
          {t('signoff.suggestion.notToday')}
        </Button>
      </div>
      {error !== null && (
        <Notice tone="error" className="suggestion__notice">
          {error}
        </Notice>
      )}
    </Card>
  );
}
