import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_ID_PATTERN } from '../core/backup-id';
import { KeelError } from '../core/errors';
import type { LocalDate } from '../core/time';
import type { Db } from './database';
import { LATEST_VERSION } from './migrations';
import { makePrivate, PRIVATE_FILE, PRIVATE_FOLDER } from './paths';
import { KEEP, SAFETY_DAYS } from '../shared/backup-retention';
import type { BackupKind } from '../shared/dto';

/** The folder (inside the data folder) that holds every backup copy. */
export const BACKUPS_FOLDER = 'backups';
// How many copies of each kind are kept and for how long: shared, so the window says the same.
export { KEEP, SAFETY_DAYS } from '../shared/backup-retention';

/**
 * daily: one per day (today's is refreshed by "Back up now"); weekly: the first copy of each
 * week (Monday's date); safety: taken just before a restore, an import or a deletion replaces
 * data, so that step can be undone too.
 */
const KINDS: readonly BackupKind[] = ['daily', 'weekly', 'safety'];

export interface BackupFile {
  /** `daily-2027-03-15`, `weekly-2027-03-15` (the week's Monday) or `safety-20270315-101500`. */
  id: string;
  kind: BackupKind;
  path: string;
  /** When the copy was written (the file's modification time), ms. */
  createdAt: number;
  sizeBytes: number;
}

export { BACKUP_ID_PATTERN };

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_FOLDER);
}

function fileOf(dataDir: string, id: string): string {
  if (!BACKUP_ID_PATTERN.test(id)) throw new KeelError('not_found', 'There is no backup by that name.');
  const kind = id.slice(0, id.indexOf('-')) as BackupKind;
  return path.join(backupsDir(dataDir), kind, `keel-${id.slice(kind.length + 1)}.db`);
}

/** Every backup in the data folder, newest first. Files Keel did not name are ignored. */
export function listBackups(dataDir: string): BackupFile[] {
  const found: BackupFile[] = [];
  for (const kind of KINDS) {
    const dir = path.join(backupsDir(dataDir), kind);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = /^keel-(.+)\.db$/.exec(name);
      if (!match) continue;
      const id = `${kind}-${match[1]}`;
      if (!BACKUP_ID_PATTERN.test(id)) continue;
      try {
        const stat = fs.statSync(path.join(dir, name));
        found.push({ id, kind, path: path.join(dir, name), createdAt: stat.mtimeMs, sizeBytes: stat.size });
      } catch {
        // Removed while listing: not a backup any more.
      }
    }
  }
  // Newest first; a daily and a weekly copy written together list the daily first.
  return found.sort(
    (a, b) =>
      b.createdAt - a.createdAt || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || b.id.localeCompare(a.id),
  );
}

export function findBackup(dataDir: string, id: string): BackupFile {
  const file = fileOf(dataDir, id);
  const backup = listBackups(dataDir).find((b) => b.path === file);
  if (!backup) throw new KeelError('not_found', 'There is no backup by that name.');
  return backup;
}

/**
 * Writes a consistent copy of the open database with `VACUUM INTO` (committed data only, even
 * while another connection writes), to a temporary name first, so a crash never leaves half a
 * backup under a real name. The copy is checked before it replaces an older one. The temporary
 * file is made first, empty, exclusively and 0600 (`VACUUM INTO` fills an empty file and would
 * make a new one 0644), so no copy of the user's data is ever readable by others.
 */
function writeCopy(db: Db, target: string, now: number): void {
  // Per process: the app and a `keel` command may back up at the same moment; the last rename wins.
  const temporary = partialName(target);
  const discard = (): void => {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Not ours to remove (a folder by that name): VACUUM INTO then fails and says so.
    }
  };
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_FOLDER });
    discard();
    fs.closeSync(fs.openSync(temporary, 'wx', PRIVATE_FILE));
    db.prepare('VACUUM INTO ?').run(temporary);
    makePrivate(temporary);
    const problem = checkBackupFile(temporary);
    if (problem) throw new Error(problem);
    // The copy's time is Keel's clock's (the same one every record uses), not the file system's.
    fs.utimesSync(temporary, now / 1000, now / 1000);
    fs.renameSync(temporary, target);
  } catch (error) {
    discard();
    throw new KeelError(
      'storage',
      'Keel could not write a backup copy of its data; the last good copy is kept.',
      {
        cause: error,
      },
    );
  }
}

function prune(dataDir: string, kind: BackupKind, keep: number): void {
  const mine = listBackups(dataDir)
    .filter((b) => b.kind === kind)
    .sort((a, b) => b.id.localeCompare(a.id));
  for (const old of mine.slice(keep)) fs.rmSync(old.path, { force: true });
}

