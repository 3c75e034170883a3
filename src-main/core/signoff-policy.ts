import type { Settings } from './settings';
import { addLocalDays, instantAt, type LocalDate } from './time';
import { hoursOn, workdayOf, workingSpanOn } from './working-hours';

/**
 * The sign-off suggestion policy: given the clock, the settings, today's presence, whether a focus
 * block is running and what was already suggested, decide whether to ask "Time to sign off?" now.
 *
 * Decisions:
 * - Suggestions are one conversation per workday: the end-of-hours and long-day rules share one
 *   counter, so a workday sees at most 3 suggestions (the first and two reminders), then silence.
 * - Reminders wait `reminderGapMinutes` (30) after the previous suggestion, unless the user chose
 *   "15 more minutes": then the snooze end is the gap. A snooze still uses up one reminder.
 * - During a focus block a due suggestion is `held`, never shown: the shell re-evaluates when the
 *   block ends and shows it then. A held result is not a suggestion and must not be recorded.
 * - Idle or away (`idleSeconds >= idleThresholdSeconds`) always yields none, held or not.
 * - After sleep nothing is replayed: the policy only looks at `now`, so a missed end time yields a
 *   single suggestion once the user is active again (the gap then spaces any reminders), and a
 *   previous workday's state is ignored — a new workday starts from a clean state.
 * - Days off (`null` hours, a holiday) get no suggestion at all, not even the long-day one: a
 *   prompt on a day off is itself the intrusion (#14). Presence is still kept, and creep counts the
 *   day as a day off with some work.
 * - The long-day rule fires when lastActive − firstActive reaches the cap (>=), even before the end.
 */

export const SIGNOFF_DEFAULTS = {
  longDayCapMinutes: 9 * 60,
  idleThresholdSeconds: 5 * 60,
  reminderGapMinutes: 30,
  snoozeMinutes: 15,
  /** Reminders after the first suggestion; then silence. */
  maxReminders: 2,
  /**
   * How long a workday whose hours run past the next day boundary (a 22:00–06:00 night) stays the
   * current workday after its end, so its sign-off and reminders are not cut off by the boundary.
   */
  lateWindowMinutes: 3 * 60,
} as const;

export const SIGNOFF_TITLE = 'Time to sign off?';
export const SIGNOFF_ACTIONS = ['sign-off', 'snooze', 'not-today'] as const;
export type SignoffAction = (typeof SIGNOFF_ACTIONS)[number];

type DayCalendar = Pick<Settings, 'zone' | 'workingHours'> & Partial<Pick<Settings, 'holidays'>>;

export type SignoffSettings = Pick<Settings, 'zone' | 'workingHours' | 'dayBoundary'> &
  Partial<Pick<Settings, 'holidays'>> & {
    /** The hours in force on another date (core/rules.ts); these settings' own when absent. */
    on?: (date: LocalDate) => DayCalendar;
  };

/** What already happened in one workday; a state for another workday is treated as empty. */
export interface SignoffState {
  workday: LocalDate;
  /** Instants of suggestions actually shown (not held ones). */
  suggestedAt: number[];
  snoozedUntil: number | null;
  notToday: boolean;
  signedOffAt: number | null;
}

export interface SignoffInput extends SignoffSettings {
  now: number;
  /** Default 540 (9 h). */
  longDayCapMinutes?: number;
  /** Seconds since the last keyboard or pointer input, as the OS reports it. */
  idleSeconds: number;
  /** Default 300 (5 min). */
  idleThresholdSeconds?: number;
  /** Default 30. */
  reminderGapMinutes?: number;
  /** The current workday's presence (see `signoffWorkdayOf`). */
  presence: { firstActive: number | null; lastActive: number | null };
  focusRunning: boolean;
  state: SignoffState | null;
  /**
   * The instant Keel started counting (its first start): an end of hours before it is not
   * suggested, so a first start at 22:55 is not greeted with "Time to sign off?".
   */
  countingFrom?: number;
}

export type SignoffReason = 'end-of-hours' | 'long-day';
export type SignoffSilence =
  'day-off' | 'signed-off' | 'not-today' | 'cap-reached' | 'not-due' | 'snoozed' | 'too-soon' | 'idle';

export type SignoffDecision =
  | { kind: 'none'; why: SignoffSilence; workday: LocalDate }
  | {
      kind: 'suggest';
      reason: SignoffReason;
      reminder: 0 | 1 | 2;
      workday: LocalDate;
      title: typeof SIGNOFF_TITLE;
      actions: typeof SIGNOFF_ACTIONS;
    }
  /** Due, but a focus block is running: deliver after it ends by evaluating again. */
  | { kind: 'held'; reason: SignoffReason; reminder: 0 | 1 | 2; workday: LocalDate };

const MINUTE = 60_000;

