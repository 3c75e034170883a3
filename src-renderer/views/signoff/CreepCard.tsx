import { useEffect, useId } from 'react';
import type { CreepStats } from '../../api/types';
import { creepSummaryIn } from '../../../src-main/shared/i18n/creep-summary';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { TrendChart } from '../../components/TrendChart';
import { useLocaleFormat, useMessages } from '../../i18n/KeelIntl';
import { windowFormat, windowMessage } from '../../i18n/window-locale';
import { daysBetween, formatShortDate, formatWeekdayDate } from '../../lib/format';
import {
  clockOfMinutes,
  clockOfMinutesLong,
  CREEP_RANGES,
  usualEndMinutes,
  type CreepWeeks,
} from '../../lib/signoff';
import { useSettings } from '../../stores/settings';
import { useSignoff } from '../../stores/signoff';
import { RetryNotice } from '../../components/RetryNotice';
import './CreepCard.css';

function trendSentence(trend: CreepStats['trend']): string {
  if (trend === 'later') return windowMessage('signoff.creep.trend.later');
  if (trend === 'earlier') return windowMessage('signoff.creep.trend.earlier');
  if (trend === 'steady') return windowMessage('signoff.creep.trend.steady');
  return '';
}

/** "Mar 3" / "3. März": the day and short month, no weekday. */
function dayMonth(date: string): string {
  return windowFormat().day(date, { weekday: false, month: 'short' });
}

/**
 * Working later than planned, for the user's eyes only: late evenings, days off with some work and workdays
 * without a sign-off over 4, 13 or 52 weeks, with the week-by-week trend of when days ended.
 * Counts in kind words, never a score.
 */
export function CreepCard() {
  const creep = useSignoff((s) => s.creep);
  const weeks = useSignoff((s) => s.creepWeeks);
  const loading = useSignoff((s) => s.creepLoading);
  const error = useSignoff((s) => s.creepError);
  const loadCreep = useSignoff((s) => s.loadCreep);
  const name = useId();
  const t = useMessages();

  useEffect(() => {
    void loadCreep();
  }, [loadCreep]);

  return (
    <Card
      title={t('signoff.creep.title')}
      description={t('signoff.creep.description')}
      className="creep"
      actions={
        <fieldset className="creep__ranges">
          <legend className="visually-hidden">{t('signoff.creep.period')}</legend>
          {CREEP_RANGES.map((range) => (
            <label key={range.weeks} className="creep__range">
              <input
                type="radio"
                name={name}
                value={range.weeks}
                checked={weeks === range.weeks}
                onChange={() => void loadCreep(range.weeks)}
              />
              <span>{t('signoff.creep.weeks', { count: range.weeks })}</span>
            </label>
          ))}
        </fieldset>
      }
    >
      <div className="creep__body" aria-busy={loading || undefined}>
        {error !== null && (
          <RetryNotice busy={loading} onRetry={() => void loadCreep()}>
            {error}
          </RetryNotice>
        )}
        {creep === null ? (
          error === null && <Loading label={t('signoff.creep.loading')} />
        ) : (
          <CreepBody creep={creep} weeks={weeks} />
        )}
      </div>
    </Card>
  );
}

/** The first day Keel counted, when days before it are in the period (they are not counted). */
function countingSince(creep: CreepStats): string | null {
  if (creep.days[0]?.counted !== false) return null;
  return creep.days.find((d) => d.counted)?.date ?? null;
}

function CreepBody({ creep, weeks }: { creep: CreepStats; weeks: CreepWeeks }) {
  const workingHours = useSettings((s) => s.settings?.workingHours ?? null);
  const usualEnd = workingHours ? usualEndMinutes(workingHours) : null;
  const charted = creep.weeks.some((w) => w.medianLastActive !== null);
  const since = countingSince(creep);
  const t = useMessages();
  const format = useLocaleFormat();

  return (
    <>
      <p className="creep__summary">{creepSummaryIn(t, creep)}</p>
      {since !== null && (
        <p className="creep__since">{t('signoff.creep.since', { date: formatWeekdayDate(since) })}</p>
      )}
      <dl className="creep__facts">
        <div className="creep__fact">
          <dt>{t('signoff.creep.late')}</dt>
          <dd className="tabular">{format.number(creep.lateEvenings)}</dd>
          <dd className="creep__fact-note">{t('signoff.creep.lateNote')}</dd>
        </div>
        <div className="creep__fact">
          <dt>{t('signoff.creep.daysOff')}</dt>
          <dd className="tabular">{format.number(creep.daysOffWorked)}</dd>
          <dd className="creep__fact-note">{t('signoff.creep.daysOffNote')}</dd>
        </div>
        <div className="creep__fact">
          <dt>{t('signoff.creep.noSignoff')}</dt>
          <dd className="tabular">{format.number(creep.daysWithoutSignoff)}</dd>
          <dd className="creep__fact-note">{t('signoff.creep.noSignoffNote')}</dd>
        </div>
      </dl>
      {charted ? (
        <CreepChart creep={creep} weeks={weeks} usualEnd={usualEnd} />
      ) : (
        <EmptyState
          compact
          headingLevel={3}
          title={t('signoff.creep.emptyTitle')}
          description={t('signoff.creep.emptyDescription')}
        />
      )}
    </>
  );
}

/** Whether Keel counted any day of the week starting `weekStart` (a week before it is not counted). */
function weekCounted(creep: CreepStats, weekStart: string): boolean {
  return creep.days.some((d) => {
    const offset = daysBetween(weekStart, d.date);
    return d.counted && offset >= 0 && offset < 7;
  });
}

function CreepChart({
  creep,
  weeks,
  usualEnd,
}: {
  creep: CreepStats;
  weeks: CreepWeeks;
  usualEnd: number | null;
}) {
  const t = useMessages();
  const format = useLocaleFormat();
  const rows = creep.weeks;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const latest = [...rows].reverse().find((w) => w.medianLastActive !== null);
  const parts = [
    first && last
      ? t('signoff.creep.chart.summaryRange', {
          weeks,
          from: dayMonth(first.weekStart),
          to: dayMonth(last.weekStart),
        })
      : t('signoff.creep.chart.summary', { weeks }),
  ];
  if (latest?.medianLastActive != null)
    parts.push(t('signoff.creep.chart.recent', { time: clockOfMinutesLong(latest.medianLastActive) }));
  if (usualEnd !== null) parts.push(t('signoff.creep.chart.usualEnd', { time: clockOfMinutes(usualEnd) }));
  const trend = trendSentence(creep.trend);
  if (trend) parts.push(trend);

  return (
    <TrendChart
      title={t('signoff.creep.chart.title')}
      description={parts.join(' ')}
      labels={rows.map((w) => dayMonth(w.weekStart))}
      rowLabels={rows.map((w) => formatShortDate(w.weekStart))}
      labelHeader={t('signoff.creep.chart.weekOf')}
      series={[{ label: t('signoff.creep.chart.series'), values: rows.map((w) => w.medianLastActive) }]}
      reference={
        usualEnd !== null
          ? { label: t('signoff.creep.chart.reference', { time: clockOfMinutes(usualEnd) }), value: usualEnd }
          : null
      }
      formatValue={clockOfMinutes}
      formatCell={clockOfMinutesLong}
      step={60}
      extraColumns={[
        {
          header: t('signoff.creep.chart.lateEvenings'),
          cells: rows.map((w) =>
            weekCounted(creep, w.weekStart)
              ? format.number(w.lateEvenings)
              : t('signoff.creep.chart.notCounted'),
          ),
        },
      ]}
    />
  );
}
