/**
 * Recording fakes of the platform ports: the preview and tests use them in place of the
 * desktop. They remember everything asked of them so tests can assert on it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KeelError } from '../core/errors';
import type { DesktopReport } from '../shared/desktop-probes';
import type { IdleTrust } from '../shared/dto';
import type { ViewName } from '../shared/views';
import type { DndController, DndPrior } from '../services/ports';
import { trayItemId } from './electron-tray';
import { PRIVATE_FOLDER } from '../shared/owner-only';
import { writePrivateFile } from './owner-only';
import type {
  AutostartPort,
  DesktopProbesPort,
  KeelNotification,
  NotifierPort,
  PowerEvent,
  PowerPort,
  ShellPort,
  TrayCommand,
  TrayMenuItem,
  TrayPort,
  TrayState,
} from '../services/ports';

class Listeners<Args extends unknown[]> {
  private readonly set = new Set<(...args: Args) => void>();
  add(listener: (...args: Args) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(...args: Args): void {
    for (const l of [...this.set]) l(...args);
  }
  get size(): number {
    return this.set.size;
  }
}

export class RecordingTray implements TrayPort {
  state: TrayState | undefined;
  tooltip = '';
  menu: TrayMenuItem[] = [];
  readonly stateHistory: TrayState[] = [];
  disposed = false;
  private readonly selected = new Listeners<[TrayCommand]>();

  setState(state: TrayState, tooltip: string): void {
    if (state !== this.state) this.stateHistory.push(state);
    this.state = state;
    this.tooltip = tooltip;
  }
  setMenu(items: TrayMenuItem[]): void {
    this.menu = items;
  }
  onSelect(listener: (command: TrayCommand) => void): () => void {
    return this.selected.add(listener);
  }
  dispose(): void {
    this.disposed = true;
  }
  /** The menu's items that carry a command, submenus opened. */
  items(): Extract<TrayMenuItem, { type: 'item' }>[] {
    const flat = (items: TrayMenuItem[]): TrayMenuItem[] =>
      items.flatMap((i) => (i.type === 'submenu' ? flat(i.items) : [i]));
    return flat(this.menu).flatMap((i) => (i.type === 'item' ? [i] : []));
  }
  /** The item that carries `command`, if the menu has it. */
  item(command: TrayCommand): Extract<TrayMenuItem, { type: 'item' }> | undefined {
    return this.items().find((i) => trayItemId(i.command) === trayItemId(command));
  }
  /** Test helper: choose the menu item carrying `command`, as a user would. */
  select(command: TrayCommand): void {
    const item = this.item(command);
    if (!item || item.enabled === false) {
      throw new Error(`No enabled tray item "${trayItemId(command)}"`);
    }
    this.selected.emit(item.command);
  }
  /** Test helper: hand over exactly `command`, as a click on a menu drawn earlier would. */
  clickShown(command: TrayCommand): void {
    this.selected.emit(command);
  }
}

export class RecordingNotifier implements NotifierPort {
  readonly shown: (KeelNotification & { at: number })[] = [];
  private readonly actions = new Listeners<[string, string]>();

  constructor(private readonly now: () => number = Date.now) {}

  isSupported(): boolean {
    return true;
  }
  /** Ids of notifications taken back (`withdraw`), in order. */
  readonly withdrawn: string[] = [];
  show(notification: KeelNotification): void {
    this.shown.push({ ...notification, at: this.now() });
  }
  withdraw(id: string): void {
    this.withdrawn.push(id);
  }
  onAction(listener: (notificationId: string, actionId: string) => void): () => void {
    return this.actions.add(listener);
  }
  /** Test helper: click a notification (or one of its actions). */
  act(notificationId: string, actionId = 'click'): void {
    this.actions.emit(notificationId, actionId);
  }
}

export class FakePower implements PowerPort {
  idle = 0;
  private readonly listeners = new Map<PowerEvent, Listeners<[]>>();

  on(event: PowerEvent, listener: () => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Listeners<[]>()));
    return set.add(listener);
  }
  idleSeconds(): number {
    return this.idle;
  }
  /** Test helper: the machine sleeps, wakes, locks… */
  emit(event: PowerEvent): void {
    this.listeners.get(event)?.emit();
  }
  listenerCount(event: PowerEvent): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}

export class RecordingShell implements ShellPort {
  readonly shown: (ViewName | undefined)[] = [];
  readonly saved: { path: string; content: string | Uint8Array }[] = [];
  /** Text put on the clipboard, in order. */
  readonly copied: string[] = [];
  /** Rich text (HTML with its text) put on the clipboard, in order. */
  readonly copiedRich: { html: string; text: string }[] = [];
  quitRequested = false;
  /** What the next open dialog "chooses" (null: the user cancels). */
  nextChosenFile: string | null = null;

