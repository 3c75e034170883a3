/**
 * The notifier main gives the app: on Linux the desktop's notification server, where one answers
 * (buttons where it shows them); Electron's everywhere else. Kept apart from desktop-adapters.ts,
 * which tests load under Node, because this one needs Electron's Notification.
 */
import { Notification } from 'electron';
import { createElectronNotifier } from '../platform/electron-notifier';
import { chooseNotifier } from '../platform/notify/choose-notifier';
import type { NotifierPort } from '../services/ports';

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
