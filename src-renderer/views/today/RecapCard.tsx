import type { WeekRecap } from '../../api/types';
import { Card } from '../../components/Card';
import { useFocus } from '../../stores/focus';
import { useNavigation } from '../../stores/navigation';
import { Button } from '../../components/Button';
import './RecapCard.css';

interface Row {
  label: string;
  value: string;
  change: string | null;
  howCounted: string;
}

/**
 * The first working day of a week: how the last one went, against the week before. The figures
 * are the summary's and the Focus view's own (main builds them); each says how it was counted.
 * Main sends no recap for a week it did not count.
 */
export function RecapCard({ recap }: { recap: WeekRecap }) {
  const navigate = useNavigation((s) => s.navigate);
  const openOnWeek = useFocus((s) => s.openOnWeek);
  const rows: Row[] = [
    { label: 'Focus against plan', ...recap.focus },
    { label: 'Late evenings', ...recap.evenings },
    { label: 'Check-ins', ...recap.checkins },
    { label: 'Talking points', ...recap.talkingPoints, change: null },
  ];
  return (
    <Card
      title="Last week"
      description={`${recap.week.label}, compared with ${recap.previous.label}.`}
      className="recap"
      actions={
        <Button
          size="sm"
          onClick={() => {
            openOnWeek(recap.week.from);
            navigate('focus', { focus: true });
          }}
        >
          Last week in Focus
        </Button>
      }
    >
      <dl className="recap__list">
        {rows.map((row) => (
          <div key={row.label} className="recap__row">
            <dt className="recap__label">{row.label}</dt>
            <dd className="recap__value tabular">{row.value}</dd>
            {row.change !== null && <dd className="recap__change tabular">{row.change}</dd>}
            <dd className="recap__how">
              <details>
                <summary>How this is counted</summary>
                <p>{row.howCounted}</p>
              </details>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
