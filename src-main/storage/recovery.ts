import fs from 'node:fs';
import path from 'node:path';
import { KeelError } from '../core/errors';
import { checkBackupFile, fileStamp, listBackups, type BackupFile } from './backups';
import { openDatabase, openFailure, type Db, type OpenOptions } from './database';
import { DatabaseFromFutureError } from './migrations';
import { makePrivate, PRIVATE_FOLDER } from './paths';
import { storageFailureKind } from './write-errors';

/** Where damaged or unreadable data files are moved: kept, never deleted. */
export const SET_ASIDE_FOLDER = 'set-aside';

/** What Keel did when it found its data file unusable; shown to the user until dismissed. */
export interface Recovery {
  /** When it happened, ms. */
  at: number;
  reason: 'damaged' | 'newer';
  /** Where the unusable file now is (its -wal and -shm beside it, if there were any). */
  movedTo: string;
  /** The backup put in its place, or null when Keel started with an empty data file. */
  restoredFrom: { id: string; createdAt: number } | null;
  /** The plain-words account the app, the CLI and the Settings view show. */
  message: string;
}

export interface OpenedDatabase {
  db: Db;
  recovery: Recovery | null;
}

/** A failure that means "this file is not a usable Keel database" (rather than "cannot reach it"). */
function unusable(error: unknown): 'damaged' | 'newer' | null {
  if (error instanceof DatabaseFromFutureError) return 'newer';
  if (!(error instanceof KeelError) || error.code !== 'storage') return null;
  // Only SQLite's own word that the file is not a database or is corrupt moves it. A read-only
  // folder, a busy file, a failing disk, a native module that does not load or another Keel
  // migrating at the same moment all leave a healthy file: never move it for those.
  return storageFailureKind(error.cause) === 'damaged' ? 'damaged' : null;
}

/** "This file is damaged", as SQLite itself would say it. */
function damaged(file: string, detail: string): KeelError {
  return new KeelError('storage', `Keel cannot read its data file ${file}; it may be damaged.`, {
    cause: Object.assign(new Error(detail), { name: 'SqliteError', code: 'SQLITE_CORRUPT' }),
  });
}

/**
 * Reads enough of the file to be sure it is whole, cheaply enough for every start (a full check
 * runs on each backup copy instead): the schema and one row of every table. A file shorter than
 * its header's page count may have lost its tail — or may be mid-checkpoint, its last pages still
 * in the WAL, while another Keel writes — so that alone decides nothing: SQLite's `quick_check`,
 * which reads through the WAL, does.
 */
function assertWhole(db: Db, file: string): void {
  if (file === ':memory:') return;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  // The header's page count is to be trusted only when its "version-valid-for" number equals
  // the change counter (file format §1.3.7); a file shorter than that count lost its tail.
  const sizeIsValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  const pagesInHeader = header.readUInt32BE(28);
  const size = fs.statSync(file).size;
  const shorterThanHeader = sizeIsValid && pagesInHeader * pageSize > size;
  try {
    if (shorterThanHeader) {
      const problems = db.pragma('quick_check') as { quick_check: string }[];
      if (problems.length !== 1 || problems[0]?.quick_check !== 'ok') {
        throw damaged(file, `quick_check: ${problems[0]?.quick_check ?? 'no answer'}`);
      }
    }
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    for (const { name } of db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]) {
      db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" LIMIT 1`).get();
    }
  } catch (error) {
    if (error instanceof KeelError) throw error;
    throw openFailure(file, error);
  }
}

/** Opens the database and checks it is whole; closes it again if not. */
function openWhole(file: string, options: OpenOptions): Db {
  const db = openDatabase(file, options);
  try {
    assertWhole(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Moves the file and its -wal/-shm into `set-aside/`, under a name with the time; the folder is
 * 0700 and the files 0600 (a file an older Keel wrote 0644 keeps its mode when moved).
 */
function setAside(file: string, now: number): string {
  const folder = path.join(path.dirname(file), SET_ASIDE_FOLDER);
  fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
  const base = path.basename(file, '.db');
  let target = path.join(folder, `${base}-${fileStamp(now)}.db`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(folder, `${base}-${fileStamp(now)}-${n}.db`);
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      makePrivate(target + suffix);
    } catch {
      // Moved, and kept: the data folder is the user's alone, and start-up repairs it next time.
    }
  }
  return target;
}

function describe(
  reason: Recovery['reason'],
  movedTo: string,
  restored: BackupFile | null,
  when: string | null,
): string {
  const what =
    reason === 'newer'
      ? 'Keel’s data file was written by a newer version of Keel, which this one cannot read'
      : 'Keel’s data file was damaged and could not be read';
  const then = restored
    ? `Keel restored the backup from ${when}; anything saved after that is only in the moved file.`
    : 'There was no good backup, so Keel started with no data.';
  return `${what}. It was moved, not deleted, to ${movedTo}. ${then}`;
}

export interface RecoverOptions extends OpenOptions {
  now: number;
  /** How a backup's time is written in the message (the user's zone). */
  formatTime?: (instant: number) => string;
}

/**
 * Opens Keel's database; if the file is not a usable Keel database (not a database, damaged,
 * truncated, or from a newer Keel), moves it aside, restores the newest good backup (or starts
 * empty), and says what happened. Other failures (a folder Keel cannot reach) still throw: moving
 * a file Keel merely cannot open would not help.
 */
export function openOrRecover(dataDir: string, file: string, options: RecoverOptions): OpenedDatabase {
  let reason: Recovery['reason'] | null;
  try {
    return { db: openWhole(file, options), recovery: null };
  } catch (error) {
    reason = unusable(error);
    if (!reason) throw error;
  }
  let movedTo: string;
  try {
    movedTo = setAside(file, options.now);
  } catch (error) {
    throw new KeelError(
      'storage',
      `Keel cannot read its data file ${file} and could not move it aside to recover (the folder may be read-only); nothing was changed.`,
      { cause: error },
    );
  }
  const recovered = (backup: BackupFile | null): Recovery => ({
    at: options.now,
    reason,
    movedTo,
    restoredFrom: backup && { id: backup.id, createdAt: backup.createdAt },
    message: describe(
      reason,
      movedTo,
      backup,
      backup && (options.formatTime?.(backup.createdAt) ?? new Date(backup.createdAt).toISOString()),
    ),
  });
  for (const backup of listBackups(dataDir)) {
    if (checkBackupFile(backup.path, options.nativeBinding) !== null) continue;
    const partial = `${file}.restoring`;
    fs.copyFileSync(backup.path, partial);
    makePrivate(partial);
    fs.renameSync(partial, file);
    try {
      return { db: openWhole(file, options), recovery: recovered(backup) };
    } catch {
      // That copy did not open after all: try the next one.
      fs.rmSync(file, { force: true });
    }
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  return { db: openDatabase(file, options), recovery: recovered(null) };
}
