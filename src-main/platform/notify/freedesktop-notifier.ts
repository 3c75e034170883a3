/**
 * Keel's notifications on Linux through the notification server on the session bus, as the
 * Desktop Notifications Specification 1.2 describes it
 * (https://specifications.freedesktop.org/notification-spec/1.2/, "D-BUS Protocol"): GNOME Shell,
 * KDE Plasma, XFCE's and dunst all serve `org.freedesktop.Notifications` and show actions as
 * buttons, which Electron's own notifications on Linux never send.
 */
import { DESKTOP_ENTRY } from '../desktop-session';
import type { SessionBus } from '../dbus/session-bus';
import type { KeelNotification, NotifierPort } from '../../services/ports';
import { escapeBodyMarkup } from '../electron-notifier';

export const NOTIFICATIONS_SERVICE = 'org.freedesktop.Notifications';
export const NOTIFICATIONS_PATH = '/org/freedesktop/Notifications';

/** The spec's name for the action a click on the notification's body invokes. */
const DEFAULT_ACTION = 'default';
/** Only recent notifications stay mapped (and so clickable), as with Electron's notifier. */
const KEEP = 32;

/** The server's optional capabilities Keel reads (GetCapabilities). */
export interface ServerCapabilities {
  /** Shows actions as buttons; without it the server "is free to ignore them". */
  actions: boolean;
  /** Reads the body as markup: text sent there must be escaped to show as typed. */
  bodyMarkup: boolean;
}

export function capabilitiesOf(reply: unknown): ServerCapabilities {
  const list = Array.isArray(reply) ? reply.filter((c): c is string => typeof c === 'string') : [];
  return { actions: list.includes('actions'), bodyMarkup: list.includes('body-markup') };
}

/** Notify's arguments (signature susssasa{sv}i) for one of Keel's notifications. */
export function notifyArguments(
  notification: KeelNotification,
  capabilities: ServerCapabilities,
  options: { replacesId: number; icon: string; desktopEntry: string },
): unknown[] {
  // The default action is what a click invokes; servers need not show its label. Buttons are
  // sent only where the server shows them, so the text alone must always make sense.
  const buttons = capabilities.actions ? (notification.actions ?? []) : [];
  const actions = [DEFAULT_ACTION, 'Open Keel', ...buttons.flatMap((a) => [a.id, a.label])];
  const hints = [
    ['desktop-entry', ['s', options.desktopEntry]],
    // 1: normal; Keel's prompts are never critical.
    ['urgency', ['y', 1]],
  ];
  const body = capabilities.bodyMarkup ? escapeBodyMarkup(notification.body) : notification.body;
  // -1: the server's own expiry (GNOME and KDE keep them in their notification list).
  return ['Keel', options.replacesId, options.icon, notification.title, body, actions, hints, -1];
}

export interface FreedesktopNotifierOptions {
  bus: SessionBus;
  capabilities: ServerCapabilities;
  /** A file:// URI or an icon theme name; empty for none. */
  icon?: string;
  /** The installed desktop file's name without `.desktop` (electron-builder's executableName). */
  desktopEntry?: string;
  /** Shows a notification the bus could not (a server gone, a call that timed out). */
  fallback?: NotifierPort;
}

/** One notification on the server: its server id once Notify answered, and its buttons' ids. */
interface Shown {
  keelId: string;
  serverId: number | null;
  keys: Set<string>;
  withdrawn: boolean;
}

/**
 * The notifier port over `org.freedesktop.Notifications`. Resolves once it listens for the
 * server's ActionInvoked and NotificationClosed signals (a click that came before would be lost).
 */
export async function createFreedesktopNotifier(
  options: FreedesktopNotifierOptions,
): Promise<FreedesktopNotifier> {
  const notifier = new FreedesktopNotifier(options);
  await notifier.listen();
  return notifier;
}

export class FreedesktopNotifier implements NotifierPort {
  private readonly byKeel = new Map<string, Shown>();
  private readonly byServer = new Map<number, Shown>();
  /** Keel ids the fallback showed because Notify failed: shown again, that copy goes first. */
  private readonly onFallback = new Set<string>();
  private readonly listeners = new Set<(notificationId: string, actionId: string) => void>();
  private readonly stops: (() => void)[] = [];

  /** Every call is bounded by `bus`'s own limit (switching-notifier.ts opens it with 5 s). */
  constructor(private readonly options: FreedesktopNotifierOptions) {}

