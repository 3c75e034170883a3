/**
 * Which presence sources Keel tries on a Linux desktop, on which bus, and in what order. The app's
 * presence (compose.ts) and `keel doctor` (platform/doctor/presence-probes.ts) both take their
 * sources from here, so doctor names the very source the app would use.
 */
import type { Clock } from '../../core/clock';
import { isWaylandSession, prefersMutter } from '../desktop-session';
import type { PowerMonitorSlice } from '../electron-power';
import { electronIdle, startMutterIdle, startScreenSaverIdle, type IdleSource } from './idle-sources';
import { startLogindLock, startScreenSaverLock, type LockSource } from './lock-sources';
import type { PresenceBus } from './presence-bus';

type Env = Readonly<Record<string, string | undefined>>;

/** libdbus's default system bus, where logind lives. */
export const DEFAULT_SYSTEM_BUS = 'unix:path=/run/dbus/system_bus_socket';

/** The system bus's address: DBUS_SYSTEM_BUS_ADDRESS, else the default socket. */
export const systemBusAddress = (env: Env): string => env.DBUS_SYSTEM_BUS_ADDRESS ?? DEFAULT_SYSTEM_BUS;

/** The buses presence reads: the session bus (idle time, the screensaver) and the system bus (logind). */
export interface PresenceBuses {
  session?: PresenceBus;
  system?: PresenceBus;
}

/**
 * Idle time, in the order tried: GNOME's Mutter first on GNOME, the freedesktop screensaver first
 * elsewhere (both on the session bus); on X11, Electron's own last (`powerMonitor`'s reading).
 */
export function idleSourceOrder(
  env: Env,
  buses: PresenceBuses,
  clock: Clock,
  powerMonitor: Pick<PowerMonitorSlice, 'getSystemIdleTime'>,
): (() => Promise<IdleSource>)[] {
  const tries: (() => Promise<IdleSource>)[] = [];
  const { session } = buses;
  if (session) {
    const mutter = () => startMutterIdle(session, clock);
    const saver = () => startScreenSaverIdle(session, clock);
    tries.push(...(prefersMutter(env) ? [mutter, saver] : [saver, mutter]));
  }
  if (!isWaylandSession(env)) tries.push(() => Promise.resolve(electronIdle(powerMonitor)));
  return tries;
}

/** The lock, in the order tried: logind's session on the system bus, else the screensaver's ActiveChanged. */
export function lockSourceOrder(buses: PresenceBuses): (() => Promise<LockSource>)[] {
  const tries: (() => Promise<LockSource>)[] = [];
  const { session, system } = buses;
  if (system) tries.push(() => startLogindLock(system));
  if (session) tries.push(() => startScreenSaverLock(session));
  return tries;
}

/** The first of `tries` that starts, in order; undefined if none does. */
export async function firstOf<T>(tries: (() => Promise<T>)[]): Promise<T | undefined> {
  for (const attempt of tries) {
    try {
      return await attempt();
    } catch {
      // Not on this desktop (no such service, no answer in time): the next one.
    }
  }
  return undefined;
}
