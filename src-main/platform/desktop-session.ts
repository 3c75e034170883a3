/**
 * What kind of Linux session Keel runs in, from the environment the desktop sets: one spelling
 * for presence (linux-presence/sources.ts), `keel doctor`, the shortcut offer and main's portal
 * switch.
 */
type Env = Readonly<Record<string, string | undefined>>;

/** XDG_SESSION_TYPE, lower-cased ("wayland", "x11", or "" when unset). */
export function sessionType(env: Env): string {
  return (env.XDG_SESSION_TYPE ?? '').trim().toLowerCase();
}

/** A Wayland session (where Electron's own idle time reads 0 and shortcuts need the portal). */
export const isWaylandSession = (env: Env): boolean =>
  sessionType(env) === 'wayland' || Boolean(env.WAYLAND_DISPLAY);

/** XDG_CURRENT_DESKTOP as upper-case names ("ubuntu:GNOME" → UBUNTU, GNOME). */
export function desktopNames(env: Env): string[] {
  return (env.XDG_CURRENT_DESKTOP ?? '')
    .split(':')
    .map((d) => d.trim().toUpperCase())
    .filter(Boolean);
}

/** GNOME and the desktops built on its settings (GNOME Settings' custom shortcuts, gsettings). */
export const isGnome = (env: Env): boolean =>
  desktopNames(env).some((d) => ['GNOME', 'UNITY', 'BUDGIE', 'GNOME-CLASSIC', 'GNOME-FLASHBACK'].includes(d));

export const isKde = (env: Env): boolean => desktopNames(env).includes('KDE');

/** Desktops whose shell runs on Mutter (GNOME's family, and Pantheon's Gala): Mutter's idle monitor first. */
export const prefersMutter = (env: Env): boolean => isGnome(env) || desktopNames(env).includes('PANTHEON');

/**
 * The installed app's desktop entry (keel-desktop.desktop, after electron-builder.yml's
 * executableName): the notification server and do-not-disturb's inhibition name Keel by it.
 */
export const DESKTOP_ENTRY = 'keel-desktop';
