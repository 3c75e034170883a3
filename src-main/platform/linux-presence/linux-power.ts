import type { Clock } from '../../core/clock';
import type { PowerEvent, PowerPort } from '../../services/ports';
import { createElectronPower, type PowerMonitorSlice } from '../electron-power';
import type { IdleSource, IdleSourceKind } from './idle-sources';
import type { LockSource, LockSourceKind } from './lock-sources';

/** What Keel reads presence from on this desktop, for `keel doctor` and Settings. */
export interface PresenceStatus {
  idleSource: IdleSourceKind | 'none';
  /** The idle source reports by itself (Mutter's watches); otherwise it is asked each quarter hour. */
  idleWatches: boolean;
  /** Whether the idle time is believed; when not, presence comes from lock and suspend times. */
  trusted: boolean;
  /** One sentence, when the idle time is not used. */
  why?: string;
  /** 'electron': macOS and Windows, where Electron reports the lock. */
  lockSource: LockSourceKind | 'electron' | 'none';
}

/** A lock must last this long before what the idle time said during it counts as evidence. */
export const LOCK_EVIDENCE_MS = 2 * 60_000;

export interface LinuxPower {
  power: PowerPort & {
    refreshIdle(): Promise<void>;
    onAwayChange(listener: (away: boolean) => void): () => void;
  };
  status(): PresenceStatus;
  /** Each change of the status (a source found or lost, the trust verdict flipping). */
  onStatusChange(listener: (status: PresenceStatus) => void): () => void;
  useIdle(source: IdleSource | undefined, why?: string): void;
  useLock(source: LockSource | undefined): void;
  dispose(): void;
}

/**
 * What the idle time said during a lock: readings from LOCK_EVIDENCE_MS after the lock began. At
 * the unlock, any reading above 0 makes the source trusted; readings all 0 make it untrusted.
 */
function evidenceOver(clock: Clock) {
  let lockedAt: number | undefined;
  let evidence: 'none' | 'zero' | 'positive' = 'none';
  return {
    start() {
      lockedAt = clock.now();
      evidence = 'none';
    },
    reading(seconds: number) {
      if (lockedAt === undefined || clock.now() - lockedAt < LOCK_EVIDENCE_MS) return;
      if (seconds > 0) evidence = 'positive';
      else if (evidence === 'none') evidence = 'zero';
    },
    end(): Pick<PresenceStatus, 'trusted' | 'why'> | undefined {
      const minutes = Math.round((clock.now() - (lockedAt ?? clock.now())) / 60_000);
      const seen = evidence;
      lockedAt = undefined;
      evidence = 'none';
      if (seen === 'none') return undefined;
      if (seen === 'positive') return { trusted: true, why: undefined };
      return {
        trusted: false,
        why: `The idle time stayed at 0 while the screen was locked for ${minutes} minutes, so Keel goes by lock and sleep times instead.`,
      };
    },
  };
}

/** A set of listeners: `on` adds one (and returns its removal), `emit` tells them all. */
function broadcast<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    on(listener: (value: T) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit: (value: T) => listeners.forEach((l) => l(value)),
    clear: () => listeners.clear(),
  };
}

const STATUS_KEYS = ['idleSource', 'idleWatches', 'trusted', 'why', 'lockSource'] as const;

/**
 * The status, told on each change; and away as a trusted watch source tells it (true while the
 * source will say when the user is back), told on each change too.
 */
