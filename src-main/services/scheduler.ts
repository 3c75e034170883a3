import type { AgendaMoment } from '../core/agenda';
import type { Clock, TimerHandle, Timers } from '../core/clock';
import type { AgendaService } from './agenda-service';

/** How late an event may still be delivered; later than this it was missed (asleep). */
export const DELIVERY_GRACE_MS = 2 * 60 * 1000;
/** setTimeout cannot wait longer than this (about 24.8 days). */
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface SchedulerHandlers {
  /** The moment (a warning, start or end) is due now. */
  onDue(moment: AgendaMoment): void;
  /** The moment passed while Keel could not run (suspended); it is not delivered late. */
  onMissed?(moment: AgendaMoment): void;
}

/**
 * Arms exactly one timer, for the next agenda event, instead of polling. Call `replan()` on
 * resume, on clock or zone change and after any settings change.
 */
export class AgendaScheduler {
  private timer: TimerHandle | undefined;
  private armedFor: AgendaMoment | undefined;
  /** The instant up to which events have been delivered or reconciled. */
  private cursor: number;
  private running = false;
  /** Moments are being handed to the handlers (see `replan`). */
  private delivering = false;

  constructor(
    private readonly agenda: AgendaService,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly handlers: SchedulerHandlers,
  ) {
    this.cursor = clock.now();
  }

  start(): void {
    this.running = true;
    this.cursor = this.clock.now();
    this.arm();
  }

  stop(): void {
    this.running = false;
    this.disarm();
  }

  /** The moment the one timer is armed for, if any. */
  get nextMoment(): AgendaMoment | undefined {
    return this.armedFor;
  }

  /** Reconciles what passed since the last run, then arms the timer anew. */
  replan(): void {
    if (!this.running) return;
    // A handler re-planning while moments are being delivered (a focus block starting) must not
    // deliver them again: the delivery loop re-arms once it is done.
    if (this.delivering) return;
    this.disarm();
    this.catchUp();
    this.arm();
  }

  private catchUp(): void {
    const now = this.clock.now();
    if (now <= this.cursor) {
      // The clock went backwards (manual change): plan from the new now.
      this.cursor = now;
      return;
    }
    const due = this.agenda.momentsBetween(this.cursor + 1, now + 1);
    this.delivering = true;
    try {
      for (const moment of due) {
        if (now - moment.at <= DELIVERY_GRACE_MS) this.handlers.onDue(moment);
        else this.handlers.onMissed?.(moment);
      }
    } finally {
      this.delivering = false;
      this.cursor = now;
    }
  }

  private arm(): void {
    this.disarm();
    const next = this.agenda.nextMoment(this.cursor);
    this.armedFor = next;
    if (!next) return;
    const delay = Math.min(Math.max(0, next.at - this.clock.now()), MAX_DELAY_MS);
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.replan();
    }, delay);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = undefined;
  }
}
