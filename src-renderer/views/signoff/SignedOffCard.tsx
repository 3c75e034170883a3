import { useEffect, useRef, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMessages } from '../../i18n/KeelIntl';
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
  const t = useMessages();
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
            <FormattedMessage
              id="signoff.signed.title"
              values={{
                time: record.signedOffTime,
                t: (chunks) => <span className="tabular">{chunks}</span>,
              }}
            />
          </span>
        </span>
      }
      description={t('signoff.signed.description')}
      actions={
        <Button size="sm" onClick={onEdit} aria-label={t('signoff.signed.editLabel')}>
          <EditIcon /> {t('signoff.signed.edit')}
        </Button>
      }
    >
      {record.quietUntil !== null && (
        <p className="signed-off__quiet">
          <FormattedMessage
            id="signoff.signed.quiet"
            values={{
              when: weekdayAndTime(record.quietUntil),
              t: (chunks) => <span className="tabular">{chunks}</span>,
            }}
          />
        </p>
      )}
      {empty ? (
        <p className="signed-off__empty">{t('signoff.signed.empty')}</p>
      ) : (
        <SignoffSummary record={record} energy={energy} />
      )}
      {onQuickCheck !== undefined && (
        <div className="signed-off__check">
          <p>
            <PulseIcon className="signed-off__check-icon" aria-hidden="true" />
            <span>{t('signoff.signed.check')}</span>
          </p>
          <Button size="sm" onClick={onQuickCheck}>
            {t('signoff.signed.checkButton')}
          </Button>
        </div>
      )}
      {children}
    </Card>
  );
}

/** What was saved with the sign-off, each part only when it was written. */
function SignoffSummary({ record, energy }: { record: SignoffRecord; energy: string | null }) {
  const t = useMessages();
  return (
    <dl className="signed-off__summary">
      {record.done.trim() !== '' && (
        <div className="signed-off__row">
          <dt>{t('signoff.signed.done')}</dt>
          <dd className="signed-off__text">{record.done}</dd>
        </div>
      )}
      {record.unfinished.length > 0 && (
        <div className="signed-off__row">
          <dt>{t('signoff.signed.unfinished')}</dt>
          <dd>
            <ul className="signed-off__unfinished">
              {record.unfinished.map((u, i) => (
                <li key={`${u.item}-${i}`}>
                  <span className="signed-off__item">{u.item}</span>
                  <span className="signed-off__plan"> {t('signoff.signed.plan', { plan: u.plan })}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {record.firstTomorrow && (
        <div className="signed-off__row">
          <dt>{t('signoff.signed.firstTomorrow')}</dt>
          <dd>{record.firstTomorrow}</dd>
        </div>
      )}
      {energy !== null && (
        <div className="signed-off__row">
          <dt>{t('signoff.signed.energy')}</dt>
          <dd className="tabular">{energy}</dd>
        </div>
      )}
    </dl>
  );
}