function statusKeeper(idle: () => IdleSource | undefined) {
  let status: PresenceStatus = { idleSource: 'none', idleWatches: false, trusted: false, lockSource: 'none' };
  const statusChanges = broadcast<PresenceStatus>();
  const awayChanges = broadcast<boolean>();
  let watchedAway = false;
  const recheckAway = () => {
    const now = Boolean(status.trusted && idle()?.away?.());
    if (now !== watchedAway) awayChanges.emit((watchedAway = now));
  };
  return {
    status: () => ({ ...status }),
    set(next: PresenceStatus) {
      const before = status;
      status = next;
      if (STATUS_KEYS.some((key) => before[key] !== next[key])) statusChanges.emit({ ...next });
      recheckAway();
    },
    recheckAway,
    onStatusChange: statusChanges.on,
    /** A listener hears at once if the user is away already. */
    onAwayChange(listener: (away: boolean) => void) {
      if (watchedAway) listener(true);
      return awayChanges.on(listener);
    },
    clear() {
      statusChanges.clear();
      awayChanges.clear();
    },
  };
}

/**
 * The power port on Linux: suspend and resume from Electron, the lock from `useLock`'s source, the
 * idle time from `useIdle`'s. An idle time that stayed 0 through a lock of LOCK_EVIDENCE_MS or
 * more cannot be believed: then, and without an idle source, the user counts as present while the
 * screen is unlocked and awake, and away since the lock or suspend otherwise.
 */
export function createLinuxPower(pm: PowerMonitorSlice, clock: Clock): LinuxPower {
  const electron = createElectronPower(pm);
  const lockListeners = { 'lock-screen': new Set<() => void>(), 'unlock-screen': new Set<() => void>() };
  let idle: IdleSource | undefined;
  let lock: LockSource | undefined;
  let awaySince: number | undefined;
  const lockEvidence = evidenceOver(clock);
  const keeper = statusKeeper(() => idle);
  const setStatus = (change: Partial<PresenceStatus>) => keeper.set({ ...keeper.status(), ...change });

  const refreshIdle = async () => {
    // Bounded by the connection's call limit (PRESENCE_CALL_TIMEOUT_MS).
    if (idle) await idle.refresh().catch(() => undefined);
  };
  const lockChanged = (locked: boolean) => {
    if (locked) {
      lockEvidence.start();
      awaySince ??= clock.now();
    } else {
      const verdict = idle ? lockEvidence.end() : undefined;
      if (verdict) setStatus(verdict);
      awaySince = undefined;
    }
    const event = locked ? 'lock-screen' : 'unlock-screen';
    // Fresh idle time first: the app samples presence when it hears of the lock.
    void refreshIdle().then(() => lockListeners[event].forEach((l) => l()));
  };
  const stops = [
    electron.on('suspend', () => (awaySince ??= clock.now())),
    electron.on('resume', () => void (lock?.locked() || (awaySince = undefined))),
  ];

  return {
    power: {
      on(event: PowerEvent, listener: () => void) {
        if (event === 'suspend' || event === 'resume') return electron.on(event, listener);
        const wrapped = () => listener();
        lockListeners[event].add(wrapped);
        return () => void lockListeners[event].delete(wrapped);
      },
      idleSeconds() {
        if (idle && keeper.status().trusted) return idle.current();
        return awaySince === undefined ? 0 : Math.max(0, clock.now() - awaySince) / 1000;
      },
      refreshIdle,
      onAwayChange: keeper.onAwayChange,
    },
    status: keeper.status,
    onStatusChange: keeper.onStatusChange,
    useIdle(source, why) {
      idle?.dispose();
      idle = source;
      source?.onReading(lockEvidence.reading);
      source?.onAwayChange?.(() => {
        if (idle === source) keeper.recheckAway();
      });
      setStatus(
        source
          ? { idleSource: source.kind, idleWatches: source.watches, trusted: true, why: undefined }
          : { idleSource: 'none', idleWatches: false, trusted: false, why },
      );
    },
    useLock(source) {
      lock?.dispose();
      lock = source;
      setStatus({ lockSource: source?.kind ?? 'none' });
      if (!source) return;
      if (source.locked()) lockChanged(true);
      source.onChange(lockChanged);
    },
    dispose() {
      stops.forEach((stop) => stop());
      idle?.dispose();
      lock?.dispose();
      keeper.clear();
    },
  };
}
