import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayFigures } from '../../src-main/core/day-figures';
import { INTERRUPTION_KINDS } from '../../src-main/core/focus';
import type { EndOfDaySection, FocusSection } from '../../src-main/core/summary-sections';
import { addLocalDays, type LocalDate } from '../../src-main/core/time';
import type { Services } from '../../src-main/services';
import { startArb, stepsArb, withHistory } from '../helpers/history';
import { loopSize, THOROUGH } from '../support/thorough';

/**
 * Issue #14: a total is always the sum of its days. For random histories (with rule changes along
 * the way) and random periods, the summary's focus and end-of-day figures, the Focus view's stats
 * and creep all equal the sums of `figures.days` over the same dates.
 */

const RUNS = loopSize('summary totals: random histories and periods', 15, 200);
const TIMEOUT = THOROUGH ? 1_200_000 : 60_000;

const count = (days: readonly DayFigures[], test: (d: DayFigures) => boolean) => days.filter(test).length;
const sum = (days: readonly DayFigures[], value: (d: DayFigures) => number) =>
  days.reduce((n, d) => n + value(d), 0);

/** The sums over the days, as every figure of the period must give them. */
function sumsOf(days: readonly DayFigures[]) {
  const counted = days.filter((d) => d.counting !== 'before');
  const interruptions = Object.fromEntries(
    INTERRUPTION_KINDS.map((k) => [k, sum(days, (d) => d.interruptions[k])]),
  ) as Record<(typeof INTERRUPTION_KINDS)[number], number>;
  return {
    planned: sum(days, (d) => d.plannedFocusMinutes),
    protected: sum(days, (d) => d.protectedFocusMinutes),
    interruptions,
    interruptionsTotal: sum(days, (d) => INTERRUPTION_KINDS.reduce((n, k) => n + d.interruptions[k], 0)),
    workdays: count(counted, (d) => !d.dayOff && d.firstActive !== null),
    signedOff: count(counted, (d) => d.signedOffAt !== null),
    late: count(days, (d) => d.late),
    daysOffWorked: count(days, (d) => d.workedDayOff),
    missed: count(days, (d) => d.missedSignoff),
  };
}

function summaryOf(services: Services, from: LocalDate, to: LocalDate) {
  const { sections } = services.summary.build({ from, to, sections: ['focus', 'endOfDay'] }).model;
  return {
    focus: sections.find((s) => s.kind === 'focus') as FocusSection,
    endOfDay: sections.find((s) => s.kind === 'endOfDay') as EndOfDaySection,
  };
}

/** The summary and the Focus view's stats of `from`–`to` against the sums of its days. */
function checkPeriod(services: Services, from: LocalDate, to: LocalDate): void {
  const days = services.figures.days(from, to);
  const s = sumsOf(days);
  const { focus, endOfDay } = summaryOf(services, from, to);
  const period = `${from} to ${to}`;
  expect(
    [focus.plannedMinutes, focus.protectedMinutes, focus.interruptions, focus.interruptionsTotal],
    period,
  ).toEqual([s.planned, s.protected, s.interruptions, s.interruptionsTotal]);
  expect(
    [endOfDay.workdays, endOfDay.signedOffDays, endOfDay.lateEvenings, endOfDay.daysOffWorked],
    period,
  ).toEqual([s.workdays, s.signedOff, s.late, s.daysOffWorked]);
  const stats = services.focus.stats(from, to);
  const { plannedMinutes, protectedMinutes, interruptions, plannedSoFarMinutes } = stats.totals;
  expect({ plannedMinutes, protectedMinutes, interruptions }, period).toEqual({
    plannedMinutes: s.planned,
    protectedMinutes: s.protected,
    interruptions: s.interruptions,
  });
  // What of the plan has come by now: the sum of the days' too, and never more than planned.
  expect(plannedSoFarMinutes, period).toBe(stats.days.reduce((n, d) => n + d.plannedSoFarMinutes, 0));
  for (const d of stats.days) expect(d.plannedSoFarMinutes).toBeLessThanOrEqual(d.plannedMinutes);
  expect(stats.days.map((d) => [d.date, d.plannedMinutes, d.protectedMinutes])).toEqual(
    days.map((d) => [d.date, d.plannedFocusMinutes, d.protectedFocusMinutes]),
  );
  expect(sum(days, () => 1)).toBe(stats.days.length);
  expect(stats.weeks.reduce((n, w) => n + w.plannedMinutes, 0)).toBe(s.planned);
  expect(stats.weeks.reduce((n, w) => n + w.protectedMinutes, 0)).toBe(s.protected);
}

/** Creep over the last `weeks` weeks against the summary and the days of the same dates. */
function checkCreep(services: Services, weeks: number): void {
  const creep = services.signoff.creep(weeks);
  const days = services.figures.days(creep.from, creep.to);
  const s = sumsOf(days);
  const { endOfDay } = summaryOf(services, creep.from, creep.to);
  const period = `creep over ${weeks} weeks, ${creep.from} to ${creep.to}`;
  expect(
    [creep.lateEvenings, creep.daysOffWorked, creep.activeWorkdays, creep.daysWithoutSignoff],
    period,
  ).toEqual([s.late, s.daysOffWorked, s.workdays, s.missed]);
  expect([endOfDay.lateEvenings, endOfDay.daysOffWorked, endOfDay.workdays], period).toEqual([
    creep.lateEvenings,
    creep.daysOffWorked,
    creep.activeWorkdays,
  ]);
  expect(creep.days.map((d) => d.date)).toEqual(days.map((d) => d.date));
  expect(creep.weeks.reduce((n, w) => n + w.lateEvenings, 0)).toBe(creep.lateEvenings);
}

const periodArb = fc.record({
  start: fc.integer({ min: -10, max: 50 }),
  length: fc.integer({ min: 1, max: 70 }),
});

describe('a total is the sum of its days', () => {
  it(
    'the summary, the focus stats and creep equal the sums of the days over the same dates',
    () => {
      fc.assert(
        fc.property(
          startArb,
          stepsArb(),
          fc.array(periodArb, { minLength: 1, maxLength: 4 }),
          fc.integer({ min: 1, max: 8 }),
          (start, steps, periods, weeks) =>
            withHistory(start, (h) => {
              h.replay(steps);
              for (const p of periods) {
                const from = addLocalDays(h.firstDate, p.start);
                checkPeriod(h.services, from, addLocalDays(from, p.length - 1));
              }
              checkCreep(h.services, weeks);
            }),
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
