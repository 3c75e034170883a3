import { DndError, type DndController, type DndPrior } from '../../services/ports';
import { UnknownCookieError, type NotificationsBus } from './notifications-bus';

/**
 * Do-not-disturb through `org.freedesktop.Notifications.Inhibit` (KDE Plasma 5 and later).
 * The prior is the inhibition cookie: restoring means releasing it. The server also releases
 * it when Keel's bus connection closes, so even a killed Keel cannot leave it on.
 */
export class FreedesktopDndController implements DndController {
  readonly id = 'freedesktop-inhibit';
  readonly capability = 'control' as const;
  readonly help = null;

  constructor(
    private readonly bus: NotificationsBus,
    readonly desktop: string = 'KDE Plasma',
  ) {}

  async isOn(): Promise<boolean | null> {
    return this.bus.inhibited();
  }

  /** Nothing on the desktop to read: an inhibition adds to whatever the user set. */
  async capturePrior(): Promise<DndPrior> {
    return { cookie: null };
  }

  async turnOn(prior: DndPrior): Promise<DndPrior> {
    try {
      return { ...prior, cookie: await this.bus.inhibit() };
    } catch (error) {
      throw new DndError(`${this.desktop}'s notification server did not let Keel hold notifications.`, {
        cause: error,
      });
    }
  }

  async restore(prior: DndPrior): Promise<void> {
    const cookie = prior.cookie;
    // No cookie: Keel stopped between recording and the server's answer, and the server
    // released whatever it granted when that process's connection closed.
    if (cookie === null || cookie === undefined) return;
    if (typeof cookie !== 'number') {
      throw new DndError("Keel's record of its notification inhibition is not readable.");
    }
    try {
      await this.bus.uninhibit(cookie);
    } catch (error) {
      // An unknown cookie was released already, by the connection closing: nothing to undo.
      if (error instanceof UnknownCookieError) return;
      throw new DndError(`${this.desktop}'s notification server did not release Keel's do-not-disturb.`, {
        cause: error,
      });
    }
  }
}
