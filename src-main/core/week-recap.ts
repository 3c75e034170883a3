import { formatDuration } from './focus';
import type { EndOfDaySection, FocusSection, TalkingPointsSection, TrendsSection } from './summary-sections';
import { periodLabel } from './summary-text';
import type { LocalDate } from './time';

/**
 * The recap of the last week on the first working day of a new one, with the change from the
 * week before. Pure: it reads the same summary sections the one-on-one summary is built from
 * (core/summary-sections.ts, over core/day-figures.ts), so a figure here is the figure there.
 *
 * Decisions:
 * - Every figure carries its counting line (the summary's `howCounted`, with when Keel began
 *   counting if that was inside the week).
 * - A change is named only against a week Keel counted: a week before Keel started has no
 *   figures, and "up from 0" would be a number that lies. Then the line says so.
 * - Focus compares protected minutes; planned is shown beside them, never mixed in: a block
 *   started on the spot is protected time, never planned time, so protected is never called a
 *   part "of" planned ("2 h protected · 4 h planned", never "2 h protected of 4 h planned").
 * - Check-in averages are compared only when both weeks have check-ins.
 * - Talking points waiting are the open ones now, whenever they were added.
 */

/** One week's sections, and whether Keel counted any of its days. */
export interface RecapWeekInput {
  from: LocalDate;
  to: LocalDate;
  counted: boolean;
  focus: FocusSection;
  endOfDay: EndOfDaySection;
  trends: TrendsSection;
}

export interface RecapFigure {
  /** The figure in words ("3 h 20 min protected · 4 h planned"). */
  value: string;
  /** The change from the week before in words, or why there is none. */
  change: string;
  howCounted: string;
}

export interface WeekRecap {
  week: { from: LocalDate; to: LocalDate; label: string };
  previous: { from: LocalDate; to: LocalDate; label: string };
  /** False when Keel counted no day of the week: the card says so and shows no figures. */
  counted: boolean;
  focus: RecapFigure & { protectedMinutes: number; plannedMinutes: number };
  evenings: RecapFigure & { late: number };
  checkins: RecapFigure & { count: number };
  talkingPoints: { waiting: number; value: string; howCounted: string };
}

export const RECAP_HOW_COUNTED = {
  talkingPoints: 'Open talking points now, whenever they were added; discussed ones are not counted.',
  notCounted: 'Keel was not counting yet that week, so there is nothing to compare with.',
} as const;

function minutes(n: number): string {
  return n <= 0 ? '0 min' : formatDuration(n * 60_000);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function focusFigure(week: RecapWeekInput, before: RecapWeekInput): WeekRecap['focus'] {
  const { protectedMinutes, plannedMinutes } = week.focus;
  const value =
    plannedMinutes > 0
      ? `${minutes(protectedMinutes)} protected · ${minutes(plannedMinutes)} planned`
      : `${minutes(protectedMinutes)} protected, nothing planned`;
  let change: string = RECAP_HOW_COUNTED.notCounted;
  if (before.counted) {
    const diff = protectedMinutes - before.focus.protectedMinutes;
    const was = `${minutes(before.focus.protectedMinutes)} protected · ${minutes(before.focus.plannedMinutes)} planned`;
    change =
      diff === 0
        ? `The same as the week before (${was}).`
        : `${minutes(Math.abs(diff))} ${diff > 0 ? 'more' : 'less'} than the week before (${was}).`;
  }
  return { value, change, howCounted: week.focus.howCounted ?? '', protectedMinutes, plannedMinutes };
}

function eveningsFigure(week: RecapWeekInput, before: RecapWeekInput): WeekRecap['evenings'] {
  const late = week.endOfDay.lateEvenings;
  const value = `${plural(late, 'late evening', 'late evenings')} in ${plural(week.endOfDay.workdays, 'workday', 'workdays')}`;
  let change: string = RECAP_HOW_COUNTED.notCounted;
  if (before.counted) {
    const was = before.endOfDay.lateEvenings;
    const diff = late - was;
    change =
      diff === 0
        ? `The same as the week before (${was}).`
        : `${Math.abs(diff)} ${diff > 0 ? 'more' : 'fewer'} than the week before (${was}).`;
  }
  return { value, change, howCounted: week.endOfDay.howCounted ?? '', late };
}

/** "3.4, up from 3.0", "3.4, as the week before", or the average alone. */
function average(name: string, now: number | null, was: number | null): string {
  if (now === null) return '';
  const a = now.toFixed(1);
  if (was === null) return `${name} ${a}`;
  const b = was.toFixed(1);
  if (a === b) return `${name} ${a}, as the week before`;
  return `${name} ${a}, ${now > was ? 'up' : 'down'} from ${b}`;
}

function checkinsFigure(week: RecapWeekInput, before: RecapWeekInput): WeekRecap['checkins'] {
  const t = week.trends;
  const p = before.trends;
  const count = t.count;
  const value = plural(count, 'check-in', 'check-ins');
  let change: string;
  if (count === 0) change = 'No check-ins that week, so no averages.';
  else if (p.count === 0) {
    change = `${average('Workload', t.avgWorkload, null)}, ${average('energy', t.avgEnergy, null)}; no check-ins the week before to compare with.`;
  } else {
    change = `${average('Workload', t.avgWorkload, p.avgWorkload)}; ${average('energy', t.avgEnergy, p.avgEnergy)}.`;
  }
  return {
    value,
    change,
    howCounted:
      'Averages of your own check-in ratings (1 to 5) in each week; a change is named only when both weeks have check-ins.',
    count,
  };
}

/** The recap of `week` against `previous`, with the open talking points now. */
export function weekRecap(
  week: RecapWeekInput,
  previous: RecapWeekInput,
  talkingPoints: TalkingPointsSection,
): WeekRecap {
  const waiting = talkingPoints.items.length;
  return {
    week: { from: week.from, to: week.to, label: periodLabel(week.from, week.to) },
    previous: { from: previous.from, to: previous.to, label: periodLabel(previous.from, previous.to) },
    counted: week.counted,
    focus: focusFigure(week, previous),
    evenings: eveningsFigure(week, previous),
    checkins: checkinsFigure(week, previous),
    talkingPoints: {
      waiting,
      value:
        waiting === 0
          ? 'No talking points waiting'
          : `${plural(waiting, 'talking point', 'talking points')} waiting`,
      howCounted: RECAP_HOW_COUNTED.talkingPoints,
    },
  };
}
