/**
 * Starting Keel when the user logs in. macOS and Windows keep login items themselves (Electron's
 * `app.setLoginItemSettings`); Linux desktops read XDG autostart entries, so Keel writes one
 * `keel.desktop` file and removes it again. Either way Keel starts with `--hidden`: in the tray,
 * without its window.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from 'electron';
import type { AutostartPort } from '../services/ports';
import { writePrivateFile } from './owner-only';

export type { AutostartPort } from '../services/ports';

/** The argument a start at login passes: stay in the tray (main.ts reads it). */
export const HIDDEN_ARG = '--hidden';

/* ---------- macOS and Windows: Electron's login items ---------- */

/** The slice of Electron's `app` the login-item adapter uses; `app` itself fits it. */
export type LoginItemsSlice = Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;

/**
 * Login items through Electron. On Windows the Run entry carries `--hidden`, and Electron answers
 * `openAtLogin` only for the same arguments, so they are passed when asking too. macOS ignores
 * `args`; there main.ts asks `wasOpenedAtLogin` instead (see `startedHidden`).
 */
export function createLoginItemAutostart(app: LoginItemsSlice): AutostartPort {
  const args = [HIDDEN_ARG];
  return {
    async isEnabled() {
      return app.getLoginItemSettings({ args }).openAtLogin;
    },
    async setEnabled(on) {
      app.setLoginItemSettings({ openAtLogin: on, args });
    },
  };
}

/* ---------- Linux: an XDG autostart entry ---------- */

export interface XdgAutostartOptions {
  env: NodeJS.ProcessEnv;
  /** The user's home folder (used when XDG_CONFIG_HOME is unset). */
  homeDir: string;
  /** `process.execPath`: the Electron binary, or the unpacked app's executable. */
  execPath: string;
  /** `app.getAppPath()`: passed to Electron when Keel runs from its sources (not packaged). */
  appPath: string;
  isPackaged: boolean;
}

/** `$XDG_CONFIG_HOME/autostart/keel.desktop`, `~/.config/autostart/keel.desktop` by default. */
export function xdgAutostartFile(env: NodeJS.ProcessEnv, homeDir: string): string {
  // The spec ignores a relative XDG_CONFIG_HOME.
  const configured = env.XDG_CONFIG_HOME?.trim();
  const configHome = configured && path.isAbsolute(configured) ? configured : path.join(homeDir, '.config');
  return path.join(configHome, 'autostart', 'keel.desktop');
}

/**
 * What the desktop runs at login. From an AppImage, the AppImage itself (`$APPIMAGE`): the
 * executable inside it lives in a mount that is gone once Keel quits. Otherwise the executable,
 * plus the app folder when Electron runs Keel from its sources.
 */
export function autostartCommand(options: XdgAutostartOptions): string[] {
  const appImage = options.env.APPIMAGE?.trim();
  if (appImage) return [appImage, HIDDEN_ARG];
  if (options.isPackaged) return [options.execPath, HIDDEN_ARG];
  return [options.execPath, options.appPath, HIDDEN_ARG];
}

// Desktop Entry spec, "The Exec key": an argument with one of these must be quoted.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One `Exec=` argument, quoted per the Desktop Entry spec: `%` doubled (it starts field codes);
 * an argument with a reserved character in double quotes with `"`, `` ` ``, `$` and `\` escaped;
 * then the string-value escapes, which readers undo first (so a literal `\` is written `\\\\`).
 */
export function quoteExecArg(arg: string): string {
  let quoted = arg.replaceAll('%', '%%');
  if (arg === '' || RESERVED.test(arg)) quoted = `"${quoted.replace(/["`$\\]/g, '\\$&')}"`;
  return quoted.replace(/[\\\n\t\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\t' ? '\\t' : '\\r',
  );
}

/** The `keel.desktop` autostart entry for `command`. */
export function desktopEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Keel',
    'Comment=Focus blocks, sign-off and workload check-ins, from the tray',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Whether an entry's text leaves it switched on (desktops' settings may set Hidden=true). */
function entryEnabled(text: string): boolean {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  return !lines.includes('Hidden=true') && !lines.includes('X-GNOME-Autostart-enabled=false');
}

/** Linux: Keel starts at login while its autostart entry exists (and is not hidden). */
export function createXdgAutostart(options: XdgAutostartOptions): AutostartPort {
  const file = xdgAutostartFile(options.env, options.homeDir);
  const content = (): string => desktopEntry(autostartCommand(options));
  return {
    async isEnabled() {
      try {
        return entryEnabled(await fs.promises.readFile(file, 'utf8'));
      } catch {
        return false;
      }
    },
    async setEnabled(on) {
      if (!on) return fs.promises.rm(file, { force: true });
      const text = content();
      const current = await fs.promises.readFile(file, 'utf8').catch(() => null);
      if (current === text) return;
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Written beside under a random name, created exclusively, and renamed over, so a desktop
      // reading it at login never sees half a file and nothing planted at a guessable name is
      // written through. Owner-only like every file Keel writes: the session reads it as the user.
      await writePrivateFile(file, text);
    },
  };
}

/* ---------- Choosing, and reading how Keel was started ---------- */

export interface AutostartEnvironment {
  platform: NodeJS.Platform;
  app: LoginItemsSlice & Pick<App, 'getAppPath' | 'isPackaged'>;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  execPath?: string;
}

/** The autostart port for this platform: login items on macOS and Windows, XDG elsewhere. */
export function createAutostart(environment: AutostartEnvironment): AutostartPort {
  const { platform, app } = environment;
  if (platform === 'darwin' || platform === 'win32') return createLoginItemAutostart(app);
  return createXdgAutostart({
    env: environment.env ?? process.env,
    homeDir: environment.homeDir ?? os.homedir(),
    execPath: environment.execPath ?? process.execPath,
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
  });
}

/**
 * Whether this start should stay in the tray: `--hidden` (Windows and Linux autostart pass it),
 * or on macOS a start by the login item, which passes no arguments.
 */
export function startedHidden(
  argv: readonly string[],
  platform: NodeJS.Platform,
  loginItems: Pick<App, 'getLoginItemSettings'>,
): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  if (platform !== 'darwin') return false;
  try {
    return loginItems.getLoginItemSettings().wasOpenedAtLogin;
  } catch {
    return false;
  }
}
