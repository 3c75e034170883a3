import {
  EXPORT_TABLES,
  JSON_COLUMNS,
  type ExportFile,
  type ExportRecord,
  type ExportTable,
} from '../core/export-format';
import { isDatedKey, type RuleChange } from '../core/rules';
import type { Db } from './database';
import { FIRST_START_KEY } from './rule-repo';
import { AGENDA_ORDER, inAgendaOrder, openAgenda, placeImportedPoints } from './talking-point-repo';

/** Settings-table keys that are Keel's own bookkeeping, not the user's settings. */
export const INTERNAL_SETTING_KEYS = [
  'calendarFile',
  'calendarFailure',
  'recoveryNotice',
  'lastBackupAt',
  'firstStartAt',
  'installId',
  'desktopNoticesTold',
  'welcome',
  // The week whose weekly-update offer was answered (services/weekly-update-service.ts).
  'updateOffer',
] as const;

/** Tables that hold the user's data, in an order that keeps foreign keys satisfied on insert. */
const TABLE_ORDER: readonly ExportTable[] = EXPORT_TABLES;

/**
 * Tables left alone by restore and delete: `dnd_state` records the do-not-disturb Keel turned
 * on and what to put back; it describes this desktop now, not the user's history.
 */
const MACHINE_TABLES = new Set(['dnd_state']);

/** Per table, and for settings and dated rule changes (rows of `rule_changes`). */
export type ImportCounts = Record<ExportTable, number> & { settings: number; rules: number };

/**
 * What an import merge did: rows added and skipped as already here, per kind, and the settings
 * taken from the file or kept as they are here (a dated setting with its history counts once).
 */
export interface MergeResult {
  added: ImportCounts;
  skipped: ImportCounts;
  settings: { added: number; kept: number };
}

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

type MergeTally = MergeResult;

function zeroCounts(): ImportCounts {
  return Object.fromEntries([...TABLE_ORDER, 'settings', 'rules'].map((t) => [t, 0])) as ImportCounts;
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
  'update_drafts',
] as const satisfies readonly ExportTable[];

function mergeSettings(db: Db, settings: ExportFile['settings'], now: number, tally: MergeTally): void {
  const insert = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  for (const [key, value] of Object.entries(settings)) {
    if (insert.run(key, JSON.stringify(value), now).changes > 0) {
      tally.added.settings += 1;
      tally.settings.added += 1;
    } else {
      tally.skipped.settings += 1;
      tally.settings.kept += 1;
    }
  }
}

/**
 * A dated setting's history comes whole or not at all: a key with no changes here takes every
 * change of the file; a key with a history here keeps it (the file's changes are skipped).
 */
function mergeRules(db: Db, rules: readonly RuleChange[], now: number, tally: MergeTally): void {
  const hasHistory = db.prepare('SELECT 1 FROM rule_changes WHERE key = ? LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO rule_changes (key, effective_from, value, changed_at) VALUES (?, ?, ?, ?)',
  );
  const byKey = new Map<string, RuleChange[]>();
  for (const rule of rules) byKey.set(rule.key, [...(byKey.get(rule.key) ?? []), rule]);
  for (const [key, changes] of byKey) {
    if (hasHistory.get(key)) {
      tally.skipped.rules += changes.length;
      tally.settings.kept += 1;
      continue;
    }
    for (const change of changes) insert.run(key, change.from, JSON.stringify(change.value), now);
    tally.added.rules += changes.length;
    tally.settings.added += 1;
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
  else tally.skipped[table] += 1;
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
      tally.skipped.focus_sessions += 1;
      continue;
    }
    if (session.ended_at === null) {
      tally.skipped.focus_sessions += 1;
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
      tally.skipped.interruptions += 1;
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
      tally.skipped.resume_cues += 1;
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

  /**
   * Every user record, JSON columns parsed, in a stable order; talking points in the agenda's
   * (which their positions alone cannot tell for points added in the same millisecond).
   */
  exportRecords(): ExportFile['records'] {
    const records = {} as Record<ExportTable, unknown[]>;
    for (const table of TABLE_ORDER) {
      const json = JSON_COLUMNS[table] ?? [];
      const order = table === 'talking_points' ? AGENDA_ORDER : 'ORDER BY 1';
      const rows = this.db.prepare(`SELECT * FROM ${quote(table)} ${order}`).all() as Record<
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

  /**
   * The user's undated settings as stored (only those they set), without Keel's bookkeeping keys;
   * dated ones are in `exportRules`.
   */
  exportSettings(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const { key, value } of this.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as {
      key: string;
      value: string;
    }[]) {
      if ((INTERNAL_SETTING_KEYS as readonly string[]).includes(key) || isDatedKey(key)) continue;
      out[key] = JSON.parse(value);
    }
    return out;
  }

  /** Every change of a dated setting, by key and then date, values as stored. */
  exportRules(): RuleChange[] {
    return (
      this.db
        .prepare('SELECT key, effective_from, value FROM rule_changes ORDER BY key, effective_from')
        .all() as { key: string; effective_from: string; value: string }[]
    ).map((r) => ({
      key: r.key as RuleChange['key'],
      from: r.effective_from,
      value: JSON.parse(r.value) as unknown,
    }));
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
   * focus blocks, start time) is already here are skipped, settings already set here are kept,
   * and so is a dated setting's history here (the file's changes of it are skipped). Focus blocks
   * get new row ids; their interruptions and cues follow them. A running block in the file is
   * skipped (only this machine's Keel can end it). Throws (and writes nothing) on any constraint
   * the database still refuses.
   */
  importMerge(file: ExportFile, now: number): MergeResult {
    const tally: MergeTally = {
      added: zeroCounts(),
      skipped: zeroCounts(),
      settings: { added: 0, kept: 0 },
    };
    const { records } = file;
    this.db
      .transaction(() => {
        mergeSettings(this.db, file.settings, now, tally);
        mergeRules(this.db, file.rules, now, tally);
        const agenda = openAgenda(this.db);
        for (const table of ID_KEYED_TABLES) {
          const rows = table === 'talking_points' ? inAgendaOrder(records.talking_points) : records[table];
          for (const row of rows) mergeRow(this.db, table, row as Record<string, unknown>, tally);
        }
        placeImportedPoints(this.db, agenda);
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
    return tally;
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
   * Deletes every user record, setting and dated rule (`dnd_state` stays so do-not-disturb can
   * still be put back). The data starts anew at `now`: Keel's figures count from then, as from a
   * first start (without it they would count from whenever the settings were next read).
   */
  deleteAll(now: number): void {
    this.db
      .transaction(() => {
        this.db.pragma('defer_foreign_keys = ON');
        for (const table of userTables(this.db)) this.db.prepare(`DELETE FROM ${quote(table)}`).run();
        this.db
          .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
          .run(FIRST_START_KEY, JSON.stringify(now), now);
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
