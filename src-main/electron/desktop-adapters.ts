/**
 * The app's view of this desktop, built once in main: presence (idle time and the lock; on Linux
 * from the session's services, platform/linux-presence), notifications (on Linux the desktop's
 * server once it answers, Electron's until then: platform/notify/switching-notifier) and what
 * Settings → This computer shows (platform/doctor's probes, as `keel doctor` runs them). Glue,
 * tested through its parts; it imports nothing of Electron, so tests run it under Node (main
 * passes Electron's notifier in, from desktop-notifier.ts).
 */
import type { KeelAdapters } from '../app/create-keel-app';
import type { Clock } from '../core/clock';
import { connectSessionBus, type SessionBus, type SessionBusOptions } from '../platform/dbus/session-bus';
import { presenceProbes } from '../platform/doctor/presence-probes';
import { DESKTOP_PROBES, desktopReport } from '../platform/doctor/probes';
import type { PowerMonitorSlice } from '../platform/electron-power';
import { createDesktopPower } from '../platform/linux-presence/compose';
import type { PresenceStatus } from '../platform/linux-presence/linux-power';
import { createSwitchingNotifier } from '../platform/notify/switching-notifier';
import { shortcutOffersFor, type ShortcutOffers } from '../platform/shortcut-offer';
import type { NotifierPort } from '../services/ports';
import type { IdleTrust } from '../shared/dto';

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
  /** Presence's clock (default the system's; a test's). */
  clock?: Clock;
}

/**
 * Settings' notice from the presence status: none while Keel believes the idle time (or has not
 * finished looking); else one sentence on what it goes by instead.
 */
export function idleTrustOf(status: PresenceStatus | undefined): IdleTrust {
  if (!status || status.trusted) return { trusted: true, notice: null };
  return {
    trusted: false,
    notice:
      status.idleSource === 'none'
        ? 'This desktop does not tell Keel its idle time, so Keel goes by the screen lock and sleep instead.'
        : 'Keel cannot trust this desktop’s idle time, so it goes by the screen lock and sleep instead.',
  };
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
  const presence = createDesktopPower(platform, {
    env,
    powerMonitor: options.powerMonitor,
    connect,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const notifier = createSwitchingNotifier({
    platform,
    env,
    fallback: options.fallbackNotifier,
    connect,
    ...(options.iconPath ? { iconPath: options.iconPath } : {}),
  });
  const running = presenceProbes(() => presence.status());
  // Until every source has been tried, no verdict: "no idle time" is not yet known.
  let settled = false;
  const settledListeners = new Set<() => void>();
  void presence.ready.then(() => {
    settled = true;
    settledListeners.forEach((l) => l());
  });
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
      // Idle time and the lock as presence uses them (keel doctor, apart, asks the bus in the same order).
      desktopProbes: {
        report: () => desktopReport({ platform, env, dataDir, version, probes: inApp }),
        idleTrust: () => idleTrustOf(settled ? presence.status() : undefined),
        onIdleTrustChange(listener) {
          const stop = presence.onStatusChange(() => settled && listener());
          settledListeners.add(listener);
          return () => {
            stop();
            settledListeners.delete(listener);
          };
        },
      },
    },
    dispose() {
      notifier.dispose();
      presence.dispose();
    },
  };
}
