import { systemClock, type Clock } from '../../core/clock';
import type { PowerPort } from '../../services/ports';
import type { SessionBus } from '../dbus/session-bus';
import { createElectronPower, type PowerMonitorSlice } from '../electron-power';
import { electronIdle, startMutterIdle, startScreenSaverIdle, type IdleSource } from './idle-sources';
import { createLinuxPower, type LinuxPower, type PresenceStatus } from './linux-power';
import { startLogindLock, startScreenSaverLock, type LockSource } from './lock-sources';
import { timedBus, type PresenceBus } from './timed-bus';

export interface LinuxPresenceOptions {
  env: Record<string, string | undefined>;
  powerMonitor: PowerMonitorSlice;
  clock: Clock;
  /** Opens a bus connection (connectSessionBus; a test's private bus). */
  connect(address: string): SessionBus;
  /** Per-call timeout (default 2 s). */
  timeoutMs?: number;
}

export interface LinuxPresence extends LinuxPower {
  /** Settles once every source has been tried. */
  ready: Promise<void>;
}

const SYSTEM_BUS = 'unix:path=/run/dbus/system_bus_socket';

/** The first of `tries` that starts, in order; undefined if none does. */
async function firstOf<T>(tries: (() => Promise<T>)[]): Promise<T | undefined> {
  for (const attempt of tries) {
    try {
      return await attempt();
    } catch {
      // Not on this desktop (no such service, no answer in time): the next one.
    }
  }
  return undefined;
}

/**
 * Presence on a Linux desktop. Idle time: GNOME's Mutter first on GNOME, the freedesktop
 * screensaver first elsewhere; on X11, Electron's own as a last resort (it reads 0 on Wayland,
 * so there it is not used). Lock: logind's session on the system bus, else the screensaver's
 * ActiveChanged. Suspend and resume stay Electron's. The port works at once (as "no source")
 * and takes the sources up as they answer.
 */
export function createLinuxPresence(options: LinuxPresenceOptions): LinuxPresence {
  const { env, clock } = options;
  const linux = createLinuxPower(options.powerMonitor, clock);
  const buses: SessionBus[] = [];
  let disposed = false;
  // A session bus gone takes the idle source with it (its watches would never fire again): the
  // lock and sleep times take over, and the quarter-hour tick comes back.
  const sessionClosed = () => {
    const kind = linux.status().idleSource;
    if (disposed || (kind !== 'mutter' && kind !== 'screensaver')) return;
    linux.useIdle(
      undefined,
      'Keel lost its connection to the desktop, so it goes by lock and sleep times instead.',
    );
  };
  const open = (
    address: string | undefined,
    onClose: () => void = () => undefined,
  ): PresenceBus | undefined => {
    if (!address) return undefined;
    try {
      const bus = options.connect(address);
      bus.onClose(onClose);
      buses.push(bus);
      return timedBus(bus, options.timeoutMs);
    } catch {
      return undefined;
    }
  };
  const session = open(env.DBUS_SESSION_BUS_ADDRESS, sessionClosed);
  const system = open(env.DBUS_SYSTEM_BUS_ADDRESS ?? SYSTEM_BUS);
  const gnome = /gnome|unity|pantheon|budgie/i.test(env.XDG_CURRENT_DESKTOP ?? '');
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);

  const idleTries: (() => Promise<IdleSource>)[] = [];
  if (session) {
    const mutter = () => startMutterIdle(session, clock);
    const saver = () => startScreenSaverIdle(session, clock);
    idleTries.push(...(gnome ? [mutter, saver] : [saver, mutter]));
  }
  if (!wayland) idleTries.push(() => Promise.resolve(electronIdle(options.powerMonitor)));
  const lockTries: (() => Promise<LockSource>)[] = [];
  if (system) lockTries.push(() => startLogindLock(system));
  if (session) lockTries.push(() => startScreenSaverLock(session));

  const ready = Promise.all([
    firstOf(idleTries).then((source) =>
      linux.useIdle(
        source,
        'This desktop tells Keel no idle time, so Keel goes by lock and sleep times instead.',
      ),
    ),
    firstOf(lockTries).then((source) => linux.useLock(source)),
  ]).then(() => undefined);

  return {
    ...linux,
    ready,
    dispose() {
      disposed = true;
      linux.dispose();
      for (const bus of buses.splice(0)) bus.close();
    },
  };
}

export type DesktopPower = Pick<LinuxPresence, 'status' | 'onStatusChange' | 'ready'> & { power: PowerPort };

/**
 * The power port for this platform, and what it reads presence from: the Linux sources above, or
 * Electron's powerMonitor on macOS and Windows (which reports idle time and the lock itself).
 */
export function createDesktopPower(
  platform: NodeJS.Platform,
  options: Omit<LinuxPresenceOptions, 'clock'> & { clock?: Clock },
): DesktopPower {
  if (platform === 'linux') return createLinuxPresence({ clock: systemClock, ...options });
  const status: PresenceStatus = {
    idleSource: 'electron',
    idleWatches: false,
    trusted: true,
    lockSource: 'electron',
  };
  return {
    power: createElectronPower(options.powerMonitor),
    status: () => ({ ...status }),
    // Electron's status never changes.
    onStatusChange: () => () => undefined,
    ready: Promise.resolve(),
  };
}
