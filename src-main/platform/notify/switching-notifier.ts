/**
 * Keel's notifier from the first moment of start-up: Electron's (the fallback) until the desktop's
 * notification server answers GetCapabilities on the session bus, the server's from then on
 * (buttons where it shows them). Nothing waits for the server: a slow one only means the first
 * notifications go through Electron's, and one that never answers leaves Electron's in place for
 * good, its connection closed. Free of Electron, so tests run it under Node on a private bus.
 */
import { pathToFileURL } from 'node:url';
import { connectSessionBus, type SessionBus, type SessionBusOptions } from '../dbus/session-bus';
import type { KeelNotification, NotifierPort } from '../../services/ports';
import {
  capabilitiesOf,
  createFreedesktopNotifier,
  NOTIFICATIONS_PATH,
  NOTIFICATIONS_SERVICE,
  type FreedesktopNotifier,
} from './freedesktop-notifier';

export interface SwitchingNotifierOptions {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Electron's notifier: macOS and Windows, and Linux until (or without) a notification server. */
  fallback: NotifierPort;
  /** The app icon's file path, sent to the notification server as a file:// URI. */
  iconPath?: string;
  /** Opens the session bus (connectSessionBus; a test's private bus). */
  connect?: (address: string, options: SessionBusOptions) => SessionBus;
  /** How long each call to the server may take (default 5 s). */
  timeoutMs?: number;
}

export interface SwitchingNotifier extends NotifierPort {
  /** Which notifier Keel ended up with: 'server' once switched, 'fallback' if it never will. */
  readonly settled: Promise<'server' | 'fallback'>;
  withdraw(id: string): void;
  /** Stops listening to the server and closes the connection (at quit). */
  dispose(): void;
}

interface Subscription {
  listener: (notificationId: string, actionId: string) => void;
  stop: () => void;
}

/** A call that also starts a server the bus can activate (such as dunst). */
const GET_CAPABILITIES = {
  destination: NOTIFICATIONS_SERVICE,
  path: NOTIFICATIONS_PATH,
  interface: NOTIFICATIONS_SERVICE,
  member: 'GetCapabilities',
};

/** The server's notifier, once it answered GetCapabilities and Keel listens for its signals. */
async function serverOn(bus: SessionBus, options: SwitchingNotifierOptions): Promise<FreedesktopNotifier> {
  const [capabilities] = await bus.call(GET_CAPABILITIES);
  return createFreedesktopNotifier({
    bus,
    capabilities: capabilitiesOf(capabilities),
    ...(options.iconPath ? { icon: pathToFileURL(options.iconPath).href } : {}),
    fallback: options.fallback,
  });
}

export function createSwitchingNotifier(options: SwitchingNotifierOptions): SwitchingNotifier {
  const { fallback } = options;
  let server: FreedesktopNotifier | undefined;
  let bus: SessionBus | undefined;
  let choosing = true;
  let disposed = false;
  /** Ids shown through the fallback while choosing: shown again later, that copy goes first. */
  const beforeSwitch = new Set<string>();
  const subscriptions = new Set<Subscription>();

  const switchTo = (chosen: FreedesktopNotifier): void => {
    server = chosen;
    // The server's notifier passes the fallback's clicks on as well (it was given the same
    // fallback): each listener moves over whole, subscribed there before it leaves the fallback,
    // so a click on a notification shown before the switch is neither lost nor heard twice.
    for (const subscription of subscriptions) {
      const direct = subscription.stop;
      subscription.stop = chosen.onAction(subscription.listener);
      direct();
    }
  };

  const choose = async (): Promise<'server' | 'fallback'> => {
    const address = options.env.DBUS_SESSION_BUS_ADDRESS;
    // Without an address a D-Bus library would go looking through X11: there is simply no server.
    if (options.platform !== 'linux' || !address) return 'fallback';
    try {
      const opened = (options.connect ?? connectSessionBus)(address, {
        timeoutMs: options.timeoutMs ?? 5_000,
      });
      bus = opened;
      const chosen = await serverOn(opened, options);
      if (disposed) {
        chosen.dispose();
        return 'fallback';
      }
      switchTo(chosen);
      return 'server';
    } catch {
      bus?.close();
      bus = undefined;
      return 'fallback';
    }
  };
  const settled = choose().then((route) => {
    choosing = false;
    // Without a switch there is nothing to replace; after it, the list only shrinks.
    if (route === 'fallback') beforeSwitch.clear();
    return route;
  });

  return {
    settled,
    isSupported: () => (server ? server.isSupported() : fallback.isSupported()),
    show(notification: KeelNotification): void {
      if (!server) {
        if (choosing) beforeSwitch.add(notification.id);
        return fallback.show(notification);
      }
      // Shown through the fallback before the switch: replaced, not shown twice.
      if (beforeSwitch.delete(notification.id)) fallback.withdraw?.(notification.id);
      server.show(notification);
    },
    withdraw(id: string): void {
      beforeSwitch.delete(id);
      // The server's notifier hands ids it never showed to the fallback.
      if (server) server.withdraw(id);
      else fallback.withdraw?.(id);
    },
    onAction(listener) {
      // A listener of its own for the fallback: notifiers keep listeners in sets, so the same
      // function added there again by the server's notifier and then removed would be gone.
      const direct = (id: string, action: string) => listener(id, action);
      const subscription: Subscription = {
        listener,
        stop: (server ?? fallback).onAction(server ? listener : direct),
      };
      subscriptions.add(subscription);
      return () => {
        if (!subscriptions.delete(subscription)) return;
        subscription.stop();
      };
    },
    dispose(): void {
      disposed = true;
      server?.dispose();
      bus?.close();
      bus = undefined;
    },
  };
}
