import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Keel';
export const DATABASE_FILE = 'keel.db';

/**
 * The folder Electron's `app.getPath('userData')` gives for "Keel" on this OS, computed
 * without Electron so the CLI and tests agree with the app.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') {
    const appData = env.APPDATA || path.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_NAME);
  }
  const config = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return path.join(config, APP_NAME);
}

/** `KEEL_DATA_DIR` when set, else the OS user-data folder. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.KEEL_DATA_DIR?.trim();
  return override ? path.resolve(override) : userDataDir(env);
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}
