import type { TimerHandle, Timers } from '../core/clock';
import { STATE_TOPICS, type StateEvent } from '../shared/state';
import type { DatabaseChangeTrigger } from './ports';
import type { Db } from '../storage/database';
import type { CalendarService } from './calendar-service';
import type { SettingsService } from './settings-service';

/** One commit touches the database files several times; check once they are quiet. */
export const EXTERNAL_CHANGE_DEBOUNCE_MS = 200;

export interface ExternalChangeDeps {
  db: Pick<Db, 'pragma'>;
  settings: Pick<SettingsService, 'reload'>;
  calendar: Pick<CalendarService, 'followStore'>;
  /**
   * Re-plans the running app after another process wrote: focus reconcile (a block the CLI
   * started or stopped), the one agenda timer, the tray, do-not-disturb (`KeelApp.externalChange`, app/create-keel-app.ts).
   */
  replan(): void;
  /** Tells the window every topic may have changed. */
  push(event: StateEvent): void;
  timers: Timers;
  debounceMs?: number;
  /** A check that failed (the database busy or closed); the app carries on. */
  onError?(error: unknown): void;
}

/**
 * Notices writes by another connection — the `keel` CLI on the same SQLite file — while the app
 * runs, so nothing needs a restart. Told "the database files changed" by a trigger (fs.watch in
 * the app and the preview), it asks SQLite's `PRAGMA data_version`, which changes only when
 * another connection committed: Keel's own writes fire the trigger too, and are ignored.
 */
export class ExternalChangeWatcher {
  private version: number;
  private debounce: TimerHandle | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: ExternalChangeDeps) {
    this.version = this.dataVersion();
  }

  /** Listens to the trigger until `stop()`. */
  start(trigger: DatabaseChangeTrigger): void {
    this.stop();
    this.unsubscribe = trigger(() => this.schedule());
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.debounce !== null) this.deps.timers.clearTimeout(this.debounce);
    this.debounce = null;
  }

  /** The files changed: check once they have been quiet for the debounce time. */
  schedule(): void {
    if (this.debounce !== null) this.deps.timers.clearTimeout(this.debounce);
    this.debounce = this.deps.timers.setTimeout(() => {
      this.debounce = null;
      this.check();
    }, this.deps.debounceMs ?? EXTERNAL_CHANGE_DEBOUNCE_MS);
  }

  /** Takes up another connection's commits, if there were any since the last check. */
  check(): boolean {
    const { deps } = this;
    let version: number;
    try {
      version = this.dataVersion();
    } catch (error) {
      deps.onError?.(error);
      return false;
    }
    if (version === this.version) return false;
    this.version = version;
    try {
      // Settings first: their change event already re-plans and tells the window.
      deps.settings.reload();
      deps.replan();
      deps.calendar.followStore().catch((error: unknown) => deps.onError?.(error));
    } catch (error) {
      deps.onError?.(error);
    }
    deps.push({ type: 'changed', topics: [...STATE_TOPICS] });
    return true;
  }

  private dataVersion(): number {
    return Number(this.deps.db.pragma('data_version', { simple: true }));
  }
}
