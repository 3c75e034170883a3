import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EXPORT_TABLES, JSON_COLUMNS } from '../../src-main/core/export-format';
import { MIGRATIONS, migrate, schemaVersion } from '../../src-main/storage/migrations';

/** A real export of the Keel before dated rules (format 1, schema 5): test/fixtures/README.md. */
export const V1_EXPORT_FILE = path.join(__dirname, '..', 'fixtures', 'keel-export-v1.json');

export interface V1Export {
  format: 'keel-export';
  formatVersion: 1;
  exportedAt: number;
  schemaVersion: 5;
  settings: Record<string, unknown>;
  records: Record<string, Record<string, unknown>[]>;
}

export function readV1Export(): V1Export {
  return JSON.parse(fs.readFileSync(V1_EXPORT_FILE, 'utf8')) as V1Export;
}

/** The settings rows as that Keel stored them: the user's, and the calendar file it kept. */
export function schema5SettingsRows(): { key: string; value: string; updated_at: number }[] {
  const v1 = readV1Export();
  const rows = Object.entries(v1.settings).map(([key, value], i) => ({
    key,
    // SettingsRepo.set stored JSON.stringify of the checked value, which is what the export holds.
    value: JSON.stringify(value),
    updated_at: v1.exportedAt - (i + 1) * 60_000,
  }));
  rows.push({ key: 'calendarFile', value: '"/home/ada/Calendars/work.ics"', updated_at: v1.exportedAt });
  return rows.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/**
 * A data file at schema 5 (the migrations before dated rules) holding the old Keel's own rows:
 * every record of the v1 export (the export keeps the database's columns), its settings and
 * calendar file as stored, and a do-not-disturb record.
 */
export function writeSchema5Database(file: string): void {
  const db = new Database(file);
  try {
    migrate(db, MIGRATIONS.slice(0, 5));
    if (schemaVersion(db) !== 5) throw new Error('not schema 5');
    const v1 = readV1Export();
    db.transaction(() => {
      for (const table of EXPORT_TABLES) {
        const json = JSON_COLUMNS[table] ?? [];
        for (const row of v1.records[table] ?? []) {
          const columns = Object.keys(row);
          db.prepare(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          ).run(...columns.map((c) => (json.includes(c) ? JSON.stringify(row[c]) : row[c])));
        }
      }
      const setting = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
      for (const row of schema5SettingsRows()) setting.run(row.key, row.value, row.updated_at);
      db.prepare('INSERT INTO dnd_state (id, adapter, prior, changed_at) VALUES (1, ?, ?, ?)').run(
        'gnome',
        '{"showBanners":true}',
        v1.exportedAt,
      );
    })();
  } finally {
    db.close();
  }
}

/** Every row of every table but `settings` and `rule_changes`, by table. */
export function otherTables(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('settings', 'rule_changes') ORDER BY name",
    )
    .all()
    .map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()]));
}
