import { occurrencesBetween, readCalendar, type ParsedCalendar } from './ics/read';
import type { CalendarReadOptions, Occurrence } from './ics/types';

export {
  cleanTitle,
  INVALID_CALENDAR_MESSAGE,
  MAX_OCCURRENCES_PER_QUERY,
  MAX_TITLE_CHARS,
  TOO_BIG_MESSAGE,
  type ParsedCalendar,
} from './ics/read';

/** One meeting that can clash with a focus block (epoch-ms instants). */
export interface Meeting {
  title: string;
  start: number;
  end: number;
  status: 'busy' | 'tentative' | 'out-of-office';
  /**
   * Whether it warns: a pre-warning names it, "until the next meeting" stops at it. Busy and out
   * of office always do; tentative ones as the user chose. Shown either way, as what it is.
   */
  warns: boolean;
}

/** Whether tentative meetings warn (the user's calendar setting). */
export interface MeetingRules {
  tentative: 'warn' | 'ignore';
}

/** Parses .ics text (see core/ics/read.ts). */
export function parseMeetings(icsText: string, options?: CalendarReadOptions): ParsedCalendar {
  return readCalendar(icsText, options);
}

/**
 * The meetings among a calendar's occurrences: timed ones that occupy their time, tentative
 * ones included (marked; whether they warn is the user's choice). Free and cancelled ones never
 * count; all-day events are days, not meetings (an out-of-office day is offered as a day off).
 */
export function meetingsOf(occurrences: readonly Occurrence[], rules: MeetingRules): Meeting[] {
  const out: Meeting[] = [];
  for (const o of occurrences) {
    if (o.allDay || !(o.end > o.start)) continue;
    if (o.status === 'busy' || o.status === 'out-of-office' || o.status === 'tentative') {
      const warns = o.status !== 'tentative' || rules.tentative === 'warn';
      out.push({ title: o.title, start: o.start, end: o.end, status: o.status, warns });
    }
  }
  return out;
}

/** The meetings overlapping [from, to), sorted by start; floating times read in `zone`. */
export function meetingsBetween(
  calendar: ParsedCalendar,
  from: number,
  to: number,
  zone: string,
  rules: MeetingRules = { tentative: 'warn' },
): Meeting[] {
  return meetingsOf(occurrencesBetween(calendar, from, to, zone).occurrences, rules);
}
