import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { KeelError } from '../core/errors';
import { DatabaseFromFutureError, LATEST_VERSION, migrate, schemaVersion } from './migrations';
import { developmentNativeBinding } from './native-binding';
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
 * synchronous=NORMAL in WAL mode keeps every committed transaction through a process crash
 * or kill; only a power cut may lose the last moments, which SQLite still recovers cleanly.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
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
    db.pragma('busy_timeout = 5000');
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
