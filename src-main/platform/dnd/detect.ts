import { desktopNames, isGnome, isKde } from '../desktop-session';
import type { CommandRunner } from './command-runner';
import { UnsupportedDndController, type DndController, type DndSettings } from '../../services/ports';
import { FreedesktopDndController } from './freedesktop-dnd';
import {
  canReadGnomeBanners,
  canWriteGnomeBanners,
  GNOME_LOCKED_HELP,
  GNOME_UNAVAILABLE_HELP,
  GnomeDndController,
} from './gnome-dnd';
import { MacosShortcutsDndController } from './macos-dnd';
import type { NotificationsBus } from './notifications-bus';

export const WINDOWS_HELP =
  'Windows does not let apps turn on Focus assist / Do not disturb; turn it on from the notification center, or set it to turn on automatically during your focus hours.';

export const LINUX_UNSUPPORTED_HELP =
  "Keel cannot turn on do-not-disturb on this desktop; turn it on from your desktop's notification settings during focus blocks.";

export const OTHER_UNSUPPORTED_HELP =
  "Keel cannot turn on do-not-disturb on this system; turn it on from the system's notification settings during focus blocks.";

export interface DetectDndOptions {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  runner: CommandRunner;
  bus: NotificationsBus;
  /** Read live: the macOS Shortcut names can change while Keel runs. */
  settings: () => DndSettings;
}

const UNIX_DESKTOP_PLATFORMS: readonly NodeJS.Platform[] = ['linux', 'freebsd', 'openbsd', 'netbsd'];

/** Picks the do-not-disturb adapter for this desktop, probing what it offers. Never throws. */
export async function detectDndController(options: DetectDndOptions): Promise<DndController> {
  const { platform, env, runner, bus } = options;
  if (platform === 'darwin') return new MacosShortcutsDndController(runner, options.settings);
  if (platform === 'win32') return new UnsupportedDndController('Windows', WINDOWS_HELP);
  if (!UNIX_DESKTOP_PLATFORMS.includes(platform)) {
    return new UnsupportedDndController(platform, OTHER_UNSUPPORTED_HELP);
  }

  // XDG_CURRENT_DESKTOP is a colon-separated list, e.g. "ubuntu:GNOME" or "Budgie:GNOME".
  const desktops = desktopNames(env);
  const has = (name: string) => desktops.includes(name);
  const label = env.XDG_CURRENT_DESKTOP?.split(':').pop()?.trim() || 'this Linux desktop';

  if (isGnome(env)) {
    const desktop = has('UNITY') ? 'Unity' : has('BUDGIE') ? 'Budgie' : 'GNOME';
    if (!(await canReadGnomeBanners(runner))) {
      return new UnsupportedDndController(desktop, GNOME_UNAVAILABLE_HELP, 'gnome-unavailable');
    }
    if (!(await canWriteGnomeBanners(runner))) {
      return new GnomeDndController(runner, { desktop, readOnly: true, help: GNOME_LOCKED_HELP });
    }
    return new GnomeDndController(runner, { desktop });
  }
  // Plasma 5 and later implement inhibitions; probing could fail only because Keel started
  // before plasmashell, and a failed turn-on is reported per block anyway.
  if (isKde(env)) return new FreedesktopDndController(bus, 'KDE Plasma');

  if (await bus.hasInhibit()) return new FreedesktopDndController(bus, label);
  if (await canReadGnomeBanners(runner))
    return new GnomeDndController(runner, { desktop: label, readOnly: true });
  return new UnsupportedDndController(label, LINUX_UNSUPPORTED_HELP);
}
