/**
 * One period of a compiled rule (recur-plan.ts): its occurrences, or only how many there are, and
 * the number in a run of periods, in closed form when the per-period counts repeat.
 */
import { cursorAt, dayMatches, nextDay } from './recur-days';
import { periodDays, scan, timeAt, type Budget, type Plan } from './recur-plan';
import { DAY_MS, HOUR_MS, SECOND_MS, type WallMs } from './wall';

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/**
 * The 0-based positions BYSETPOS picks among `n` instances of a period, sorted and distinct
 * (1 is the first, −1 the last; positions beyond the set pick nothing).
 */
function positions(setPos: readonly number[], n: number): number[] {
  const picked = new Set<number>();
  for (const pos of setPos) {
    const index = pos > 0 ? pos - 1 : n + pos;
    if (index >= 0 && index < n) picked.add(index);
  }
  return [...picked].sort((a, b) => a - b);
}

function setCount(plan: Plan, n: number): number {
  return plan.setPos.length === 0 ? n : positions(plan.setPos, n).length;
}

function pick(plan: Plan, n: number, at: (j: number) => WallMs, budget: Budget): WallMs[] {
  const chosen = plan.setPos.length === 0 ? null : positions(plan.setPos, n);
  budget.spend(chosen ? chosen.length : n);
  if (chosen) return chosen.map(at);
  const out: WallMs[] = [];
  for (let j = 0; j < n; j++) out.push(at(j));
  return out;
}

/** Whether the hour `p` (HOURLY) passes BYHOUR and its day the day filter. */
function hourPasses(plan: Plan, p: number, budget: Budget): boolean {
  if (plan.hours && !plan.hours[mod(p, 24)]) return false;
  return periodDays(plan, p, budget) === 1;
}

/** The occurrences of the series' k-th period (p0 + k × INTERVAL), sorted and distinct. */
export function periodStarts(plan: Plan, k: number, budget: Budget): WallMs[] {
  budget.spend(1);
  const p = plan.p0 + k * plan.interval;
  const times = plan.times;
  if (plan.freq === 'HOURLY') {
    if (!hourPasses(plan, p, budget)) return [];
    return pick(plan, times.size, (j) => p * HOUR_MS + timeAt(times, j) * SECOND_MS, budget);
  }
  const days: number[] = [];
  periodDays(plan, p, budget, days);
  const at = (j: number) =>
    days[Math.floor(j / times.size)]! * DAY_MS + timeAt(times, j % times.size) * SECOND_MS;
  return pick(plan, days.length * times.size, at, budget);
}

function countPeriod(plan: Plan, k: number, budget: Budget): number {
  budget.spend(1);
  const p = plan.p0 + k * plan.interval;
  if (plan.freq === 'HOURLY') return hourPasses(plan, p, budget) ? setCount(plan, plan.times.size) : 0;
  return setCount(plan, periodDays(plan, p, budget) * plan.times.size);
}

/**
 * The occurrences in the series' periods k ∈ [ka, kb), none of them period 0 (whose instances
 * before DTSTART do not count). Stops early, returning at least `cap`, once it reaches `cap`.
 */
export function countPeriods(plan: Plan, ka: number, kb: number, cap: number, budget: Budget): number {
  if (kb <= ka) return 0;
  const cycle = plan.cycle;
  let total = 0;
  if (cycle !== null && kb - ka > 2 * cycle) {
    // The counts repeat every `cycle` periods: count one round, multiply, add the remainder.
    const rounds = Math.floor((kb - ka) / cycle);
    for (let k = ka; k < ka + cycle; k++) total += countPeriod(plan, k, budget);
    total *= rounds;
    for (let k = ka + rounds * cycle; k < kb; k++) total += countPeriod(plan, k, budget);
    return total;
  }
  if (plan.freq === 'HOURLY' && plan.interval < 24) return countHoursByDay(plan, ka, kb, cap, budget);
  if (plan.freq === 'DAILY' || plan.freq === 'WEEKLY') return countWalking(plan, ka, kb, cap, budget);
  for (let k = ka; k < kb && total < cap; k++) total += countPeriod(plan, k, budget);
  return total;
}

/** HOURLY counting a day at a time: one day check for up to 24 hours. */
function countHoursByDay(plan: Plan, ka: number, kb: number, cap: number, budget: Budget): number {
  const { p0, interval, hours } = plan;
  const first = p0 + ka * interval;
  const last = p0 + (kb - 1) * interval;
  const perHour = setCount(plan, plan.times.size);
  const c = cursorAt(Math.floor(first / 24));
  let total = 0;
  for (;;) {
    budget.spend(1);
    const dayStart = c.day * 24;
    if (!plan.filtered || dayMatches(plan.filter, c)) {
      const lo = Math.max(first, dayStart);
      const hi = Math.min(last, dayStart + 23);
      for (let h = lo + mod(p0 - lo, interval); h <= hi; h += interval) {
        if (!hours || hours[h - dayStart]) total += perHour;
      }
    }
    if (total >= cap || dayStart + 23 >= last) return total;
    nextDay(c);
  }
}

/**
 * DAILY and WEEKLY counting with one cursor walked through the days (no date worked out from a
 * day number for each period).
 */
function countWalking(plan: Plan, ka: number, kb: number, cap: number, budget: Budget): number {
  const length = plan.freq === 'DAILY' ? 1 : 7;
  // Occurrences in a period with n matching days, n = 0…length.
  const perDays = Array.from({ length: length + 1 }, (_, n) => setCount(plan, n * plan.times.size));
  const p = plan.p0 + ka * plan.interval;
  let c = cursorAt(length === 1 ? p : p * 7 + plan.filter.wkst - 3);
  const skip = (plan.interval - 1) * length;
  let total = 0;
  for (let k = ka; k < kb && total < cap; k++) {
    budget.spend(1);
    total += perDays[scan(plan, c, length, budget)]!;
    if (skip > 62) c = cursorAt(c.day + skip);
    else for (let d = 0; d < skip; d++) nextDay(c);
  }
  return total;
}
