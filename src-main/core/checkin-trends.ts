import { tagLabel, type Checkin } from './checkin';
import type { QuestionnaireKind, QuestionnaireResult } from './questionnaires';
import { dateOfDayNumber, dayNumber, isoWeekOfDayNumber, mondayOfDayNumber, type LocalDate } from './time';

/**
 * History and trends of the quick check: weekly averages, sustainability counts, stretched-tag
 * frequencies and questionnaire scores over a range, plus a simple direction for the one-on-one
 * summary.
 *
 * Decisions:
 * - Weeks are ISO weeks: they start on Monday and are named by their ISO week-numbering year, so
 *   2026-12-28 … 2027-01-03 is 2026-W53. Ranges are whole weeks ending with the current one:
 *   4 weeks (this week and the 3 before), a quarter (13 weeks) or a year (52 weeks). `to` is the
 *   Sunday of the current week, inclusive, so the last bucket is a whole week too.
 * - A check belongs to its `localDate` (the date where it was taken), never re-bucketed by the
 *   viewer's current zone.
 * - Averages are rounded to one decimal for display; a week without checks has null averages (a
 *   gap in the chart, not a zero).
 * - Direction is the least-squares slope over the weekly averages, with the week's position as x,
 *   so empty weeks keep their place. It needs at least 3 weeks with data; a slope whose magnitude
 *   is below 0.1 rating points per week is "steady". The slope is rounded to 6 decimals first, so
 *   floating-point noise cannot flip a result at the threshold.
 * - Aggregation is one pass over the checks (O(n) plus O(weeks)): dates are turned into day numbers
 *   with plain arithmetic, never through a date library per check.
 */

export const TREND_RANGES = ['4w', 'quarter', 'year'] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

const RANGE_WEEKS: Record<TrendRange, number> = { '4w': 4, quarter: 13, year: 52 };

/** The fields trends read; a stored `Checkin` has them all. */
export type TrendCheck = Pick<Checkin, 'localDate' | 'workload' | 'energy' | 'sustainable' | 'stretched'>;

/** The inclusive dates of `range`: whole ISO weeks ending with the week of `today`. */
export function trendRange(range: TrendRange, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const monday = mondayOfDayNumber(dayNumber(today));
  return {
    from: dateOfDayNumber(monday - 7 * (RANGE_WEEKS[range] - 1)),
    to: dateOfDayNumber(monday + 6),
  };
}

export interface SustainableCounts {
  yes: number;
  mostly: number;
  no: number;
}

export interface WeekTrend {
  /** Monday of the week. */
  weekStart: LocalDate;
  /** ISO week name, e.g. `2027-W01`. */
  week: string;
  count: number;
  /** One decimal; null when the week has no checks. */
  avgWorkload: number | null;
  avgEnergy: number | null;
  sustainable: SustainableCounts;
}

function average(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum * 10) / count) / 10;
}

/**
 * One entry per ISO week from the week of `from` to the week of `to`, oldest first, over the checks
 * dated `from`…`to` inclusive (checks outside are ignored).
 */
export function weeklyTrends(checks: readonly TrendCheck[], from: LocalDate, to: LocalDate): WeekTrend[] {
  const fromDay = dayNumber(from);
  const toDay = dayNumber(to);
  const base = mondayOfDayNumber(fromDay);
  if (toDay < fromDay) return [];
  const weeks = Math.floor((toDay - base) / 7) + 1;
  const count = new Array<number>(weeks).fill(0);
  const workload = new Array<number>(weeks).fill(0);
  const energy = new Array<number>(weeks).fill(0);
  const sustainable = Array.from({ length: weeks }, (): SustainableCounts => ({ yes: 0, mostly: 0, no: 0 }));
  for (const check of checks) {
    const day = dayNumber(check.localDate);
    if (day < fromDay || day > toDay) continue;
    const i = Math.floor((day - base) / 7);
    count[i] = (count[i] ?? 0) + 1;
    workload[i] = (workload[i] ?? 0) + check.workload;
    energy[i] = (energy[i] ?? 0) + check.energy;
    const counts = sustainable[i];
    if (counts) counts[check.sustainable] += 1;
  }
  const out: WeekTrend[] = [];
  for (let i = 0; i < weeks; i++) {
    const n = count[i] ?? 0;
    const monday = base + 7 * i;
    out.push({
      weekStart: dateOfDayNumber(monday),
      week: isoWeekOfDayNumber(monday),
      count: n,
      avgWorkload: average(workload[i] ?? 0, n),
      avgEnergy: average(energy[i] ?? 0, n),
      sustainable: sustainable[i] ?? { yes: 0, mostly: 0, no: 0 },
    });
  }
  return out;
}

