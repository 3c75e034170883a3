import { useId } from 'react';
import type { CheckTrends, ScorePoint, TagFrequency, TrendWeek } from '../../api/types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { TrendChart } from '../../components/TrendChart';
import { formatShortDate } from '../../lib/format';
import { useMessages } from '../../i18n/KeelIntl';
import {
  average,
  dayMonth,
  directionText,
  percent,
  periodKey,
  sustainableText,
  tagText,
} from '../../lib/checkin';
import { useCheckin } from '../../stores/checkin';
import { RetryNotice } from '../../components/RetryNotice';
import './TrendsCard.css';

/**
 * How the checks of the period add up, week by week: workload and energy (a chart), how often the
 * answer was "sustainable", where it stretched, and questionnaire scores when there are any. Every
 * chart has its numbers in a table; the bars are HTML with the numbers written beside them.
 */
export function TrendsCard() {
  const trends = useCheckin((s) => s.trends);
  const loading = useCheckin((s) => s.trendsLoading);
  const error = useCheckin((s) => s.trendsError);
  const range = useCheckin((s) => s.range);
  const loadTrends = useCheckin((s) => s.loadTrends);
  const t = useMessages();

  return (
    <Card
      title={t('checkin.trends.title')}
      headingLevel={3}
      description={t('checkin.trends.description', { range: periodKey(range) })}
      className="trends"
    >
      <div className="trends__body" aria-busy={loading || undefined}>
        {error !== null && (
          <RetryNotice busy={loading} onRetry={() => void loadTrends()}>
            {error}
          </RetryNotice>
        )}
        {trends === null ? (
          error === null && <Loading label={t('checkin.trends.loading')} />
        ) : (
          <TrendsBody trends={trends} />
        )}
      </div>
    </Card>
  );
}

function TrendsBody({ trends }: { trends: CheckTrends }) {
  const t = useMessages();
  const scores = trends.who5.length > 0 || trends.burnout.length > 0;
  return (
    <>
      {trends.count === 0 ? (
        <EmptyState
          compact
          headingLevel={4}
          title={t('checkin.trends.emptyTitle')}
          description={t('checkin.trends.emptyDescription')}
        />
      ) : (
        <>
          <div className="trends__overview">
            <p>
              {t('checkin.trends.overview', {
                count: trends.count,
                from: formatShortDate(trends.from),
                to: formatShortDate(trends.to),
              })}
            </p>
            <ul className="trends__directions" aria-label={t('checkin.trends.directions')}>
              <li>{directionText('workload', trends.workloadDirection, weeksWithChecks(trends))}</li>
              <li>{directionText('energy', trends.energyDirection, weeksWithChecks(trends))}</li>
            </ul>
          </div>
          <RatingsChart trends={trends} />
          <SustainableWeeks weeks={trends.weeks} />
          <TagBars tags={trends.tags} count={trends.count} />
        </>
      )}
      {scores && <ScoreCharts who5={trends.who5} burnout={trends.burnout} />}
    </>
  );
}

/** How many of the period's weeks have a check-in: what a direction is computed from. */
function weeksWithChecks(trends: CheckTrends): number {
  return trends.weeks.filter((w) => w.count > 0).length;
}

function RatingsChart({ trends }: { trends: CheckTrends }) {
  const weeks = trends.weeks;
  const weeksWith = weeksWithChecks(trends);
  const t = useMessages();
  return (
    <TrendChart
      title={t('checkin.trends.ratingsTitle')}
      description={t('checkin.trends.ratingsDescription', {
        workload: directionText('workload', trends.workloadDirection, weeksWith),
        energy: directionText('energy', trends.energyDirection, weeksWith),
      })}
      labels={weeks.map((w) => dayMonth(w.weekStart))}
      rowLabels={weeks.map((w) => formatShortDate(w.weekStart))}
      labelHeader={t('checkin.trends.weekOf')}
      series={[
        { label: t('checkin.trends.workload'), values: weeks.map((w) => w.avgWorkload) },
        { label: t('checkin.trends.energy'), values: weeks.map((w) => w.avgEnergy) },
      ]}
      bounds={{ min: 1, max: 5 }}
      step={1}
      formatValue={average}
      extraColumns={[{ header: t('checkin.trends.checkins'), cells: weeks.map((w) => String(w.count)) }]}
    />
  );
}

const SUSTAINABLE_KEYS = ['yes', 'mostly', 'no'] as const;

