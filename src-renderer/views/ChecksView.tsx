import { useEffect } from 'react';
import { Loading } from '../components/Loading';
import { ViewHeader } from '../components/ViewHeader';
import { useChecks } from '../stores/checks';
import { useStatus } from '../stores/status';
import { CadenceLine } from './checks/CadenceLine';
import { LookingBack } from './checks/LookingBack';
import { QuestionnaireCard } from './checks/QuestionnaireCard';
import { QuickCheckCard } from './checks/QuickCheckCard';
import { RetryNotice } from '../components/RetryNotice';
import './ChecksView.css';

/**
 * Check-ins: the twenty-second quick check, the optional questionnaires that are turned on, and a
 * look back (trends and history) over 4 weeks, a quarter or a year.
 */
export function ChecksView() {
  const form = useChecks((s) => s.form);
  const formLoading = useChecks((s) => s.formLoading);
  const formError = useChecks((s) => s.formError);
  const loadForm = useChecks((s) => s.loadForm);
  const loadTrends = useChecks((s) => s.loadTrends);
  const loadHistory = useChecks((s) => s.loadHistory);
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
      <ViewHeader title="Check-ins" subtitle={form ? <CadenceLine form={form} /> : undefined} />
      <div className="view-stack checks">
        {formError !== null && (
          <RetryNotice busy={formLoading} onRetry={() => void loadForm()}>
            {formError}
          </RetryNotice>
        )}
        {form === null ? (
          formError === null && <Loading label="Getting the quick check ready…" />
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
