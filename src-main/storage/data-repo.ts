import {
  EXPORT_TABLES,
  JSON_COLUMNS,
  type ExportFile,
  type ExportRecord,
  type ExportTable,
} from '../core/export-format';
import type { Db } from './database';

/** Settings-table keys that are Keel's own bookkeeping, not the user's settings. */
export const INTERNAL_SETTING_KEYS = [
  'calendarFile',
  'recoveryNotice',
  'lastBackupAt',
  'firstStartAt',
] as const;

/** Tables that hold the user's data, in an order that keeps foreign keys satisfied on insert. */
const TABLE_ORDER: readonly ExportTable[] = EXPORT_TABLES;

/**
 * Tables left alone by restore and delete: `dnd_state` records the do-not-disturb Keel turned
 * on and what to put back; it describes this desktop now, not the user's history.
 */
const MACHINE_TABLES = new Set(['dnd_state']);

export type ImportCounts = Record<ExportTable, number> & { settings: number };

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function columnsOf(db: Db, table: string, schema = 'main'): string[] {
  return (
    db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]
  ).map((c) => c.name);
}

function userTables(db: Db, schema = 'main'): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM ${quote(schema)}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((name) => !MACHINE_TABLES.has(name));
}

/** What an import merge added, per table, and how many records it skipped as already here. */
interface MergeTally {
  added: ImportCounts;
  skipped: number;
}

/** Tables whose records keep their ids on import: an id already here means the record is. */
const ID_KEYED_TABLES = [
  'checkins',
  'questionnaire_results',
  'check_prompt_answers',
  'focus_skips',
  'workdays',
  'talking_points',
  'shares',
] as const satisfies readonly ExportTable[];

function mergeSettings(db: Db, settings: ExportFile['settings'], now: number, tally: MergeTally): void {
  const insert = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const [key, value] of Object.entries(settings)) {
    if (insert.run(key, JSON.stringify(value), now).changes > 0) tally.added.settings += 1;
    else tally.skipped += 1;
  }
}

function mergeRow(db: Db, table: ExportTable, row: Record<string, unknown>, tally: MergeTally): void {
  const json = JSON_COLUMNS[table] ?? [];
  const columns = Object.keys(row);
  const values = columns.map((c) => (json.includes(c) ? JSON.stringify(row[c]) : row[c]));
  // ON CONFLICT (not OR IGNORE): only an id already here is skipped; a CHECK still throws.
  const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns
    .map(() => '?')
    .join(', ')}) ON CONFLICT DO NOTHING`;
  if (db.prepare(sql).run(...values).changes > 0) tally.added[table] += 1;
  else tally.skipped += 1;
}

/** The file's focus-block ids mapped to this database's, and the ones this merge added. */
interface MergedSessions {
  ids: Map<number, number>;
  added: Set<number>;
}

/** Focus blocks have row ids of their own machine: match them by start time instead. */
function mergeFocusSessions(
  db: Db,
  sessions: readonly ExportRecord<'focus_sessions'>[],
  tally: MergeTally,
): MergedSessions {
  const merged: MergedSessions = { ids: new Map(), added: new Set() };
  const existing = db.prepare('SELECT id FROM focus_sessions WHERE started_at = ? AND kind = ?');
  const insert = db.prepare(
    `INSERT INTO focus_sessions (kind, occurrence_id, started_at, planned_end, ended_at, end_reason, local_date, zone)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const session of sessions) {
    const here = existing.get(session.started_at, session.kind) as { id: number } | undefined;
    if (here) {
      merged.ids.set(session.id, here.id);
      tally.skipped += 1;
      continue;
    }
    if (session.ended_at === null) {
      tally.skipped += 1;
      continue;
    }
    const { lastInsertRowid } = insert.run(
      session.kind,
      session.occurrence_id,
      session.started_at,
      session.planned_end,
      session.ended_at,
      session.end_reason,
      session.local_date,
      session.zone,
    );
    merged.ids.set(session.id, Number(lastInsertRowid));
    merged.added.add(session.id);
    tally.added.focus_sessions += 1;
  }
  return merged;
}

function mergeInterruptions(
  db: Db,
  interruptions: readonly ExportRecord<'interruptions'>[],
  sessions: MergedSessions,
  tally: MergeTally,
): void {
  const insert = db.prepare(
    'INSERT INTO interruptions (session_id, at, kind, note, local_date) VALUES (?, ?, ?, ?, ?)',
  );
  for (const interruption of interruptions) {
    // Only a block new to this machine brings its interruptions; a known one has its own.
    const target = sessions.added.has(interruption.session_id)
      ? sessions.ids.get(interruption.session_id)
      : undefined;
    if (target === undefined) {
      tally.skipped += 1;
      continue;
    }
    insert.run(target, interruption.at, interruption.kind, interruption.note, interruption.local_date);
    tally.added.interruptions += 1;
  }
}

function mergeResumeCues(
  db: Db,
  cues: readonly ExportRecord<'resume_cues'>[],
  sessions: MergedSessions,
  tally: MergeTally,
): void {
  const sameCue = db.prepare('SELECT 1 FROM resume_cues WHERE at = ? AND text = ?');
  const insert = db.prepare('INSERT INTO resume_cues (at, text, session_id, shown_at) VALUES (?, ?, ?, ?)');
  for (const cue of cues) {
    if (sameCue.get(cue.at, cue.text)) {
      tally.skipped += 1;
      continue;
    }
    const sessionId = cue.session_id === null ? null : (sessions.ids.get(cue.session_id) ?? null);
    insert.run(cue.at, cue.text, sessionId, cue.shown_at);
    tally.added.resume_cues += 1;
  }
}

