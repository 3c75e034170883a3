import type { AutostartPort } from './ports';
import type { SettingsService } from './settings-service';

export const AUTOSTART_ON_FAILED = 'Keel could not set itself to start when you log in.';
export const AUTOSTART_OFF_FAILED = 'Keel could not stop itself from starting when you log in.';

export interface AutostartSyncDeps {
  port: AutostartPort;
  settings: Pick<SettingsService, 'get' | 'onDidChange'>;
  /** The system refused: one sentence for the user, and the cause for the log. */
  onProblem(message: string, error: unknown): void;
}

/**
 * Keeps the system's login item in step with the `autostart` setting: once at start-up (the
 * setting may have changed while Keel was not running, e.g. through the CLI) and whenever the
 * setting changes. Changes are applied one at a time, in the order they were made.
 */
export class AutostartSync {
  private queue: Promise<void> = Promise.resolve();
  /** What the port was last asked for, so other settings' changes do not touch it. */
  private wanted: boolean | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: AutostartSyncDeps) {}

  /** Subscribes to settings and reconciles the system with the setting; resolves when done. */
  start(): Promise<void> {
    this.unsubscribe ??= this.deps.settings.onDidChange.on((settings) => {
      if (settings.autostart !== this.wanted) void this.apply(settings.autostart, false);
    });
    return this.apply(this.deps.settings.get().autostart, true);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Resolves once every change asked for so far has been applied (or has failed). */
  settled(): Promise<void> {
    return this.queue;
  }

  private apply(on: boolean, checkFirst: boolean): Promise<void> {
    this.wanted = on;
    const { port, onProblem } = this.deps;
    this.queue = this.queue.then(async () => {
      try {
        if (checkFirst && (await port.isEnabled()) === on) return;
        await port.setEnabled(on);
      } catch (error) {
        onProblem(on ? AUTOSTART_ON_FAILED : AUTOSTART_OFF_FAILED, error);
      }
    });
    return this.queue;
  }
}