  /** Subscribes to the server's signals (only the server's: the rule names it as the sender). */
  async listen(): Promise<void> {
    this.stops.push(await this.signal('ActionInvoked', (id, key) => this.invoked(id, key)));
    // The id "is invalidated before the signal is sent": never replace or close it afterwards.
    this.stops.push(
      await this.signal('NotificationClosed', (id) => {
        const shown = typeof id === 'number' ? this.byServer.get(id) : undefined;
        if (shown) this.forget(shown);
      }),
    );
  }

  isSupported(): boolean {
    return true;
  }

  show(notification: KeelNotification): void {
    const { capabilities } = this.options;
    const previous = this.byKeel.get(notification.id);
    const shown: Shown = {
      keelId: notification.id,
      serverId: null,
      keys: new Set(capabilities.actions ? (notification.actions ?? []).map((a) => a.id) : []),
      withdrawn: false,
    };
    if (previous) this.forget(previous);
    if (this.onFallback.delete(notification.id)) this.options.fallback?.withdraw?.(notification.id);
    this.byKeel.set(notification.id, shown);
    const args = notifyArguments(notification, capabilities, {
      // The same Keel id again replaces the one on the desktop instead of stacking a duplicate.
      replacesId: previous?.serverId ?? 0,
      icon: this.options.icon ?? '',
      desktopEntry: this.options.desktopEntry ?? DESKTOP_ENTRY,
    });
    this.call('Notify', 'susssasa{sv}i', args).then(
      ([id]) => this.shownAs(shown, id),
      () => {
        // Taken back (the screen locked) or replaced meanwhile: nothing of it is shown.
        if (this.byKeel.get(shown.keelId) !== shown) return;
        this.forget(shown);
        this.onFallback.add(notification.id);
        if (this.onFallback.size > KEEP) this.onFallback.delete(this.onFallback.values().next().value ?? '');
        this.options.fallback?.show(notification);
      },
    );
  }

  withdraw(id: string): void {
    const shown = this.byKeel.get(id);
    this.onFallback.delete(id);
    if (!shown) return this.options.fallback?.withdraw?.(id);
    shown.withdrawn = true;
    this.forget(shown);
    if (shown.serverId !== null) this.close(shown.serverId);
  }

  onAction(listener: (notificationId: string, actionId: string) => void): () => void {
    this.listeners.add(listener);
    const stopFallback = this.options.fallback?.onAction(listener);
    return () => {
      this.listeners.delete(listener);
      stopFallback?.();
    };
  }

  /** Stops listening to the server (the connection is the caller's). */
  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private shownAs(shown: Shown, id: unknown): void {
    if (typeof id !== 'number') return this.forget(shown);
    shown.serverId = id;
    // Withdrawn or replaced while Notify was under way: take it off the desktop again.
    if (shown.withdrawn || this.byKeel.get(shown.keelId) !== shown) return this.close(id);
    this.byServer.set(id, shown);
    while (this.byServer.size > KEEP) {
      const oldest = this.byServer.values().next().value;
      if (oldest) this.forget(oldest);
    }
  }

  private invoked(id: unknown, key: unknown): void {
    const shown = typeof id === 'number' ? this.byServer.get(id) : undefined;
    if (!shown || typeof key !== 'string') return;
    // Only the keys Keel sent for this notification; anything else is not Keel's to act on.
    const action = key === DEFAULT_ACTION ? 'click' : shown.keys.has(key) ? key : null;
    if (action === null) return;
    for (const listener of [...this.listeners]) listener(shown.keelId, action);
  }

  private forget(shown: Shown): void {
    if (this.byKeel.get(shown.keelId) === shown) this.byKeel.delete(shown.keelId);
    if (shown.serverId !== null && this.byServer.get(shown.serverId) === shown) {
      this.byServer.delete(shown.serverId);
    }
  }

  private close(serverId: number): void {
    // The server answers an error for one already gone ("CloseNotification"): nothing to do.
    this.call('CloseNotification', 'u', [serverId]).catch(() => undefined);
  }

  private call(member: string, signature: string, body: unknown[]): Promise<unknown[]> {
    const message = {
      destination: NOTIFICATIONS_SERVICE,
      path: NOTIFICATIONS_PATH,
      interface: NOTIFICATIONS_SERVICE,
    };
    return this.options.bus.call({ ...message, member, signature, body });
  }

  private signal(member: string, handler: (...args: unknown[]) => void): Promise<() => void> {
    const rule = {
      sender: NOTIFICATIONS_SERVICE,
      path: NOTIFICATIONS_PATH,
      interface: NOTIFICATIONS_SERVICE,
      member,
    };
    return this.options.bus.onSignal(rule, handler);
  }
}