/** "Is the workload sustainable?" per week: the counts in a table, with a stacked bar beside them. */
function SustainableWeeks({ weeks }: { weeks: readonly TrendWeek[] }) {
  const titleId = useId();
  const t = useMessages();
  const rows = weeks.filter((w) => w.count > 0);
  const totals = { yes: 0, mostly: 0, no: 0 };
  for (const w of rows) for (const key of SUSTAINABLE_KEYS) totals[key] += w.sustainable[key];
  return (
    <section className="trends__section" aria-labelledby={titleId}>
      <h4 id={titleId} className="trends__heading">
        {t('checkin.trends.sustainableTitle')}
      </h4>
      <p className="trends__note">{t('checkin.trends.sustainableNote')}</p>
      <ul className="sustain__legend" aria-hidden="true">
        {SUSTAINABLE_KEYS.map((key) => (
          <li key={key} className={`sustain__key sustain__key--${key}`}>
            {sustainableText(key)}
          </li>
        ))}
      </ul>
      <div
        className="sustain__wrap"
        role="region"
        aria-label={t('checkin.trends.sustainableNumbers')}
        tabIndex={0}
      >
        <table className="sustain">
          <caption className="visually-hidden">{t('checkin.trends.sustainableTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('checkin.trends.weekOf')}</th>
              {SUSTAINABLE_KEYS.map((key) => (
                <th key={key} scope="col">
                  {sustainableText(key)}
                </th>
              ))}
              <td className="sustain__bar-cell" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{formatShortDate(w.weekStart)}</th>
                {SUSTAINABLE_KEYS.map((key) => (
                  <td key={key} className="tabular">
                    {w.sustainable[key]}
                  </td>
                ))}
                <td className="sustain__bar-cell" aria-hidden="true">
                  <StackedBar counts={w.sustainable} total={w.count} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('checkin.trends.allWeeks')}</th>
              {SUSTAINABLE_KEYS.map((key) => (
                <td key={key} className="tabular">
                  {totals[key]}
                </td>
              ))}
              <td className="sustain__bar-cell" aria-hidden="true">
                <StackedBar counts={totals} total={totals.yes + totals.mostly + totals.no} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** Three segments in a 100-unit-wide SVG: widths are attributes, so no inline styles are needed. */
function StackedBar({ counts, total }: { counts: TrendWeek['sustainable']; total: number }) {
  const widths = SUSTAINABLE_KEYS.map((key) => (total === 0 ? 0 : (counts[key] / total) * 100));
  return (
    <svg className="sustain__bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
      {SUSTAINABLE_KEYS.map((key, i) => (
        <rect
          key={key}
          className={`sustain__seg--${key}`}
          x={widths.slice(0, i).reduce((sum, w) => sum + w, 0)}
          y={0}
          width={widths[i]}
          height={10}
        />
      ))}
    </svg>
  );
}

/** Stretched tags, most named first: the numbers written out, with a bar for the share of checks. */
function TagBars({ tags, count }: { tags: readonly TagFrequency[]; count: number }) {
  const titleId = useId();
  const t = useMessages();
  return (
    <section className="trends__section" aria-labelledby={titleId}>
      <h4 id={titleId} className="trends__heading">
        {t('checkin.trends.tagsTitle')}
      </h4>
      {tags.length === 0 ? (
        <p className="trends__note">{t('checkin.trends.noTags')}</p>
      ) : (
        <ol className="tag-bars">
          {tags.map((tag) => (
            <li key={tag.id} className="tag-bars__row">
              <span className="tag-bars__label">{tagText(tag.id, tag.label)}</span>
              <span className="tag-bars__count tabular">
                {t('checkin.trends.tagCount', { count: tag.count, total: count, share: percent(tag.share) })}
              </span>
              <svg
                className="tag-bars__bar"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect className="tag-bars__track" x={0} y={0} width={100} height={10} />
                <rect className="tag-bars__fill" x={0} y={0} width={tag.share * 100} height={10} />
              </svg>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ScoreCharts({ who5, burnout }: { who5: readonly ScorePoint[]; burnout: readonly ScorePoint[] }) {
  const titleId = useId();
  const t = useMessages();
  const latest = (points: readonly ScorePoint[]) => points[points.length - 1]?.score ?? 0;
  return (
    <section className="trends__section" aria-labelledby={titleId}>
      <h4 id={titleId} className="trends__heading">
        {t('checkin.trends.scoresTitle')}
      </h4>
      <p className="trends__note">{t('checkin.trends.scoresNote')}</p>
      {who5.length > 0 && (
        <TrendChart
          title={t('checkin.trends.who5Title')}
          description={t('checkin.trends.who5Description', { score: latest(who5) })}
          labels={who5.map((p) => dayMonth(p.date))}
          rowLabels={who5.map((p) => formatShortDate(p.date))}
          labelHeader={t('checkin.trends.answered')}
          series={[{ label: t('checkin.trends.who5Series'), values: who5.map((p) => p.score) }]}
          bounds={{ min: 0, max: 100 }}
          step={20}
        />
      )}
      {burnout.length > 0 && (
        <TrendChart
          title={t('checkin.trends.burnoutTitle')}
          description={t('checkin.trends.burnoutDescription', { score: latest(burnout) })}
          labels={burnout.map((p) => dayMonth(p.date))}
          rowLabels={burnout.map((p) => formatShortDate(p.date))}
          labelHeader={t('checkin.trends.answered')}
          series={[{ label: t('checkin.trends.burnoutSeries'), values: burnout.map((p) => p.score) }]}
          bounds={{ min: 1, max: 5 }}
          step={1}
        />
      )}
    </section>
  );
}
