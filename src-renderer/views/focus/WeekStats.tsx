import type { FocusStats } from '../../api/types';
import { Card } from '../../components/Card';
import { Loading } from '../../components/Loading';
import { INTERRUPTION_KIND_LABELS, INTERRUPTION_KINDS } from '../../../src-main/shared/vocabulary';
import { addLocalDays } from '../../../src-main/shared/vocabulary';
import { Button } from '../../components/Button';
import { formatMinutes, weekOf } from '../../lib/focus';
import { formatShortDate, formatWeekdayDate } from '../../lib/format';
import './WeekStats.css';

/** Width of a bar as a percentage of the week's longest, for CSS `attr()`. */
function percent(value: number, max: number): string {
  if (max <= 0 || value <= 0) return '0%';
  return `${Math.max(1, Math.round((value / max) * 100))}%`;
}

/**
 * Protected and planned minutes per day, Monday to Sunday, side by side. Protected counts blocks
 * started on the spot too, so it is never shown as a part or a share of planned: no "of", no
 * percentage. The bars are drawn with CSS and hidden from assistive technology; the table they
 * sit in carries the numbers. Days before Keel was counting are greyed and hold no figures, and a
 * line says how both are counted.
 */
export function WeekStats({
  stats,
  today,
  week,
  onWeek,
}: {
  stats: FocusStats | null;
  today: string | null;
  /** The week shown, Monday to Sunday; null until Focus asked for one. */
  week: { from: string; to: string } | null;
  onWeek: (from: string) => void;
}) {
  const current = today !== null ? weekOf(today).from : null;
  const name = weekName(week?.from ?? current, current);
  const range = week ? `${formatWeekdayDate(week.from)} to ${formatWeekdayDate(week.to)}` : null;
  return (
    <Card
      title={name.title}
      description={`${range !== null ? `${range}. ` : ''}Focus time you protected, and the time your plan set aside.`}
      actions={
        week !== null && (
          <div className="week__nav" role="group" aria-label="Choose a week">
            <Button size="sm" onClick={() => onWeek(addLocalDays(week.from, -7))}>
              Previous week
            </Button>
            <Button
              size="sm"
              disabled={current === null || week.from >= current}
              onClick={() => onWeek(addLocalDays(week.from, 7))}
            >
              Next week
            </Button>
          </div>
        )
      }
    >
      {stats === null ? (
        <Loading label={`Loading ${name.phrase}…`} />
      ) : (
        <WeekBody stats={stats} today={today} phrase={name.phrase} />
      )}
    </Card>
  );
}

/** "This week", "Last week" or "Week of Mon 1 Mar", and how the body names it. */
function weekName(from: string | null, current: string | null): { title: string; phrase: string } {
  if (from === null || from === current) return { title: 'This week', phrase: 'this week' };
  if (current !== null && from === addLocalDays(current, -7))
    return { title: 'Last week', phrase: 'last week' };
  return { title: `Week of ${formatShortDate(from)}`, phrase: 'that week' };
}

function WeekBody({ stats, today, phrase }: { stats: FocusStats; today: string | null; phrase: string }) {
  const max = Math.max(0, ...stats.days.map((d) => Math.max(d.plannedMinutes, d.protectedMinutes)));
  const { totals } = stats;

  return (
    <div className="week">
      {totals.plannedMinutes === 0 && (
        <p className="week__nothing">
          {stats.countingSince !== null
            ? `Nothing is planned ${phrase} since Keel started counting.`
            : `Nothing is planned ${phrase}.`}
        </p>
      )}
      <table className="week__table">
        <caption className="visually-hidden">Focus minutes per day {phrase}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col" className="week__bar-head">
              <span className="visually-hidden">Chart</span>
            </th>
            <th scope="col" className="week__num">
              Protected
            </th>
            <th scope="col" className="week__num">
              Planned
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.days.map((day) => {
            const isToday = day.date === today;
            const className = [
              'week__row',
              isToday && 'week__row--today',
              !day.counted && 'week__row--before',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <tr key={day.date} className={className}>
                <th scope="row" className="week__day" aria-current={isToday ? 'date' : undefined}>
                  {formatShortDate(day.date)}
                  {isToday && <span className="week__today">Today</span>}
                </th>
                <td className="week__bars">
                  <span className="week__track" aria-hidden="true">
                    <span className="week__planned" data-width={percent(day.plannedMinutes, max)} />
                    <span className="week__protected" data-width={percent(day.protectedMinutes, max)} />
                  </span>
                  {!day.counted && <span className="visually-hidden">Not counted: before Keel started</span>}
                </td>
                <td className="week__num tabular">
                  {day.counted ? formatMinutes(day.protectedMinutes) : '—'}
                </td>
                <td className="week__num week__num--muted tabular">
                  {day.counted ? formatMinutes(day.plannedMinutes) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <div className="week__legend" aria-hidden="true">
        <span className="week__key week__key--protected">Protected</span>
        <span className="week__key week__key--planned">Planned</span>
      </div>

      <WeekTotals totals={totals} phrase={phrase} />
      <HowCounted countingSince={stats.countingSince} />
    </div>
  );
}

/** How planned and protected are counted, in one line, and since when when that is this week. */
function HowCounted({ countingSince }: { countingSince: string | null }) {
  return (
    <p className="week__how">
      {countingSince !== null && (
        <strong className="week__since">Counting since {formatWeekdayDate(countingSince)}. </strong>
      )}
      Planned is your plan’s blocks on working days, by the plan in force each day: never on holidays, pauses
      or days off, and only since Keel started. Protected is how long your focus blocks ran; interruptions are
      counted, not subtracted.
    </p>
  );
}

/**
 * The week's protected minutes beside the planned (never "of" them: blocks started on the spot
 * are protected, not planned), how much of the plan's time has come so far, and its
 * interruptions by kind.
 */
function WeekTotals({ totals, phrase }: { totals: FocusStats['totals']; phrase: string }) {
  const interruptions = INTERRUPTION_KINDS.reduce((n, k) => n + totals.interruptions[k], 0);
  const soFar = totals.plannedSoFarMinutes;
  return (
    <dl className="week__totals">
      <div className="week__total">
        <dt>Protected {phrase}</dt>
        <dd className="tabular">
          {formatMinutes(totals.protectedMinutes)}
          <span className="week__total-of">
            {totals.plannedMinutes > 0
              ? ` · ${formatMinutes(totals.plannedMinutes)} planned`
              : ', nothing planned'}
          </span>
          {soFar > 0 && soFar < totals.plannedMinutes && (
            <span className="week__total-of"> ({formatMinutes(soFar)} of it so far)</span>
          )}
        </dd>
      </div>
      <div className="week__total">
        <dt>Interruptions</dt>
        <dd>
          {interruptions === 0 ? (
            `None ${phrase}`
          ) : (
            <ul className="week__kinds">
              {INTERRUPTION_KINDS.map((kind) => (
                <li key={kind} className="week__kind">
                  {INTERRUPTION_KIND_LABELS[kind]}{' '}
                  <span className="week__kind-count tabular">{totals.interruptions[kind]}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
