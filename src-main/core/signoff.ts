import { z } from 'zod';
import type { DayFigures } from './day-figures';
import {
  DONE_MAX_LENGTH,
  ENERGY_RATING_LABELS,
  ENERGY_RATINGS,
  FIRST_TOMORROW_MAX_LENGTH,
  MAX_UNFINISHED,
  UNFINISHED_TEXT_MAX_LENGTH,
} from './signoff-vocabulary';
import { cleanText } from './text-hygiene';
import { addLocalDays, clockTimeOf, startOfLocalDate, weekStartOf, type LocalDate } from './time';

/**
 * The end-of-day ritual's answers and what Keel learns from a run of workdays ("creep"). The
 * suggestion policy itself is in signoff-policy.ts.
 */

const oneLine = (what: string, max: number) =>
  z
    .string({ message: `Write ${what} as text.` })
    .overwrite(cleanText)
    .trim()
    .max(max, { message: `Keep ${what} under ${max} characters.` })
    .refine((t) => !/[\r\n]/.test(t), { message: `Keep ${what} to one line.` });

export { ENERGY_RATING_LABELS, ENERGY_RATINGS, MAX_UNFINISHED };

/** One thing left open today, and when and how it continues tomorrow. */
export const unfinishedItemSchema = z
  .object({
    item: oneLine('the unfinished thing', UNFINISHED_TEXT_MAX_LENGTH).pipe(
      z.string().min(1, { message: 'Name the unfinished thing, or remove the row.' }),
    ),
    plan: oneLine('the plan', UNFINISHED_TEXT_MAX_LENGTH).pipe(
      z
        .string()
        .min(1, { message: 'Say when and how it continues tomorrow (for example “10:00, after stand-up”).' }),
    ),
  })
  .strict();
export type UnfinishedItem = z.infer<typeof unfinishedItemSchema>;

/**
 * The ritual's answers. Every field may be left empty: signing off is the point, and the words
 * are there to help, not to gate it. `quiet` holds Keel's prompts (and turns on do-not-disturb,
 * where Keel can) until the next working start.
 */
export const signoffInputSchema = z
  .object({
    done: z
      .string({ message: 'Write what got done as text.' })
      .overwrite(cleanText)
      .trim()
      .max(DONE_MAX_LENGTH, { message: `Keep what got done under ${DONE_MAX_LENGTH} characters.` })
      .default(''),
    unfinished: z
      .array(unfinishedItemSchema, { message: 'List unfinished things as a list.' })
      .max(MAX_UNFINISHED, { message: `List at most ${MAX_UNFINISHED} unfinished things.` })
      .default([]),
    firstTomorrow: oneLine('the first thing tomorrow', FIRST_TOMORROW_MAX_LENGTH).default(''),
    energy: z
      .number({ message: 'Rate your energy from 1 to 5.' })
      .int({ message: 'Rate your energy from 1 to 5.' })
      .min(1, { message: 'Rate your energy from 1 to 5.' })
      .max(5, { message: 'Rate your energy from 1 to 5.' })
      .nullable()
      .default(null),
    quiet: z.boolean({ message: 'Use true or false for quiet until tomorrow.' }).default(false),
  })
  .strict();
export type SignoffInput = z.output<typeof signoffInputSchema>;

export type { WorkdayFacts } from './day-figures';
export { LATE_AFTER_MINUTES } from './day-figures';

export interface CreepDay {
  date: LocalDate;
  /** No working hours that date (weekend, day off, holiday). */
  dayOff: boolean;
  /** Keel was counting on this date (false before its first start and earliest record). */
  counted: boolean;
  firstActive: string | null;
  lastActive: string | null;
  /** Minutes from the date's midnight to the last activity (over 1440 after midnight), for charts. */
  lastActiveMinutes: number | null;
  endOfHours: string | null;
  late: boolean;
  /** Activity on a day off. */
  workedDayOff: boolean;
  signedOff: string | null;
  /** A past workday with activity and no sign-off. */
  missedSignoff: boolean;
}

export interface CreepWeek {
  /** The Monday. */
  weekStart: LocalDate;
  /** The median last-active time on workdays that ended (Keel saw them end), in minutes from midnight. */
  medianLastActive: number | null;
  lateEvenings: number;
}

