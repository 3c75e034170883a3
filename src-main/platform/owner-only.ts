import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { OWNER_ONLY_UMASK, ownerOnlyMode, PRIVATE_FILE } from '../shared/owner-only';

/**
 * Keel's files are the user's alone: the data folder 0700, every file in it 0600.
 *
 * Each entry point (the app's main, the `keel` command, the preview) calls `ownerOnly` first,
 * before anything creates a folder or a file: from then on whatever the process creates (SQLite's
 * files, electron-log's folder, Electron's user-data folder) is owner-only by the umask, and the
 * data folder an older Keel left readable by others is made owner-only again.
 *
 * On Windows a file's mode means nothing (access is by the folder's ACL, which is the user's own
 * under AppData): the umask and the repair are skipped there.
 */

/** What Keel writes at the top of its data folder; only these are walked by the repair. */
const KEEL_ENTRIES = /^(keel\.db(-wal|-shm|-journal)?|backups|set-aside|logs|keel\.db\..*)$/;

const skipModes = (platform: NodeJS.Platform): boolean => platform === 'win32';

/**
 * The umask for the whole process (0077), then the repair of `dataDir` when given. Returns
 * `dataDir`, so an entry can write `const dataDir = ownerOnly(resolveDataDir())`.
 */
export function ownerOnly<D extends string | undefined>(
  dataDir: D,
  platform: NodeJS.Platform = process.platform,
): D {
  if (skipModes(platform)) return dataDir;
  process.umask(OWNER_ONLY_UMASK);
  if (dataDir !== undefined) repairOwnerOnly(dataDir, platform);
  return dataDir;
}

/**
 * Makes an existing data folder owner-only: the folder, and Keel's own files and folders in it (the
 * database and its -wal/-shm, backups, set-aside files, logs), lose all group and other access
 * (0755 becomes 0700, 0644 becomes 0600; what the user made read-only stays read-only). Symlinks are
 * never followed (opened with O_NOFOLLOW and changed through the descriptor), and what belongs to
 * someone else or cannot be changed is left as it is: a repair never stops Keel from starting.
 * Other files in the folder (Electron's own, or anything else when KEEL_DATA_DIR names a folder
 * of the user's) are not touched: the folder's 0700 already keeps others out of them.
 * A folder that does not exist is not created.
 */
export function repairOwnerOnly(dataDir: string, platform: NodeJS.Platform = process.platform): void {
  if (skipModes(platform)) return;
  // The data folder itself may be a symlink the user made on purpose: follow that one only.
  let names: string[];
  try {
    if (!fs.statSync(dataDir).isDirectory()) return;
    names = fs.readdirSync(dataDir);
  } catch {
    return;
  }
  chmodOwnEntry(dataDir, true);
  for (const name of names) {
    if (KEEL_ENTRIES.test(name)) repairEntry(path.join(dataDir, name), 0);
  }
}

const MAX_DEPTH = 8;

/** One entry, not following a symlink; a folder's entries after it. */
function repairEntry(entry: string, depth: number): void {
  const kind = chmodOwnEntry(entry, false);
  if (kind !== 'dir' || depth >= MAX_DEPTH) return;
  let names: string[];
  try {
    names = fs.readdirSync(entry);
  } catch {
    return;
  }
  for (const name of names) repairEntry(path.join(entry, name), depth + 1);
}

/**
 * Takes group and other access from a folder or a regular file through a descriptor opened without following a
 * symlink (and without blocking on a FIFO), when it belongs to this user. Says what it was.
 */
function chmodOwnEntry(entry: string, followLink: boolean): 'dir' | 'file' | 'other' {
  const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;
  let fd: number;
  try {
    fd = fs.openSync(entry, O_RDONLY | O_NONBLOCK | (followLink ? 0 : O_NOFOLLOW));
  } catch {
    return 'other';
  }
  try {
    const stat = fs.fstatSync(fd);
    const kind = stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other';
    if (kind === 'other' || (process.getuid && stat.uid !== process.getuid())) return kind;
    // Group and others lose every bit; the owner's are kept, so a folder or file the user made
    // read-only stays read-only (0755 becomes 0700, 0644 0600, 0555 0500).
    const mode = ownerOnlyMode(stat.mode);
    if ((stat.mode & 0o777) !== mode) fs.fchmodSync(fd, mode);
    return kind;
  } catch {
    return 'other';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `content` to `file` through a temporary file beside it: opened exclusively (it must not
 * exist: a file or a symlink someone placed there is never written through), under a random
 * name, mode 0600, flushed to disk, then renamed over `file`. A crash never leaves half a file,
 * and a failure removes the temporary file. The result is 0600 whatever the umask.
 */
export async function writePrivateFile(file: string, content: string | Uint8Array): Promise<void> {
  await writePrivateFileThrough(temporaryName(file), file, content);
}

/** `writePrivateFile` through the temporary file `temp` (exported for the tests that hold it). */
export async function writePrivateFileThrough(
  temp: string,
  file: string,
  content: string | Uint8Array,
): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  let created = false;
  try {
    handle = await fs.promises.open(temp, 'wx', PRIVATE_FILE);
    created = true;
    await handle.writeFile(content);
    // The umask can only take bits away; this makes it exactly 0600 (Windows ignores it).
    await handle.chmod(PRIVATE_FILE);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.promises.rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    // Only the temporary file this call created is removed, never one that was there before.
    if (created) await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** `.<name>.<16 random hex>.tmp` beside `file`: not guessable, hidden, and ignored by Keel. */
export function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
}
