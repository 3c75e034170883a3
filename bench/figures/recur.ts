/**
 * Recurrence expansion (issue #15, src-main/core/ics/recur.ts): a window in 2027 of series that
 * started long before, where stepping from DTSTART loses meetings or takes seconds, and a hostile
 * rule the work cap stops. Medians of warm calls; the hostile rule's first call in the process
 * (cold code) is given beside it.
 */
import { expandRecur, parseRecur } from '../../src-main/core/ics/recur';
import { wallOf } from '../../src-main/core/ics/wall';
import { emit, log, msSince, round, time, timing } from '../lib/report';

const MARCH_2027 = { from: wallOf(2027, 3, 1), to: wallOf(2027, 4, 1), until: null };

const CASES = [
  { name: 'recur_daily_count_from_2016', rule: 'FREQ=DAILY;COUNT=9999', dtstart: wallOf(2016, 1, 4, 9, 30) },
  { name: 'recur_weekly_from_1990', rule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', dtstart: wallOf(1990, 1, 1, 9) },
  { name: 'recur_hourly_count_from_1601', rule: 'FREQ=HOURLY;COUNT=100000', dtstart: wallOf(1601, 1, 1) },
  {
    name: 'recur_daily_bymonth_count_from_1900',
    rule: 'FREQ=DAILY;BYMONTH=3;COUNT=100000',
    dtstart: wallOf(1900, 1, 1, 9),
  },
] as const;

/** A date that never comes, counted from year 1: dropped as 'cost'. */
const HOSTILE = { rule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5', dtstart: wallOf(1, 1, 1) };

export function recurFigures(): void {
  const hostile = parseRecur(HOSTILE.rule)!;
  const coldStart = process.hrtime.bigint();
  const first = expandRecur(hostile, HOSTILE.dtstart, MARCH_2027);
  const coldMs = msSince(coldStart);
  for (const c of CASES) {
    const rule = parseRecur(c.rule)!;
    const result = expandRecur(rule, c.dtstart, MARCH_2027);
    const sample = time(() => expandRecur(rule, c.dtstart, MARCH_2027), { warmup: 200, iterations: 500 });
    const occurrences = result.kind === 'ok' ? result.starts.length : result.reason;
    log(`${c.name}: ${round(sample.median)} ms, ${occurrences} occurrences in March 2027`);
    emit({
      name: c.name,
      value: round(sample.median),
      unit: 'ms',
      target: '< 1',
      pass: sample.median < 1 && result.kind === 'ok',
      rule: c.rule,
      occurrences,
      ...timing(sample),
    });
  }
  const sample = time(() => expandRecur(hostile, HOSTILE.dtstart, MARCH_2027), { warmup: 5, iterations: 20 });
  emit({
    name: 'recur_hostile_dropped',
    value: round(sample.median),
    unit: 'ms',
    target: '< 100',
    pass: sample.median < 100 && coldMs < 100 && first.kind === 'dropped',
    rule: HOSTILE.rule,
    cold_ms: round(coldMs),
    result: first.kind === 'dropped' ? first.reason : 'ok',
    ...timing(sample),
  });
}
