import type Database from 'better-sqlite3';
import { KeelError } from '../core/errors';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Ordered; a migration is never edited once released, only followed by another. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up(db) {
      db.exec(`
        CREATE TABLE settings (
          key        TEXT PRIMARY KEY,
          value      TEXT NOT NULL CHECK (json_valid(value)),
          updated_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

export class DatabaseFromFutureError extends KeelError {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
    file: string,
  ) {
    super(
      'database_from_future',
      `The data file ${file} was written by a newer Keel (schema ${fileVersion}, this Keel knows ${appVersion}); update Keel to open it — the file was left untouched.`,
    );
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every pending migration in one transaction and records the new `user_version`.
 * Refuses a database newer than this build, leaving it untouched.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const from = schemaVersion(db);
  if (from > latest) throw new DatabaseFromFutureError(from, latest, db.name);
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}
