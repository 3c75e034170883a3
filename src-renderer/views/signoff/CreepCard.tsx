import { useEffect, useId } from 'react';
import type { CreepStats } from '../../api/types';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { TrendChart } from '../../components/TrendChart';
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

const TREND_SENTENCES: Record<CreepStats['trend'], string> = {
  later: 'The line has been moving later.',
  earlier: 'The line has been moving earlier.',
  steady: 'The line has stayed about level.',
  'not-enough-data': '',
};

/** "3 Mar" */
function dayMonth(date: string): string {
  return formatShortDate(date).replace(/^\w+ /, '');
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

  useEffect(() => {
    void loadCreep();
  }, [loadCreep]);

  return (
    <Card
      title="Working later than planned"
      description="For your eyes only: how your evenings and days off have gone. Counts, never a score."
      className="creep"
      actions={
        <fieldset className="creep__ranges">
          <legend className="visually-hidden">Period</legend>
          {CREEP_RANGES.map((range) => (
            <label key={range.weeks} className="creep__range">
              <input
                type="radio"
                name={name}
                value={range.weeks}
                checked={weeks === range.weeks}
                onChange={() => void loadCreep(range.weeks)}
              />
              <span>{range.label}</span>
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
          error === null && <Loading label="Looking back over your weeks…" />
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

  return (
    <>
      <p className="creep__summary">{creep.summary}</p>
      {since !== null && (
        <p className="creep__since">
          Counting since {formatWeekdayDate(since)}, when Keel started: the days before it are not counted, so
          none of them is late or without a sign-off.
        </p>
      )}
      <dl className="creep__facts">
        <div className="creep__fact">
          <dt>Evenings that ran late</dt>
          <dd className="tabular">{creep.lateEvenings}</dd>
          <dd className="creep__fact-note">more than half an hour past your hours</dd>
        </div>
        <div className="creep__fact">
          <dt>Days off with some work</dt>
          <dd className="tabular">{creep.daysOffWorked}</dd>
          <dd className="creep__fact-note">weekends, holidays and days off</dd>
        </div>
        <div className="creep__fact">
          <dt>Workdays without a sign-off</dt>
          <dd className="tabular">{creep.daysWithoutSignoff}</dd>
          <dd className="creep__fact-note">past workdays with activity, but no sign-off</dd>
        </div>
      </dl>
      {charted ? (
        <CreepChart creep={creep} weeks={weeks} usualEnd={usualEnd} />
      ) : (
        <EmptyState
          compact
          headingLevel={3}
          title="Nothing to chart yet"
          description="As workdays pass, a line of when they ended will appear here."
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
  const rows = creep.weeks;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const latest = [...rows].reverse().find((w) => w.medianLastActive !== null);
  const parts = [
    `The typical time of your last activity on workdays, week by week, over ${weeks} weeks` +
      (first && last ? ` (${dayMonth(first.weekStart)} to ${dayMonth(last.weekStart)}).` : '.'),
  ];
  if (latest?.medianLastActive != null)
    parts.push(`Most recently ${clockOfMinutesLong(latest.medianLastActive)}.`);
  if (usualEnd !== null) parts.push(`Your working hours usually end at ${clockOfMinutes(usualEnd)}.`);
  if (TREND_SENTENCES[creep.trend]) parts.push(TREND_SENTENCES[creep.trend]);

  return (
    <TrendChart
      title="When your workdays ended, week by week"
      description={parts.join(' ')}
      labels={rows.map((w) => dayMonth(w.weekStart))}
      rowLabels={rows.map((w) => formatShortDate(w.weekStart))}
      labelHeader="Week of"
      series={[{ label: 'Typical last activity', values: rows.map((w) => w.medianLastActive) }]}
      reference={
        usualEnd !== null
          ? { label: `Usual end of hours (${clockOfMinutes(usualEnd)})`, value: usualEnd }
          : null
      }
      formatValue={clockOfMinutes}
      formatCell={clockOfMinutesLong}
      step={60}
      extraColumns={[
        {
          header: 'Late evenings',
          cells: rows.map((w) => (weekCounted(creep, w.weekStart) ? String(w.lateEvenings) : 'Not counted')),
        },
      ]}
    />
  );
}
