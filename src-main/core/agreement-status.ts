import { exportLanguage, type ExportLanguage } from './export-language';
import { addLocalDays, localDateOf, localDaysBetween, type LocalDate } from './time';
import { workingSpanOn, type WorkingCalendar } from './working-hours';

/**
 * The one-line status for chat tools ("In a focus block until 11:00 — I'll answer after"): a pure
 * function of now, the focus state and the working hours.
 *
 * Decisions:
 * - A running focus block (planned or started by hand) wins; its end is when the user answers.
 * - Working hours that run past midnight belong to the date they start, so at 01:00 a night
 *   shift that began yesterday is "Working until 02:00".
 * - Signed off counts as off for the rest of that day's hours.
 * - Before the day's hours: "Off for now — back today 09:00".
 * - "Back" names the next start of hours: today, tomorrow, a weekday within the coming week,
 *   else the date (back from a holiday); holidays are skipped. No hours at all: "Off for today".
 * - Times are the user's own zone's; the agreement shows them in the teammates' zones.
 */

export interface StatusInput {
  now: number;
  zone: string;
  /** The hours and holidays, or the rules in force on each date (a change planned for next week). */
  calendar: WorkingCalendar | ((date: LocalDate) => WorkingCalendar);
  /** The running focus block's planned end, or null. */
  focusUntil: number | null;
  /** The user signed off for the workday `now` is in. */
  signedOff: boolean;
}

/** How far ahead the next working day is looked for (a long leave). */
const LOOKAHEAD_DAYS = 366;

function backWords(
  today: LocalDate,
  date: LocalDate,
  start: number,
  zone: string,
  lang: ExportLanguage,
): string {
  const time = lang.fmt.time(start, zone);
  const days = localDaysBetween(today, date);
  if (days === 0) return lang.t('export.agreement.back.today', { time });
  if (days === 1) return lang.t('export.agreement.back.tomorrow', { time });
  if (days < 7) return lang.t('export.agreement.back.weekday', { weekday: lang.fmt.weekday(date), time });
  return lang.t('export.agreement.back.date', { date: lang.date(date), time });
}

function spanOn(input: StatusInput, date: LocalDate): { start: number; end: number } | null {
  const calendar = typeof input.calendar === 'function' ? input.calendar(date) : input.calendar;
  return workingSpanOn(date, { ...calendar, zone: input.zone });
}

/** The next start of working hours after `now`, with its date, or null within a year. */
function nextStart(input: StatusInput, from: LocalDate): { date: LocalDate; start: number } | null {
  for (let i = 0; i <= LOOKAHEAD_DAYS; i++) {
    const date = addLocalDays(from, i);
    const span = spanOn(input, date);
    if (span !== null && span.start > input.now) return { date, start: span.start };
  }
  return null;
}

/** The status line for now, in `lang` (the window's language, the CLI's or the tray's). */
export function agreementStatus(input: StatusInput, lang: ExportLanguage = exportLanguage()): string {
  const { now, zone } = input;
  if (input.focusUntil !== null && input.focusUntil > now) {
    return lang.t('export.agreement.status.focus', { time: lang.fmt.time(input.focusUntil, zone) });
  }
  const today = localDateOf(now, zone);
  for (const date of [addLocalDays(today, -1), today]) {
    const span = spanOn(input, date);
    if (span !== null && span.start <= now && now < span.end && !input.signedOff) {
      return lang.t('export.agreement.status.working', { time: lang.fmt.time(span.end, zone) });
    }
  }
  // Signed off: back at the next day's hours, whatever is left of today's.
  const next = nextStart(input, input.signedOff ? addLocalDays(today, 1) : today);
  if (next === null) return lang.t('export.agreement.status.offToday');
  const back = backWords(today, next.date, next.start, zone, lang);
  return lang.t(
    next.date === today ? 'export.agreement.status.offForNow' : 'export.agreement.status.offTodayBack',
    {
      back,
    },
  );
}
