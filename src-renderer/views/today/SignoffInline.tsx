import { useRef } from 'react';
import { FormattedMessage } from 'react-intl';
import type { TodayCard } from '../../api/types';
import { Card } from '../../components/Card';
import { Loading } from '../../components/Loading';
import { useLocaleFormat, useMessages } from '../../i18n/KeelIntl';
import { useSignoff } from '../../stores/signoff';
import { RitualForm } from '../signoff/RitualForm';
import { LiveTitle } from './LiveTitle';
import { SignedOffNote } from './SignoffToday';
import { formatTime } from '../../lib/time';

/**
 * After hours on Today: the sign-off itself, the Sign-off view's own form (same draft, same
 * save), or once signed off, when. What was typed here is the Sign-off view's draft too.
 */
export function SignoffInline({ card }: { card: TodayCard }) {
  const t = useMessages();
  const format = useLocaleFormat();
  const status = useSignoff((s) => s.status);
  const loadError = useSignoff((s) => s.loadError);
  const firstField = useRef<HTMLTextAreaElement>(null);
  if (status === null) {
    return loadError === null ? <Loading label={t('today.signoff.loading')} /> : null;
  }
  if (status.signedOff !== null) return <SignedOffNote record={status.signedOff} />;
  return (
    <>
      <Card title={<LiveTitle>{t('today.signoff.afterHours')}</LiveTitle>} className="live">
        <p className="live__lead">
          <FormattedMessage
            id="today.signoff.lead"
            values={{
              end: card.hours ? formatTime(card.hours.end) : '',
              protected: format.duration(card.protectedTodayMinutes),
              t: (chunks) => <span className="tabular">{chunks}</span>,
            }}
          />
        </p>
      </Card>
      <RitualForm status={status} editing={false} firstFieldRef={firstField} onCancel={() => {}} />
    </>
  );
}
