import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating, Sustainable } from '../../src-main/core/checkin';
import {
  questionnaireSeries,
  tagFrequencies,
  trendDirection,
  trendRange,
  trendSlope,
  trendSummary,
  weeklyTrends,
  type TrendCheck,
} from '../../src-main/core/checkin-trends';
import { addLocalDays, weekdayOf, weekStartOf, type LocalDate } from '../../src-main/core/time';

function check(
  localDate: LocalDate,
  workload: Rating,
  energy: Rating,
  sustainable: Sustainable = 'yes',
  stretched: string[] = [],
): TrendCheck {
  return { localDate, workload, energy, sustainable, stretched };
}

const noSustainable = { yes: 0, mostly: 0, no: 0 };

describe('trendRange', () => {
  it('covers whole weeks ending with the current one', () => {
    // 2027-03-17 is a Wednesday.
    expect(trendRange('4w', '2027-03-17')).toEqual({ from: '2027-02-22', to: '2027-03-21' });
    expect(trendRange('quarter', '2027-03-17')).toEqual({ from: '2026-12-21', to: '2027-03-21' });
    expect(trendRange('year', '2027-03-17')).toEqual({ from: '2026-03-23', to: '2027-03-21' });
  });

  it('is the same for every day of a week, and spans the right number of weeks', () => {
    for (let i = 0; i < 7; i++) {
      const today = addLocalDays('2027-01-04', i);
      expect(trendRange('4w', today)).toEqual({ from: '2026-12-14', to: '2027-01-10' });
    }
    for (const [range, weeks] of [
      ['4w', 4],
      ['quarter', 13],
      ['year', 52],
    ] as const) {
      const { from, to } = trendRange(range, '2027-06-09');
      expect(weekdayOf(from)).toBe('mon');
      expect(weekdayOf(to)).toBe('sun');
      expect(weeklyTrends([], from, to)).toHaveLength(weeks);
    }
  });

  it('crosses the year boundary', () => {
    expect(trendRange('4w', '2027-01-01')).toEqual({ from: '2026-12-07', to: '2027-01-03' });
  });
});

