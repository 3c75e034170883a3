import { useEffect, useRef, useState } from 'react';
import type { SignoffStatus } from '../api/types';
import { useFocusTargetRef } from '../components/focusRequest';
import { Loading } from '../components/Loading';
import { ViewHeader } from '../components/ViewHeader';
import { useMessages } from '../i18n/KeelIntl';
import { draftFor, hoursSentence } from '../lib/signoff';
import { useNavigation } from '../stores/navigation';
import { useSettings } from '../stores/settings';
import { useSignoff } from '../stores/signoff';
import { CreepCard } from './signoff/CreepCard';
import { DayCard } from './signoff/DayCard';
import { RitualForm } from './signoff/RitualForm';
import { SignedOffCard } from './signoff/SignedOffCard';
import { SuggestionBanner } from './signoff/SuggestionBanner';
import { UpdateOffer } from './signoff/UpdateOffer';
import { RetryNotice } from '../components/RetryNotice';
import './SignoffView.css';

/**
 * Sign-off: the workday's hours and presence, Keel's suggestion when one is waiting, the shutdown
 * ritual (or what was saved with today's sign-off), and workday creep over the weeks.
 */
export function SignoffView() {
  const status = useSignoff((s) => s.status);
  const loading = useSignoff((s) => s.loading);
  const loadError = useSignoff((s) => s.loadError);
  const load = useSignoff((s) => s.load);
  const t = useMessages();

  // Presence moves through the day: read it fresh whenever the view opens.
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <ViewHeader title={t('signoff.title')} subtitle={status ? hoursSentence(status) : undefined} />
      <div className="view-stack signoff">
        {loadError !== null && (
          <RetryNotice busy={loading} onRetry={() => void load()}>
            {loadError}
          </RetryNotice>
        )}
        {status === null ? (
          loadError === null && <Loading label={t('signoff.loading')} />
        ) : (
          <Today status={status} />
        )}
        <CreepCard />
      </div>
    </>
  );
}

function Today({ status }: { status: SignoffStatus }) {
  const editing = useSignoff((s) => s.editing);
  const setEditing = useSignoff((s) => s.setEditing);
  const setDraft = useSignoff((s) => s.setDraft);
  const checkAtSignoff = useSettings((s) => s.settings?.checkins.cadence?.mode === 'signoff');
  const navigate = useNavigation((s) => s.navigate);
  const firstField = useRef<HTMLTextAreaElement>(null);
  // The palette's "Sign off for today" lands on the form's first field.
  useFocusTargetRef(firstField, 'signoff-form');
  // Focus follows the swap between the form and the signed-off card, but not on first paint.
  const [swapped, setSwapped] = useState(false);
  const [wasSignedOff, setWasSignedOff] = useState(status.signedOff !== null);
  const signedOff = status.signedOff;
  if ((signedOff !== null) !== wasSignedOff) {
    setWasSignedOff(signedOff !== null);
    setSwapped(true);
  }

  const showForm = signedOff === null || editing;

  function edit() {
    setDraft(draftFor(status, signedOff));
    setEditing(true);
    setSwapped(true);
  }

  function cancel() {
    setDraft(null);
    setEditing(false);
    setSwapped(true);
  }

  useEffect(() => {
    if (swapped && showForm) firstField.current?.focus();
  }, [swapped, showForm, editing]);

  return (
    <>
      {status.suggested !== null && signedOff === null && (
        <SuggestionBanner
          status={status}
          suggested={status.suggested}
          onSignOff={() => firstField.current?.focus()}
        />
      )}
      <DayCard status={status} />
      {showForm ? (
        <RitualForm
          status={status}
          editing={editing && signedOff !== null}
          firstFieldRef={firstField}
          onCancel={cancel}
        />
      ) : (
        <SignedOffCard
          record={signedOff}
          onEdit={edit}
          focusOnMount={swapped}
          onQuickCheck={checkAtSignoff ? () => navigate('checkin') : undefined}
        >
          <UpdateOffer signedOffAt={signedOff.signedOffAt} />
        </SignedOffCard>
      )}
    </>
  );
}
