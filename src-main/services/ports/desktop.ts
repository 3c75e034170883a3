/**
 * The small interfaces Keel's app parts talk to the desktop through. Electron adapters
 * implement them in the app; recording fakes implement them in tests and the preview.
 * This file imports nothing from Electron so services can depend on it.
 */
import type { InterruptionKind } from '../../core/focus';
import type { ViewName } from '../../shared/views';
import type { FileDialogPort } from './file-dialogs';

export type TrayState = 'idle' | 'focus' | 'after-hours';

/** What choosing a tray menu item asks for: typed, so no id string is ever taken apart. */
export type TrayCommand =
  | { kind: 'focus-start'; minutes: 25 | 50 | 90 }
  | { kind: 'focus-start-next' }
  | { kind: 'focus-stop' }
  | { kind: 'interrupt'; interruption: InterruptionKind }
  | { kind: 'open'; view?: ViewName }
  /** Copies the status line for chat; `contentHash` is the one the menu showed. */
  | { kind: 'copy-status'; contentHash: string }
  | { kind: 'quit' };

/** An `info` line is shown greyed out (the running block, what comes next); it does nothing. */
export type TrayMenuItem =
  | { type: 'item'; command: TrayCommand; label: string; enabled?: boolean }
  | { type: 'info'; label: string }
  | { type: 'submenu'; label: string; items: TrayMenuItem[]; enabled?: boolean }
  | { type: 'separator' };

export interface TrayPort {
  setState(state: TrayState, tooltip: string): void;
  setMenu(items: TrayMenuItem[]): void;
  /** A menu item was chosen: the command it carries. */
  onSelect(listener: (command: TrayCommand) => void): () => void;
  dispose(): void;
}

export interface KeelNotification {
  /** Stable id, e.g. the agenda event's, so a click can be routed back. */
  id: string;
  title: string;
  body: string;
  /**
   * Buttons, where the desktop shows them (macOS, Windows, Linux servers with "actions"); a click
   * on the body always works, so the text must make sense without them.
   */
  actions?: { id: string; label: string }[];
  /** The view a click opens. */
  view?: ViewName;
}

export interface NotifierPort {
  isSupported(): boolean;
  show(notification: KeelNotification): void;
  /** Takes a shown notification off the desktop (and its notification centre), if still there. */
  withdraw?(id: string): void;
  /** `actionId` is an action's id, or 'click' for the body. */
  onAction(listener: (notificationId: string, actionId: string) => void): () => void;
}

export type PowerEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen';

export interface PowerPort {
  on(event: PowerEvent, listener: () => void): () => void;
  /** Seconds since the last keyboard or mouse input (the OS idle time; nothing else). */
  idleSeconds(): number;
  /**
   * Asks the desktop for the idle time now, for the next `idleSeconds()` (Linux sources answer
   * asynchronously over D-Bus). Ports that always know it have none.
   */
  refreshIdle?(): Promise<void>;
  /**
   * Where the desktop itself says when the user goes away and comes back (GNOME's idle watches,
   * while believed): `true` once input stopped and the desktop will tell the return, `false` at
   * the return (or when it can no longer tell). Ports that must be asked have none.
   */
  onAwayChange?(listener: (away: boolean) => void): () => void;
}

/** What the app parts may ask of the app shell: its window and quitting (plus the dialogs). */
export interface ShellPort extends FileDialogPort {
  showWindow(view?: ViewName): void;
  quit(): void;
}

/** Starting Keel at login (platform/autostart.ts has the adapters). */
export interface AutostartPort {
  /** Whether Keel is set to start at login now. */
  isEnabled(): Promise<boolean>;
  /** Adds or removes Keel's login item; doing what is already done changes nothing. */
  setEnabled(on: boolean): Promise<void>;
}
