/** Probes that need no bus: the session, the desktop, do-not-disturb, and the data folder. */
import fs from 'node:fs';
import { OWNER_ONLY_UMASK } from '../../shared/owner-only';
import { detectDndController } from '../dnd/detect';
import { DbusNotificationsBus } from '../dnd/notifications-bus';
import { desktopNames, limited, notAvailable, sessionType, works, type Probe } from './probe';

const SYSTEMS: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macOS', win32: 'Windows' };

export const sessionProbe: Probe = {
  id: 'session',
  label: 'Session',
  async run({ platform, env }) {
    const system = SYSTEMS[platform];
    if (system) return works(system);
    const type = sessionType(env);
    if (type === 'wayland') return works('Wayland');
    if (type === 'x11') return works('X11');
    return limited(
      `The session does not say whether it is X11 or Wayland (XDG_SESSION_TYPE is ${type ? `"${type}"` : 'not set'}).`,
      'Run Keel from your desktop session, not from a bare terminal or over ssh.',
    );
  },
};

export const desktopProbe: Probe = {
  id: 'desktop',
  label: 'Desktop',
  async run({ platform, env }) {
    const system = SYSTEMS[platform];
    if (system) return works(system);
    const names = desktopNames(env);
    if (names.length > 0) return works((env.XDG_CURRENT_DESKTOP ?? '').trim());
    return limited(
      'The desktop does not say which it is (XDG_CURRENT_DESKTOP is not set), so Keel uses only what every desktop offers.',
    );
  },
};

export const dndProbe: Probe = {
  id: 'dnd',
  label: 'Do not disturb',
  async run(context) {
    // A connection of its own: the adapter closes its connection when the server fails it.
    const notifications = new DbusNotificationsBus({
      connect: () => {
        const bus = context.openBus();
        if (!bus) throw new Error('No session bus.');
        return bus;
      },
      timeoutMs: 2_000,
    });
    const controller = await detectDndController({
      platform: context.platform,
      env: context.env,
      runner: context.runner,
      bus: notifications,
      settings: () => ({ enabled: false }),
    });
    const how = controller.id === 'macos-shortcuts' ? ' through the Shortcuts you name in Settings' : '';
    if (controller.capability === 'control') {
      return works(`${controller.desktop}: Keel can turn it on during focus blocks${how}.`);
    }
    if (controller.capability === 'read-only') {
      return limited(
        `${controller.desktop}: Keel can see it but not change it.`,
        controller.help ?? undefined,
      );
    }
    return notAvailable(
      `${controller.desktop}: Keel cannot change it.`,
      controller.help ?? 'Turn it on yourself during focus blocks.',
    );
  },
};

const octal = (mode: number): string => `0${(mode & 0o777).toString(8)}`;

export const dataFolderProbe: Probe = {
  id: 'data',
  label: 'Data folder',
  async run({ platform, dataDir }) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dataDir);
    } catch {
      return works(`${dataDir} (not made yet; Keel makes it yours alone when it first saves).`);
    }
    if (!stat.isDirectory()) {
      return notAvailable(
        `${dataDir} is not a folder.`,
        'Move that file away, or set KEEL_DATA_DIR to another folder.',
      );
    }
    if (platform === 'win32') return works(`${dataDir} (private to your Windows account).`);
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) {
      return notAvailable(
        `${dataDir} belongs to another user.`,
        'Give the folder back to your account (chown), or set KEEL_DATA_DIR to a folder of yours.',
      );
    }
    if ((stat.mode & OWNER_ONLY_UMASK) !== 0) {
      return limited(
        `${dataDir} (${octal(stat.mode)}): others on this computer can look into it.`,
        'Start Keel or run any keel command: it makes the folder yours alone again.',
      );
    }
    return works(`${dataDir} (${octal(stat.mode)}, yours alone).`);
  },
};
