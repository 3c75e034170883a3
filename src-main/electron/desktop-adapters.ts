/**
 * The app's view of this desktop, built once in main: presence (idle time and the lock; on Linux
 * from the session's services, platform/linux-presence) and what Settings → This computer shows
 * (platform/doctor's probes, as `keel doctor` runs them). Glue, tested through its parts; it
 * imports nothing of Electron, so tests run it under Node (desktop-notifier.ts has the notifier).
 */
import type { KeelAdapters } from '../app/create-keel-app';
import { connectSessionBus, type SessionBus } from '../platform/dbus/session-bus';
import { presenceProbes } from '../platform/doctor/presence-probes';
import { DESKTOP_PROBES, desktopReport } from '../platform/doctor/probes';
import type { PowerMonitorSlice } from '../platform/electron-power';
import { createDesktopPower } from '../platform/linux-presence/compose';

export interface DesktopAdapterOptions {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  powerMonitor: PowerMonitorSlice;
  dataDir: string;
  version: string;
  /** Opens a bus connection (default connectSessionBus; a test's private bus). */
  connect?: (address: string) => SessionBus;
}

export function desktopAdapters(
  options: DesktopAdapterOptions,
): Pick<KeelAdapters, 'power' | 'screenLockReported' | 'desktopProbes'> {
  const { platform, env, dataDir, version } = options;
  // Linux: idle time and the lock from the desktop over D-Bus (Electron's read 0 on Wayland).
  const presence = createDesktopPower(platform, {
    env,
    powerMonitor: options.powerMonitor,
    connect: options.connect ?? connectSessionBus,
  });
  const running = presenceProbes(() => presence.status());
  const inApp = DESKTOP_PROBES.map((probe) => running[probe.id as keyof typeof running] ?? probe);
  return {
    power: presence.power,
    // Electron reports the screen's lock on macOS and Windows; on Linux, logind or the
    // screensaver do once presence has found one ("when locked" hides words until then).
    screenLockReported: () => presence.status().lockSource !== 'none',
    // Idle time and the lock as presence uses them (keel doctor, apart, asks the bus instead).
    desktopProbes: { report: () => desktopReport({ platform, env, dataDir, version, probes: inApp }) },
  };
}
