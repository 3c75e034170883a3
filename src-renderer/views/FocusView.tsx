import type { FocusRule } from '../api/types';
import { Button } from '../components/Button';
import { Card } from '../components/Card';
import { FocusIcon } from '../components/Icons';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { formatRange, WEEKDAY_NAMES, WEEKDAY_ORDER } from '../lib/format';
import { useSettings } from '../stores/settings';
import { PlaceholderView } from './PlaceholderView';
import './FocusView.css';

export function FocusView() {
  return (
    <PlaceholderView
      title="Focus"
      icon={<FocusIcon />}
      emptyTitle="Focus blocks are coming"
      description="Your weekly focus plan, ad-hoc blocks and what they protected will live here."
    >
      <FocusPlanCard />
    </PlaceholderView>
  );
}

/** The current weekly plan from settings, read-only for now. */
function FocusPlanCard() {
  const settings = useSettings((s) => s.settings);
  const loading = useSettings((s) => s.loading);
  const loadError = useSettings((s) => s.loadError);
  const load = useSettings((s) => s.load);

  let body;
  if (settings) body = <PlanTable plan={settings.focusPlan} />;
  else if (loadError !== null)
    body = (
      <Notice
        tone="error"
        action={
          <Button size="sm" busy={loading} onClick={() => void load()}>
            Try again
          </Button>
        }
      >
        {loadError}
      </Notice>
    );
  else body = <Loading label="Loading your focus plan…" />;

  return (
    <Card title="Weekly focus plan" description="The blocks Keel protects each week. Read-only for now.">
      {body}
    </Card>
  );
}

function PlanTable({ plan }: { plan: readonly FocusRule[] }) {
  if (plan.length === 0) return <p className="focus-plan__none">Your focus plan has no blocks.</p>;
  return (
    <dl className="focus-plan">
      {WEEKDAY_ORDER.map((day) => {
        const blocks = plan.filter((r) => r.weekday === day).sort((a, b) => a.start.localeCompare(b.start));
        return (
          <div key={day} className="focus-plan__row">
            <dt className="focus-plan__day">{WEEKDAY_NAMES[day]}</dt>
            <dd className="focus-plan__blocks">
              {blocks.length === 0 ? (
                <span className="focus-plan__empty">No blocks</span>
              ) : (
                blocks.map((b) => (
                  <span key={`${b.start}-${b.end}`} className="focus-plan__chip tabular">
                    {formatRange(b)}
                  </span>
                ))
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
