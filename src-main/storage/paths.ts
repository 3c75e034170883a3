import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ownerOnlyMode, PRIVATE_FILE, PRIVATE_FOLDER } from '../shared/owner-only';

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

/**
 * Keel's files are the user's alone: every folder it makes 0700, every file it writes 0600
 * (platform/owner-only.ts sets the process's umask and repairs older installs; storage makes its
 * own files so whatever the umask, as SQLite and `VACUUM INTO` create theirs 0644 by default).
 */
export { PRIVATE_FILE, PRIVATE_FOLDER };

/**
 * Takes group and other access from `file` if it is there: a file Keel just made becomes 0600
 * whatever the umask gave it, and one the user made read-only (0444) stays so (0400). Windows has
 * no such modes (its ACLs keep AppData the user's): nothing to do. A file that went away in
 * between is fine; any other failure is thrown.
 */
export function makePrivate(file: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  try {
    const mode = fs.statSync(file).mode & 0o777;
    if (ownerOnlyMode(mode) !== mode) fs.chmodSync(file, ownerOnlyMode(mode));
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
}
