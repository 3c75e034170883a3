/**
 * The Electron half of the desktop adapters: Electron's notifier, the fallback of the switching
 * notifier (platform/notify/switching-notifier.ts) that macOS and Windows use, and Linux until (or
 * without) a notification server; and desktop-adapters.ts built on this process. Kept apart from
 * desktop-adapters.ts, which tests load under Node, because this needs Electron.
 */
import { app, Notification, powerMonitor } from 'electron';
import { createElectronNotifier } from '../platform/electron-notifier';
import type { NotifierPort } from '../services/ports';
import { desktopAdapters, type DesktopAdapters } from './desktop-adapters';

export function electronNotifier(appIcon: string): NotifierPort {
  return createElectronNotifier({
    create: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    platform: process.platform,
    ...(process.platform === 'darwin' ? {} : { icon: appIcon }),
  });
}

/** This desktop's adapters for the app; returns at once (see desktop-adapters.ts). */
export function electronDesktop(options: {
  dataDir: string;
  version: string;
  appIcon: string;
}): DesktopAdapters {
  return desktopAdapters({
    platform: process.platform,
    env: process.env,
    powerMonitor,
    dataDir: options.dataDir,
    version: options.version,
    fallbackNotifier: electronNotifier(options.appIcon),
    iconPath: options.appIcon,
    install: { packaged: app.isPackaged, resourcesPath: process.resourcesPath },
  });
}
