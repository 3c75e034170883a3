/**
 * The expander's shortcuts against the slow way, on random rules (any parts, the combinations
 * python-dateutil cannot be asked about included): a window far from DTSTART jumps there and
 * counts the earlier occurrences per period or in closed form; here every period from DTSTART is
 * listed one by one and the occurrences counted as they come. Both must agree on every window,
 * and two adjacent windows must add up to the window they make together.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandRecur, MAX_OCCURRENCES, parseRecur, type RecurRule } from '../../src-main/core/ics/recur';
import { WEEKDAYS } from '../../src-main/core/ics/recur-parse';
import { Budget, compile, periodOf, type PlanFrequency } from '../../src-main/core/ics/recur-plan';
import { periodStarts } from '../../src-main/core/ics/recur-period';
import { wallOf, type WallMs } from '../../src-main/core/ics/wall';
import { propertyRuns } from '../support/thorough';

const DAY = 86_400_000;
const YEAR = 365.2425 * DAY;

/** Every period from DTSTART listed, its occurrences after DTSTART taken one by one (no COUNT). */
function slowly(rule: RecurRule, dtstart: WallMs, to: WallMs, until: WallMs | null): WallMs[] {
  const plan = compile(rule as RecurRule & { freq: PlanFrequency }, dtstart);
  const budget = new Budget(Infinity);
  const out = [dtstart];
  const end = until === null ? to : Math.min(to, until + 1);
  const last = Math.floor((periodOf(plan.freq, rule.wkst, end - 1) - plan.p0) / plan.interval);
  for (let k = 0; k <= last; k++) {
    for (const t of periodStarts(plan, k, budget)) if (t > dtstart && t < end) out.push(t);
  }
  return out;
}

/** How far windows go from DTSTART: as far as listing every period stays quick. */
const REACH: Record<PlanFrequency, number> = {
  YEARLY: 300 * YEAR,
  MONTHLY: 150 * YEAR,
  WEEKLY: 40 * YEAR,
  DAILY: 8 * YEAR,
  HOURLY: YEAR / 2,
};

const signed = (max: number) => fc.integer({ min: 1, max }).chain((n) => fc.constantFrom(n, -n));
const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
/** A part in about one rule of five (real rules have one or two). */
const list = (arb: fc.Arbitrary<number | string>, max: number) =>
  fc.oneof(
    { arbitrary: fc.constant([]), weight: 4 },
    { arbitrary: fc.uniqueArray(arb, { minLength: 1, maxLength: max }), weight: 1 },
  );