/**
 * The instant working hours end for `workday` (the agenda's "signoff" event), or null on a day off
 * (see `workingSpanOn`: hours past midnight end on the next date, in local time across DST).
 */
export function plannedSignoffAt(
  workday: LocalDate,
  settings: Pick<Settings, 'zone' | 'workingHours'> & Partial<Pick<Settings, 'holidays'>>,
): number | null {
  return workingSpanOn(workday, settings)?.end ?? null;
}

/**
 * The workday the policy (and the presence it is given) is about at `instant`: `workdayOf`, except
 * that hours running past the next day boundary (22:00–06:00) keep their workday until
 * `lateWindowMinutes` after their end, or until the next hours start if that is sooner.
 */
export function signoffWorkdayOf(instant: number, settings: SignoffSettings): LocalDate {
  const workday = workdayOf(instant, settings.zone, settings.dayBoundary);
  const previous = addLocalDays(workday, -1);
  // Each workday's own hours decide where it ends (new hours from today leave last night's shift
  // running to its own end).
  const on = settings.on ?? (() => settings);
  const previousEnd = plannedSignoffAt(previous, on(previous));
  if (previousEnd === null || previousEnd <= instantAt(workday, settings.dayBoundary, settings.zone)) {
    return workday;
  }
  let until = previousEnd + SIGNOFF_DEFAULTS.lateWindowMinutes * MINUTE;
  const next = workingSpanOn(workday, on(workday));
  if (next && next.start > previousEnd) until = Math.min(until, next.start);
  return instant < until ? previous : workday;
}

/** A clean state for `workday`. */
export function emptySignoffState(workday: LocalDate): SignoffState {
  return { workday, suggestedAt: [], snoozedUntil: null, notToday: false, signedOffAt: null };
}

/**
 * The state after `event` at `now`: a suggestion shown, or the user's answer to it. A state for
 * another workday than `workday` starts over.
 */
export function recordSignoff(
  state: SignoffState | null,
  workday: LocalDate,
  event: 'suggested' | SignoffAction,
  now: number,
): SignoffState {
  const base = state && state.workday === workday ? state : emptySignoffState(workday);
  switch (event) {
    case 'suggested':
      return { ...base, suggestedAt: [...base.suggestedAt, now] };
    case 'snooze':
      return { ...base, snoozedUntil: now + SIGNOFF_DEFAULTS.snoozeMinutes * MINUTE };
    case 'not-today':
      return { ...base, notToday: true };
    case 'sign-off':
      return { ...base, signedOffAt: now };
  }
}

/** Whether to suggest signing off at `input.now`. Pure: the same input gives the same answer. */
export function signoffDecision(input: SignoffInput): SignoffDecision {
  const { now } = input;
  const workday = signoffWorkdayOf(now, input);
  const state = input.state && input.state.workday === workday ? input.state : emptySignoffState(workday);
  const none = (why: SignoffSilence): SignoffDecision => ({ kind: 'none', why, workday });

  if (hoursOn(workday, input) === null) return none('day-off');
  if (state.signedOffAt !== null) return none('signed-off');
  if (state.notToday) return none('not-today');
  const count = state.suggestedAt.length;
  if (count > SIGNOFF_DEFAULTS.maxReminders) return none('cap-reached');

  const planned = plannedSignoffAt(workday, input);
  const end = planned !== null && planned < (input.countingFrom ?? -Infinity) ? null : planned;
  const capMs = (input.longDayCapMinutes ?? SIGNOFF_DEFAULTS.longDayCapMinutes) * MINUTE;
  const { firstActive, lastActive } = input.presence;
  const reason: SignoffReason | null =
    end !== null && now >= end
      ? 'end-of-hours'
      : firstActive !== null && lastActive !== null && lastActive - firstActive >= capMs
        ? 'long-day'
        : null;
  if (reason === null) return none('not-due');

  const snoozedUntil = state.snoozedUntil;
  if (snoozedUntil !== null && now < snoozedUntil) return none('snoozed');
  const last = state.suggestedAt.reduce((a, b) => Math.max(a, b), -Infinity);
  if (count > 0 && (snoozedUntil === null || snoozedUntil <= last)) {
    const gapMs = (input.reminderGapMinutes ?? SIGNOFF_DEFAULTS.reminderGapMinutes) * MINUTE;
    if (now < last + gapMs) return none('too-soon');
  }

  if (input.idleSeconds >= (input.idleThresholdSeconds ?? SIGNOFF_DEFAULTS.idleThresholdSeconds)) {
    return none('idle');
  }
  const reminder = count as 0 | 1 | 2;
  if (input.focusRunning) return { kind: 'held', reason, reminder, workday };
  return { kind: 'suggest', reason, reminder, workday, title: SIGNOFF_TITLE, actions: SIGNOFF_ACTIONS };
}
