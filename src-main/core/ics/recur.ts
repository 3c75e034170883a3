/**
 * Keel's own RRULE expander (RFC 5545 §3.3.10, §3.8.5.3), on wall-clock times: the caller turns
 * the starts into instants in the series' zone (zones.ts).
 *
 * It never steps occurrence by occurrence from DTSTART. A period (a year, month, week, day or
 * hour, per FREQ) holds a set of occurrences computed from the rule alone; the expander jumps
 * straight to the first period of the window by arithmetic on the period number (INTERVAL,
 * WKST parity and month arithmetic included). With COUNT it must know how many occurrences came
 * before: it counts them per period with integer arithmetic (no lists, no dates), and in closed
 * form when the counts repeat every few periods (DAILY with BYHOUR, WEEKLY with BYDAY, MONTHLY on
 * a day that every month has, …). Whatever is left is bounded by MAX_WORK.
 *
 * Choices where RFC 5545 leaves the answer open (python-dateutil differs where noted):
 * - DTSTART is always the first occurrence and counts toward COUNT, even when the rule would not
 *   produce it (§3.8.5.3); dateutil leaves it out, recurring_ical_events adds it without counting
 *   it. It is returned even when UNTIL is before it: the recurrence set is DTSTART plus the rule.
 * - Invalid dates (31 April, 29 February 2027, the 30th of February) are skipped, never rolled
 *   over; a leap second (BYSECOND=60) likewise.
 * - Parts RFC 5545 marks N/A for a frequency (BYYEARDAY in MONTHLY, BYWEEKNO outside YEARLY, …)
 *   limit, as dateutil reads them; a BYDAY ordinal outside MONTHLY/YEARLY is read as the weekday.
 * - BYDAY mixing plain weekdays and ordinals (MO,1TU) means either (dateutil requires both).
 * - BYWEEKNO: a day belongs to the week number of its week-numbering year (WKST, four days rule),
 *   but to the YEARLY period of its calendar year (as dateutil), so INTERVAL and BYSETPOS count
 *   calendar years. A yearly rule with only BYWEEKNO recurs on DTSTART's weekday (see recur-plan).
 * - BYSETPOS picks from the whole period, DTSTART's first week included (dateutil cuts a WEEKLY
 *   rule's first week at DTSTART before picking).
 * - BYSECOND/BYMINUTE/BYHOUR apply as given: for an all-day DTSTART the caller drops them (§3.3.10
 *   says they MUST then be ignored).
 *
 * Dropping ('frequency', 'per-day') is decided from the rule alone, so a series is dropped or kept
 * alike for every window: 'per-day' when its times (INTERVAL, BYHOUR, BYMINUTE, BYSECOND, after
 * BYSETPOS) can put more than MAX_PER_DAY occurrences on one day, whether or not its days ever
 * come. 'cost' depends on how far the window is from DTSTART (with COUNT) and how long it is.
 */
import { CostExceeded, Budget, compile, periodOf, type Plan, type PlanFrequency } from './recur-plan';
import { countPeriods, periodStarts } from './recur-period';
import type { WallMs } from './wall';

export { parseRecur } from './recur-parse';

export type { Frequency, RecurRule, WeekdayNum } from './recur-types';
import type { RecurRule } from './recur-types';

export interface ExpandOptions {
  from: WallMs;
  to: WallMs;
  /** inclusive bound already in the series' wall clock (the caller converts a UTC UNTIL), null for none */
  until: WallMs | null;
}

export type Expansion =
  | {
      kind: 'ok';
      starts: WallMs[];
      /** occurrences in the window beyond MAX_OCCURRENCES, not returned */
      trimmed: number;
    }
  | { kind: 'dropped'; reason: 'frequency' | 'per-day' | 'cost' };

/** More occurrences than this on one day (HOURLY is 24) is no meeting pattern: the rule is dropped. */
export const MAX_PER_DAY = 24;
/** Occurrences returned for one window; the rest are counted in `trimmed`. */
export const MAX_OCCURRENCES = 5_000;
/**
 * Units of work (a period or a day looked at, an occurrence produced) one expansion may take:
 * 1–4 ms once the code is warm; the first such call in a process, on cold code, 15–90 ms (a
 * 2-core machine under load 7–10). A real calendar's worst, a rule with COUNT and a day filter
 * from 1900 (DAILY;BYMONTH=3, YEARLY;BYDAY=MO,…,SU, WEEKLY;BYMONTH=…), takes about 55,000; a
 * yearly VTIMEZONE rule from 1601 about 14,000; without COUNT only the window's periods count.
 */
export const MAX_WORK = 200_000;

/** Occurrence starts in [from, to), sorted, no duplicates. */
export function expandRecur(rule: RecurRule, dtstart: WallMs, options: ExpandOptions): Expansion {
  if (rule.freq === 'SECONDLY' || rule.freq === 'MINUTELY') return { kind: 'dropped', reason: 'frequency' };
  const plan = compile(rule as RecurRule & { freq: PlanFrequency }, dtstart);
  if (plan.perDay > MAX_PER_DAY) return { kind: 'dropped', reason: 'per-day' };
  try {
    return expand(plan, rule.count, dtstart, options, new Budget(MAX_WORK));
  } catch (e) {
    if (e instanceof CostExceeded) return { kind: 'dropped', reason: 'cost' };
    throw e;
  }
}

/** Date's range: a window beyond it is cut to it (periods stay plain numbers). */
const WALL_LIMIT = 8.64e15;

function expand(
  plan: Plan,
  count: number | null,
  dtstart: WallMs,
  options: ExpandOptions,
  budget: Budget,
): Expansion {
  const from = Math.max(options.from, -WALL_LIMIT);
  const to = Math.min(options.to, WALL_LIMIT);
  const end = options.until === null ? to : Math.min(to, options.until + 1);
  const starts: WallMs[] = [];
  let trimmed = 0;
  if (dtstart >= from && dtstart < to) starts.push(dtstart);
  // The rule's own instances after DTSTART: COUNT − 1 of them follow it.
  const limit = count === null ? Infinity : count - 1;
  const { freq, p0, interval } = plan;
  const ka = Math.max(0, Math.ceil((periodOf(freq, plan.filter.wkst, from) - p0) / interval));
  const kb = end <= from ? -1 : Math.floor((periodOf(freq, plan.filter.wkst, end - 1) - p0) / interval);
  if (kb < ka || limit <= 0) return { kind: 'ok', starts, trimmed };
  // DTSTART's period, without what comes before DTSTART in it: counted, or the window's first.
  const first = ka === 0 || count !== null ? periodStarts(plan, 0, budget).filter((t) => t > dtstart) : [];
  let index =
    ka > 0 && count !== null ? first.length + countPeriods(plan, 1, ka, limit - first.length, budget) : 0;
  for (let k = ka; k <= kb && index < limit; k++) {
    if (starts.length >= MAX_OCCURRENCES && k < kb) {
      // Past the cap: the whole periods before the last one only need counting.
      const n = Math.min(countPeriods(plan, k, kb, limit - index, budget), limit - index);
      trimmed += n;
      index += n;
      k = kb;
      if (index >= limit) break;
    }
    for (const t of k === 0 ? first : periodStarts(plan, k, budget)) {
      if (index >= limit || t >= end) break;
      index++;
      if (t < from) continue;
      if (starts.length < MAX_OCCURRENCES) starts.push(t);
      else trimmed++;
    }
  }
  return { kind: 'ok', starts, trimmed };
}
