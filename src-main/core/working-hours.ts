import { z } from 'zod';
import {
  addLocalDays,
  instantAt,
  localDateOf,
  minutesOfDay,
  WEEKDAYS,
  weekdayOf,
  type LocalDate,
  type Weekday,
} from './time';
import { clockTimeSchema, dateRangesSchema } from './validation';

/**
 * The working week: which dates are working days, and when a working day starts and ends.
 *
 * Decisions:
 * - Working hours are set per weekday; `null` is a day off. A holiday (a range of dates) is a day
 *   off whatever the weekday says. Work on a day off still counts as presence elsewhere; here it
 *   only means "no hours".
 * - Hours whose end is not after their start run past midnight and end on the next date; both
 *   ends keep their local time on DST days (a time skipped by DST moves forward).
 * - A workday runs from one day boundary (04:00 by default) to the next, so 01:00 still belongs to
 *   the evening before.
 * - "The working day before" a weekday counts weekdays with hours, Monday–Friday when none are
 *   given, so a Monday one-on-one gets a Friday prompt.
 */

/** A span of local time on one day; `end` before `start` means it runs past midnight. */
export const timeRangeSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .strict()
  .refine((r) => r.start !== r.end, { message: 'Start and end must differ.' });
export type TimeRange = z.infer<typeof timeRangeSchema>;

/** Working hours per weekday; `null` is a day off. */
export const workingHoursSchema = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, timeRangeSchema.nullable()])) as Record<
      Weekday,
      z.ZodNullable<typeof timeRangeSchema>
    >,
  )
  .strict();
export type WorkingHours = z.infer<typeof workingHoursSchema>;

/**
 * Holidays and days off: no working hours (no sign-off suggestion at an end of hours, no focus
 * blocks, no prompts at all, see decision 0008). Work on them still counts as presence.
 */
export const holidaysSchema = dateRangesSchema('holiday');
export type Holiday = z.infer<typeof holidaysSchema>[number];

/** What decides whether a date has hours: the weekly hours and, when known, the holidays. */
export interface WorkingCalendar {
  workingHours: WorkingHours;
  holidays?: readonly Holiday[];
}

/** The holiday `date` falls in, if any. */
export function holidayOn(date: LocalDate, calendar: Pick<WorkingCalendar, 'holidays'>): Holiday | undefined {
  return calendar.holidays?.find((h) => h.from <= date && date <= h.to);
}

/** The name of the holiday `date` falls in: its note, or "Holiday" without one; null on other days. */
export function holidayName(date: LocalDate, calendar: Pick<WorkingCalendar, 'holidays'>): string | null {
  const holiday = holidayOn(date, calendar);
  return holiday ? holiday.note || 'Holiday' : null;
}

/** The working hours on `date`: null on a day off or a holiday. */
export function hoursOn(date: LocalDate, calendar: WorkingCalendar): TimeRange | null {
  if (holidayOn(date, calendar)) return null;
  return calendar.workingHours[weekdayOf(date)];
}

/**
 * The instants working hours start and end on `date` in `zone`, or null on a day off. Hours whose
 * end is not after their start end on the next date.
 */
export function workingSpanOn(
  date: LocalDate,
  calendar: WorkingCalendar & { zone: string },
): { start: number; end: number } | null {
  const hours = hoursOn(date, calendar);
  if (!hours) return null;
  const crosses = minutesOfDay(hours.end) <= minutesOfDay(hours.start);
  return {
    start: instantAt(date, hours.start, calendar.zone),
    end: instantAt(crosses ? addLocalDays(date, 1) : date, hours.end, calendar.zone),
  };
}

/** The workday `instant` belongs to by the day boundary: before `dayBoundary` is the previous date's. */
export function workdayOf(instant: number, zone: string, dayBoundary: string): LocalDate {
  const date = localDateOf(instant, zone);
  return instant < instantAt(date, dayBoundary, zone) ? addLocalDays(date, -1) : date;
}