export type CreepTrend = 'later' | 'earlier' | 'steady' | 'not-enough-data';

export interface CreepStats {
  from: LocalDate;
  to: LocalDate;
  days: CreepDay[];
  lateEvenings: number;
  daysOffWorked: number;
  daysWithoutSignoff: number;
  /** Workdays with any activity in the range. */
  activeWorkdays: number;
  /** Past workdays with activity where Keel was running by the end of hours: sign-offs are judged on these. */
  settledWorkdays: number;
  weeks: CreepWeek[];
  trend: CreepTrend;
  // The kind sentences about these counts are the window's, in its language
  // (shared/i18n/creep-summary.ts): main sends numbers, not English.
}

const MINUTE = 60_000;

/** One date's creep facts, from its figures (core/day-figures.ts). */
export function creepDay(f: DayFigures): CreepDay {
  const zone = f.zone;
  return {
    date: f.date,
    dayOff: f.dayOff,
    counted: f.counting !== 'before',
    firstActive: f.firstActive === null ? null : clockTimeOf(f.firstActive, zone),
    lastActive: f.lastActive === null ? null : clockTimeOf(f.lastActive, zone),
    lastActiveMinutes:
      f.lastActive === null ? null : Math.round((f.lastActive - startOfLocalDate(f.date, zone)) / MINUTE),
    endOfHours: f.endOfHours === null ? null : clockTimeOf(f.endOfHours, zone),
    late: f.late,
    workedDayOff: f.workedDayOff,
    signedOff: f.signedOffAt === null ? null : clockTimeOf(f.signedOffAt, zone),
    missedSignoff: f.missedSignoff,
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

/**
 * The direction of weekly median last-active times: least squares over weeks with data. Needs 3
 * such weeks; under 10 minutes a week either way is steady.
 */
export function creepTrend(weeks: readonly CreepWeek[]): CreepTrend {
  const points = weeks.flatMap((w, i) =>
    w.medianLastActive === null ? [] : [[i, w.medianLastActive] as const],
  );
  if (points.length < 3) return 'not-enough-data';
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  const slope = den === 0 ? 0 : num / den;
  if (Math.abs(slope) < 10) return 'steady';
  return slope > 0 ? 'later' : 'earlier';
}

/** Creep over the days' figures (one per date, in order) for the user's eyes: counts and a trend, worded kindly by the window. */
export function creepStats(figures: readonly DayFigures[], from: LocalDate, to: LocalDate): CreepStats {
  const inRange = figures.filter((f) => f.date >= from && f.date <= to);
  const days = inRange.map(creepDay);
  // When workdays ended: only those that have ended, and that Keel saw end (a first start at
  // 22:55 is not a workday that ended at 22:55, and today is not over yet).
  const ended = new Set(inRange.filter((f) => f.settledWorkday).map((f) => f.date));
  const weeks: CreepWeek[] = [];
  for (let start = weekStartOf(from); start <= to; start = addLocalDays(start, 7)) {
    const end = addLocalDays(start, 6);
    const inWeek = days.filter((d) => d.date >= start && d.date <= end);
    weeks.push({
      weekStart: start,
      medianLastActive: median(
        inWeek
          .filter((d) => ended.has(d.date) && d.lastActiveMinutes !== null)
          .map((d) => d.lastActiveMinutes as number),
      ),
      lateEvenings: inWeek.filter((d) => d.late).length,
    });
  }
  const lateEvenings = days.filter((d) => d.late).length;
  const daysOffWorked = days.filter((d) => d.workedDayOff).length;
  const daysWithoutSignoff = days.filter((d) => d.missedSignoff).length;
  const activeWorkdays = inRange.filter(
    (f) => f.counting !== 'before' && !f.dayOff && f.firstActive !== null,
  ).length;
  const settledWorkdays = inRange.filter((f) => f.settledWorkday).length;
  const trend = creepTrend(weeks);
  return {
    from,
    to,
    days,
    lateEvenings,
    daysOffWorked,
    daysWithoutSignoff,
    activeWorkdays,
    settledWorkdays,
    weeks,
    trend,
  };
}