/** Whole-database operations: export, import (merge), restore (replace) and delete. */
export class DataRepo {
  constructor(private readonly db: Db) {}

  /** Every user record, JSON columns parsed, in a stable order. */
  exportRecords(): ExportFile['records'] {
    const records = {} as Record<ExportTable, unknown[]>;
    for (const table of TABLE_ORDER) {
      const json = JSON_COLUMNS[table] ?? [];
      const rows = this.db.prepare(`SELECT * FROM ${quote(table)} ORDER BY 1`).all() as Record<
        string,
        unknown
      >[];
      records[table] = rows.map((row) => {
        for (const column of json) row[column] = JSON.parse(String(row[column]));
        return row;
      });
    }
    return records as ExportFile['records'];
  }

  /** The user's settings as stored (only those they set), without Keel's bookkeeping keys. */
  exportSettings(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const { key, value } of this.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as {
      key: string;
      value: string;
    }[]) {
      if ((INTERNAL_SETTING_KEYS as readonly string[]).includes(key)) continue;
      out[key] = JSON.parse(value);
    }
    return out;
  }

  counts(): Record<ExportTable, number> {
    const out = {} as Record<ExportTable, number>;
    for (const table of TABLE_ORDER) {
      out[table] = (this.db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
    }
    return out;
  }

  /**
   * Merges a validated export into this database in one transaction: records whose id (or, for
   * focus blocks, start time) is already here are skipped, settings already set here are kept.
   * Focus blocks get new row ids; their interruptions and cues follow them. A running block in
   * the file is skipped (only this machine's Keel can end it). Throws (and writes nothing) on any
   * constraint the database still refuses.
   */
  importMerge(file: ExportFile, now: number): { added: ImportCounts; skipped: number } {
    const tally: MergeTally = {
      added: Object.fromEntries([...TABLE_ORDER, 'settings'].map((t) => [t, 0])) as ImportCounts,
      skipped: 0,
    };
    const { records } = file;
    this.db
      .transaction(() => {
        mergeSettings(this.db, file.settings, now, tally);
        for (const table of ID_KEYED_TABLES) {
          for (const row of records[table]) mergeRow(this.db, table, row as Record<string, unknown>, tally);
        }
        const sessions = mergeFocusSessions(this.db, records.focus_sessions, tally);
        mergeInterruptions(
          this.db,
          records.interruptions as ExportRecord<'interruptions'>[],
          sessions,
          tally,
        );
        mergeResumeCues(this.db, records.resume_cues, sessions, tally);
      })
      .immediate();
    return { added: tally.added, skipped: tally.skipped };
  }

  /**
   * Replaces every user table with the same table of an attached database file (already
   * migrated to this schema), in one transaction. `dnd_state` stays as it is.
   */
  replaceFrom(file: string): void {
    this.db.prepare('ATTACH DATABASE ? AS source').run(file);
    try {
      const tables = userTables(this.db);
      const sourceTables = new Set(userTables(this.db, 'source'));
      this.db
        .transaction(() => {
          this.db.pragma('defer_foreign_keys = ON');
          // Keel's bookkeeping (the calendar file, an undismissed notice) describes now, not the
          // backup's day: those settings rows stay as they are.
          const keep = (table: string) =>
            table === 'settings'
              ? ` WHERE key NOT IN (${INTERNAL_SETTING_KEYS.map(() => '?').join(', ')})`
              : '';
          const params = (table: string) => (table === 'settings' ? [...INTERNAL_SETTING_KEYS] : []);
          for (const table of tables) {
            this.db.prepare(`DELETE FROM main.${quote(table)}${keep(table)}`).run(...params(table));
          }
          for (const table of tables) {
            if (!sourceTables.has(table)) continue;
            const source = new Set(columnsOf(this.db, table, 'source'));
            const columns = columnsOf(this.db, table).filter((c) => source.has(c));
            const list = columns.map(quote).join(', ');
            this.db
              .prepare(
                `INSERT INTO main.${quote(table)} (${list}) SELECT ${list} FROM source.${quote(table)}${keep(table)}`,
              )
              .run(...params(table));
          }
        })
        .immediate();
    } finally {
      this.db.prepare('DETACH DATABASE source').run();
    }
  }

  /**
   * Deletes every user record and setting (`dnd_state` stays so do-not-disturb can still be put
   * back), then rewrites the file so the deleted text is not left in free pages or the WAL.
   */
  deleteAll(): void {
    this.db
      .transaction(() => {
        this.db.pragma('defer_foreign_keys = ON');
        for (const table of userTables(this.db)) this.db.prepare(`DELETE FROM ${quote(table)}`).run();
      })
      .immediate();
  }

  /**
   * Rewrites the file and empties the WAL so deleted text is not left in free pages or old WAL
   * frames. False when another connection's read kept the WAL from being emptied.
   */
  compact(): boolean {
    this.db.exec('VACUUM');
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  }
}
