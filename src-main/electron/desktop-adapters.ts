/**
 * The app's view of this desktop, built once in main: presence (idle time and the lock; on Linux
 * from the session's services, platform/linux-presence), notifications (on Linux the desktop's
 * server once it answers, Electron's until then: platform/notify/switching-notifier) and what
 * Settings → This computer shows (platform/doctor's probes, as `keel doctor` runs them). Glue,
 * tested through its parts; it imports nothing of Electron, so tests run it under Node (main
 * passes Electron's notifier in, from desktop-notifier.ts).
 */
import type { KeelAdapters } from '../app/create-keel-app';
import { connectSessionBus, type SessionBus, type SessionBusOptions } from '../platform/dbus/session-bus';
import { presenceProbes } from '../platform/doctor/presence-probes';
import { DESKTOP_PROBES, desktopReport } from '../platform/doctor/probes';
import type { PowerMonitorSlice } from '../platform/electron-power';
import { createDesktopPower } from '../platform/linux-presence/compose';
import { createSwitchingNotifier } from '../platform/notify/switching-notifier';
import { shortcutOffersFor, type ShortcutOffers } from '../platform/shortcut-offer';
import type { NotifierPort } from '../services/ports';

export interface DesktopAdapterOptions {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  powerMonitor: PowerMonitorSlice;
  dataDir: string;
  version: string;
  /** Electron's notifier: what Keel shows notifications with until a server answers, or for good. */
  fallbackNotifier: NotifierPort;
  /** The app icon's file path, for the notification server. */
  iconPath?: string;
  /** Where this Keel is installed: the command the desktop's own shortcut runs (shortcut-offer.ts). */
  install?: { packaged: boolean; resourcesPath: string };
  /** Opens a bus connection (default connectSessionBus; a test's private bus). */
  connect?: (address: string, options?: SessionBusOptions) => SessionBus;
}

export interface DesktopAdapters {
  adapters: Pick<KeelAdapters, 'power' | 'screenLockReported' | 'desktopProbes' | 'notifier'> & {
    /** Where Ctrl+Alt+F cannot reach Keel, Settings → This computer offers the desktop's own. */
    shortcutOffers: ShortcutOffers;
  };
  /** At quit: presence's and the notifier's bus connections closed, Mutter's watches removed. */
  dispose(): void;
}

/** Returns at once: nothing here waits for the desktop's services (they are taken up as they answer). */
export function desktopAdapters(options: DesktopAdapterOptions): DesktopAdapters {
  const { platform, env, dataDir, version } = options;
  const connect = options.connect ?? connectSessionBus;
  // Linux: idle time and the lock from the desktop over D-Bus (Electron's read 0 on Wayland).
  const presence = createDesktopPower(platform, { env, powerMonitor: options.powerMonitor, connect });
  const notifier = createSwitchingNotifier({
    platform,
    env,
    fallback: options.fallbackNotifier,
    connect,
    ...(options.iconPath ? { iconPath: options.iconPath } : {}),
  });
  const running = presenceProbes(() => presence.status());
  const inApp = DESKTOP_PROBES.map((probe) => running[probe.id as keyof typeof running] ?? probe);
  return {
    adapters: {
      power: presence.power,
      notifier,
      shortcutOffers: shortcutOffersFor({
        platform,
        env,
        ...(options.install ?? { packaged: false, resourcesPath: '' }),
      }),
      // Electron reports the screen's lock on macOS and Windows; on Linux, logind or the
      // screensaver do once presence has found one ("when locked" hides words until then).
      screenLockReported: () => presence.status().lockSource !== 'none',
      // Idle time and the lock as presence uses them (keel doctor, apart, asks the bus instead).
      desktopProbes: { report: () => desktopReport({ platform, env, dataDir, version, probes: inApp }) },
    },
    dispose() {
      notifier.dispose();
      presence.dispose();
    },
  };
}
