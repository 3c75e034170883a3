import { systemClock, type Clock } from '../../core/clock';
import type { PowerPort } from '../../services/ports';
import type { SessionBus, SessionBusOptions } from '../dbus/session-bus';
import { createElectronPower, type PowerMonitorSlice } from '../electron-power';
import { createLinuxPower, type LinuxPower, type PresenceStatus } from './linux-power';
import { firstOf, idleSourceOrder, lockSourceOrder, systemBusAddress } from './sources';
import { PRESENCE_CALL_TIMEOUT_MS, type PresenceBus } from './presence-bus';

export interface LinuxPresenceOptions {
  env: Record<string, string | undefined>;
  powerMonitor: PowerMonitorSlice;
  clock: Clock;
  /** Opens a bus connection (connectSessionBus; a test's private bus) with a call limit. */
  connect(address: string, options: SessionBusOptions): SessionBus;
  /** Per-call limit of presence's connections (default 2 s). */
  timeoutMs?: number;
}

export interface LinuxPresence extends LinuxPower {
  /** Settles once every source has been tried. */
  ready: Promise<void>;
}

/**
 * Presence on a Linux desktop, from the sources sources.ts lists in the order it tries them
 * (`keel doctor` names the same). Suspend and resume stay Electron's. The port works at once
 * (as "no source") and takes the sources up as they answer.
 */
export function createLinuxPresence(options: LinuxPresenceOptions): LinuxPresence {
  const { env, clock } = options;
  const linux = createLinuxPower(options.powerMonitor, clock);
  const opened: SessionBus[] = [];
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
      const bus = options.connect(address, { timeoutMs: options.timeoutMs ?? PRESENCE_CALL_TIMEOUT_MS });
      bus.onClose(onClose);
      opened.push(bus);
      return bus;
    } catch {
      return undefined;
    }
  };
  const session = open(env.DBUS_SESSION_BUS_ADDRESS, sessionClosed);
  const system = open(systemBusAddress(env));
  const buses = { session, system };

  // A source that answers after dispose (Keel quit meanwhile) is let go, not taken up.
  const ready = Promise.all([
    firstOf(idleSourceOrder(env, buses, clock, options.powerMonitor)).then((source) =>
      disposed
        ? source?.dispose()
        : linux.useIdle(
            source,
            'This desktop tells Keel no idle time, so Keel goes by lock and sleep times instead.',
          ),
    ),
    firstOf(lockSourceOrder(buses)).then((source) => (disposed ? source?.dispose() : linux.useLock(source))),
  ]).then(() => undefined);

  return {
    ...linux,
    ready,
    dispose() {
      disposed = true;
      linux.dispose();
      for (const bus of opened.splice(0)) bus.close();
    },
  };
}

export type DesktopPower = Pick<LinuxPresence, 'status' | 'onStatusChange' | 'ready' | 'dispose'> & {
  power: PowerPort;
};

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
  // Electron's powerMonitor needs nothing closed (the app's own listeners come off with it).
  return {
    power: createElectronPower(options.powerMonitor),
    status: () => ({ ...status }),
    // Electron's status never changes.
    onStatusChange: () => () => undefined,
    ready: Promise.resolve(),
    dispose: () => undefined,
  };
}
