import { addLocalDays } from '../../src-main/shared/vocabulary';
import type { CalendarStatus, FocusBlock, Holiday } from '../api/types';
import { windowFormat, windowMessage } from '../i18n/window-locale';
import { formatShortDate, localParts } from './format';
import { formatTime } from './time';

/**
 * Display helpers for the imported calendar: days off it offers, meetings on a block, addresses;
 * in the window's language (i18n/window-locale.ts).
 */

export type DayOffOffer = CalendarStatus['daysOff'][number];
export type Meeting = FocusBlock['meetings'][number];

/** Consecutive offered dates with the same title: one holiday each. */
export interface DayOffRange {
  from: string;
  to: string;
  title: string;
  dates: string[];
}

/** The longest note a holiday keeps (main's date-range schema). */
const NOTE_MAX = 120;

/**
 * Groups offers into ranges: a date joins the previous range when it is the next calendar date
 * and has the same title. Only offered dates are joined, so a working day in between (one the
 * calendar does not show you away on) is never made a day off.
 */
export function groupDaysOff(offers: readonly DayOffOffer[]): DayOffRange[] {
  const sorted = [...offers].sort((a, b) => a.date.localeCompare(b.date));
  const ranges: DayOffRange[] = [];
  for (const offer of sorted) {
    const last = ranges.at(-1);
    if (last && last.title === offer.title && addLocalDays(last.to, 1) === offer.date) {
      last.to = offer.date;
      last.dates.push(offer.date);
    } else {
      ranges.push({ from: offer.date, to: offer.date, title: offer.title, dates: [offer.date] });
    }
  }
  return ranges;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as noon UTC, so no zone moves it (as shared/i18n/format.ts does). */
function noonUtc(day: string): Date | null {
  const m = DAY.exec(day);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : null;
}

/** "Fri, Mar 19" or "Mon, Mar 22 – Wed, Mar 24" / "Mo., 22. – Mi., 24. März": the locale's own range. */
export function describeDates(range: { from: string; to: string }): string {
  if (range.from === range.to) return formatShortDate(range.from);
  const from = noonUtc(range.from);
  const to = noonUtc(range.to);
  if (from === null || to === null || to < from) return `${range.from} – ${range.to}`;
  return new Intl.DateTimeFormat(windowFormat().locale, {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).formatRange(from, to);
}

/** "Fri, Mar 19 (Out of office)" (the title is the calendar's, as written); the dates alone without one. */
export function describeDayOffRange(range: DayOffRange): string {
  const title = range.title.trim();
  const dates = describeDates(range);
  return title === '' ? dates : windowMessage('focus.calendar.daysOff.range', { dates, title });
}

/** The event's title as a holiday's note: trimmed, and shortened to what a note may hold. */
function noteOf(title: string): string | undefined {
  const note = title.trim().replace(/\s+/g, ' ');
  if (note === '') return undefined;
  return note.length <= NOTE_MAX ? note : `${note.slice(0, NOTE_MAX - 1).trimEnd()}…`;
}

/** The holidays with these ranges added as days off, in date order. */
export function holidaysWith(holidays: readonly Holiday[], ranges: readonly DayOffRange[]): Holiday[] {
  const added: Holiday[] = ranges.map((r) => {
    const note = noteOf(r.title);
    return { from: r.from, to: r.to, ...(note === undefined ? {} : { note }) };
  });
  return [...holidays, ...added].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** How an address is kept (main does the same): trimmed, lower-case, without `mailto:`. */
export function normalizeAddress(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
}

/** "09:30–09:45", or "all day" for a meeting that covers whole days. */
export function meetingTime(meeting: Pick<Meeting, 'start' | 'end'>): string {
  const start = localParts(meeting.start);
  const end = localParts(meeting.end);
  if (!start || !end) return '';
  if (start.time === '00:00' && end.time === '00:00' && end.date > start.date)
    return windowMessage('focus.meeting.allDay');
  return `${formatTime(start.time)}–${formatTime(end.time)}`;
}

/** What a meeting's busy status adds to its line: nothing for busy. */
export function meetingStatusLabel(status: Meeting['status'], warns = true): string | null {
  if (status === 'tentative')
    return windowMessage(warns ? 'focus.meeting.tentative' : 'focus.meeting.tentativeQuiet');
  if (status === 'out-of-office') return windowMessage('focus.meeting.outOfOffice');
  return null;
}
