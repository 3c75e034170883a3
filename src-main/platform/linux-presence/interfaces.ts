/**
 * The desktop interfaces Keel reads presence from, as their owners define them. The test fakes
 * (test/dbus/support/fake-desktop.ts) declare the same signatures from the same sources.
 */

/**
 * GNOME's idle monitor, served by gnome-shell (Mutter) on the session bus.
 * Source: GNOME/mutter data/dbus-interfaces/org.gnome.Mutter.IdleMonitor.xml —
 * GetIdletime() → t (milliseconds); AddIdleWatch(t interval_ms) → u id (fires WatchFired(id) each
 * time the user has been idle that long); AddUserActiveWatch() → u id (fires once when the user
 * becomes active again, then is gone); RemoveWatch(u id); ResetIdletime(); signal WatchFired(u id).
 */
export const MUTTER = {
  name: 'org.gnome.Mutter.IdleMonitor',
  path: '/org/gnome/Mutter/IdleMonitor/Core',
  iface: 'org.gnome.Mutter.IdleMonitor',
} as const;

/**
 * The freedesktop screensaver, served by KDE's kscreenlocker (and others) on the session bus at
 * /org/freedesktop/ScreenSaver (KDE also at /ScreenSaver).
 * Source: KDE/kscreenlocker interface.h (Q_CLASSINFO "org.freedesktop.ScreenSaver") —
 * GetSessionIdleTime() → u (seconds; "zero if the session is not idle"); GetActive() → b;
 * GetActiveTime() → u; signal ActiveChanged(b). "Active" is the screensaver, usually the lock.
 */
export const SCREENSAVER = {
  name: 'org.freedesktop.ScreenSaver',
  path: '/org/freedesktop/ScreenSaver',
  iface: 'org.freedesktop.ScreenSaver',
} as const;

/**
 * systemd-logind, on the SYSTEM bus. Source: the org.freedesktop.login1(5) manual —
 * Manager.GetSession(s session_id) → o; Session properties Id (s) and LockedHint (b, changes
 * announced by org.freedesktop.DBus.Properties.PropertiesChanged); Session signals Lock() and
 * Unlock() (logind asking the session's screen locker to lock or unlock).
 * `/org/freedesktop/login1/session/auto` names the caller's own session (or its display session);
 * signals come from the session's real path, so Keel reads the Id there and asks for that path.
 */
export const LOGIN1 = {
  name: 'org.freedesktop.login1',
  managerPath: '/org/freedesktop/login1',
  manager: 'org.freedesktop.login1.Manager',
  autoSessionPath: '/org/freedesktop/login1/session/auto',
  session: 'org.freedesktop.login1.Session',
} as const;

export const PROPERTIES = 'org.freedesktop.DBus.Properties';
