/**
 * The desktop's own notifier and presence for the app, chosen per OS (main.ts stays glue): on Linux
 * the notification server and the session's idle and lock services over D-Bus, where they answer;
 * Electron's everywhere else.
 */
import { Notification, powerMonitor } from 'electron';
import { connectSessionBus } from '../platform/dbus/session-bus';
import { createElectronNotifier } from '../platform/electron-notifier';
import { createDesktopPower } from '../platform/linux-presence/compose';
import { chooseNotifier } from '../platform/notify/choose-notifier';
import type { NotifierPort, PowerPort } from '../services/ports';

/** Linux: the desktop's notification server (buttons where it shows them); else Electron's. */
export function desktopNotifier(appIcon: string): Promise<NotifierPort> {
  return chooseNotifier({
    platform: process.platform,
    env: process.env,
    iconPath: appIcon,
    fallback: () =>
      createElectronNotifier({
        create: (options) => new Notification(options),
        isSupported: () => Notification.isSupported(),
        platform: process.platform,
        ...(process.platform === 'darwin' ? {} : { icon: appIcon }),
      }),
  });
}

/** Linux: idle time and the lock from the desktop over D-Bus (Electron's read 0 on Wayland). */
export function desktopPower(): PowerPort {
  return createDesktopPower(process.platform, { env: process.env, powerMonitor, connect: connectSessionBus })
    .power;
}
