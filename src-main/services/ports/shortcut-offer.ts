import type { ShortcutOffer } from '../../shared/shortcut-offer';

/**
 * The desktop's own shortcut for `keel focus start`, offered where Ctrl+Alt+F cannot reach Keel
 * (platform/shortcut-offer.ts; GNOME's through gsettings). The handlers keep "closed" in the data.
 */
export interface ShortcutOfferPort {
  /** What to offer now; `shortcutMissing` when the shortcut probe says not available. */
  offer(shortcutMissing: boolean): Promise<ShortcutOffer>;
  /** Adds Keel's shortcut where the desktop allows it (GNOME); throws one sentence on failure. */
  add(): Promise<ShortcutOffer>;
}
