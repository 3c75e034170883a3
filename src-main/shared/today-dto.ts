import type { TodayPhase } from '../core/today-phase';
import type { RecapFigure, WeekRecap } from '../core/week-recap';

export type { RecapFigure, TodayPhase, WeekRecap };

/**
 * The Today card (`today:card`): which state the day is in by main's clock, when that changes by
 * time alone, and everything the card and Today's greeting show, from one read, so the two never
 * disagree at a boundary.
 */
export interface TodayCard {
  /** Main's clock when the card was read, ISO with the local offset (the greeting's date and time). */
  now: string;
  /** The sign-off's workday (a night shift keeps its start date). */
  workday: string;
  phase: TodayPhase;
  /**
   * When the card next changes by time alone (start or end of hours, the running block's end, the
   * next workday), ISO; null when nothing does.
   */
  changesAt: string | null;
  /** The workday's working hours; null on a day without. */
  hours: { start: string; end: string } | null;
  /** On a quiet day: the holiday's note ("Holiday" without one) or "Day off". */
  quietReason: string | null;
  /** The workday's planned focus blocks (none on a holiday, a pause or a day off), `HH:MM`. */
  blocks: { start: string; end: string }[];
  /**
   * The focus block running now, whatever the phase (a block started before or after hours wins
   * over the phase's card); null when none runs.
   */
  running: { kind: 'planned' | 'adhoc'; startedAt: string; endsAt: string; endTime: string } | null;
  /** Minutes focus blocks ran today (a running block up to now): the Focus view's figure. */
  protectedTodayMinutes: number;
  /** A check-in prompt's time has come today, with no check-in yet (nor a skip or a snooze). */
  checkinDue: boolean;
  /** On the first working day of a week: last week against the week before; else null. */
  recap: WeekRecap | null;
}
