import type { Clock, TimerHandle, Timers } from '../core/clock';
import { KeelError } from '../core/errors';
import type { Services } from '../services';
import type { PowerPort } from '../services/ports';
import type { Prompts } from './prompts';
import type { StatePublisher } from './state-publisher';

/**
 * How often presence is sampled from the OS idle time. Idle time says when the last input was,
 * so four samples an hour place the last activity within the quarter hour, and the first one
 * of a day within it too (unlock and resume sample at once). Where the desktop says itself when
 * the user goes away and comes back (`PowerPort.onAwayChange`), those moments are the samples
 * and nothing wakes Keel while the user is away.
 */
export const PRESENCE_SAMPLE_MS = 15 * 60 * 1000;
/** How long after start-up the day's backup is written (see `armStartupBackup`). */
export const STARTUP_BACKUP_DELAY_MS = 30 * 1000;

export interface PresenceTickerDeps {
  services: Pick<Services, 'signoff' | 'data'>;
  power: Pick<PowerPort, 'idleSeconds' | 'refreshIdle' | 'onAwayChange'>;
  clock: Clock;
  timers: Timers;
  prompts: Pick<Prompts, 'notice'>;
  publisher: Pick<StatePublisher, 'publish'>;
  /**
   * After each quarter-hour sample: the sign-off policy's look, a running block's "time left" in
   * the tray (no timers of their own: one wake-up serves all).
   */
  onTick(): void;
}

/** The quarter-hour presence sample, and the daily backup that rides on it. */
export class PresenceTicker {
  private timer: TimerHandle | undefined;
  private backupTimer: TimerHandle | undefined;
  /** The day a failed backup was last told about (once a day is enough). */
  private backupProblemDay: string | undefined;
  private stopWatching: (() => void) | undefined;
  /** Away as the desktop's watches tell it: the quarter-hour wake-up rests until the return. */
  private away = false;
  private running = false;

  constructor(private readonly deps: PresenceTickerDeps) {}

  /** The first sample now; the day's backup a little later (`armStartupBackup`). */
  start(): void {
    this.running = true;
    this.stopWatching?.();
    this.stopWatching = this.deps.power.onAwayChange?.((away) => this.awayChanged(away));
    this.tick(false);
    this.armStartupBackup();
  }

  stop(): void {
    this.running = false;
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.away = false;
    for (const timer of [this.timer, this.backupTimer]) {
      if (timer !== undefined) this.deps.timers.clearTimeout(timer);
    }
    this.timer = this.backupTimer = undefined;
  }

  /**
   * The desktop's watches: going away is the day's last input so far (sampled), and the
   * quarter-hour wake-up rests (while away the sign-off policy holds, the tray's words do not
   * change, and the backup waits for the return); the return is a tick at once, and the
   * quarter-hour wake-ups start again from it.
   */
  private awayChanged(away: boolean): void {
    if (away === this.away) return;
    this.away = away;
    if (away) {
      this.sample();
      if (this.timer !== undefined) this.deps.timers.clearTimeout(this.timer);
      this.timer = undefined;
    } else this.tick();
  }

  /** One presence sample from the OS idle time; a storage hiccup skips it (the next one counts). */
  sample(): void {
    try {
      this.deps.services.signoff.samplePresence(this.deps.power.idleSeconds());
    } catch {
      // Presence is approximate by design; losing one sample loses nothing the next cannot give.
    }
  }

  /**
   * Sample, let the others look (`onTick`), and wait a quarter hour. Where the idle time must be
   * asked for (Linux), it is asked first, on this same wake-up.
   */
  private tick(backup = true): void {
    const look = (): void => {
      this.sample();
      if (backup) this.backupIfDue();
      this.deps.onTick();
    };
    const refreshing = this.deps.power.refreshIdle?.();
    // A reply after `stop` looks no more.
    const lookIfRunning = (): void => void (this.running && look());
    if (refreshing) void refreshing.then(lookIfRunning, lookIfRunning);
    else look();
    if (this.timer !== undefined) this.deps.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.away) return;
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = undefined;
      this.tick();
    }, PRESENCE_SAMPLE_MS);
  }

  /**
   * The day's backup at start-up waits a little, so the window and tray are up first (a large
   * database takes tens of milliseconds to copy): one wake-up per start, not per day.
   */
  private armStartupBackup(): void {
    if (this.backupTimer !== undefined) this.deps.timers.clearTimeout(this.backupTimer);
    this.backupTimer = this.deps.timers.setTimeout(() => {
      this.backupTimer = undefined;
      this.backupIfDue();
    }, STARTUP_BACKUP_DELAY_MS);
  }

  /**
   * The daily backup rides on the presence timer (no wake-up of its own): the first tick of each
   * day writes it. A failure is told once that day (the next tick tries again, silently).
   */
  private backupIfDue(): void {
    try {
      if (this.deps.services.data.backupIfDue() !== null) this.deps.publisher.publish('backup');
    } catch (error) {
      const day = new Date(this.deps.clock.now()).toDateString();
      if (this.backupProblemDay === day) return;
      this.backupProblemDay = day;
      this.deps.prompts.notice(
        'backup',
        'Today’s backup was not written',
        error instanceof KeelError
          ? `${error.message} Keel tries again later; your data itself is safe.`
          : 'Keel could not write today’s backup; it tries again later, and your data itself is safe.',
      );
    }
  }
}
