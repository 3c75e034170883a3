import type {
  Event,
  Notification,
  NotificationActionEventParams,
  NotificationConstructorOptions,
} from 'electron';
import type { KeelNotification, NotifierPort } from '../services/ports';

/**
 * The slice of an Electron `Notification` Keel uses. `on` is spelled out per event because
 * Electron types it as returning the whole Notification, which no fake could honestly return;
 * each overload matches one of Electron's, so `new Notification()` fits (main.ts checks it).
 */
export interface NotificationSlice extends Pick<Notification, 'show' | 'close'> {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'action', listener: (details: Event<NotificationActionEventParams>) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: () => void): unknown;
}

export interface ElectronNotifierOptions {
  /** `(options) => new Notification(options)` in the app. */
  create(options: NotificationConstructorOptions): NotificationSlice;
  /** `Notification.isSupported` in the app. */
  isSupported(): boolean;
  platform: NodeJS.Platform;
  icon?: NotificationConstructorOptions['icon'];
  /** How many recent notifications stay referenced (and so clickable); see below. */
  keep?: number;
}

/**
 * Electron shows buttons on macOS and Windows only; on Linux an action would be silently
 * dropped, so Keel leaves them out there and relies on a click on the body.
 */
export function supportsActions(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

/** Electron's options for one of Keel's notifications. */
/** The freedesktop notification body's markup escaping: `&`, `<` and `>` as entities. */
export function escapeBodyMarkup(body: string): string {
  return body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function notificationOptions(
  notification: KeelNotification,
  platform: NodeJS.Platform,
  icon?: NotificationConstructorOptions['icon'],
): NotificationConstructorOptions {
  const actions = supportsActions(platform) ? (notification.actions ?? []) : [];
  return {
    title: notification.title,
    // Linux notification servers may read the body as markup (<b>, <a>, <img>): the user's own
    // words ("where you left off") are escaped there so they show as typed.
    body: platform === 'linux' ? escapeBodyMarkup(notification.body) : notification.body,
    ...(icon !== undefined ? { icon } : {}),
    ...(actions.length > 0
      ? { actions: actions.map((a) => ({ type: 'button' as const, text: a.label })) }
      : {}),
  };
}

/**
 * The notifier port on Electron's `Notification`. A notification whose JS object is garbage
 * collected stops reporting clicks (https://github.com/electron/electron/issues/16922), so
 * every shown notification is kept in a map until it is clicked, closed or fails, bounded to
 * the most recent `keep`.
 */
export function createElectronNotifier(options: ElectronNotifierOptions): NotifierPort {
  const keep = options.keep ?? 32;
  const live = new Map<string, NotificationSlice>();
  const listeners = new Set<(notificationId: string, actionId: string) => void>();

  const report = (notificationId: string, actionId: string): void => {
    for (const listener of [...listeners]) listener(notificationId, actionId);
  };
  const release = (id: string, shown: NotificationSlice): void => {
    // Only if this is still the entry for the id: a newer notification may have replaced it.
    if (live.get(id) === shown) live.delete(id);
  };

  return {
    isSupported: () => options.isSupported(),
    show(notification: KeelNotification): void {
      if (!options.isSupported()) return;
      const { id } = notification;
      const actions = supportsActions(options.platform) ? (notification.actions ?? []) : [];
      const shown = options.create(notificationOptions(notification, options.platform, options.icon));
      shown.on('click', () => {
        release(id, shown);
        report(id, 'click');
      });
      shown.on('action', (details) => {
        const action = actions[details.actionIndex];
        if (!action) return;
        release(id, shown);
        report(id, action.id);
      });
      shown.on('close', () => release(id, shown));
      shown.on('failed', () => release(id, shown));

      // The same id again replaces the earlier notification rather than stacking a duplicate.
      const previous = live.get(id);
      live.delete(id);
      previous?.close();
      live.set(id, shown);
      while (live.size > keep) {
        const oldest = live.keys().next().value;
        if (oldest === undefined) break;
        live.delete(oldest);
      }
      shown.show();
    },
    withdraw(id: string): void {
      const shown = live.get(id);
      live.delete(id);
      shown?.close();
    },
    onAction(listener: (notificationId: string, actionId: string) => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
