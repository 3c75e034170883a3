import type { DayFigures } from '../core/day-figures';
import { occurrencesOn } from '../core/focus-plan';
import { focusStats } from '../core/focus-stats';
import type { Rules } from '../core/rules';
import type { LocalDate } from '../core/time';
import type { FocusStatsDto } from '../shared/dto';

/**
 * The Focus view's week (`focus:stats`): the days' planned and protected figures summed by
 * core/focus-stats.ts, with which days Keel counted, how much of each day's plan has come by now
 * (a share protected is only taken over that), and the day counting began when inside the period.
 */
export function focusStatsOf(
  figures: readonly DayFigures[],
  context: { rulesOn: (date: LocalDate) => Rules; now: number; countFrom: number },
): FocusStatsDto {
  const { days, weeks, totals } = focusStats(figures);
  const soFar = figures.map((f) =>
    plannedSoFarMinutes(f, context.rulesOn(f.date), context.now, context.countFrom),
  );
  return {
    days: days.map((d, i) => ({
      ...d,
      counted: figures[i]?.counting !== 'before',
      plannedSoFarMinutes: soFar[i] ?? 0,
    })),
    weeks,
    totals: { ...totals, plannedSoFarMinutes: soFar.reduce((a, b) => a + b, 0) },
    countingSince: countingSince(figures),
  };
}

const MINUTE = 60_000;

/**
 * The part of a day's planned focus time that has come by `now`: its planned minutes
 * (core/day-figures.ts: the plan's blocks under the day's rules, from when Keel was counting)
 * with each block cut at `now`. Equal to the planned minutes once the day's blocks are over.
 */
function plannedSoFarMinutes(day: DayFigures, rules: Rules, now: number, countFrom: number): number {
  if (day.counting === 'before' || day.plannedFocusMinutes === 0) return 0;
  let ms = 0;
  for (const o of occurrencesOn(day.date, rules, day.zone)) {
    ms += Math.max(0, Math.min(o.end, now) - Math.max(o.start, countFrom));
  }
  return Math.min(day.plannedFocusMinutes, Math.round(ms / MINUTE));
}

/**
 * The first day Keel counted, when its counting began inside the period: part way through that
 * day, or after days before it. Null when the whole period was counted, or none of it.
 */
function countingSince(days: readonly DayFigures[]): LocalDate | null {
  const first = days.findIndex((d) => d.counting !== 'before');
  const day = days[first];
  if (!day) return null;
  return first > 0 || day.counting === 'first' ? day.date : null;
}
