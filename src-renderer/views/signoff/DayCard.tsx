import type { SignoffStatus } from '../../api/types';
import { Card } from '../../components/Card';
import { ClockIcon } from '../../components/Icons';
import { presenceLine, timeOf } from '../../lib/signoff';
import './DayCard.css';

/** What the sign-off state means right now, when it is worth a sentence. */
function stateLine(status: SignoffStatus): string | null {
  if (status.signedOff !== null) return null;
  if (status.notToday)
    return 'No more sign-off suggestions today. You can still sign off here whenever you like.';
  if (status.snoozedUntil !== null) return `Keel will ask again around ${timeOf(status.snoozedUntil)}.`;
  return null;
}

/**
 * The workday's presence: the first and last activity Keel noticed, which are all it keeps, and
 * whether a suggestion is snoozed or set aside for today.
 */
export function DayCard({ status }: { status: SignoffStatus }) {
  const presence = presenceLine(status);
  const state = stateLine(status);
  return (
    <Card title="Your day" className="day-card">
      <p className="day-card__presence">
        <ClockIcon className="day-card__icon" aria-hidden="true" />
        <span className="tabular">{presence ?? 'No activity noticed yet today.'}</span>
      </p>
      <p className="day-card__privacy">
        Keel keeps only when you were first and last active each day, for you alone. Never what you worked on.
      </p>
      {state !== null && <p className="day-card__state">{state}</p>}
    </Card>
  );
}
