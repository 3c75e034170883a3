import type { Db } from '../../src-main/storage/database';

/** Every row of every table (ordered by the first column: some tables have no rowid), to prove a call wrote nothing. */
export function snapshot(db: Db): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((t) => t.name);
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()]));
}