  /** `saveDir`: where saved files go (the preview's data folder); none: saves are only recorded. */
  constructor(private readonly saveDir?: string) {}

  async saveFile(options: { defaultName: string; content: string | Uint8Array }): Promise<string | null> {
    const target = this.saveDir
      ? path.join(this.saveDir, path.basename(options.defaultName))
      : options.defaultName;
    if (this.saveDir) {
      await fs.promises.mkdir(this.saveDir, { recursive: true, mode: PRIVATE_FOLDER });
      await writePrivateFile(target, options.content);
    }
    this.saved.push({ path: target, content: options.content });
    return path.basename(target);
  }

  async chooseFile(): Promise<string | null> {
    return this.nextChosenFile;
  }

  async copyText(text: string): Promise<void> {
    this.copied.push(text);
  }

  async copyRich(content: { html: string; text: string }): Promise<void> {
    this.copiedRich.push(content);
  }

  /** Without Electron there is no printToPDF: the preview says so (e2e prints the HTML with Chromium). */
  async printToPdf(): Promise<Uint8Array> {
    throw new KeelError(
      'invalid_input',
      'PDF export needs the desktop app; export HTML here and print it from a browser.',
    );
  }

  showWindow(view?: ViewName): void {
    this.shown.push(view);
  }
  quit(): void {
    this.quitRequested = true;
  }
}

/** Do-not-disturb for the preview and tests: remembers the state instead of changing a desktop. */
export class RecordingDndController implements DndController {
  readonly id = 'recording';
  readonly desktop = 'Preview (recorded, the desktop is not changed)';
  readonly capability = 'control' as const;
  readonly help = null;
  on = false;
  readonly history: boolean[] = [];

  async isOn(): Promise<boolean | null> {
    return this.on;
  }
  async capturePrior(): Promise<DndPrior> {
    return { on: this.on };
  }
  async turnOn(prior: DndPrior): Promise<DndPrior> {
    this.set(true);
    return prior;
  }
  async restore(prior: DndPrior): Promise<void> {
    this.set(prior.on === true);
  }
  private set(on: boolean): void {
    this.on = on;
    this.history.push(on);
  }
}

/** Start at login for the preview and tests: remembers the state instead of changing the system. */
export class RecordingAutostart implements AutostartPort {
  enabled = false;
  /** Every `setEnabled` call, in order. */
  readonly history: boolean[] = [];
  /** The next `setEnabled` call fails with this error (once). */
  failNext: Error | null = null;

  async isEnabled(): Promise<boolean> {
    return this.enabled;
  }
  async setEnabled(on: boolean): Promise<void> {
    this.history.push(on);
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
    this.enabled = on;
  }
}

/**
 * An example of what Keel sees on a desktop, for the preview (which runs in a browser, so there
 * is no desktop to look at) and the tests: every state once.
 */
export const EXAMPLE_DESKTOP_REPORT: DesktopReport = {
  version: '0.0.0-preview',
  platform: 'linux',
  probes: [
    {
      id: 'session',
      label: 'Session',
      state: 'works',
      detail: 'Wayland (an example: the preview does not look at this computer).',
    },
    {
      id: 'idle',
      label: 'Idle time',
      state: 'works',
      detail: 'GNOME’s idle monitor tells Keel when you go idle and come back.',
    },
    {
      id: 'notifications',
      label: 'Notification buttons',
      state: 'limited',
      detail: 'The notification server shows no buttons, so a click opens Keel instead.',
    },
    {
      id: 'tray',
      label: 'Tray',
      state: 'not-available',
      detail: 'No tray host runs in this session, so Keel has no tray icon.',
      action: 'Add a system tray (status notifier) to your panel; until then, use Keel from its window.',
    },
  ],
};

/**
 * Settings → This computer without a desktop: answers `next` and counts the looks; the idle
 * time's verdict is `trust`, changed (and told) with `setTrust`.
 */
export class FakeDesktopProbes implements DesktopProbesPort {
  runs = 0;
  trust: IdleTrust = { trusted: true, notice: null };
  private readonly trustListeners = new Set<() => void>();
  constructor(public next: DesktopReport = EXAMPLE_DESKTOP_REPORT) {}

  idleTrust(): IdleTrust {
    return { ...this.trust };
  }

  onIdleTrustChange(listener: () => void): () => void {
    this.trustListeners.add(listener);
    return () => void this.trustListeners.delete(listener);
  }

  setTrust(trust: IdleTrust): void {
    this.trust = trust;
    this.trustListeners.forEach((l) => l());
  }

  async report(): Promise<DesktopReport> {
    this.runs += 1;
    return structuredClone(this.next);
  }
}
