import type { DndCapability, DndPrior } from '../../core/dnd';
import type { Settings } from '../../core/settings';

export type { DndCapability, DndPrior } from '../../core/dnd';

/** The user's do-not-disturb setting (`Settings['dnd']`). */
export type DndSettings = Settings['dnd'];

/**
 * One desktop's do-not-disturb mechanism.
 *
 * Turning on is split in two so the service can commit the prior to the database *before*
 * anything on the desktop changes: a crash at any moment then leaves a record to restore from.
 */
export interface DndController {
  /** Stable adapter id, stored with the prior; only the adapter with this id restores it. */
  readonly id: string;
  /** e.g. "GNOME", "KDE Plasma", "macOS Shortcuts", "Windows". */
  readonly desktop: string;
  readonly capability: DndCapability;
  /** For read-only and unsupported desktops: one or two sentences on what to do instead. */
  readonly help: string | null;
  /** Whether the desktop's do-not-disturb is on now; null when it cannot be read. */
  isOn(): Promise<boolean | null>;
  /** Reads what restore will need, changing nothing. */
  capturePrior(): Promise<DndPrior>;
  /**
   * Turns do-not-disturb on. Resolves to the prior to keep: `prior` itself, or `prior` plus what
   * only turning on reveals (an inhibition cookie). Throws a `DndError` when it could not.
   */
  turnOn(prior: DndPrior): Promise<DndPrior>;
  /** Puts back what `prior` describes. Throws a `DndError` when it could not. */
  restore(prior: DndPrior): Promise<void>;
}

/** A failure whose message is one sentence fit to show the user. */
export class DndError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DndError';
  }
}

/** A desktop where Keel can neither read nor change do-not-disturb; it only explains. */
export class UnsupportedDndController implements DndController {
  readonly id: string;
  readonly capability = 'unsupported' as const;

  constructor(
    readonly desktop: string,
    readonly help: string,
    id = 'unsupported',
  ) {
    this.id = id;
  }

  async isOn(): Promise<boolean | null> {
    return null;
  }

  async capturePrior(): Promise<DndPrior> {
    throw new DndError(this.help);
  }

  async turnOn(): Promise<DndPrior> {
    throw new DndError(this.help);
  }

  async restore(): Promise<void> {
    throw new DndError(`Keel cannot change do-not-disturb on ${this.desktop}.`);
  }
}
