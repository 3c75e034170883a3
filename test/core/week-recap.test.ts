import { describe, expect, it } from 'vitest';
import type { DayFigures } from '../../src-main/core/day-figures';
import {
  endOfDaySection,
  focusSection,
  talkingPointsSection,
  trendsSection,
} from '../../src-main/core/summary-sections';
import { weekRecap, type RecapWeekInput } from '../../src-main/core/week-recap';
import type { Checkin } from '../../src-main/core/checkin';
import { addLocalDays } from '../../src-main/core/time';

/** A week of figures: `protectedByDay` minutes, 240 planned on weekdays, `late` days late. */
function week(
  from: string,
  protectedByDay: number[],
  late: number[],
  checks: [number, number][],
): RecapWeekInput {
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = addLocalDays(from, i);
    return {
      date,
      counting: 'counted',
      dayOff: i >= 5,
      plannedFocusMinutes: i < 5 ? 240 : 0,
      protectedFocusMinutes: protectedByDay[i] ?? 0,
      interruptions: { meeting: 0, chat: 0, incident: 0, other: 0 },
      firstActive: i < 5 ? 1 : null,
      signedOffAt: null,
      late: late.includes(i),
      workedDayOff: false,
    } as unknown as DayFigures;
  });
  const input = { days, hasFocusData: true, hasWorkdayData: true };
  const to = addLocalDays(from, 6);
  const checkins = checks.map(
    ([workload, energy], i) =>
      ({ id: `c${i}`, localDate: addLocalDays(from, i), workload, energy }) as Checkin,
  );
  return {
    from,
    to,
    counted: true,
    focus: focusSection(input, from, to),
    endOfDay: endOfDaySection(input, from, to),
    trends: trendsSection(checkins, from, to),
  };
}

const none = talkingPointsSection([]);

describe('weekRecap: last week against the week before', () => {
  it('names less focus and fewer late evenings as such, with the week before’s figures', () => {
    const last = week('2027-03-08', [30, 20], [1], [[3, 3]]);
    const before = week('2027-03-01', [120, 60], [0, 2, 3], [[3, 4]]);
    const recap = weekRecap(last, before, none);
    expect(recap.focus.value).toBe('50 min protected · 20 hr planned');
    expect(recap.focus.change).toBe(
      '2 hr, 10 min less than the week before (3 hr protected · 20 hr planned).',
    );
    expect(recap.evenings.change).toBe('2 fewer than the week before (3).');
    expect(recap.checkins.change).toBe('Workload 3.0, as the week before; energy 3.0, down from 4.0.');
    expect(recap.talkingPoints.value).toBe('No talking points waiting');
  });

  it('says "the same" for equal weeks, and names no averages without check-ins', () => {
    const a = week('2027-03-08', [60], [], []);
    const b = week('2027-03-01', [60], [], [[2, 2]]);
    const recap = weekRecap(a, b, none);
    expect(recap.focus.change).toBe('The same as the week before (1 hr protected · 20 hr planned).');
    expect(recap.evenings.change).toBe('The same as the week before (0).');
    expect(recap.checkins.change).toBe('No check-ins that week, so no averages.');
    expect(weekRecap(b, a, none).checkins.change).toBe(
      'Workload 2.0, energy 2.0; no check-ins the week before to compare with.',
    );
  });

  it('never reads blocks started on the spot as part of the plan', () => {
    // 6 h on Monday (4 hr planned) and 3 h on a Saturday with nothing planned: more than the plan.
    const last = week('2027-03-08', [360, 0, 0, 0, 0, 180], [], []);
    const before = week('2027-03-01', [240], [], []);
    const recap = weekRecap(last, before, none);
    expect(recap.focus.value).toBe('9 hr protected · 20 hr planned');
    expect(recap.focus.change).toBe('5 hr more than the week before (4 hr protected · 20 hr planned).');
    for (const line of [recap.focus.value, recap.focus.change]) expect(line).not.toMatch(/\bof\b/);
  });

  it('never compares with a week Keel did not count, and counts only open talking points', () => {
    const last = week('2027-03-08', [60], [2], []);
    const before = { ...week('2027-03-01', [], [], []), counted: false };
    const points = talkingPointsSection([
      { id: 'a', text: 'Rota', createdAt: 1, discussedAt: null },
      { id: 'b', text: 'Done already', createdAt: 2, discussedAt: 3 },
    ]);
    const recap = weekRecap(last, before, points);
    expect(recap.focus.change).toMatch(/^Keel was not counting yet/);
    expect(recap.evenings.change).toMatch(/^Keel was not counting yet/);
    expect(recap.talkingPoints).toMatchObject({ waiting: 1, value: '1 talking point waiting' });
  });
});
