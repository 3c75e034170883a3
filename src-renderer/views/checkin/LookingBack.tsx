import { useId } from 'react';
import { useMessages } from '../../i18n/KeelIntl';
import { PERIODS } from '../../lib/checkin';
import { useCheckin } from '../../stores/checkin';
import { HistoryCard } from './HistoryCard';
import { TrendsCard } from './TrendsCard';
import './LookingBack.css';

/** Trends and History over one period the user picks: 4 weeks, a quarter or a year. */
export function LookingBack() {
  const t = useMessages();
  const range = useCheckin((s) => s.range);
  const setRange = useCheckin((s) => s.setRange);
  const titleId = useId();
  const name = useId();

  return (
    <section className="looking-back" aria-labelledby={titleId}>
      <div className="looking-back__head">
        <h2 id={titleId} className="looking-back__title">
          {t('checkin.lookingBack.title')}
        </h2>
        {/* A segmented control over native radios: arrow keys move between the periods. */}
        <fieldset className="period">
          <legend className="visually-hidden">{t('checkin.period.legend')}</legend>
          {PERIODS.map((period) => (
            <label key={period.range} className="period__option">
              <input
                type="radio"
                name={name}
                value={period.range}
                checked={range === period.range}
                onChange={() => setRange(period.range)}
              />
              <span>{t(period.label)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <TrendsCard />
      <HistoryCard />
    </section>
  );
}
