import { KeelError } from '../core/errors';

/**
 * What the user reads when SQLite cannot store something (issue #9, item 4): one plain account of
 * what happened, that nothing was changed (SQLite rolls a failed statement or transaction back),
 * and what to do. Storage failures are expected, environmental failures (a full disk, a read-only
 * folder, another Keel holding the write lock), not bugs.
 */
export const STORAGE_MESSAGES = {
  full: 'Keel could not save: the disk is full. Nothing was changed; free some space and try again.',
  readOnly: 'Keel could not save: its data folder is read-only. Nothing was changed.',
  moved:
    'Keel could not save: its data file was moved or deleted while Keel was running. Nothing was changed; restart Keel.',
  busy: 'Keel could not save because the data file is busy (another Keel is writing). Nothing was changed; try again.',
  io: 'Keel could not read or write its data file: the disk reported an error. Nothing was changed; check the disk and try again.',
  cantOpen:
    'Keel cannot open its data file: its folder is missing or cannot be written. Nothing was changed.',
  damaged: "Keel's data file is damaged, so nothing was saved. Restart Keel to recover from a backup.",
} as const;

export type StorageFailureKind = keyof typeof STORAGE_MESSAGES;

/**
 * Primary result codes (better-sqlite3 reports the extended one, e.g. SQLITE_IOERR_WRITE or
 * SQLITE_READONLY_DIRECTORY; it starts with its primary code). More specific entries first.
 * SQLITE_NOMEM, SQLITE_CONSTRAINT, SQLITE_ERROR and the like are left out on purpose: they mean a
 * bug in Keel, not the environment, and stay 'internal'.
 */
const KINDS: readonly (readonly [string, StorageFailureKind])[] = [
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY_DBMOVED', 'moved'],
  ['SQLITE_READONLY', 'readOnly'],
  ['SQLITE_PERM', 'readOnly'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_PROTOCOL', 'busy'],
  ['SQLITE_IOERR', 'io'],
  ['SQLITE_CANTOPEN', 'cantOpen'],
  ['SQLITE_CORRUPT', 'damaged'],
  ['SQLITE_NOTADB', 'damaged'],
];

/**
 * The SQLite result code of a better-sqlite3 `SqliteError`, or null. Checked by name and code
 * rather than `instanceof`, so it holds across copies of the module (Electron's build, Node's).
 */
export function sqliteCode(error: unknown): string | null {
  if (!(error instanceof Error) || error.name !== 'SqliteError') return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Which storage failure `error` is (full, read-only, busy…), or null when it is none. */
export function storageFailureKind(error: unknown): StorageFailureKind | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  const hit = KINDS.find(([primary]) => code === primary || code.startsWith(`${primary}_`));
  return hit ? hit[1] : null;
}

/**
 * Turns an SQLite failure of the environment into a KeelError('storage') whose message is one
 * plain account for the user (the original error is its `cause`); null for anything else.
 */
export function storageFailure(error: unknown): KeelError | null {
  const kind = storageFailureKind(error);
  return kind === null ? null : new KeelError('storage', STORAGE_MESSAGES[kind], { cause: error });
}
