/**
 * The idle-time and screen-lock lines. Inside the running app they say what Keel's presence
 * actually uses (platform/linux-presence's status: the source, its watches, and whether the idle
 * time is believed). `keel doctor`, a separate process, has no presence to ask: it tries the same
 * sources in the same order on the same buses (linux-presence/sources.ts), so it names the source
 * the app would use, reads it once and lets it go.
 */
import { systemClock } from '../../core/clock';
import type { PresenceStatus } from '../linux-presence/linux-power';
import { firstOf, idleSourceOrder, lockSourceOrder, type PresenceBuses } from '../linux-presence/sources';
import { isUnixDesktop, noSessionBus, systemName } from './bus-probes';
import { limited, notAvailable, works, type Finding, type Probe, type ProbeContext } from './probe';

const IDLE_SOURCES: Record<Exclude<PresenceStatus['idleSource'], 'none'>, string> = {
  mutter: "GNOME's idle monitor (org.gnome.Mutter.IdleMonitor)",
  screensaver: "the desktop's screensaver service (org.freedesktop.ScreenSaver, GetSessionIdleTime)",
  electron: 'the system, through Electron',
};
const LOCK_SOURCES: Record<Exclude<PresenceStatus['lockSource'], 'none'>, string> = {
  logind: 'the login manager (logind: LockedHint, Lock and Unlock)',
  screensaver: "the desktop's screensaver service (ActiveChanged)",
  electron: 'the system, through Electron',
};

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const NO_IDLE = 'This desktop offers no idle time Keel can read, so it goes by lock and sleep times instead.';
const NO_IDLE_ACTION = 'Lock the screen when you step away, so Keel knows you are not there.';
const NO_LOCK =
  'This desktop does not tell Keel when the screen locks, so “hide my words: when locked” hides them always.';
const NO_LOCK_ACTION =
  'Keel goes by sleep and wake instead; nothing to do unless you leave the computer awake and locked.';

function idleFinding(status: PresenceStatus): Finding {
  if (status.idleSource === 'none') return notAvailable(status.why ?? NO_IDLE, NO_IDLE_ACTION);
  const source = capital(IDLE_SOURCES[status.idleSource]);
  if (!status.trusted) {
    return limited(
      `${source}: ${status.why ?? 'its idle time cannot be believed, so Keel goes by lock and sleep times instead.'}`,
      NO_IDLE_ACTION,
    );
  }
  const how = status.idleWatches ? 'it tells Keel when you go idle and come back' : 'read every quarter hour';
  return works(`${source}; ${how}.`);
}

function lockFinding(status: PresenceStatus): Finding {
  if (status.lockSource === 'none') return notAvailable(NO_LOCK, NO_LOCK_ACTION);
  return works(`${capital(LOCK_SOURCES[status.lockSource])}.`);
}

/** The idle and lock probes for a running app, answered from its presence's status. */
export function presenceProbes(status: () => PresenceStatus): { idle: Probe; lock: Probe } {
  return {
    idle: { id: 'idle', label: 'Idle time', run: async () => idleFinding(status()) },
    lock: { id: 'lock', label: 'Screen lock', run: async () => lockFinding(status()) },
  };
}

/** The buses presence would read, as `keel doctor` reaches them (null ones left out). */
async function presenceBuses(context: ProbeContext): Promise<PresenceBuses> {
  const [session, system] = await Promise.all([context.bus(), context.systemBus()]);
  return { ...(session ? { session } : {}), ...(system ? { system } : {}) };
}

/** `keel doctor` runs without Electron: it names Electron's idle time on X11 but cannot read it. */
const NO_ELECTRON = { getSystemIdleTime: () => 0 };

/** `keel doctor`'s idle-time line: the source the app would take up, and its reading now. */
export const idleProbe: Probe = {
  id: 'idle',
  label: 'Idle time',
  async run(context) {
    if (!isUnixDesktop(context.platform))
      return works(`${systemName(context.platform)} reports it to Electron.`);
    const buses = await presenceBuses(context);
    const source = await firstOf(idleSourceOrder(context.env, buses, systemClock, NO_ELECTRON));
    if (!source) return buses.session ? notAvailable(NO_IDLE, NO_IDLE_ACTION) : noSessionBus(context.env);
    try {
      if (source.kind === 'electron') return works('X11 reports it to Keel through Electron.');
      const seconds = Math.floor(source.current());
      return works(`${capital(IDLE_SOURCES[source.kind])}; idle for ${seconds} s now.`);
    } finally {
      source.dispose();
    }
  },
};

/** `keel doctor`'s screen-lock line: the source the app would take up, and the state now. */
export const lockProbe: Probe = {
  id: 'lock',
  label: 'Screen lock',
  async run(context) {
    if (!isUnixDesktop(context.platform)) {
      return works(`${systemName(context.platform)} reports locking and unlocking to Electron.`);
    }
    const buses = await presenceBuses(context);
    const source = await firstOf(lockSourceOrder(buses));
    if (!source) return buses.session ? notAvailable(NO_LOCK, NO_LOCK_ACTION) : noSessionBus(context.env);
    try {
      const now = source.locked() ? 'locked' : 'not locked';
      return works(`${capital(LOCK_SOURCES[source.kind])}; the screen is ${now} now.`);
    } finally {
      source.dispose();
    }
  },
};
