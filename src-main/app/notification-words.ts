import type { Settings } from '../core/settings';

/**
 * "Hide my words in notifications": a notification that would quote what the user wrote (where
 * they left off, a meeting's title from their calendar, a Shortcut's name) shows a neutral sentence
 * instead, always, never, or while the screen is locked (the default).
 *
 * macOS and Windows tell an app that the screen locks (Electron's powerMonitor 'lock-screen' and
 * 'unlock-screen'); on Linux, Keel's presence does once it has found logind's session or the
 * desktop's screensaver (platform/linux-presence). Until then, or where there is neither, Keel
 * cannot know, so "when locked" hides them: a lock screen it cannot see is treated as locked.
 */
export type WordsSetting = Settings['hideWordsInNotifications'];

/** Whether to hide the user's words now; `locked` is null where the OS does not say. */
export function hidesWords(setting: WordsSetting, locked: boolean | null): boolean {
  if (setting === 'always') return true;
  if (setting === 'never') return false;
  return locked !== false;
}

/** The screen's lock, from the power port's events where the OS reports them (create-keel-app.ts). */
export class ScreenLock {
  private isLocked = false;

  /**
   * `reported`: whether the power port sends 'lock-screen' and 'unlock-screen' now (macOS and
   * Windows always; Linux once a lock source was found, so it is asked each time).
   */
  constructor(private readonly reported: () => boolean) {}

  /** True or false where the OS reports the lock; null where it does not. */
  locked(): boolean | null {
    return this.reported() ? this.isLocked : null;
  }

  /** The power port's 'lock-screen'. */
  lock(): void {
    this.isLocked = true;
  }

  /** The power port's 'unlock-screen'. */
  unlock(): void {
    this.isLocked = false;
  }
}
