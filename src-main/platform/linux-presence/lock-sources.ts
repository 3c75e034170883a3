import { LOGIN1, PROPERTIES, SCREENSAVER } from './interfaces';
import type { PresenceBus } from './presence-bus';

export type LockSourceKind = 'logind' | 'screensaver';

/** Where the screen's lock state comes from. `onChange` hears transitions only. */
export interface LockSource {
  kind: LockSourceKind;
  locked(): boolean;
  onChange(listener: (locked: boolean) => void): void;
  dispose(): void;
}

function lockState(kind: LockSourceKind, initial: boolean) {
  let locked = initial;
  const listeners: ((locked: boolean) => void)[] = [];
  const stops: (() => void)[] = [];
  const set = (next: boolean) => {
    if (next === locked) return;
    locked = next;
    listeners.forEach((l) => l(next));
  };
  const source: LockSource = {
    kind,
    locked: () => locked,
    onChange: (listener) => void listeners.push(listener),
    dispose: () => stops.splice(0).forEach((stop) => stop()),
  };
  return { set, stops, source };
}

/** A PropertiesChanged body: which of the session's properties changed, as [name, variant] pairs. */
function changedLockedHint(iface: unknown, changed: unknown): boolean | undefined {
  if (iface !== LOGIN1.session || !Array.isArray(changed)) return undefined;
  for (const entry of changed) {
    if (!Array.isArray(entry) || entry[0] !== 'LockedHint') continue;
    const variant: unknown = entry[1];
    if (Array.isArray(variant) && Array.isArray(variant[1])) return variant[1][0] === true;
  }
  return undefined;
}

/**
 * logind's session object: LockedHint (set by the desktop's locker) and the Lock/Unlock signals
 * (logind asking the locker; `loginctl lock-session`). `bus` is the system bus in Keel; the session
 * is found from /org/freedesktop/login1/session/auto (see interfaces.ts), not by Keel's process id,
 * which a launcher started from a user service would not have in the session.
 */
export async function startLogindLock(bus: PresenceBus): Promise<LockSource> {
  const id = await bus.getProperty(LOGIN1.name, LOGIN1.autoSessionPath, LOGIN1.session, 'Id');
  const [sessionPath] = await bus.call({
    destination: LOGIN1.name,
    path: LOGIN1.managerPath,
    interface: LOGIN1.manager,
    member: 'GetSession',
    signature: 's',
    body: [String(id)],
  });
  const path = String(sessionPath);
  const hint = await bus.getProperty(LOGIN1.name, path, LOGIN1.session, 'LockedHint');
  const { set, stops, source } = lockState('logind', hint === true);
  const rule = { sender: LOGIN1.name, path, interface: LOGIN1.session };
  try {
    stops.push(await bus.onSignal({ ...rule, member: 'Lock' }, () => set(true)));
    stops.push(await bus.onSignal({ ...rule, member: 'Unlock' }, () => set(false)));
    stops.push(
      await bus.onSignal(
        { ...rule, interface: PROPERTIES, member: 'PropertiesChanged' },
        (iface, changed) => {
          const locked = changedLockedHint(iface, changed);
          if (locked !== undefined) set(locked);
        },
      ),
    );
  } catch (error) {
    source.dispose();
    throw error;
  }
  return source;
}

/** The freedesktop screensaver's ActiveChanged: active is taken as locked (it is, by default). */
export async function startScreenSaverLock(bus: PresenceBus): Promise<LockSource> {
  const target = { destination: SCREENSAVER.name, path: SCREENSAVER.path, interface: SCREENSAVER.iface };
  const [active] = await bus.call({ ...target, member: 'GetActive' });
  const { set, stops, source } = lockState('screensaver', active === true);
  stops.push(
    await bus.onSignal(
      {
        sender: SCREENSAVER.name,
        path: SCREENSAVER.path,
        interface: SCREENSAVER.iface,
        member: 'ActiveChanged',
      },
      (value) => set(value === true),
    ),
  );
  return source;
}
