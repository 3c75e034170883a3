/**
 * Probes that ask the session bus what the desktop offers: idle time, the screen lock, the
 * notification server, the tray host and the global-shortcuts portal. Each reads only: a name's
 * owner, a property, a capability list.
 */
import type { SessionBus } from '../dbus/session-bus';
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

const isUnixDesktop = (platform: NodeJS.Platform): boolean => platform !== 'darwin' && platform !== 'win32';
const systemName = (platform: NodeJS.Platform): string => (platform === 'darwin' ? 'macOS' : 'Windows');

const NO_BUS = 'Keel cannot reach the session bus (DBUS_SESSION_BUS_ADDRESS is not set or answers nothing)';
const NO_BUS_ACTION = 'Run Keel from your desktop session, not from a bare terminal or over ssh.';

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
    if (!bus) return notAvailable(`${NO_BUS}.`, NO_BUS_ACTION);
    return linux(bus, context);
  };
}

const MUTTER = 'org.gnome.Mutter.IdleMonitor';
const SCREENSAVER = 'org.freedesktop.ScreenSaver';

export const idleProbe: Probe = {
  id: 'idle',
  label: 'Idle time',
  run: onUnixBus(
    (system) => works(`${system} reports it to Electron.`),
    async (bus, context) => {
      if (await nameHasOwner(bus, MUTTER)) {
        const [ms] = await bus.call({
          destination: MUTTER,
          path: '/org/gnome/Mutter/IdleMonitor/Core',
          interface: MUTTER,
          member: 'GetIdletime',
        });
        const seconds = Math.floor(Number(ms) / 1000);
        return works(`GNOME's idle monitor (${MUTTER}); idle for ${seconds} s now.`);
      }
      if (await nameHasOwner(bus, SCREENSAVER)) {
        return works(`The desktop's screensaver service (${SCREENSAVER}, GetSessionIdleTime).`);
      }
      if (sessionType(context.env) === 'x11') return works('X11 reports it to Electron.');
      return notAvailable(
        'This desktop offers no idle time Keel can read, so it counts only the time the screen is locked or asleep.',
        'Lock the screen when you step away, so Keel knows you are not there.',
      );
    },
  ),
};

export const lockProbe: Probe = {
  id: 'lock',
  label: 'Screen lock',
  run: onUnixBus(
    (system) => works(`${system} reports locking and unlocking to Electron.`),
    async (bus) => {
      if (await nameHasOwner(bus, 'org.gnome.ScreenSaver')) {
        return works("GNOME's screen shield (org.gnome.ScreenSaver, ActiveChanged).");
      }
      if (await nameHasOwner(bus, SCREENSAVER)) {
        return works(`The desktop's screensaver service (${SCREENSAVER}, ActiveChanged).`);
      }
      return notAvailable(
        'This desktop does not tell Keel when the screen locks.',
        'Keel goes by sleep and wake instead; nothing to do unless you leave the computer awake and locked.',
      );
    },
  ),
};

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
