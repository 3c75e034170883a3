/**
 * Inside the running app, the idle-time and screen-lock lines say what Keel's presence actually
 * uses (platform/linux-presence's status: the source, its watches, and whether the idle time is
 * believed), rather than what the bus offers. `keel doctor`, a separate process, keeps the bus
 * probes (bus-probes.ts): it has no presence of its own to ask.
 */
import type { PresenceStatus } from '../linux-presence/linux-power';
import { limited, notAvailable, works, type Finding, type Probe } from './probe';

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

function idleFinding(status: PresenceStatus): Finding {
  if (status.idleSource === 'none') {
    return notAvailable(
      status.why ??
        'This desktop offers no idle time Keel can read, so it goes by lock and sleep times instead.',
      'Lock the screen when you step away, so Keel knows you are not there.',
    );
  }
  const source = capital(IDLE_SOURCES[status.idleSource]);
  if (!status.trusted) {
    return limited(
      `${source}: ${status.why ?? 'its idle time cannot be believed, so Keel goes by lock and sleep times instead.'}`,
      'Lock the screen when you step away, so Keel knows you are not there.',
    );
  }
  const how = status.idleWatches ? 'it tells Keel when you go idle and come back' : 'read every quarter hour';
  return works(`${source}; ${how}.`);
}

function lockFinding(status: PresenceStatus): Finding {
  if (status.lockSource === 'none') {
    return notAvailable(
      'This desktop does not tell Keel when the screen locks, so “hide my words: when locked” hides them always.',
      'Keel goes by sleep and wake instead; nothing to do unless you leave the computer awake and locked.',
    );
  }
  return works(`${capital(LOCK_SOURCES[status.lockSource])}.`);
}

/** The idle and lock probes for a running app, answered from its presence's status. */
export function presenceProbes(status: () => PresenceStatus): { idle: Probe; lock: Probe } {
  return {
    idle: { id: 'idle', label: 'Idle time', run: async () => idleFinding(status()) },
    lock: { id: 'lock', label: 'Screen lock', run: async () => lockFinding(status()) },
  };
}
