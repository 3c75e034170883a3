import { windowClock, windowFormat, windowMessage } from '../i18n/window-locale';
import type { SignoffRecord, SignoffStatus, SignoffSubmit, UnfinishedItem, WorkingHours } from '../api/types';
import { ENERGY_RATINGS, WEEKDAYS, type EnergyRating } from '../../src-main/shared/vocabulary';
import { daysBetween, formatWeekdayDate, localParts } from './format';
import { formatTime } from './time';

/** Display helpers and the ritual's draft for the Sign-off view (pure: no clock, no zone guesses). */

export function isEnergyRating(value: unknown): value is EnergyRating {
  return typeof value === 'number' && (ENERGY_RATINGS as readonly number[]).includes(value);
}

/** The ranges the creep card offers, in weeks (the card says them: `signoff.creep.weeks`). */
export const CREEP_RANGES = [{ weeks: 4 }, { weeks: 13 }, { weeks: 52 }] as const;
export type CreepWeeks = (typeof CREEP_RANGES)[number]['weeks'];

/* ---------- Times ---------- */

const DAY = 24 * 60;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "18:05" (or "6:05 PM") for minutes since midnight; past midnight (over 1440) wraps to "00:40". */
export function clockOfMinutes(total: number): string {
  const minutes = ((Math.round(total) % DAY) + DAY) % DAY;
  return windowClock(`${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);
}

/** As `clockOfMinutes`, saying so when the time is after midnight: "00:40 (after midnight)". */
export function clockOfMinutesLong(total: number): string {
  return total >= DAY
    ? windowMessage('signoff.clock.afterMidnight', { time: clockOfMinutes(total) })
    : clockOfMinutes(total);
}

function minutesOf(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Whether a range like 22:00–06:00 ends on the next day. */
export function endsNextDay(range: { start: string; end: string }): boolean {
  const start = minutesOf(range.start);
  const end = minutesOf(range.end);
  return start !== null && end !== null && end <= start;
}

/** `HH:MM` of an ISO instant main wrote with the local offset. */
export function timeOf(iso: string): string {
  const time = localParts(iso)?.time;
  return time === undefined ? iso : formatTime(time);
}

/** "Mon 09:00" for an ISO instant main wrote with the local offset. */
export function weekdayAndTime(iso: string): string {
  const local = localParts(iso);
  if (!local) return iso;
  return windowMessage('signoff.weekdayTime', {
    weekday: windowFormat().weekday(local.date, 'short'),
    time: formatTime(local.time),
  });
}

/**
 * The end of working hours most weekdays share, in minutes since midnight (over 1440 when hours
 * run past midnight): the creep chart's reference line. Null when no day has hours.
 */
export function usualEndMinutes(hours: WorkingHours): number | null {
  const counts = new Map<number, number>();
  for (const day of WEEKDAYS) {
    const range = hours[day];
    const end = range ? minutesOf(range.end) : null;
    if (!range || end === null) continue;
    const value = endsNextDay(range) ? end + DAY : end;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/* ---------- Sentences ---------- */

/** "Working hours end at 17:30." / "A day off." / "Holiday: Easter." for the workday. */
export function hoursSentence(status: SignoffStatus): string {
  if (status.holiday !== null) {
    // Main sends "Holiday" for an unnamed one; a name is the user's (or the calendar's) own.
    return status.holiday === 'Holiday'
      ? windowMessage('signoff.hours.holiday')
      : windowMessage('signoff.hours.namedHoliday', { name: status.holiday });
  }
  if (status.hours === null) return windowMessage('signoff.hours.dayOff');
  const time = formatTime(status.hours.end);
  return endsNextDay(status.hours)
    ? windowMessage('signoff.hours.endNextDay', { time })
    : windowMessage('signoff.hours.end', { time });
}

/** "First active 08:52 · last active 17:40", or null before any activity. */
export function presenceLine(status: SignoffStatus): string | null {
  if (status.firstActive === null) return null;
  const first = formatTime(status.firstActive);
  if (status.lastActive === null || status.lastActive === status.firstActive)
    return windowMessage('signoff.presence.first', { first });
  return windowMessage('signoff.presence.both', { first, last: formatTime(status.lastActive) });
}

/**
 * Where carried-over things came from, seen from `today`: "From your sign-off yesterday", or
 * "From your sign-off on Fri, Nov 27" (an older day says its date).
 */
export function carriedFromLine(workday: string, today: string): string {
  const days = daysBetween(workday, today);
  if (days === 1) return windowMessage('today.signoff.from.yesterday');
  if (days === 0) return windowMessage('today.signoff.from.today');
  return windowMessage('today.signoff.from.on', { date: formatWeekdayDate(workday) });
}

/** "4 · Good": the rating and its word, in the window's language. */
export function energyText(energy: number | null): string | null {
  if (!isEnergyRating(energy)) return null;
  return windowMessage('signoff.energy.value', {
    value: windowFormat().number(energy),
    label: windowMessage(`vocab.energy.${energy}`),
  });
}

/* ---------- The ritual's draft ---------- */

export interface UnfinishedRow extends UnfinishedItem {
  /** A stable React key: rows are added and removed in the middle. */
  key: number;
}

export interface RitualDraft {
  /** The workday the draft is for: a draft from an earlier day is not offered again. */
  workday: string;
  done: string;
  unfinished: UnfinishedRow[];
  firstTomorrow: string;
  energy: EnergyRating | null;
  quiet: boolean;
}

let rowKeys = 0;

export function newRow(item = '', plan = ''): UnfinishedRow {
  return { key: ++rowKeys, item, plan };
}

/** A fresh draft (one empty unfinished row), or the saved answers when editing. */
export function draftFor(
  status: SignoffStatus,
  record: SignoffRecord | null = status.signedOff,
): RitualDraft {
  if (record) {
    return {
      workday: status.workday,
      done: record.done,
      unfinished:
        record.unfinished.length > 0 ? record.unfinished.map((u) => newRow(u.item, u.plan)) : [newRow()],
      firstTomorrow: record.firstTomorrow ?? '',
      energy: isEnergyRating(record.energy) ? record.energy : null,
      quiet: record.quietUntil !== null,
    };
  }
  // The last working day's unfinished things come forward, to edit or remove; nothing is saved
  // until the user signs off.
  const carried = status.carriedOver?.unfinished ?? [];
  return {
    workday: status.workday,
    done: '',
    unfinished: carried.length > 0 ? carried.map((u) => newRow(u.item, u.plan)) : [newRow()],
    firstTomorrow: '',
    energy: null,
    quiet: status.quietDefault,
  };
}

/**
 * What `keel.signoff.submit` gets: the draft's words, trimmed, without rows left completely empty
 * (a half-filled row is sent, so main can say what is missing).
 */
export function submitPayload(draft: RitualDraft): SignoffSubmit {
  return {
    done: draft.done.trim(),
    unfinished: draft.unfinished
      .map((row) => ({ item: row.item.trim(), plan: row.plan.trim() }))
      .filter((row) => row.item !== '' || row.plan !== ''),
    firstTomorrow: draft.firstTomorrow.trim(),
    energy: draft.energy,
    quiet: draft.quiet,
  };
}

/**
 * The unfinished row and field main's sentence is about (where it said: "unfinished.1.plan"), as an index
 * into the draft's rows (empty rows are not sent, so indexes shift), or null.
 */
export function invalidUnfinished(
  where: string,
  draft: RitualDraft,
): { row: number; field: 'item' | 'plan' } | null {
  const m = /^unfinished\.(\d+)\.(item|plan)$/.exec(where);
  if (!m) return null;
  const sent = Number(m[1]);
  let seen = -1;
  for (let i = 0; i < draft.unfinished.length; i++) {
    const row = draft.unfinished[i] as UnfinishedRow;
    if (row.item.trim() === '' && row.plan.trim() === '') continue;
    seen++;
    if (seen === sent) return { row: i, field: m[2] as 'item' | 'plan' };
  }
  return null;
}
