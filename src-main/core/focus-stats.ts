import type { DayFigures } from './day-figures';
import { emptyInterruptionCounts } from './day-figures';
import type { FocusDayStats, FocusStats, InterruptionKind } from './focus';
import { weekStartOf } from './time';

type Totals = Omit<FocusDayStats, 'date'>;

function add(acc: Totals, d: Totals): Totals {
  acc.plannedMinutes += d.plannedMinutes;
  acc.protectedMinutes += d.protectedMinutes;
  for (const k of Object.keys(acc.interruptions) as InterruptionKind[])
    acc.interruptions[k] += d.interruptions[k];
  return acc;
}

const zero = (): Totals => ({
  plannedMinutes: 0,
  protectedMinutes: 0,
  interruptions: emptyInterruptionCounts(),
});

/**
 * Planned vs protected minutes and interruptions per day, per Monday-based week and in total,
 * summed from the days' own figures (core/day-figures.ts) and nothing else.
 */
export function focusStats(figures: readonly DayFigures[]): FocusStats {
  const days: FocusDayStats[] = figures.map((f) => ({
    date: f.date,
    plannedMinutes: f.plannedFocusMinutes,
    protectedMinutes: f.protectedFocusMinutes,
    interruptions: { ...f.interruptions },
  }));
  const weeks = new Map<string, Totals & { weekOf: string }>();
  for (const d of days) {
    const weekOf = weekStartOf(d.date);
    const w = weeks.get(weekOf) ?? { weekOf, ...zero() };
    add(w, d);
    weeks.set(weekOf, w);
  }
  return { days, weeks: [...weeks.values()], totals: days.reduce(add, zero()) };
}
