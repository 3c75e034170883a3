import { FormattedMessage } from 'react-intl';
import type { FocusStats } from '../../api/types';
import { Card } from '../../components/Card';
import { Loading } from '../../components/Loading';
import { INTERRUPTION_KINDS } from '../../../src-main/shared/vocabulary';
import { addLocalDays } from '../../../src-main/shared/vocabulary';
import { Button } from '../../components/Button';
import { formatMinutes, weekOf } from '../../lib/focus';
import { formatShortDate, formatWeekdayDate } from '../../lib/format';
import { useLocaleFormat, useMessages } from '../../i18n/KeelIntl';
import './WeekStats.css';

/** Which week is shown, as the messages choose their words ("this week", "last week", "that week"). */
type WhichWeek = 'this' | 'last' | 'other';

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
  const t = useMessages();
  const current = today !== null ? weekOf(today).from : null;
  const from = week?.from ?? current;
  const which = whichWeek(from, current);
  return (
    <Card
      title={t('focus.week.title', { week: which, date: from !== null ? formatShortDate(from) : '' })}
      description={
        week
          ? t('focus.week.descriptionRange', {
              from: formatWeekdayDate(week.from),
              to: formatWeekdayDate(week.to),
            })
          : t('focus.week.description')
      }
      actions={
        week !== null && (
          <div className="week__nav" role="group" aria-label={t('focus.week.choose')}>
            <Button size="sm" onClick={() => onWeek(addLocalDays(week.from, -7))}>
              {t('focus.week.previous')}
            </Button>
            <Button
              size="sm"
              disabled={current === null || week.from >= current}
              onClick={() => onWeek(addLocalDays(week.from, 7))}
            >
              {t('focus.week.next')}
            </Button>
          </div>
        )
      }
    >
      {stats === null ? (
        <Loading label={t('focus.week.loading', { week: which })} />
      ) : (
        <WeekBody stats={stats} today={today} which={which} />
      )}
    </Card>
  );
}

/** This week, last week or another ("Week of Mon, Mar 3"): the title and the body's words follow it. */
function whichWeek(from: string | null, current: string | null): WhichWeek {
  if (from === null || from === current) return 'this';
  if (current !== null && from === addLocalDays(current, -7)) return 'last';
  return 'other';
}

function WeekBody({ stats, today, which }: { stats: FocusStats; today: string | null; which: WhichWeek }) {
  const t = useMessages();
  const max = Math.max(0, ...stats.days.map((d) => Math.max(d.plannedMinutes, d.protectedMinutes)));
  const { totals } = stats;

  return (
    <div className="week">
      {totals.plannedMinutes === 0 && (
        <p className="week__nothing">
          {stats.countingSince !== null
            ? t('focus.week.nothingSince', { week: which })
            : t('focus.week.nothing', { week: which })}
        </p>
      )}
      <table className="week__table">
        <caption className="visually-hidden">{t('focus.week.caption', { week: which })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('focus.week.day')}</th>
            <th scope="col" className="week__bar-head">
              <span className="visually-hidden">{t('focus.week.chart')}</span>
            </th>
            <th scope="col" className="week__num">
              {t('focus.week.protected')}
            </th>
            <th scope="col" className="week__num">
              {t('focus.week.planned')}
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
                  <span className="week__date">{formatShortDate(day.date)}</span>
                  {isToday && <span className="week__today">{t('focus.week.today')}</span>}
                </th>
                <td className="week__bars">
                  <span className="week__track" aria-hidden="true">
                    <span className="week__planned" data-width={percent(day.plannedMinutes, max)} />
                    <span className="week__protected" data-width={percent(day.protectedMinutes, max)} />
                  </span>
                  {!day.counted && <span className="visually-hidden">{t('focus.week.notCounted')}</span>}
                </td>
                <td className="week__num tabular">
                  {day.counted ? formatMinutes(day.protectedMinutes) : t('focus.week.notCountedMark')}
                </td>
                <td className="week__num week__num--muted tabular">
                  {day.counted ? formatMinutes(day.plannedMinutes) : t('focus.week.notCountedMark')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <div className="week__legend" aria-hidden="true">
        <span className="week__key week__key--protected">{t('focus.week.protected')}</span>
        <span className="week__key week__key--planned">{t('focus.week.planned')}</span>
      </div>

      <WeekTotals totals={totals} which={which} />
      <HowCounted countingSince={stats.countingSince} />
    </div>
  );
}

/** How planned and protected are counted, in one line, and since when when that is this week. */
function HowCounted({ countingSince }: { countingSince: string | null }) {
  const t = useMessages();
  return (
    <p className="week__how">
      {countingSince !== null && (
        <>
          <strong className="week__since">
            {t('focus.week.countingSince', { date: formatWeekdayDate(countingSince) })}
          </strong>{' '}
        </>
      )}
      {t('focus.week.how')}
    </p>
  );
}

/**
 * The week's protected minutes beside the planned (never "of" them: blocks started on the spot
 * are protected, not planned), how much of the plan's time has come so far, and its
 * interruptions by kind.
 */
function WeekTotals({ totals, which }: { totals: FocusStats['totals']; which: WhichWeek }) {
  const t = useMessages();
  const format = useLocaleFormat();
  const interruptions = INTERRUPTION_KINDS.reduce((n, k) => n + totals.interruptions[k], 0);
  const soFar = totals.plannedSoFarMinutes;
  return (
    <dl className="week__totals">
      <div className="week__total">
        <dt>{t('focus.week.totalProtected', { week: which })}</dt>
        <dd className="tabular">
          <FormattedMessage
            id={
              totals.plannedMinutes === 0
                ? 'focus.week.totalNothingPlanned'
                : soFar > 0 && soFar < totals.plannedMinutes
                  ? 'focus.week.totalSoFar'
                  : 'focus.week.total'
            }
            values={{
              protected: formatMinutes(totals.protectedMinutes),
              planned: formatMinutes(totals.plannedMinutes),
              soFar: formatMinutes(soFar),
              of: (chunks) => <span className="week__total-of">{chunks}</span>,
            }}
          />
        </dd>
      </div>
      <div className="week__total">
        <dt>{t('focus.week.interruptions')}</dt>
        <dd>
          {interruptions === 0 ? (
            t('focus.week.noInterruptions', { week: which })
          ) : (
            <ul className="week__kinds">
              {INTERRUPTION_KINDS.map((kind) => (
                <li key={kind} className="week__kind">
                  {t(`vocab.interruption.${kind}`)}{' '}
                  <span className="week__kind-count tabular">
                    {format.number(totals.interruptions[kind])}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
