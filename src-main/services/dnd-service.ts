import type { Clock } from '../core/clock';
import { DndError, type DndController } from './ports';
import type { DndRepo } from '../storage/dnd-repo';
import type { DndStatus } from '../shared/dto';
import type { SettingsService } from './settings-service';

/**
 * Turns the desktop's do-not-disturb on for focus blocks and always restores it: at block end,
 * at quit, and at the next start after a crash. The `dnd_state` row is the source of truth for
 * "Keel changed something": it is committed before the desktop changes and deleted only after
 * a successful restore.
 *
 * Every method returns a one-sentence problem (or null) instead of throwing, so a desktop
 * hiccup never breaks starting or ending a block. Calls run one at a time.
 */
export class DndService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly controller: DndController,
    private readonly repo: DndRepo,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** A focus block started: turn do-not-disturb on if the user asked and the desktop allows. */
  blockStarted(): Promise<string | null> {
    return this.serial(() => (this.settings.get().dnd.enabled ? this.turnOn() : Promise.resolve(null)));
  }

  /**
   * The user signed off with "quiet until tomorrow": turn do-not-disturb on whatever the focus
   * setting says (they just asked for it); `blockEnded` (or a restore) puts it back.
   */
  quietStarted(): Promise<string | null> {
    return this.serial(() => this.turnOn());
  }

  private async turnOn(): Promise<string | null> {
    if (this.controller.capability !== 'control') return null;
    // Already on (a block restarted, or a restore is pending): the stored prior is the
    // original state, and overwriting it would lose it.
    if (this.repo.get()) return null;

    let prior;
    try {
      prior = await this.controller.capturePrior();
      this.repo.write({ adapter: this.controller.id, prior, changedAt: this.clock.now() });
    } catch (error) {
      return sentence(error, 'Keel could not read the do-not-disturb state, so it left it alone.');
    }

    let kept;
    try {
      kept = await this.controller.turnOn(prior);
    } catch (error) {
      // Nothing changed on the desktop, so there is nothing to restore.
      return this.forget() ?? sentence(error, 'Keel could not turn on do-not-disturb.');
    }
    // Some adapters learn more while turning on (an inhibition cookie); keep that too.
    if (JSON.stringify(kept) === JSON.stringify(prior)) return null;
    try {
      this.repo.write({ adapter: this.controller.id, prior: kept, changedAt: this.clock.now() });
      return null;
    } catch {
      // Without the full record a later restore would be blind: undo now instead.
      try {
        await this.controller.restore(kept);
      } catch (error) {
        return sentence(error, 'Keel could not restore do-not-disturb; check your desktop.');
      }
      return (
        this.forget() ??
        'Keel could not save its do-not-disturb record, so it turned do-not-disturb off again.'
      );
    }
  }

  /** A focus block ended: put back what Keel changed, if anything. */
  blockEnded(): Promise<string | null> {
    return this.serial(() => this.restorePending());
  }

  /** At start-up: a row left behind means Keel died while do-not-disturb was on. */
  restoreAfterCrash(): Promise<string | null> {
    return this.serial(() => this.restorePending());
  }

  /** At quit: the same restore, so the desktop is never left changed. */
  shutdown(): Promise<string | null> {
    return this.restoreAfterCrash();
  }

  status(): Promise<DndStatus> {
    return this.serial(async () => ({
      capability: this.controller.capability,
      desktop: this.controller.desktop,
      help: this.controller.help,
      enabled: this.settings.get().dnd.enabled,
      active: this.repo.get() !== null,
    }));
  }

  private async restorePending(): Promise<string | null> {
    let record;
    try {
      record = this.repo.get();
    } catch {
      return "Keel could not read its do-not-disturb record; check your desktop's do-not-disturb.";
    }
    if (!record) return null;
    // Only the adapter that made the change knows how to undo it (the user may have logged
    // into another desktop since); keep the record for when that desktop is back.
    if (record.adapter !== this.controller.id) {
      return `Keel turned on do-not-disturb through ${describeAdapter(record.adapter)} and cannot undo it from ${this.controller.desktop}; check that desktop's do-not-disturb.`;
    }
    try {
      await this.controller.restore(record.prior);
    } catch (error) {
      return sentence(error, 'Keel could not restore do-not-disturb; it will try again later.');
    }
    return this.forget();
  }

  /** Deletes the record; a sentence when the database refused (the record then stays). */
  private forget(): string | null {
    try {
      this.repo.delete();
      return null;
    } catch {
      return 'Keel could not update its do-not-disturb record; it will check again at the next start.';
    }
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function sentence(error: unknown, fallback: string): string {
  return error instanceof DndError ? error.message : fallback;
}

const ADAPTER_NAMES: Record<string, string> = {
  gnome: "GNOME's notification setting",
  'freedesktop-inhibit': "the desktop's notification server",
  'macos-shortcuts': 'macOS Shortcuts',
};

function describeAdapter(id: string): string {
  return ADAPTER_NAMES[id] ?? `another desktop (${id})`;
}