export interface DailyBackupOptions {
  /** Today's local date; names the daily copy. */
  today: LocalDate;
  /** Monday of this week; names the weekly copy. */
  weekStart: LocalDate;
  /** Write today's copy again even if there is one ("Back up now"). */
  refresh?: boolean;
  now: number;
}

/**
 * The daily backup: today's copy, the week's copy when the week has none, then the oldest beyond
 * 7 daily and 4 weekly are removed. Returns the daily copy, or null when today's was there
 * already (and `refresh` was not asked): one file check, for the presence tick that asks often.
 */
export function backupDaily(db: Db, dataDir: string, options: DailyBackupOptions): BackupFile | null {
  const dailyId = `daily-${options.today}`;
  const daily = fileOf(dataDir, dailyId);
  if (!options.refresh && fs.existsSync(daily)) return null;
  writeCopy(db, daily, options.now);
  const weekly = fileOf(dataDir, `weekly-${options.weekStart}`);
  if (!fs.existsSync(weekly)) {
    fs.mkdirSync(path.dirname(weekly), { recursive: true, mode: PRIVATE_FOLDER });
    const partial = partialName(weekly);
    fs.copyFileSync(daily, partial);
    makePrivate(partial);
    fs.utimesSync(partial, options.now / 1000, options.now / 1000);
    fs.renameSync(partial, weekly);
  }
  prune(dataDir, 'daily', KEEP.daily);
  prune(dataDir, 'weekly', KEEP.weekly);
  return findBackup(dataDir, dailyId);
}

/** A copy taken just before data is replaced (restore, import, delete): `safety-YYYYMMDD-HHMMSS`. */
export function backupBeforeChange(db: Db, dataDir: string, now: number): BackupFile {
  // Two changes in one second each keep their own copy, in order.
  const newest = listBackups(dataDir)
    .filter((b) => b.kind === 'safety')
    .map((b) => b.id)
    .sort()
    .pop();
  let at = now;
  if (newest !== undefined && `safety-${fileStamp(at)}` <= newest) {
    const [, y, mo, d, h, mi, se] = /^safety-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(newest) ?? [];
    at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se)) + 1000;
  }
  const id = `safety-${fileStamp(at)}`;
  writeCopy(db, fileOf(dataDir, id), now);
  // Safety copies go by age: every one from the last week stays (a restore's undo among them),
  // and at least the newest three.
  const old = listBackups(dataDir)
    .filter((b) => b.kind === 'safety')
    .sort((a, b) => b.id.localeCompare(a.id))
    .slice(KEEP.safety)
    .filter((b) => b.createdAt < now - SAFETY_DAYS * 86_400_000);
  for (const backup of old) fs.rmSync(backup.path, { force: true });
  return findBackup(dataDir, id);
}

/**
 * Why a file is not a usable Keel database, or null when it is: it opens, SQLite's
 * `quick_check` passes, and its schema is not newer than this Keel's.
 */
export function checkBackupFile(file: string, nativeBinding?: string): string | null {
  let db: Db | undefined;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return `it is damaged (${String(check)})`;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) return 'it was written by a newer Keel';
    if (version < 1) return 'it holds no Keel data';
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'it cannot be read';
  } finally {
    db?.close();
  }
}

/** The records a deletion can purge from the backups: a check-in (its note) by id. */
export type PurgeTable = 'checkins';

export interface PurgeOutcome {
  /** Backups that held the record and no longer do. */
  purged: number;
  /** Backups that could not be opened or changed (they still hold it, if they did). */
  failed: number;
}

/**
 * Removes one record from every backup copy: the row deleted with secure_delete (its bytes
 * overwritten), then VACUUM rebuilds the file so no free page keeps it. A copy that does not
 * hold it is left untouched; each copy keeps its time (its age decides when it is pruned) and
 * stays 0600.
 */
export function purgeFromBackups(
  dataDir: string,
  table: PurgeTable,
  id: string,
  nativeBinding?: string,
): PurgeOutcome {
  const outcome: PurgeOutcome = { purged: 0, failed: 0 };
  for (const backup of listBackups(dataDir)) {
    let db: Db | undefined;
    try {
      db = new Database(backup.path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      db.pragma('secure_delete = ON');
      const held = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);
      if (held && db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id).changes > 0) {
        db.exec('VACUUM');
        outcome.purged += 1;
      }
    } catch {
      outcome.failed += 1;
    } finally {
      db?.close();
      try {
        makePrivate(backup.path);
        fs.utimesSync(backup.path, backup.createdAt / 1000, backup.createdAt / 1000);
      } catch {
        // Removed meanwhile (pruned by another Keel): nothing left to purge.
      }
    }
  }
  return outcome;
}

/** Where a copy is written before it is renamed into place (ignored by `listBackups`). */
export function partialName(target: string): string {
  return `${target}.${process.pid}.partial`;
}

/** `YYYYMMDD-HHMMSS` in UTC, for file names that sort by time. */
export function fileStamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
