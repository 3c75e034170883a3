import type { WeekRecap } from '../../api/types';
import { Card } from '../../components/Card';
import { useFocus } from '../../stores/focus';
import { useNavigation } from '../../stores/navigation';
import { Button } from '../../components/Button';
import { useMessages } from '../../i18n/KeelIntl';
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
  const t = useMessages();
  const navigate = useNavigation((s) => s.navigate);
  const openOnWeek = useFocus((s) => s.openOnWeek);
  const rows: Row[] = [
    { label: t('today.recap.focus'), ...recap.focus },
    { label: t('today.recap.evenings'), ...recap.evenings },
    { label: t('today.recap.checkins'), ...recap.checkins },
    { label: t('today.recap.talkingPoints'), ...recap.talkingPoints, change: null },
  ];
  return (
    <Card
      title={t('today.recap.title')}
      description={t('today.recap.description', { week: recap.week.label, previous: recap.previous.label })}
      className="recap"
      actions={
        <Button
          size="sm"
          onClick={() => {
            openOnWeek(recap.week.from);
            navigate('focus', { focus: true });
          }}
        >
          {t('today.recap.open')}
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
                <summary>{t('today.recap.how')}</summary>
                <p>{row.howCounted}</p>
              </details>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
