/**
 * The global focus shortcut on Linux: on Wayland it reaches Keel only through the desktop's
 * GlobalShortcuts portal (Electron's GlobalShortcutsPortal feature, turned on in electron/main.ts);
 * where that is missing, the desktop's own custom shortcut can run `keel focus start`.
 */
import type { SessionBus } from '../dbus/session-bus';
import { KEEL_SHORTCUT_NAME } from '../gnome-shortcut';
import { noSessionBus } from './bus-probes';
import { isWaylandSession } from '../desktop-session';
import { isGnome, isKde, notAvailable, works, type Probe, type ProbeContext } from './probe';

const PORTAL = 'org.freedesktop.portal.Desktop';
const GLOBAL_SHORTCUTS = 'org.freedesktop.portal.GlobalShortcuts';

/** Whether Electron should use the portal for global shortcuts (a Wayland session on Linux). */
export function wantsShortcutsPortal(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return platform === 'linux' && isWaylandSession(env);
}

/**
 * Whether the desktop's portal offers GlobalShortcuts: its `version` property (u, 1 or more) on
 * org.freedesktop.portal.Desktop at /org/freedesktop/portal/desktop, as xdg-desktop-portal's
 * data/org.freedesktop.portal.GlobalShortcuts.xml and API reference define it. The portal exports
 * the interface only where a backend for it is configured, so a missing one fails the read.
 */
export async function hasShortcutsPortal(bus: SessionBus): Promise<boolean> {
  // No NameHasOwner first: xdg-desktop-portal starts on demand, and this read starts it (the bus
  // activates a service a call names) where nothing has yet; with no portal it fails at once.
  try {
    const version = await bus.getProperty(
      PORTAL,
      '/org/freedesktop/portal/desktop',
      GLOBAL_SHORTCUTS,
      'version',
    );
    return typeof version === 'number' && version >= 1;
  } catch {
    return false;
  }
}

/** The command the desktop's own shortcut runs. */
export const FOCUS_COMMAND = 'keel focus start';

/**
 * The exact steps to bind `command` (by default `keel focus start` on PATH) to Ctrl+Alt+F in this
 * desktop's own keyboard settings: `keel doctor`, the one-time notice and Settings' offer (with the
 * install's own command, shortcut-offer.ts) all say these.
 */
export function shortcutSteps(env: ProbeContext['env'], command: string = FOCUS_COMMAND): string {
  if (isGnome(env)) {
    return `Open Settings → Keyboard → View and Customize Shortcuts → Custom Shortcuts → Add Shortcut; name it "${KEEL_SHORTCUT_NAME}", set the command to ${command} and the shortcut to Ctrl+Alt+F.`;
  }
  if (isKde(env)) {
    return `Open System Settings → Keyboard → Shortcuts → Add New → Command or Script…; enter ${command} as the command, then set its shortcut to Ctrl+Alt+F.`;
  }
  return `In your desktop's keyboard settings, add a custom shortcut that runs ${command} and set it to Ctrl+Alt+F.`;
}

export const shortcutProbe: Probe = {
  id: 'shortcut',
  label: 'Focus shortcut',
  async run(context) {
    if (!wantsShortcutsPortal(context.platform, context.env)) {
      const system =
        context.platform === 'darwin' ? 'macOS' : context.platform === 'win32' ? 'Windows' : 'X11';
      return works(`${system} gives Keel the shortcut (unless another app took Ctrl+Alt+F first).`);
    }
    const bus = await context.bus();
    if (!bus) return noSessionBus(context.env);
    if (await hasShortcutsPortal(bus)) {
      return works(
        "Through the desktop's GlobalShortcuts portal; the desktop asks you once to confirm Ctrl+Alt+F.",
      );
    }
    return notAvailable(
      'This Wayland desktop offers no global-shortcuts portal, so Ctrl+Alt+F does not reach Keel.',
      shortcutSteps(context.env),
    );
  },
};
