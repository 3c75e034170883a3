/**
 * Settings → This computer's offer when Ctrl+Alt+F cannot reach Keel (Wayland without a
 * GlobalShortcuts portal): the desktop's own custom shortcut running `keel focus start`.
 */
export interface ShortcutOffer {
  /**
   * `none`: nothing to offer (the shortcut works, or the offer was taken or closed); `gnome`: Keel
   * can add it to GNOME's custom shortcuts when asked; `steps`: the user adds it as `steps` say.
   */
  kind: 'none' | 'gnome' | 'steps';
  /** The exact command the shortcut runs, to copy. */
  command: string;
  /** The exact steps for this desktop, with the command in them. */
  steps: string;
  /** What the last answer did, in one sentence. */
  said?: { tone: 'success' | 'info'; text: string };
}

export const NO_SHORTCUT_OFFER: ShortcutOffer = { kind: 'none', command: '', steps: '' };