const ruleArb = fc
  .record({
    freq: fc.constantFrom<PlanFrequency>('YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY'),
    interval: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 9, max: 400 })),
    byMonth: list(fc.integer({ min: 1, max: 12 }), 4),
    byMonthDay: list(fc.oneof(signed(4), signed(31)), 4),
    byYearDay: list(signed(366), 3),
    byWeekNo: list(signed(53), 3),
    byDay: list(
      fc
        .tuple(fc.oneof(fc.constant(0), signed(5), signed(53)), fc.integer({ min: 0, max: 6 }))
        .map(([n, d]) => `${n === 0 ? '' : n}${WEEKDAYS[d]}`),
      4,
    ),
    byHour: list(fc.integer({ min: 0, max: 23 }), 4),
    byMinute: list(fc.integer({ min: 0, max: 59 }), 2),
    bySetPos: list(fc.oneof(signed(3), signed(30)), 3),
    wkst: fc.integer({ min: 0, max: 6 }),
  })
  .map((r) => {
    const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`, `WKST=${WEEKDAYS[r.wkst]}`];
    const add = (name: string, values: readonly (string | number)[]) => {
      if (values.length > 0) parts.push(`${name}=${values.join(',')}`);
    };
    add('BYMONTH', r.byMonth);
    add('BYMONTHDAY', r.byMonthDay);
    add('BYYEARDAY', r.byYearDay);
    add('BYWEEKNO', r.byWeekNo);
    add('BYDAY', r.byDay);
    add('BYHOUR', r.byHour);
    add('BYMINUTE', r.freq === 'HOURLY' ? r.byMinute.slice(0, 1) : r.byMinute);
    add('BYSETPOS', r.bySetPos);
    return parts.join(';');
  });

/**
 * Rules shaped to take each of the expander's shortcuts (the comment says which), `{i}` an
 * INTERVAL: closed-form cycles, the per-day walks, the per-period counts, trimming.
 */
const SHAPES = [
  'FREQ=DAILY;INTERVAL={i};BYHOUR=9,13,17', // constant per day
  'FREQ=DAILY;INTERVAL={i};BYDAY=MO,WE,FR;BYHOUR=9,15', // repeats every 7 days
  'FREQ=DAILY;INTERVAL={i};BYMONTH=1,3;BYMONTHDAY=29,30,31', // a day at a time
  'FREQ=DAILY;INTERVAL=4{i};BYMONTH=2', // a day at a time, long steps
  'FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23', // trimmed
  'FREQ=HOURLY;INTERVAL={i};BYHOUR=9,10,17', // repeats every 24 hours
  'FREQ=HOURLY;INTERVAL={i};BYDAY=MO,FR;BYHOUR=8,20', // repeats every 168 hours
  'FREQ=HOURLY;INTERVAL={i};BYMONTH=2,3;BYHOUR=1,5,23', // an hour of days at a time
  'FREQ=HOURLY;INTERVAL={i};BYMONTHDAY=1,15,-1;BYMINUTE=30', // an hour of days at a time
  'FREQ=HOURLY;INTERVAL=3{i};BYMONTHDAY=1,15', // an hour at a time
  'FREQ=WEEKLY;INTERVAL={i};BYDAY=TU,TH;BYHOUR=8,12', // constant per week
  'FREQ=WEEKLY;INTERVAL={i};BYMONTH=6,7,8;BYDAY=SA,SU', // a week at a time
  'FREQ=MONTHLY;INTERVAL={i};BYMONTHDAY=1,15,28', // constant per month
  'FREQ=MONTHLY;INTERVAL={i};BYMONTHDAY=-1,-28', // constant per month
  'FREQ=MONTHLY;INTERVAL={i};BYMONTHDAY=1,-1', // mixed signs: a month at a time
  'FREQ=MONTHLY;INTERVAL={i};BYMONTHDAY=29,30,31', // a month at a time
  'FREQ=MONTHLY;INTERVAL={i};BYDAY=1MO,4FR', // constant per month
  'FREQ=MONTHLY;INTERVAL={i};BYDAY=5FR', // a month at a time
  'FREQ=MONTHLY;INTERVAL={i};BYMONTH=3,9;BYMONTHDAY=10', // repeats every 12 months
  'FREQ=MONTHLY;INTERVAL={i};BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1,2', // a month at a time
  'FREQ=YEARLY;INTERVAL={i};BYMONTH=2;BYMONTHDAY=29', // a year at a time
  'FREQ=YEARLY;INTERVAL={i};BYDAY=20MO', // constant per year
  'FREQ=YEARLY;INTERVAL={i};BYDAY=53FR,-53SA', // a year at a time
  'FREQ=YEARLY;INTERVAL={i};BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8', // a year at a time
  'FREQ=YEARLY;INTERVAL={i};BYWEEKNO=1,53,-1;BYDAY=MO,SU;WKST=SU', // a year at a time
];

const shapeArb = fc
  .tuple(fc.constantFrom(...SHAPES), fc.integer({ min: 1, max: 9 }))
  .map(([shape, interval]) => shape.replace('{i}', String(interval)));

const caseOf = (rule: fc.Arbitrary<string>) =>
  fc.record({
    rule,
    dtstart: fc
      .tuple(fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 0, max: 365 * 24 - 1 }))
      .map(([year, hour]) => wallOf(year, 1, 1) + hour * 3_600_000),
    offset: fraction,
    length: fraction,
    split: fraction,
    until: fc.option(fraction),
    /** No COUNT, a fixed one, or the one that ends the series that far through the window. */
    count: fc.oneof(
      fc.constant(null),
      fraction.map((f) => ({ fixed: Math.max(1, Math.round(10 ** (6 * f))) })),
      fraction.map((f) => ({ endAt: f })),
    ),
  });

type Case = typeof caseOf extends (r: fc.Arbitrary<string>) => fc.Arbitrary<infer C> ? C : never;

/** Keel's expansion of the case's window against the listed periods, and split in two. */
function check({ rule: text, dtstart, offset, length, split, until: untilAt, count: countAt }: Case): void {
  const freq = parseRecur(text)!.freq as PlanFrequency;
  const from = dtstart + Math.round(offset * REACH[freq]);
  const to = from + Math.round(length * length * REACH[freq]) + 1000;
  const until = untilAt === null ? null : Math.round(dtstart + untilAt * (to - dtstart));
  const series = slowly(parseRecur(text)!, dtstart, to, until);
  const before = series.filter((t) => t < from).length;
  const count =
    countAt === null
      ? null
      : 'fixed' in countAt
        ? countAt.fixed
        : Math.max(1, before + Math.ceil(countAt.endAt * (series.length - before)));
  const rule = parseRecur(count === null ? text : `${text};COUNT=${count}`)!;
  const all = series.slice(0, count ?? Infinity).filter((t) => t >= from);
  const whole = expandRecur(rule, dtstart, { from, to, until });
  if (whole.kind === 'dropped') {
    // Only for too many a day: the reach keeps the work small.
    expect(whole.reason).toBe('per-day');
    return;
  }
  expect(whole.starts).toEqual(all.slice(0, MAX_OCCURRENCES));
  expect(whole.trimmed).toBe(all.length - whole.starts.length);
  const middle = from + Math.round(split * (to - from));
  const first = expandRecur(rule, dtstart, { from, to: middle, until });
  const second = expandRecur(rule, dtstart, { from: middle, to, until });
  if (first.kind !== 'ok' || second.kind !== 'ok') throw new Error('a part was dropped');
  expect(first.starts.length + first.trimmed + second.starts.length + second.trimmed).toBe(all.length);
}

describe('expandRecur against listing every period', () => {
  it('finds the same occurrences in far windows for random rules, and adjacent windows add up', () => {
    fc.assert(fc.property(caseOf(ruleArb), check), { numRuns: propertyRuns(1500) });
  });

  it('does so for rules shaped to take each shortcut', () => {
    fc.assert(fc.property(caseOf(shapeArb), check), { numRuns: propertyRuns(1500) });
  });
});
