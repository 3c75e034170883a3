import { useState } from 'react';
import type { CheckForm } from '../../api/types';
import { Card } from '../../components/Card';
import { Notice } from '../../components/Notice';
import { requestFocus, useFocusTarget } from '../../components/focusRequest';
import { emptyDraft } from '../../lib/checkin';
import { useMessages } from '../../i18n/KeelIntl';
import { useCheckin } from '../../stores/checkin';
import { CheckinForm } from './CheckinForm';

/**
 * The quick check: about twenty seconds, keyboard-only if you like. The answers live in the store
 * until they are saved; after saving, a calm thank-you and a fresh form.
 */
export function QuickCheckCard({ form }: { form: CheckForm }) {
  const t = useMessages();
  const draft = useCheckin((s) => s.draft);
  const setDraft = useCheckin((s) => s.setDraft);
  const add = useCheckin((s) => s.add);
  const [saved, setSaved] = useState(false);
  // After a save, focus moves to the thank-you (the form starts afresh beneath it).
  const savedNotice = useFocusTarget<HTMLDivElement>('checkin-saved');

  return (
    <Card
      title={t('checkin.quick.title')}
      description={
        form.checkedToday === 0
          ? t('checkin.quick.first')
          : t('checkin.quick.again', { count: form.checkedToday })
      }
      className="quick-check"
    >
      <CheckinForm
        form={form}
        draft={draft}
        formLabel={t('checkin.quick.formLabel')}
        focusName="quick-check"
        submitLabel={t('checkin.quick.save')}
        onChange={(next) => {
          setDraft(next);
          setSaved(false);
        }}
        onSave={async (input) => {
          const outcome = await add(input);
          if (outcome.ok) {
            setDraft(emptyDraft());
            setSaved(true);
            requestFocus('checkin-saved');
          }
          return outcome;
        }}
        status={
          saved && (
            <Notice tone="success" ref={savedNotice}>
              {t('checkin.quick.saved')}
            </Notice>
          )
        }
      />
    </Card>
  );
}
