import type { Clock, Timers } from '../core/clock';
import type { KeelLog } from './log';

/**
 * What main does with an error nothing caught (`uncaughtException`) or a promise rejection nobody
 * handled (`unhandledRejection`), instead of Electron's default: a dialog with the stack trace and
 * the message, which can quote the user's own words (SQLite and JSON.parse quote their input).
 *
 * - The log gets a fixed sentence, which kind it was, and what `describeError` keeps of the error:
 *   its name, code, stack frames and causes, never its message (platform/log.ts).
 * - The user gets one calm sentence, once per run, however many errors follow.
 * - Keel keeps running: such an error ends only the one callback it came from (a timer, a click, an
 *   IPC reply), and every write is an SQLite transaction, committed whole or not at all. Quitting
 *   instead would take away the tray, the focus block and its do-not-disturb for one stray error.
 * - But when errors keep coming (more than `limit.count` within `limit.withinMs`), something is
 *   stuck: Keel puts the desktop's do-not-disturb back (bounded in time), then quits, and says so.
 *   If quitting has not finished after `exitAfterMs`, it exits; a do-not-disturb left on then is
 *   put back at the next start (DndService.restoreAfterCrash).
 */

export const KEPT_RUNNING = 'Keel hit an unexpected problem and kept running; details are in the log.';
export const CLOSED_SAFELY =
  'Keel kept hitting unexpected problems, so it closed (turning off any do-not-disturb it had turned on); details are in the log.';

export type UncaughtKind = 'uncaughtException' | 'unhandledRejection';

/** The slice of Node's `process` the handlers need (one overload per event, like Node's). */
export interface ProcessEventsSlice {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface UncaughtErrorsOptions {
  log: Pick<KeelLog, 'error'>;
  /** Shows one sentence to the user (a notification); may throw, which is ignored. */
  tell(sentence: string): void;
  /** Puts back whatever Keel changed on the desktop (do-not-disturb). */
  restoreDesktop(): Promise<unknown>;
  /** Quits the app the ordinary way. */
  quit(): void;
  /** Ends the process when quitting did not finish in time. */
  exit(): void;
  clock: Clock;
  timers: Timers;
  /** In development: the whole error for the developer's terminal (never in a packaged app). */
  developer?(kind: UncaughtKind, error: unknown): void;
  /** More than `count` errors within `withinMs` close Keel; default 5 within a minute. */
  limit?: { count: number; withinMs: number };
  /** How long the desktop's restore may take before quitting anyway; default 5 s. */
  restoreWithinMs?: number;
  /** How long quitting may take before the process exits; default 10 s. */
  exitAfterMs?: number;
}

export interface UncaughtErrors {
  /** One error nothing else handled. */
  report(kind: UncaughtKind, error: unknown): void;
  /** Whether Keel decided to close (for tests and the smoke state). */
  closing(): boolean;
}

/** The handling above, without the `process` wiring (see `handleUncaughtErrors`). */
export function createUncaughtErrors(options: UncaughtErrorsOptions): UncaughtErrors {
  const limit = options.limit ?? { count: 5, withinMs: 60_000 };
  const recent: number[] = [];
  let told = false;
  let closing = false;

  const say = (sentence: string): void => {
    try {
      options.tell(sentence);
    } catch {
      // Nowhere to show it (no notifications here): the log still has the error.
    }
  };

  const close = (): void => {
    closing = true;
    say(CLOSED_SAFELY);
    const bounded = new Promise<void>((resolve) => {
      options.timers.setTimeout(resolve, options.restoreWithinMs ?? 5_000);
      options.restoreDesktop().then(
        () => resolve(),
        () => resolve(),
      );
    });
    void bounded.then(() => {
      options.timers.setTimeout(() => options.exit(), options.exitAfterMs ?? 10_000);
      options.quit();
    });
  };

  return {
    report(kind, error) {
      try {
        options.log.error('an unexpected problem in the main process', error, { kind });
        options.developer?.(kind, error);
        if (closing) return;
        const now = options.clock.now();
        recent.push(now);
        while (recent.length > 0 && recent[0]! <= now - limit.withinMs) recent.shift();
        if (recent.length > limit.count) return close();
        if (told) return;
        told = true;
        say(KEPT_RUNNING);
      } catch {
        // The handler of last resort must not throw: that would end the process.
      }
    },
    closing: () => closing,
  };
}

/** Installs the handlers on `process`; returns what they report to. */
export function handleUncaughtErrors(
  process: ProcessEventsSlice,
  options: UncaughtErrorsOptions,
): UncaughtErrors {
  const errors = createUncaughtErrors(options);
  process.on('uncaughtException', (error) => errors.report('uncaughtException', error));
  process.on('unhandledRejection', (reason) => errors.report('unhandledRejection', reason));
  return errors;
}
