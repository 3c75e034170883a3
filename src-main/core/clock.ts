/** Where "now" comes from. Core and services never call Date.now() directly. */
export interface Clock {
  now(): number;
}

/** One-shot timers, as a port so tests and the preview can drive them by hand. */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque: whatever the timer implementation hands back. */
export type TimerHandle = unknown;

/** The real wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock moved by hand, with timers that fire only when the clock is moved past them.
 * Used by tests, benchmarks and the preview's test clock.
 */
export class ManualClock implements Clock, Timers {
  private current: number;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  /** How many timer callbacks have run; benchmarks count wake-ups with it. */
  firedCount = 0;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    if (typeof handle === 'number') this.pending.delete(handle);
  }

  /** Timers still armed. */
  pendingCount(): number {
    return this.pending.size;
  }

  /** Moves the clock to `instant`, firing due timers in time order (each sees its own time). */
  advanceTo(instant: number): void {
    for (;;) {
      let dueId: number | undefined;
      let dueAt = Infinity;
      for (const [id, t] of this.pending) {
        if (t.at <= instant && t.at < dueAt) {
          dueAt = t.at;
          dueId = id;
        }
      }
      if (dueId === undefined) break;
      const timer = this.pending.get(dueId);
      this.pending.delete(dueId);
      this.current = Math.max(this.current, dueAt);
      this.firedCount++;
      timer?.callback();
    }
    this.current = Math.max(this.current, instant);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /**
   * Jumps the clock without firing anything, as a suspended machine experiences time.
   * Timers that came due meanwhile fire on the next advance, like real timers after resume.
   */
  jumpTo(instant: number): void {
    this.current = instant;
  }
}

/**
 * setTimeout cannot wait longer than 2^31 - 1 ms (about 24.8 days): a longer delay overflows
 * and fires after 1 ms. The scheduler already caps its delays; capping here too keeps any other
 * caller from firing early by accident.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

type NodeTimeout = ReturnType<typeof globalThis.setTimeout>;

/** The `Timers` port on the process's own timers (the pair of `systemClock`). */
export const systemTimers: Timers = {
  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const delay = Number.isFinite(delayMs) ? Math.min(Math.max(0, delayMs), MAX_TIMER_DELAY_MS) : 0;
    return globalThis.setTimeout(callback, delay);
  },
  clearTimeout(handle: TimerHandle): void {
    // Handles come only from setTimeout above; anything else is ignored rather than thrown on.
    if (handle !== undefined && handle !== null) globalThis.clearTimeout(handle as NodeTimeout);
  },
};
