import { WEEKDAYS } from '../../../src-main/shared/vocabulary';
import { windowFormat, windowMessage } from '../../i18n/window-locale';
import type { FocusRule, TimeRange, Weekday, WorkingHours } from '../../api/types';
import { formatTime } from '../../lib/time';
import { weekdayName } from '../../lib/format';

export { weekdayName };

/** The first run's hours: the same start and end on the chosen days (Settings has them day by day). */
export interface HoursDraft {
  days: Weekday[];
  start: string;
  end: string;
}

const FALLBACK: TimeRange = { start: '09:00', end: '17:30' };

export function workingDays(hours: WorkingHours): Weekday[] {
  return WEEKDAYS.filter((d) => hours[d] !== null);
}

/** Whether every working day has the same hours (the first run can show them as one row). */
export function sameEveryDay(hours: WorkingHours): boolean {
  const ranges = workingDays(hours).map((d) => hours[d] as TimeRange);
  return ranges.every((r) => r.start === ranges[0]?.start && r.end === ranges[0]?.end);
}

export function hoursDraftOf(hours: WorkingHours): HoursDraft {
  const days = workingDays(hours);
  const first = days[0] !== undefined ? (hours[days[0]] ?? FALLBACK) : FALLBACK;
  return { days, start: first.start, end: first.end };
}

export function hoursValue(draft: HoursDraft): WorkingHours {
  const value = {} as WorkingHours;
  for (const day of WEEKDAYS)
    value[day] = draft.days.includes(day) ? { start: draft.start, end: draft.end } : null;
  return value;
}

export function sameHours(a: WorkingHours, b: WorkingHours): boolean {
  return WEEKDAYS.every((day) => {
    const x = a[day];
    const y = b[day];
    return x === null || y === null ? x === y : x.start === y.start && x.end === y.end;
  });
}

/** "09:00–17:30" in the window's way of writing times. */
export function timeRange(start: string, end: string): string {
  return windowMessage('app.welcome.words.range', { start: formatTime(start), end: formatTime(end) });
}

/** "Monday to Friday", "Monday, Wednesday and Friday", "no days". */
export function describeDays(days: readonly Weekday[]): string {
  const sorted = WEEKDAYS.filter((d) => days.includes(d));
  if (sorted.length === 0) return windowMessage('app.welcome.words.no-days');
  const first = WEEKDAYS.indexOf(sorted[0] as Weekday);
  const run = sorted.length > 2 && sorted.every((d, i) => WEEKDAYS.indexOf(d) === first + i);
  const names = sorted.map((day) => weekdayName(day));
  if (run) {
    return windowMessage('app.welcome.words.day-run', { from: names[0] ?? '', to: names.at(-1) ?? '' });
  }
  return windowFormat().list(names);
}

/** "Monday to Friday, 09:00–17:30", or "different hours on different days". */
export function describeHours(hours: WorkingHours): string {
  const days = workingDays(hours);
  if (days.length === 0) return windowMessage('app.welcome.words.no-working-days');
  if (!sameEveryDay(hours)) return windowMessage('app.welcome.words.hours-differ');
  const range = hours[days[0] as Weekday] as TimeRange;
  return windowMessage('app.welcome.words.hours', {
    days: describeDays(days),
    range: timeRange(range.start, range.end),
  });
}

/** A block of the first run's plan: the same blocks on every working day. */
export interface BlockDraft {
  key: number;
  start: string;
  end: string;
}

let nextKey = 1;

export function newBlock(start: string, end: string): BlockDraft {
  return { key: nextKey++, start, end };
}

/** The blocks of the first planned day (the plan as one row; the Focus view has it day by day). */
export function blocksOf(plan: readonly FocusRule[]): BlockDraft[] {
  const first = WEEKDAYS.find((d) => plan.some((r) => r.weekday === d));
  return plan
    .filter((r) => r.weekday === first)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((r) => newBlock(r.start, r.end));
}

export function planValue(blocks: readonly BlockDraft[], days: readonly Weekday[]): FocusRule[] {
  return WEEKDAYS.filter((d) => days.includes(d)).flatMap((weekday) =>
    [...blocks]
      .sort((a, b) => a.start.localeCompare(b.start))
      .map(({ start, end }) => ({ weekday, start, end })),
  );
}

/** "09:00–11:00 and 14:00–16:00, Monday to Friday", or "no blocks". */
export function describePlan(plan: readonly FocusRule[]): string {
  if (plan.length === 0) return windowMessage('app.welcome.words.no-blocks');
  const days = WEEKDAYS.filter((d) => plan.some((r) => r.weekday === d));
  const blocks = blocksOf(plan).map((b) => timeRange(b.start, b.end));
  const uniform = days.every((d) => {
    const own = plan.filter((r) => r.weekday === d).map((r) => timeRange(r.start, r.end));
    return [...own].sort().join() === [...blocks].sort().join();
  });
  if (!uniform) return windowMessage('app.welcome.words.plan-differs', { count: plan.length });
  return windowMessage('app.welcome.words.plan', {
    blocks: windowFormat().list(blocks),
    days: describeDays(days),
  });
}
