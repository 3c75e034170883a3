import type { Clock } from '../../core/clock';
import type { PowerMonitorSlice } from '../electron-power';
import { MUTTER, SCREENSAVER } from './interfaces';
import type { PresenceBus } from './presence-bus';

export type IdleSourceKind = 'mutter' | 'screensaver' | 'electron';

/** Where the idle time comes from. `current()` answers at once, from what is known. */
export interface IdleSource {
  kind: IdleSourceKind;
  /** Whether the source tells of idleness by itself (Mutter's watches) rather than being asked. */
  watches: boolean;
  /** Seconds since the last input, as last known. */
  current(): number;
  /** Asks the desktop now; `current()` answers from the reply. */
  refresh(): Promise<void>;
  /** Each fresh reading, in seconds (a refresh's reply, a watch firing). */
  onReading(listener: (seconds: number) => void): void;
  /**
   * Watch sources: whether the user is away and the source will say when they are back (an
   * active watch is armed), and each change of that. Sources without watches have neither.
   */
  away?(): boolean;
  onAwayChange?(listener: (away: boolean) => void): void;
  dispose(): void;
}

/** How long without input before Mutter's idle watch fires (then an active watch waits). */
export const IDLE_WATCH_MS = 60_000;

const toNumber = (value: unknown): number => {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

/**
 * GNOME: the idle time from Mutter, kept current by two watches instead of sampling. The idle
 * watch fires when the user has been away IDLE_WATCH_MS (the last input was that long before);
 * then an active watch fires when they are back. While the user is there, a refresh (the
 * quarter-hour tick) reads the exact time; while away, the watches tell it all (`onAwayChange`). Resolves once the first reading and the watch are in; throws if Mutter
 * does not answer.
 */
export async function startMutterIdle(bus: PresenceBus, clock: Clock): Promise<IdleSource> {
  const target = { destination: MUTTER.name, path: MUTTER.path, interface: MUTTER.iface };
  const listeners: ((seconds: number) => void)[] = [];
  const awayListeners: ((away: boolean) => void)[] = [];
  let lastInputAt = clock.now();
  let away = false;
  let activeWatch: number | undefined;
  let idleWatch: number | undefined;
  let disposed = false;
  const read = (seconds: number) => listeners.forEach((l) => l(seconds));
  const tellAway = (value: boolean) => awayListeners.forEach((l) => l(value));
  const refresh = async () => {
    const idle = toNumber((await bus.call({ ...target, member: 'GetIdletime' }))[0]);
    [lastInputAt, away] = [clock.now() - idle, idle >= IDLE_WATCH_MS];
    read(idle / 1000);
  };
  const back = () => {
    [activeWatch, away, lastInputAt] = [undefined, false, clock.now()];
    read(0);
  };
  const cameBack = () => void (back(), tellAway(false));
  // Watches that fired before their id came back (the user was back at once).
  const firedEarly = new Set<number>();
  let adding = 0;
  /** Away is told only once the active watch is armed: Mutter will then say when they are back. */
  const addActiveWatch = async () => {
    adding++;
    const [reply] = await bus.call({ ...target, member: 'AddUserActiveWatch' }).finally(() => adding--);
    const id = toNumber(reply);
    if (firedEarly.delete(id)) return back();
    const wasArmed = activeWatch !== undefined;
    activeWatch = id;
    if (!wasArmed && !disposed) tellAway(true);
  };
  const stops = [
    await bus.onSignal(
      { sender: MUTTER.name, path: MUTTER.path, interface: MUTTER.iface, member: 'WatchFired' },
      (id) => {
        const fired = toNumber(id);
        if (fired === idleWatch) {
          // The last input was IDLE_WATCH_MS ago if the signal came on time; one reading makes it
          // exact (a signal late after a sleep would misplace it), then the watch for the return.
          away = true;
          lastInputAt = Math.max(lastInputAt, clock.now() - IDLE_WATCH_MS);
          refresh()
            .catch(() => read((clock.now() - lastInputAt) / 1000))
            .then(addActiveWatch)
            .catch(() => undefined);
        } else if (fired === activeWatch) cameBack();
        else if (adding > 0) firedEarly.add(fired);
      },
    ),
  ];
  const addIdleWatch = async () => void (idleWatch = toNumber((await bus.call(ADD_IDLE_WATCH))[0]));
  // The watches go with a Mutter that leaves (gnome-shell restarted, or gone): while away, nothing
  // would ever say the user is back, so they count as back and the tick resumes; a new Mutter gets
  // the idle watch again.
  const ownerChanged = (owner: string) => {
    idleWatch = undefined;
    if (activeWatch !== undefined && !disposed) cameBack();
    if (owner && !disposed) addIdleWatch().catch(() => undefined);
  };
  try {
    stops.push(await watchOwner(bus, ownerChanged));
    await refresh();
    await addIdleWatch();
    if (away) await addActiveWatch();
  } catch (error) {
    stops.forEach((stop) => stop());
    throw error;
  }
  return {
    kind: 'mutter',
    watches: true,
    // Without a fired idle watch the user was active within the watch's time.
    current: () => Math.min(Math.max(0, clock.now() - lastInputAt), away ? Infinity : IDLE_WATCH_MS) / 1000,
    refresh,
    onReading: (listener) => void listeners.push(listener),
    away: () => activeWatch !== undefined,
    onAwayChange: (listener) => void awayListeners.push(listener),
    dispose() {
      disposed = true;
      stops.forEach((stop) => stop());
      removeWatches(bus, [idleWatch, activeWatch]);
    },
  };
}

const ADD_IDLE_WATCH = {
  destination: MUTTER.name,
  path: MUTTER.path,
  interface: MUTTER.iface,
  member: 'AddIdleWatch',
  signature: 't',
  body: [IDLE_WATCH_MS],
};

function removeWatches(bus: PresenceBus, ids: (number | undefined)[]): void {
  const target = { destination: MUTTER.name, path: MUTTER.path, interface: MUTTER.iface };
  for (const id of ids) {
    if (id === undefined) continue;
    bus.call({ ...target, member: 'RemoveWatch', signature: 'u', body: [id] }).catch(() => undefined);
  }
}

/** Calls `changed` with the new owner's unique name ('' when none) each time Mutter's name moves. */
function watchOwner(bus: PresenceBus, changed: (owner: string) => void): Promise<() => void> {
  const daemon = 'org.freedesktop.DBus';
  return bus.onSignal(
    {
      sender: daemon,
      path: '/org/freedesktop/DBus',
      interface: daemon,
      member: 'NameOwnerChanged',
      arg0: MUTTER.name,
    },
    (name, _old, owner) => {
      if (name === MUTTER.name) changed(typeof owner === 'string' ? owner : '');
    },
  );
}

/**
 * KDE and others: the freedesktop screensaver's session idle time, in seconds. It has no watches:
 * the quarter-hour tick and the lock events refresh it, and between them the time since the last
 * reading is added (exact while there was no input since; an upper bound otherwise).
 */
export async function startScreenSaverIdle(bus: PresenceBus, clock: Clock): Promise<IdleSource> {
  const target = { destination: SCREENSAVER.name, path: SCREENSAVER.path, interface: SCREENSAVER.iface };
  const listeners: ((seconds: number) => void)[] = [];
  let lastInputAt = clock.now();
  const refresh = async () => {
    const [seconds] = await bus.call({ ...target, member: 'GetSessionIdleTime' });
    const idle = toNumber(seconds);
    lastInputAt = clock.now() - idle * 1000;
    listeners.forEach((l) => l(idle));
  };
  await refresh();
  return {
    kind: 'screensaver',
    watches: false,
    current: () => Math.max(0, clock.now() - lastInputAt) / 1000,
    refresh,
    onReading: (listener) => void listeners.push(listener),
    dispose: () => undefined,
  };
}

/** X11 without a desktop service: Electron's own idle time (which reads 0 on Wayland). */
export function electronIdle(pm: Pick<PowerMonitorSlice, 'getSystemIdleTime'>): IdleSource {
  const listeners: ((seconds: number) => void)[] = [];
  return {
    kind: 'electron',
    watches: false,
    current: () => pm.getSystemIdleTime(),
    refresh() {
      const seconds = pm.getSystemIdleTime();
      listeners.forEach((l) => l(seconds));
      return Promise.resolve();
    },
    onReading: (listener) => void listeners.push(listener),
    dispose: () => undefined,
  };
}
