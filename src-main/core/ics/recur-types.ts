import type { DateTimeValue } from './content';

/** A parsed RRULE (RFC 5545 §3.3.10), as recur-parse.ts reads it and recur.ts expands it. */
export type Frequency = 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY' | 'HOURLY' | 'MINUTELY' | 'SECONDLY';

export interface WeekdayNum {
  /** 0 = MO … 6 = SU */
  weekday: number;
  /** 0 = every; ±1..±53 */
  n: number;
}

export interface RecurRule {
  freq: Frequency;
  interval: number;
  count: number | null;
  until: DateTimeValue | null;
  bySecond: number[];
  byMinute: number[];
  byHour: number[];
  byDay: WeekdayNum[];
  byMonthDay: number[];
  byYearDay: number[];
  byWeekNo: number[];
  byMonth: number[];
  bySetPos: number[];
  wkst: number;
}
