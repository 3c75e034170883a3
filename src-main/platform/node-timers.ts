import type { TimerHandle, Timers } from '../core/clock';

/**
 * setTimeout cannot wait longer than 2^31 - 1 ms (about 24.8 days): a longer delay overflows
 * and fires after 1 ms. The scheduler already caps its delays; capping here too keeps any other
 * caller from firing early by accident.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

type NodeTimeout = ReturnType<typeof globalThis.setTimeout>;

/** The core `Timers` port on the process's own timers (Electron's main process is Node). */
export const nodeTimers: Timers = {
  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const delay = Number.isFinite(delayMs) ? Math.min(Math.max(0, delayMs), MAX_TIMER_DELAY_MS) : 0;
    return globalThis.setTimeout(callback, delay);
  },
  clearTimeout(handle: TimerHandle): void {
    // Handles come only from setTimeout above; anything else is ignored rather than thrown on.
    if (handle !== undefined && handle !== null) globalThis.clearTimeout(handle as NodeTimeout);
  },
};