export interface TagFrequency {
  id: string;
  label: string;
  /** Checks that named the tag. */
  count: number;
  /** count ÷ checks considered, 0–1. */
  share: number;
}

/**
 * How often each stretched tag was named, most frequent first, then by label. A tag counts once per
 * check. With `range`, only checks dated within it (inclusive) are considered.
 */
export function tagFrequencies(
  checks: readonly TrendCheck[],
  range?: { from: LocalDate; to: LocalDate },
): TagFrequency[] {
  const counts = new Map<string, number>();
  let considered = 0;
  for (const check of checks) {
    if (range && (check.localDate < range.from || check.localDate > range.to)) continue;
    considered++;
    const tags = check.stretched.length > 1 ? new Set(check.stretched) : check.stretched;
    for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([id, count]) => ({ id, label: tagLabel(id), count, share: count / considered }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en') || a.id.localeCompare(b.id));
}

export interface QuestionnairePoint {
  at: number;
  localDate: LocalDate;
  score: number;
  /** Score minus the previous result of the same kind (even one before the range); null for the first. */
  change: number | null;
}

/** The scores of one questionnaire over time, oldest first; with `range`, dated within it. */
export function questionnaireSeries(
  results: readonly Pick<QuestionnaireResult, 'kind' | 'at' | 'localDate' | 'score'>[],
  kind: QuestionnaireKind,
  range?: { from: LocalDate; to: LocalDate },
): QuestionnairePoint[] {
  const ofKind = results.filter((r) => r.kind === kind).sort((a, b) => a.at - b.at);
  const out: QuestionnairePoint[] = [];
  let previous: number | null = null;
  for (const r of ofKind) {
    if (!range || (r.localDate >= range.from && r.localDate <= range.to)) {
      out.push({
        at: r.at,
        localDate: r.localDate,
        score: r.score,
        change: previous === null ? null : r.score - previous,
      });
    }
    previous = r.score;
  }
  return out;
}

export type TrendDirection = 'rising' | 'falling' | 'steady' | 'not enough data';

export const TREND_MIN_POINTS = 3;
export const TREND_STEADY_BELOW = 0.1;

/**
 * The least-squares slope of the non-null values against their index (units per step), rounded to
 * 6 decimals; null with fewer than 3 values.
 */
export function trendSlope(values: readonly (number | null)[]): number | null {
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    n++;
    sumX += i;
    sumY += v;
  }
  if (n < TREND_MIN_POINTS) return null;
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    sxy += (i - meanX) * (v - meanY);
    sxx += (i - meanX) * (i - meanX);
  }
  const slope = Math.round((sxy / sxx) * 1e6) / 1e6;
  return Object.is(slope, -0) ? 0 : slope;
}

/** Rising, falling or steady (|slope| < 0.1 per week) over weekly values; needs 3 weeks with data. */
export function trendDirection(values: readonly (number | null)[]): TrendDirection {
  const slope = trendSlope(values);
  if (slope === null) return 'not enough data';
  if (Math.abs(slope) < TREND_STEADY_BELOW) return 'steady';
  return slope > 0 ? 'rising' : 'falling';
}

export interface TrendSummary {
  from: LocalDate;
  to: LocalDate;
  count: number;
  /** Over all checks in the range, one decimal; null without checks. */
  avgWorkload: number | null;
  avgEnergy: number | null;
  sustainable: SustainableCounts;
  workloadDirection: TrendDirection;
  energyDirection: TrendDirection;
}

/** Averages and directions over `from`…`to`, as the one-on-one summary shows them. */
export function trendSummary(checks: readonly TrendCheck[], from: LocalDate, to: LocalDate): TrendSummary {
  const weeks = weeklyTrends(checks, from, to);
  let count = 0;
  let workload = 0;
  let energy = 0;
  const sustainable: SustainableCounts = { yes: 0, mostly: 0, no: 0 };
  for (const w of weeks) {
    count += w.count;
    for (const key of ['yes', 'mostly', 'no'] as const) sustainable[key] += w.sustainable[key];
  }
  for (const check of checks) {
    if (check.localDate < from || check.localDate > to) continue;
    workload += check.workload;
    energy += check.energy;
  }
  return {
    from,
    to,
    count,
    avgWorkload: average(workload, count),
    avgEnergy: average(energy, count),
    sustainable,
    workloadDirection: trendDirection(weeks.map((w) => w.avgWorkload)),
    energyDirection: trendDirection(weeks.map((w) => w.avgEnergy)),
  };
}
