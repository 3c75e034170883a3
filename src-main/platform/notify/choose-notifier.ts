import { pathToFileURL } from 'node:url';
import { connectSessionBus, type SessionBus } from '../dbus/session-bus';
import type { NotifierPort } from '../../services/ports';
import {
  capabilitiesOf,
  createFreedesktopNotifier,
  NOTIFICATIONS_PATH,
  NOTIFICATIONS_SERVICE,
  SERVER,
} from './freedesktop-notifier';
import { withTimeout } from '../dbus/with-timeout';

export interface ChooseNotifierOptions {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Electron's notifier: macOS and Windows, and Linux without a notification server. */
  fallback: () => NotifierPort;
  /** The app icon's file path, sent to the notification server as a file:// URI. */
  iconPath?: string;
  /** Opens the session bus; a test points it at a private dbus-daemon. */
  connect?: (address: string) => SessionBus;
  /** How long the whole choice may take (default 5 s); then Electron's notifier. */
  timeoutMs?: number;
}

/**
 * Which notifier Keel uses: on Linux the notification server on the session bus, when one answers
 * GetCapabilities (the call also starts a server the bus can activate, such as dunst); otherwise,
 * and everywhere else, Electron's.
 */
export async function chooseNotifier(options: ChooseNotifierOptions): Promise<NotifierPort> {
  const fallback = options.fallback();
  const address = options.env.DBUS_SESSION_BUS_ADDRESS;
  // Without an address a D-Bus library would go looking through X11: there is simply no server.
  if (options.platform !== 'linux' || !address) return fallback;
  const timeoutMs = options.timeoutMs ?? 5_000;
  let bus: SessionBus | undefined;
  try {
    const opened = (options.connect ?? connectSessionBus)(address);
    bus = opened;
    // One limit for the whole choice (the window waits for it), not one per call.
    return await withTimeout(
      (async () => {
        const [capabilities] = await opened.call({
          destination: NOTIFICATIONS_SERVICE,
          path: NOTIFICATIONS_PATH,
          interface: NOTIFICATIONS_SERVICE,
          member: 'GetCapabilities',
        });
        return createFreedesktopNotifier({
          bus: opened,
          capabilities: capabilitiesOf(capabilities),
          ...(options.iconPath ? { icon: pathToFileURL(options.iconPath).href } : {}),
          fallback,
          timeoutMs,
        });
      })(),
      timeoutMs,
      SERVER,
    );
  } catch {
    bus?.close();
    return fallback;
  }
}
