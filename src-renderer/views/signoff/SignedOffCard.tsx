import { useEffect, useRef, type ReactNode } from 'react';
import type { SignoffRecord } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { EditIcon, MoonIcon, PulseIcon } from '../../components/Icons';
import { energyText, weekdayAndTime } from '../../lib/signoff';
import './SignedOffCard.css';

/**
 * The day is signed off: when, and what was saved with it. "Edit" reopens the ritual with these
 * answers (the sign-off time stays).
 */
export function SignedOffCard({
  record,
  onEdit,
  focusOnMount,
  onQuickCheck,
  children,
}: {
  record: SignoffRecord;
  onEdit: () => void;
  /** Move focus here when the card replaces the form (after signing off or cancelling an edit). */
  focusOnMount: boolean;
  /** Offered when the user chose to be asked for the quick check at sign-off. */
  onQuickCheck?: () => void;
  /** Lines offered after the sign-off (the weekly update's offer). */
  children?: ReactNode;
}) {
  const heading = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  const energy = energyText(record.energy);
  const empty =
    record.done.trim() === '' && record.unfinished.length === 0 && !record.firstTomorrow && energy === null;

  return (
    <Card
      className="signed-off"
      title={
        <span ref={heading} tabIndex={-1} className="signed-off__title">
          <MoonIcon className="signed-off__icon" aria-hidden="true" />
          <span>
            Signed off at <span className="tabular">{record.signedOffTime}</span>
          </span>
        </span>
      }
      description="The rest of the day is yours."
      actions={
        <Button size="sm" onClick={onEdit} aria-label="Edit today’s sign-off">
          <EditIcon /> Edit
        </Button>
      }
    >
      {record.quietUntil !== null && (
        <p className="signed-off__quiet">
          Quiet until <span className="tabular">{weekdayAndTime(record.quietUntil)}</span>: Keel holds its
          prompts until then.
        </p>
      )}
      {empty ? (
        <p className="signed-off__empty">No notes today, and that’s fine.</p>
      ) : (
        <SignoffSummary record={record} energy={energy} />
      )}
      {onQuickCheck !== undefined && (
        <div className="signed-off__check">
          <p>
            <PulseIcon className="signed-off__check-icon" aria-hidden="true" />
            <span>How did the workload feel? Twenty seconds, just for you.</span>
          </p>
          <Button size="sm" onClick={onQuickCheck}>
            Take the quick check
          </Button>
        </div>
      )}
      {children}
    </Card>
  );
}

/** What was saved with the sign-off, each part only when it was written. */
function SignoffSummary({ record, energy }: { record: SignoffRecord; energy: string | null }) {
  return (
    <dl className="signed-off__summary">
      {record.done.trim() !== '' && (
        <div className="signed-off__row">
          <dt>What got done</dt>
          <dd className="signed-off__text">{record.done}</dd>
        </div>
      )}
      {record.unfinished.length > 0 && (
        <div className="signed-off__row">
          <dt>Unfinished</dt>
          <dd>
            <ul className="signed-off__unfinished">
              {record.unfinished.map((u, i) => (
                <li key={`${u.item}-${i}`}>
                  <span className="signed-off__item">{u.item}</span>
                  <span className="signed-off__plan"> — {u.plan}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {record.firstTomorrow && (
        <div className="signed-off__row">
          <dt>First thing tomorrow</dt>
          <dd>{record.firstTomorrow}</dd>
        </div>
      )}
      {energy !== null && (
        <div className="signed-off__row">
          <dt>Energy</dt>
          <dd className="tabular">{energy}</dd>
        </div>
      )}
    </dl>
  );
}
