import { useEffect } from 'react';
import { Loading } from '../components/Loading';
import { useMessages } from '../i18n/KeelIntl';
import { ViewHeader } from '../components/ViewHeader';
import { useCheckin } from '../stores/checkin';
import { useStatus } from '../stores/status';
import { CadenceLine } from './checkin/CadenceLine';
import { LookingBack } from './checkin/LookingBack';
import { QuestionnaireCard } from './checkin/QuestionnaireCard';
import { QuickCheckCard } from './checkin/QuickCheckCard';
import { RetryNotice } from '../components/RetryNotice';
import './CheckinView.css';

/**
 * Check-ins: the twenty-second quick check, the optional questionnaires that are turned on, and a
 * look back (trends and history) over 4 weeks, a quarter or a year.
 */
export function CheckinView() {
  const t = useMessages();
  const form = useCheckin((s) => s.form);
  const formLoading = useCheckin((s) => s.formLoading);
  const formError = useCheckin((s) => s.formError);
  const loadForm = useCheckin((s) => s.loadForm);
  const loadTrends = useCheckin((s) => s.loadTrends);
  const loadHistory = useCheckin((s) => s.loadHistory);
  // Main's today: the history ends there, and a new day (or week) means new numbers.
  const today = useStatus((s) => s.status?.today.date ?? null);

  useEffect(() => {
    void loadForm();
  }, [loadForm]);

  useEffect(() => {
    void loadTrends();
    if (today !== null) void loadHistory(today);
  }, [loadTrends, loadHistory, today]);

  return (
    <>
      <ViewHeader title={t('checkin.view.title')} subtitle={form ? <CadenceLine form={form} /> : undefined} />
      <div className="view-stack checks">
        {formError !== null && (
          <RetryNotice busy={formLoading} onRetry={() => void loadForm()}>
            {formError}
          </RetryNotice>
        )}
        {form === null ? (
          formError === null && <Loading label={t('checkin.view.loading')} />
        ) : (
          <>
            <QuickCheckCard form={form} />
            {form.questionnaires
              .filter((q) => q.enabled)
              .map((q) => (
                <QuestionnaireCard key={q.kind} questionnaire={q} />
              ))}
          </>
        )}
        <LookingBack />
      </div>
    </>
  );
}
