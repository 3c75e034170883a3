import fs from 'node:fs';
import { backupsDir } from '../storage/backups';
import { databasePath } from '../storage/paths';

/**
 * A refused command writes nothing, not even a new database. Most refusals come before the data
 * is opened (session.ts), but some need the data to decide (an unknown id, a file that is not a
 * backup, a place that cannot be written): when such a command opened a data folder that had no
 * database yet, what the opening created (the empty database, its first backups, the folder) is
 * taken away again. Nothing of the user's is in it: the command was refused.
 */
export interface FreshData {
  /** Removes what opening created, after the data was closed, if the command wrote nothing in it. */
  undo(db: Queryable): void;
}

/** What exists before the data is opened; `undefined` when there is already a database. */
export function noteFreshData(dataDir: string): FreshData | undefined {
  const db = databasePath(dataDir);
  if (fs.existsSync(db)) return undefined;
  const dirExisted = fs.existsSync(dataDir);
  const backupsExisted = fs.existsSync(backupsDir(dataDir));
  return {
    undo(handle) {
      if (!untouched(handle)) return;
      handle.close();
      // Another process (the app) opened the new database meanwhile: its -wal stays while it
      // has the file open. Then the database is no longer the command's own to take away.
      if (fs.existsSync(`${db}-wal`) || fs.existsSync(`${db}-shm`)) return;
      fs.rmSync(db, { force: true });
      fs.rmSync(`${db}-journal`, { force: true });
      if (!backupsExisted) fs.rmSync(backupsDir(dataDir), { recursive: true, force: true });
      if (!dirExisted) removeIfEmpty(dataDir);
    },
  };
}

/** The few methods of better-sqlite3's handle this needs. */
export interface Queryable {
  readonly open: boolean;
  prepare(sql: string): { all(): unknown[]; get(): unknown };
  close(): void;
}

/** Whether the new database holds nothing but the first start's time: no record, no setting. */
function untouched(db: Queryable): boolean {
  if (!db.open) return false;
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      if (name.startsWith('sqlite_')) continue;
      const where = name === 'settings' ? " WHERE key <> 'firstStartAt'" : '';
      const row = db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"${where}`).get() as {
        n: number;
      };
      if (row.n > 0) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function removeIfEmpty(dir: string): void {
  try {
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  } catch {
    // Not empty, or not ours to remove: it stays.
  }
}
