import type { TodayPhase } from '../core/today-phase';
import type { RecapFigure, WeekRecap } from '../core/week-recap';

export type { RecapFigure, TodayPhase, WeekRecap };

/**
 * The Today card (`today:card`): which state the day is in by main's clock, when that changes by
 * time alone, and what the state shows that no other channel gives.
 */
export interface TodayCard {
  /** Main's clock when the card was read, ISO with the local offset. */
  now: string;
  /** The sign-off's workday (a night shift keeps its start date). */
  workday: string;
  phase: TodayPhase;
  /** When the phase next changes by time alone (start or end of hours), ISO; null when not today. */
  changesAt: string | null;
  /** The workday's working hours; null on a day without. */
  hours: { start: string; end: string } | null;
  /** On a quiet day: the holiday's note ("Holiday" without one) or "Day off". */
  quietReason: string | null;
  /** Minutes focus blocks ran today (a running block up to now): the Focus view's figure. */
  protectedTodayMinutes: number;
  /** A check-in prompt's time has come today, with no check-in yet (nor a skip or a snooze). */
  checkinDue: boolean;
  /** On the first working day of a week: last week against the week before; else null. */
  recap: WeekRecap | null;
}
