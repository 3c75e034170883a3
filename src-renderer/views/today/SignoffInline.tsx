import { useRef } from 'react';
import type { TodayCard } from '../../api/types';
import { Card } from '../../components/Card';
import { Loading } from '../../components/Loading';
import { formatMinutes } from '../../lib/focus';
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
  const status = useSignoff((s) => s.status);
  const loadError = useSignoff((s) => s.loadError);
  const firstField = useRef<HTMLTextAreaElement>(null);
  if (status === null) {
    return loadError === null ? <Loading label="Loading your sign-off…" /> : null;
  }
  if (status.signedOff !== null) return <SignedOffNote record={status.signedOff} />;
  return (
    <>
      <Card title={<LiveTitle>After hours</LiveTitle>} className="live">
        <p className="live__lead">
          Working hours ended at{' '}
          <span className="tabular">{card.hours ? formatTime(card.hours.end) : ''}</span>.{' '}
          <span className="tabular">{formatMinutes(card.protectedTodayMinutes)}</span> of focus protected
          today. Sign off below to close the day.
        </p>
      </Card>
      <RitualForm status={status} editing={false} firstFieldRef={firstField} onCancel={() => {}} />
    </>
  );
}
