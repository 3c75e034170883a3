/**
 * Probes that ask the session bus what the desktop offers: the notification server and the tray
 * host (presence-probes.ts has idle time and the lock; shortcut.ts the global-shortcuts portal).
 * Each reads only: a name's owner, a property, a capability list.
 */
import { busSockets, reachesAbstractSockets, type SessionBus } from '../dbus/session-bus';
import { capabilitiesOf } from '../notify/freedesktop-notifier';
import {
  isGnome,
  limited,
  notAvailable,
  sessionType,
  works,
  type Finding,
  type Probe,
  type ProbeContext,
} from './probe';

export const isUnixDesktop = (platform: NodeJS.Platform): boolean =>
  platform !== 'darwin' && platform !== 'win32';
export const systemName = (platform: NodeJS.Platform): string =>
  platform === 'darwin' ? 'macOS' : 'Windows';

const NO_BUS_ACTION = 'Run Keel from your desktop session, not from a bare terminal or over ssh.';

/**
 * Why Keel has no session bus, in one sentence, and what to do. `runtime` is the Node it runs on
 * (process.versions): whether it reaches abstract sockets depends on it.
 */
export function noSessionBus(
  env: ProbeContext['env'],
  runtime: { node: string; uv: string } = process.versions,
): Finding {
  const address = env.DBUS_SESSION_BUS_ADDRESS?.trim();
  if (!address) {
    return notAvailable(
      'Keel cannot reach the session bus, because DBUS_SESSION_BUS_ADDRESS is not set.',
      NO_BUS_ACTION,
    );
  }
  const sockets = busSockets(address);
  if (sockets.length === 0) {
    return notAvailable(
      'Keel cannot use the session bus address in DBUS_SESSION_BUS_ADDRESS, because Keel connects only to unix:path= and unix:abstract= addresses.',
      NO_BUS_ACTION,
    );
  }
  if (sockets.every((s) => s.kind === 'abstract') && !reachesAbstractSockets(runtime.uv)) {
    return notAvailable(
      `DBUS_SESSION_BUS_ADDRESS names only abstract sockets (unix:abstract=), which Keel reaches on Node 22 or later but not on Node ${runtime.node}, which this keel runs on.`,
      "Run the keel command that comes with the installed app (it runs on the app's own, newer Node), or set DBUS_SESSION_BUS_ADDRESS to the bus's socket file, such as unix:path=$XDG_RUNTIME_DIR/bus.",
    );
  }
  return notAvailable(
    'Keel cannot reach the session bus: nothing answers at DBUS_SESSION_BUS_ADDRESS.',
    NO_BUS_ACTION,
  );
}

/** Whether someone on the bus owns `name` (false when the daemon cannot say). */
export async function nameHasOwner(bus: SessionBus, name: string): Promise<boolean> {
  const [owned] = await bus.call({
    destination: 'org.freedesktop.DBus',
    path: '/org/freedesktop/DBus',
    interface: 'org.freedesktop.DBus',
    member: 'NameHasOwner',
    signature: 's',
    body: [name],
  });
  return owned === true;
}

/** Runs `linux` with the bus on Linux and the BSDs; elsewhere Electron's own answer. */
function onUnixBus(
  elsewhere: (system: string) => Finding,
  linux: (bus: SessionBus, context: ProbeContext) => Promise<Finding>,
): Probe['run'] {
  return async (context) => {
    if (!isUnixDesktop(context.platform)) return elsewhere(systemName(context.platform));
    const bus = await context.bus();
    if (!bus) return noSessionBus(context.env);
    return linux(bus, context);
  };
}

const NOTIFICATIONS = 'org.freedesktop.Notifications';

export const notificationsProbe: Probe = {
  id: 'notifications',
  label: 'Notifications',
  run: onUnixBus(
    (system) => works(`${system} shows Keel's notifications.`),
    async (bus) => {
      const call = (member: string) =>
        bus.call({
          destination: NOTIFICATIONS,
          path: '/org/freedesktop/Notifications',
          interface: NOTIFICATIONS,
          member,
        });
      if (!(await nameHasOwner(bus, NOTIFICATIONS))) {
        return notAvailable(
          'No notification server runs on this desktop, so Keel cannot show notifications.',
          'Start your desktop’s notification service (or install one such as dunst).',
        );
      }
      const [name, vendor, version] = (await call('GetServerInformation')).map((v) => String(v ?? ''));
      const server = `${name || 'The notification server'}${version ? ` ${version}` : ''}${vendor ? ` (${vendor})` : ''}`;
      const [capabilities] = await call('GetCapabilities');
      if (capabilitiesOf(capabilities).actions) {
        return works(`${server} shows notifications with buttons.`);
      }
      return limited(
        `${server} shows notifications without buttons.`,
        'Answer Keel’s prompts in its window instead (a click on the notification may not reach Keel).',
      );
    },
  ),
};

const WATCHER = 'org.kde.StatusNotifierWatcher';

/** Where to get a tray host; GNOME has none of its own. */
export function trayAction(env: ProbeContext['env']): string {
  return isGnome(env)
    ? 'Install the GNOME extension “AppIndicator and KStatusNotifierItem Support” (Ubuntu: gnome-shell-extension-appindicator), then log out and back in; until then, use Keel from its window (open Keel again from your apps to bring it back; Quit Keel is at the foot of its sidebar).'
    : 'Add a system tray (status notifier) to your panel; until then, use Keel from its window (open Keel again from your apps to bring it back; Quit Keel is at the foot of its sidebar).';
}

/**
 * The StatusNotifierItem spec's watcher and its IsStatusNotifierHostRegistered property
 * (https://specifications.freedesktop.org/status-notifier-item/latest/status-notifier-watcher.html);
 * Electron registers its tray icon with the watcher under the org.kde name, as KDE and the GNOME
 * extension serve it.
 */
export const trayProbe: Probe = {
  id: 'tray',
  label: 'Tray',
  run: onUnixBus(
    (system) =>
      works(`${system} shows Keel's icon in the ${system === 'macOS' ? 'menu bar' : 'notification area'}.`),
    async (bus, context) => {
      const owned = await nameHasOwner(bus, WATCHER);
      const host =
        owned &&
        (await bus.getProperty(WATCHER, '/StatusNotifierWatcher', WATCHER, 'IsStatusNotifierHostRegistered'));
      if (host === true) return works(`A tray host is registered with ${WATCHER}.`);
      if (sessionType(context.env) === 'x11') {
        return limited(
          'No status-notifier tray host is registered; Keel’s icon shows only if the panel has an old-style (XEmbed) tray.',
          trayAction(context.env),
        );
      }
      return notAvailable(
        owned
          ? `${WATCHER} runs but no tray host is registered with it, so Keel’s icon shows nowhere.`
          : 'No tray host runs on this desktop, so Keel’s icon shows nowhere.',
        trayAction(context.env),
      );
    },
  ),
};
