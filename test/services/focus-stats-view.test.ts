import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFigures, focusTotals, type DayFigures } from '../../src-main/core/day-figures';
import type { Rules } from '../../src-main/core/rules';
import { defaultSettings } from '../../src-main/core/settings';
import { addLocalDays, instantAt, localDateOf, type LocalDate } from '../../src-main/core/time';
import { focusStatsOf } from '../../src-main/services/focus-stats-view';
import { propertyRuns } from '../support/thorough';

const zone = 'Europe/Berlin';
// Two weeks from Monday 22 March 2027, across the clocks going forward on Sunday 28 March.
const FROM = '2027-03-22';
const TO = '2027-04-04';
const base = defaultSettings(zone);

function figuresOf(rules: Rules, now: number, countFrom: number): DayFigures[] {
  const today = localDateOf(now, zone);
  const out: DayFigures[] = [];
  for (let date: LocalDate = FROM; date <= TO; date = addLocalDays(date, 1)) {
    out.push(
      dayFigures({
        date,
        rules,
        zone,
        workday: undefined,
        focus: focusTotals([], [], now),
        now,
        today,
        countFrom,
      }),
    );
  }
  return out;
}

const instantIn = (first: LocalDate, days: number) =>
  fc
    .integer({ min: 0, max: days * 24 * 60 - 1 })
    .map((minutes) => instantAt(first, '00:00', zone) + minutes * 60_000);

describe('focusStatsOf: what has come of the plan', () => {
  it('planned so far never exceeds planned, equals it for past days and is nothing for days to come', () => {
    const pause = fc.option(
      fc
        .integer({ min: 0, max: 13 })
        .map((i) => [{ from: addLocalDays(FROM, i), to: addLocalDays(FROM, i), note: '' }]),
      { nil: undefined },
    );
    fc.assert(
      fc.property(instantIn('2027-03-15', 28), instantIn('2027-03-15', 28), pause, (a, b, pauses) => {
        const countFrom = Math.min(a, b);
        const now = Math.max(a, b);
        const rules: Rules = { ...base, focusPauses: pauses ?? [] };
        const figures = figuresOf(rules, now, countFrom);
        const stats = focusStatsOf(figures, { rulesOn: () => rules, now, countFrom });
        const today = localDateOf(now, zone);
        for (const day of stats.days) {
          expect(day.plannedSoFarMinutes).toBeLessThanOrEqual(day.plannedMinutes);
          if (day.date < today) expect(day.plannedSoFarMinutes).toBe(day.plannedMinutes);
          if (day.date > today) expect(day.plannedSoFarMinutes).toBe(0);
          if (!day.counted) expect(day.plannedMinutes).toBe(0);
        }
        expect(stats.totals.plannedSoFarMinutes).toBe(
          stats.days.reduce((n, d) => n + d.plannedSoFarMinutes, 0),
        );
        // Once every block is over, everything planned has come: the same figures as each day's own.
        const later = focusStatsOf(figures, {
          rulesOn: () => rules,
          now: Date.parse('2030-01-01'),
          countFrom,
        });
        expect(later.days.map((d) => d.plannedSoFarMinutes)).toEqual(
          figures.map((f) => f.plannedFocusMinutes),
        );
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('says since when Keel counted only when that began inside the period', () => {
    const stats = (countFrom: number) =>
      focusStatsOf(figuresOf(base, Date.parse('2027-04-10T12:00:00Z'), countFrom), {
        rulesOn: () => base,
        now: Date.parse('2027-04-10T12:00:00Z'),
        countFrom,
      }).countingSince;
    expect(stats(instantAt('2027-03-01', '10:00', zone))).toBeNull();
    // From the very start of the first day: the whole period counted.
    expect(stats(instantAt(FROM, '00:00', zone))).toBeNull();
    expect(stats(instantAt(FROM, '22:55', zone))).toBe(FROM);
    expect(stats(instantAt('2027-03-30', '00:00', zone))).toBe('2027-03-30');
    expect(stats(instantAt('2027-03-30', '22:55', zone))).toBe('2027-03-30');
    // After the period: none of it was counted.
    expect(stats(instantAt('2027-04-06', '09:00', zone))).toBeNull();
  });
});