describe('weeklyTrends', () => {
  it('averages each week to one decimal, with null for empty weeks', () => {
    const checks = [
      check('2027-03-15', 3, 4, 'yes'),
      check('2027-03-19', 4, 2, 'mostly'),
      // 2027-03-22 week is empty.
      check('2027-03-29', 2, 1, 'no'),
      check('2027-03-30', 2, 2, 'no'),
      check('2027-04-04', 3, 2, 'mostly'),
    ];
    expect(weeklyTrends(checks, '2027-03-15', '2027-04-04')).toEqual([
      {
        weekStart: '2027-03-15',
        week: '2027-W11',
        count: 2,
        avgWorkload: 3.5,
        avgEnergy: 3,
        sustainable: { yes: 1, mostly: 1, no: 0 },
      },
      {
        weekStart: '2027-03-22',
        week: '2027-W12',
        count: 0,
        avgWorkload: null,
        avgEnergy: null,
        sustainable: noSustainable,
      },
      {
        weekStart: '2027-03-29',
        week: '2027-W13',
        count: 3,
        avgWorkload: 2.3,
        avgEnergy: 1.7,
        sustainable: { yes: 0, mostly: 1, no: 2 },
      },
    ]);
  });

  it('keeps the ISO week across the year boundary as one bucket', () => {
    const checks = [check('2026-12-28', 5, 1), check('2026-12-31', 4, 2), check('2027-01-03', 3, 3)];
    const weeks = weeklyTrends(checks, '2026-12-21', '2027-01-10');
    expect(weeks.map((w) => [w.weekStart, w.week, w.count, w.avgWorkload])).toEqual([
      ['2026-12-21', '2026-W52', 0, null],
      ['2026-12-28', '2026-W53', 3, 4],
      ['2027-01-04', '2027-W01', 0, null],
    ]);
  });

  it('ignores checks outside from…to, even inside the first or last week', () => {
    const checks = [check('2027-03-15', 5, 5), check('2027-03-17', 1, 1), check('2027-03-24', 1, 1)];
    expect(weeklyTrends(checks, '2027-03-16', '2027-03-23')).toEqual([
      {
        weekStart: '2027-03-15',
        week: '2027-W11',
        count: 1,
        avgWorkload: 1,
        avgEnergy: 1,
        sustainable: { ...noSustainable, yes: 1 },
      },
      {
        weekStart: '2027-03-22',
        week: '2027-W12',
        count: 0,
        avgWorkload: null,
        avgEnergy: null,
        sustainable: noSustainable,
      },
    ]);
    expect(weeklyTrends(checks, '2027-03-20', '2027-03-10')).toEqual([]);
  });

  it('rounds halves up and never shows float noise', () => {
    const weeks = weeklyTrends(
      [
        check('2027-03-15', 2, 1),
        check('2027-03-16', 3, 2),
        check('2027-03-17', 2, 1),
        check('2027-03-18', 3, 1),
      ],
      '2027-03-15',
      '2027-03-21',
    );
    expect(weeks[0]).toMatchObject({ avgWorkload: 2.5, avgEnergy: 1.3 });
  });

  it('agrees with a straightforward count (property)', () => {
    const date = fc.integer({ min: 0, max: 400 }).map((n) => addLocalDays('2026-11-01', n));
    const rating = fc.constantFrom<Rating>(1, 2, 3, 4, 5);
    const arbCheck = fc
      .tuple(date, rating, rating, fc.constantFrom<Sustainable>('yes', 'mostly', 'no'))
      .map(([d, w, e, s]) => check(d, w, e, s));
    fc.assert(
      fc.property(fc.array(arbCheck, { maxLength: 60 }), date, date, (checks, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const weeks = weeklyTrends(checks, from, to);
        const inRange = checks.filter((c) => c.localDate >= from && c.localDate <= to);
        expect(weeks.reduce((n, w) => n + w.count, 0)).toBe(inRange.length);
        expect(weeks[0]?.weekStart).toBe(weekStartOf(from));
        expect(weeks.at(-1)?.weekStart).toBe(weekStartOf(to));
        for (const w of weeks) {
          const mine = inRange.filter((c) => weekStartOf(c.localDate) === w.weekStart);
          expect(w.count).toBe(mine.length);
          expect(w.sustainable.yes + w.sustainable.mostly + w.sustainable.no).toBe(mine.length);
          if (mine.length === 0) {
            expect(w.avgWorkload).toBeNull();
          } else {
            const exact = mine.reduce((n, c) => n + c.workload, 0) / mine.length;
            expect(Math.abs((w.avgWorkload ?? NaN) - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
          }
        }
      }),
    );
  });

  it('aggregates five years of daily checks, each counted once (speed is measured in bench/)', () => {
    const checks: TrendCheck[] = [];
    for (let i = 0, d = '2022-01-03'; i < 5 * 365; i++, d = addLocalDays(d, 1)) {
      checks.push(
        check(d, ((i % 5) + 1) as Rating, (((i * 3) % 5) + 1) as Rating, i % 3 === 0 ? 'no' : 'yes', [
          'meetings',
          i % 2 ? 'deadlines' : 'on-call',
        ]),
      );
    }
    const from = '2022-01-03';
    const to = checks.at(-1)?.localDate ?? from;
    const weeks = weeklyTrends(checks, from, to);
    expect(weeks.reduce((n, w) => n + w.count, 0)).toBe(5 * 365);
    expect(weeks).toHaveLength(Math.ceil((5 * 365) / 7));
    expect(tagFrequencies(checks).find((t) => t.id === 'meetings')?.count).toBe(5 * 365);
  });
});

describe('tagFrequencies', () => {
  it('counts each tag once per check, most frequent first, then by label', () => {
    const checks = [
      check('2027-03-15', 3, 3, 'yes', ['meetings', 'deadlines']),
      check('2027-03-16', 3, 3, 'yes', ['deadlines', 'code-review', 'deadlines']),
      check('2027-03-17', 3, 3, 'yes', ['meetings', 'on-call']),
      check('2027-03-18', 3, 3, 'yes', []),
    ];
    expect(tagFrequencies(checks)).toEqual([
      { id: 'deadlines', label: 'Deadlines', count: 2, share: 0.5 },
      { id: 'meetings', label: 'Meetings', count: 2, share: 0.5 },
      { id: 'code-review', label: 'Code review', count: 1, share: 0.25 },
      { id: 'on-call', label: 'On-call or incidents', count: 1, share: 0.25 },
    ]);
  });

  it('only considers checks within a range', () => {
    const checks = [
      check('2027-03-14', 3, 3, 'yes', ['meetings']),
      check('2027-03-15', 3, 3, 'yes', ['deadlines']),
      check('2027-03-21', 3, 3, 'yes', ['deadlines', 'meetings']),
      check('2027-03-22', 3, 3, 'yes', ['meetings']),
    ];
    expect(tagFrequencies(checks, { from: '2027-03-15', to: '2027-03-21' })).toEqual([
      { id: 'deadlines', label: 'Deadlines', count: 2, share: 1 },
      { id: 'meetings', label: 'Meetings', count: 1, share: 0.5 },
    ]);
    expect(tagFrequencies([])).toEqual([]);
  });
});

describe('questionnaireSeries', () => {
  const results = [
    { kind: 'who5' as const, at: 3000, localDate: '2027-03-29', score: 52 },
    { kind: 'burnout' as const, at: 1500, localDate: '2027-03-08', score: 2 },
    { kind: 'who5' as const, at: 1000, localDate: '2027-03-01', score: 72 },
    { kind: 'who5' as const, at: 2000, localDate: '2027-03-15', score: 64 },
  ];

  it('lists one questionnaire oldest first with the change from the previous score', () => {
    expect(questionnaireSeries(results, 'who5')).toEqual([
      { at: 1000, localDate: '2027-03-01', score: 72, change: null },
      { at: 2000, localDate: '2027-03-15', score: 64, change: -8 },
      { at: 3000, localDate: '2027-03-29', score: 52, change: -12 },
    ]);
    expect(questionnaireSeries(results, 'burnout')).toEqual([
      { at: 1500, localDate: '2027-03-08', score: 2, change: null },
    ]);
  });

  it('keeps the change from a result before the range', () => {
    expect(questionnaireSeries(results, 'who5', { from: '2027-03-10', to: '2027-03-20' })).toEqual([
      { at: 2000, localDate: '2027-03-15', score: 64, change: -8 },
    ]);
  });
});

describe('trendSlope / trendDirection', () => {
  it('needs three weeks with data', () => {
    expect(trendDirection([])).toBe('not enough data');
    expect(trendDirection([3, 4])).toBe('not enough data');
    expect(trendDirection([3, null, null, 5])).toBe('not enough data');
    expect(trendSlope([3, null, 5])).toBeNull();
  });

  it('is rising, falling or steady by the least-squares slope', () => {
    expect(trendSlope([1, 2, 3])).toBe(1);
    expect(trendDirection([1, 2, 3])).toBe('rising');
    expect(trendDirection([5, 4, 3, 2])).toBe('falling');
    expect(trendDirection([3, 3, 3])).toBe('steady');
    expect(trendSlope([3, 3, 3])).toBe(0);
    expect(trendDirection([4, 2, 3, 2, 4])).toBe('steady');
    expect(trendSlope([3, 4, 2, 3])).toBe(-0.2);
  });

  it('keeps empty weeks in their place', () => {
    // x = 0, 2, 3: slope 1. Closing the gap (x = 0, 1, 2) would give 1.5.
    expect(trendSlope([1, null, 3, 4])).toBe(1);
  });

  it('treats |slope| below 0.1 a week as steady, 0.1 itself as a direction', () => {
    expect(trendSlope([3, 3.1, 3.2])).toBe(0.1);
    expect(trendDirection([3, 3.1, 3.2])).toBe('rising');
    expect(trendDirection([3.2, 3.1, 3])).toBe('falling');
    expect(trendDirection([3, 3.09, 3.18])).toBe('steady');
    expect(trendDirection([3.18, 3.09, 3])).toBe('steady');
  });

  it('flips with the values and ignores a shift (property)', () => {
    const values = fc.array(
      fc.option(
        fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
        { nil: null },
      ),
      {
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(values, fc.integer({ min: -3, max: 3 }), (vs, shift) => {
        const slope = trendSlope(vs);
        const flipped = trendSlope(vs.map((v) => (v === null ? null : -v)));
        const shifted = trendSlope(vs.map((v) => (v === null ? null : v + shift)));
        if (slope === null) {
          expect(flipped).toBeNull();
          return;
        }
        expect(flipped).toBeCloseTo(-slope, 5);
        expect(shifted).toBeCloseTo(slope, 5);
        const direction = trendDirection(vs);
        expect(direction).toBe(Math.abs(slope) < 0.1 ? 'steady' : slope > 0 ? 'rising' : 'falling');
      }),
    );
  });
});

describe('trendSummary', () => {
  it('gives averages over the range and weekly directions', () => {
    const checks = [
      check('2027-03-01', 2, 5, 'yes'),
      check('2027-03-08', 3, 4, 'yes'),
      check('2027-03-09', 3, 4, 'mostly'),
      check('2027-03-15', 4, 3, 'mostly'),
      check('2027-03-22', 5, 2, 'no'),
      check('2027-03-29', 5, 1, 'no'),
    ];
    expect(trendSummary(checks, '2027-03-01', '2027-03-28')).toEqual({
      from: '2027-03-01',
      to: '2027-03-28',
      count: 5,
      avgWorkload: 3.4,
      avgEnergy: 3.6,
      sustainable: { yes: 2, mostly: 2, no: 1 },
      workloadDirection: 'rising',
      energyDirection: 'falling',
    });
    expect(trendSummary([], '2027-03-01', '2027-03-28')).toMatchObject({
      count: 0,
      avgWorkload: null,
      workloadDirection: 'not enough data',
    });
  });
});
