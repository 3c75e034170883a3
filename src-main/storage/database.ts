import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { KeelError } from '../core/errors';
import { DatabaseFromFutureError, LATEST_VERSION, migrate, schemaVersion } from './migrations';
import { developmentNativeBinding } from './native-binding';
import { makePrivate, PRIVATE_FOLDER } from './paths';
import { STORAGE_MESSAGES, storageFailureKind } from './write-errors';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path to a better-sqlite3 `.node` build for the running ABI. The app under Electron passes
   * the Electron build; Node (tests, CLI in development) uses the default in node_modules.
   */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) Keel's database: WAL, foreign keys, migrations applied.
 * The folder is made 0700 and the file 0600 before anything is written, so SQLite creates the
 * -wal and -shm 0600 too (it copies the database's mode). secure_delete overwrites what is
 * deleted with zeros, so a deleted note does not linger in free pages (a checkpoint then
 * overwrites the file's copy; `forgetDeleted` does that at once).
 * synchronous=NORMAL in WAL mode keeps every committed transaction through a process crash
 * or kill; only a power cut may lose the last moments, which SQLite still recovers cleanly.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_FOLDER });
    } catch (error) {
      throw new KeelError('storage', `Keel cannot create its data folder ${path.dirname(file)}.`, {
        cause: error,
      });
    }
  }
  const nativeBinding = options.nativeBinding ?? developmentNativeBinding(process.env);
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    throw openFailure(file, error);
  }
  try {
    if (!options.readonly && file !== ':memory:') {
      // SQLite made the file (empty until now) with the umask's mode: make it the user's alone,
      // and an older Keel's -wal and -shm with it.
      for (const suffix of ['', '-wal', '-shm']) keepPrivate(file + suffix);
    }
    db.pragma('busy_timeout = 5000');
    db.pragma('secure_delete = ON');
    // Check the version before anything writes (switching to WAL rewrites the header), so a
    // file from a newer Keel is left exactly as it was.
    const version = schemaVersion(db);
    if (version > LATEST_VERSION) throw new DatabaseFromFutureError(version, LATEST_VERSION, file);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof KeelError) throw error;
    throw openFailure(file, error);
  }
}

/** `makePrivate`, but a file Keel may not change (another user's) does not stop it opening. */
function keepPrivate(file: string): void {
  try {
    makePrivate(file);
  } catch {
    // Opening it says what is wrong, if anything is.
  }
}

/**
 * After a deletion: copies the WAL into the file and empties it (TRUNCATE), so the deleted rows'
 * pages (zeroed by secure_delete) replace the old ones in the file and the WAL's older frames,
 * which still hold them, are gone. Best effort: a reader in the middle of a read keeps its frames
 * (the checkpoint reports busy rather than waiting), and the next checkpoint finishes the job.
 */
export function forgetDeleted(db: Db): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Another connection holds the WAL; SQLite's own checkpoints come soon enough.
  }
}

/**
 * Why the data file cannot be opened, in one sentence. The environment (a read-only or missing
 * folder, a busy file, a failing disk) is said as such: the file is fine and must not be treated
 * as damaged. Only SQLite's "not a database" or "corrupt" says "may be damaged", which is what
 * start-up recovery (recovery.ts) acts on; anything else is a plain "cannot open".
 */
export function openFailure(file: string, error: unknown): KeelError {
  const kind = storageFailureKind(error);
  const dir = path.dirname(file);
  const options = { cause: error };
  switch (kind) {
    case 'readOnly':
    case 'cantOpen':
      return new KeelError(
        'storage',
        `Keel cannot open its data file ${file}: the folder ${dir} is read-only or cannot be written. Nothing was changed; make the folder writable and try again.`,
        options,
      );
    case 'busy':
      return new KeelError(
        'storage',
        `Keel cannot open its data file ${file}: another program holds it. Nothing was changed; try again.`,
        options,
      );
    case 'io':
    case 'full':
    case 'moved':
      return new KeelError(
        'storage',
        `Keel cannot open its data file ${file}: ${STORAGE_MESSAGES[kind]}`,
        options,
      );
    case 'damaged':
      return new KeelError('storage', `Keel cannot read its data file ${file}; it may be damaged.`, options);
    default:
      return new KeelError('storage', `Keel cannot open its data file ${file}.`, options);
  }
}
