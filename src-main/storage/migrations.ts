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
  {
    version: 2,
    name: 'focus',
    up(db) {
      db.exec(`
        CREATE TABLE focus_sessions (
          id            INTEGER PRIMARY KEY,
          kind          TEXT NOT NULL CHECK (kind IN ('planned', 'adhoc')),
          occurrence_id TEXT,
          started_at    INTEGER NOT NULL,
          planned_end   INTEGER NOT NULL CHECK (planned_end > started_at),
          ended_at      INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
          end_reason    TEXT CHECK (end_reason IN ('completed', 'stopped')),
          local_date    TEXT NOT NULL,
          zone          TEXT NOT NULL,
          CHECK ((ended_at IS NULL) = (end_reason IS NULL))
        ) STRICT;
        -- At most one block runs at a time, whatever process writes.
        CREATE UNIQUE INDEX focus_sessions_one_running ON focus_sessions ((1)) WHERE ended_at IS NULL;
        CREATE INDEX focus_sessions_by_date ON focus_sessions (local_date);
        CREATE INDEX focus_sessions_by_occurrence ON focus_sessions (occurrence_id) WHERE occurrence_id IS NOT NULL;

        CREATE TABLE interruptions (
          id         INTEGER PRIMARY KEY,
          session_id INTEGER NOT NULL REFERENCES focus_sessions (id) ON DELETE CASCADE,
          at         INTEGER NOT NULL,
          kind       TEXT NOT NULL CHECK (kind IN ('meeting', 'chat', 'incident', 'other')),
          note       TEXT,
          local_date TEXT NOT NULL
        ) STRICT;
        CREATE INDEX interruptions_by_session ON interruptions (session_id);
        CREATE INDEX interruptions_by_date ON interruptions (local_date);

        -- Planned blocks the user chose to skip ("skip this one").
        CREATE TABLE focus_skips (
          occurrence_id TEXT PRIMARY KEY,
          skipped_at    INTEGER NOT NULL
        ) STRICT;

        -- "Where I left off": written at an interruption or a block's end, shown at the next start.
        CREATE TABLE resume_cues (
          id         INTEGER PRIMARY KEY,
          at         INTEGER NOT NULL,
          text       TEXT NOT NULL,
          session_id INTEGER REFERENCES focus_sessions (id) ON DELETE SET NULL,
          shown_at   INTEGER
        ) STRICT;

        -- The do-not-disturb state Keel changed and what it was before, for crash-safe restore.
        CREATE TABLE dnd_state (
          id         INTEGER PRIMARY KEY CHECK (id = 1),
          adapter    TEXT NOT NULL,
          prior      TEXT NOT NULL CHECK (json_valid(prior)),
          changed_at INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 3,
    name: 'workdays',
    up(db) {
      db.exec(`
        -- One row per workday (by the day boundary): presence as two instants, the sign-off
        -- suggestion's state, and the ritual's answers. Nothing about apps, windows or keys.
        CREATE TABLE workdays (
          date           TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          zone           TEXT NOT NULL,
          first_active   INTEGER,
          last_active    INTEGER,
          suggested_at   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(suggested_at)),
          snoozed_until  INTEGER,
          not_today      INTEGER NOT NULL DEFAULT 0 CHECK (not_today IN (0, 1)),
          signed_off_at  INTEGER,
          done           TEXT,
          unfinished     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(unfinished)),
          first_tomorrow TEXT,
          energy         INTEGER CHECK (energy BETWEEN 1 AND 5),
          quiet_until    INTEGER,
          CHECK ((first_active IS NULL) = (last_active IS NULL)),
          CHECK (last_active IS NULL OR last_active >= first_active)
        ) STRICT, WITHOUT ROWID;
      `);
    },
  },
  {
    version: 4,
    name: 'checkins',
    up(db) {
      db.exec(`
        CREATE TABLE checkins (
          id          TEXT PRIMARY KEY,
          at          INTEGER NOT NULL,
          local_date  TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          zone        TEXT NOT NULL,
          workload    INTEGER NOT NULL CHECK (workload BETWEEN 1 AND 5),
          energy      INTEGER NOT NULL CHECK (energy BETWEEN 1 AND 5),
          sustainable TEXT NOT NULL CHECK (sustainable IN ('yes', 'mostly', 'no')),
          stretched   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(stretched)),
          note        TEXT,
          -- Only a note can be shared, and only when the user said so.
          shareable   INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1) AND (note IS NOT NULL OR shareable = 0)),
          updated_at  INTEGER
        ) STRICT;
        -- Range queries (history, trends, summaries) read by date; ties keep time order.
        CREATE INDEX checkins_by_date ON checkins (local_date, at);

        CREATE TABLE questionnaire_results (
          id         TEXT PRIMARY KEY,
          kind       TEXT NOT NULL CHECK (kind IN ('burnout', 'who5')),
          at         INTEGER NOT NULL,
          local_date TEXT NOT NULL,
          zone       TEXT NOT NULL,
          answers    TEXT NOT NULL CHECK (json_valid(answers)),
          score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100)
        ) STRICT;
        CREATE INDEX questionnaire_results_by_kind ON questionnaire_results (kind, local_date);

        -- A check-in prompt the user snoozed or skipped (by its agenda id).
        CREATE TABLE check_prompt_answers (
          prompt_id TEXT PRIMARY KEY,
          action    TEXT NOT NULL CHECK (action IN ('snooze', 'skip')),
          until     INTEGER,
          at        INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 5,
    name: 'one-on-one',
    up(db) {
      db.exec(`
        -- Points to raise at the next one-on-one; undiscussed ones carry over.
        CREATE TABLE talking_points (
          id           TEXT PRIMARY KEY,
          text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
          created_at   INTEGER NOT NULL,
          discussed_at INTEGER
        ) STRICT;
        CREATE INDEX talking_points_open ON talking_points (discussed_at, created_at);

        -- Every summary that left Keel: when, which period and sections, how, and a hash of
        -- exactly what was exported (the text itself is not kept).
        CREATE TABLE shares (
          id           TEXT PRIMARY KEY,
          at           INTEGER NOT NULL,
          local_date   TEXT NOT NULL,
          period_from  TEXT NOT NULL,
          period_to    TEXT NOT NULL CHECK (period_to >= period_from),
          sections     TEXT NOT NULL CHECK (json_valid(sections)),
          note_count   INTEGER NOT NULL DEFAULT 0,
          format       TEXT NOT NULL CHECK (format IN ('md', 'html', 'pdf', 'clipboard', 'json')),
          via          TEXT NOT NULL CHECK (via IN ('window', 'cli')),
          content_hash TEXT NOT NULL CHECK (length(content_hash) = 64)
        ) STRICT;
        CREATE INDEX shares_by_date ON shares (local_date, at);
      `);
    },
  },
  {
    version: 6,
    name: 'dated-rules',
    up(db) {
      db.exec(`
        -- The rules that decide a day's figures, each with the local date it took effect
        -- (docs/decisions/0008). '0000-01-01' is "since the beginning".
        CREATE TABLE rule_changes (
          key            TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
          effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          value          TEXT NOT NULL CHECK (json_valid(value)),
          changed_at     INTEGER NOT NULL,
          PRIMARY KEY (key, effective_from)
        ) STRICT, WITHOUT ROWID;

        -- Per-day figures read these columns only: covering indexes keep a year's figures from
        -- visiting every row (bench figure 2).
        CREATE INDEX focus_sessions_figures ON focus_sessions (local_date, started_at, ended_at, planned_end);
        CREATE INDEX interruptions_figures ON interruptions (local_date, kind);

        -- What the user had set is kept as in force since the beginning, so no past day changes.
        INSERT INTO rule_changes (key, effective_from, value, changed_at)
          SELECT key, '0000-01-01', value, updated_at FROM settings
          WHERE key IN ('zone', 'workingHours', 'dayBoundary', 'focusPlan', 'focusPauses', 'holidays',
                        'checkins', 'oneOnOne');
        DELETE FROM settings
          WHERE key IN ('zone', 'workingHours', 'dayBoundary', 'focusPlan', 'focusPauses', 'holidays',
                        'checkins', 'oneOnOne');
      `);
    },
  },
  {
    version: 7,
    name: 'calendar-cache',
    up(db) {
      db.exec(`
        -- The user's calendar file, expanded for the window Keel looks at (issue #15): read in a
        -- worker when the file changes, so status, agenda and notifications never parse it. A
        -- cache: the file is the truth, and these rows are replaced whole at each read.
        CREATE TABLE calendar_occurrences (
          start   INTEGER NOT NULL,
          "end"   INTEGER NOT NULL CHECK ("end" >= start),
          uid     TEXT NOT NULL,
          title   TEXT NOT NULL,
          status  TEXT NOT NULL CHECK (status IN ('busy', 'tentative', 'out-of-office', 'free', 'cancelled')),
          all_day INTEGER NOT NULL CHECK (all_day IN (0, 1))
        ) STRICT;
        CREATE INDEX calendar_occurrences_by_time ON calendar_occurrences (start, "end");

        -- Which file (and which read of it) the occurrences come from, for which window, and
        -- read with which settings (reading_key: the zone and addresses, as the calendar service
        -- writes them): the rows are good only while all of these still hold.
        CREATE TABLE calendar_snapshot (
          id          INTEGER PRIMARY KEY CHECK (id = 1),
          file_path   TEXT NOT NULL,
          size        INTEGER NOT NULL CHECK (size >= 0),
          mtime_ms    REAL NOT NULL,
          window_from INTEGER NOT NULL,
          window_to   INTEGER NOT NULL CHECK (window_to >= window_from),
          read_at     INTEGER NOT NULL,
          stats       TEXT NOT NULL CHECK (json_valid(stats)),
          reading_key TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 8,
    name: 'talking-point-order',
    up(db) {
      db.exec(`
        -- The agenda's order, as the user arranged it (issue #18): a point without a position
        -- (added since, or from an older export) sorts by when it was added, after the arranged ones.
        ALTER TABLE talking_points ADD COLUMN position INTEGER;
      `);
    },
  },
  {
    version: 9,
    name: 'share-formats',
    up(db) {
      db.exec(`
        -- Every way a summary leaves (issue #19): plain text for chat and rich text (HTML with
        -- text) join Markdown, HTML, PDF and JSON. 'clipboard' stays for the rows written before,
        -- which were Markdown copies; they are copied over as they are.
        CREATE TABLE shares_v9 (
          id           TEXT PRIMARY KEY,
          at           INTEGER NOT NULL,
          local_date   TEXT NOT NULL,
          period_from  TEXT NOT NULL,
          period_to    TEXT NOT NULL CHECK (period_to >= period_from),
          sections     TEXT NOT NULL CHECK (json_valid(sections)),
          note_count   INTEGER NOT NULL DEFAULT 0,
          format       TEXT NOT NULL
                       CHECK (format IN ('md', 'text', 'html', 'rich', 'pdf', 'json', 'clipboard')),
          via          TEXT NOT NULL CHECK (via IN ('window', 'cli')),
          content_hash TEXT NOT NULL CHECK (length(content_hash) = 64)
        ) STRICT;
        INSERT INTO shares_v9 SELECT id, at, local_date, period_from, period_to, sections, note_count,
          format, via, content_hash FROM shares;
        DROP TABLE shares;
        ALTER TABLE shares_v9 RENAME TO shares;
        CREATE INDEX shares_by_date ON shares (local_date, at);
      `);
    },
  },
  {
    version: 10,
    name: 'weekly-update',
    up(db) {
      db.exec(`
        -- The weekly update as the user edited it, one per period (issue #19): closing the
        -- window keeps the edits. 'edits' is core/weekly-update.ts's UpdateEdits as JSON.
        CREATE TABLE update_drafts (
          period_from TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          period_to   TEXT NOT NULL CHECK (period_to >= period_from),
          edits       TEXT NOT NULL CHECK (json_valid(edits)),
          updated_at  INTEGER NOT NULL,
          PRIMARY KEY (period_from, period_to)
        ) STRICT, WITHOUT ROWID;

        -- The share log holds every kind of document that left (the summary, the weekly update,
        -- the working agreement and its status line for chat) and the formats issue #19 shares in. SQLite cannot widen
        -- a CHECK in place: the table is copied, rows and index alike. Rows from before are
        -- summaries.
        CREATE TABLE shares_new (
          id           TEXT PRIMARY KEY,
          at           INTEGER NOT NULL,
          local_date   TEXT NOT NULL,
          period_from  TEXT NOT NULL,
          period_to    TEXT NOT NULL CHECK (period_to >= period_from),
          sections     TEXT NOT NULL CHECK (json_valid(sections)),
          note_count   INTEGER NOT NULL DEFAULT 0,
          format       TEXT NOT NULL
                       CHECK (format IN ('md', 'text', 'html', 'rich', 'pdf', 'clipboard', 'json', 'ics')),
          via          TEXT NOT NULL CHECK (via IN ('window', 'cli')),
          content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
          kind         TEXT NOT NULL DEFAULT 'summary' CHECK (length(kind) BETWEEN 1 AND 40)
        ) STRICT;
        INSERT INTO shares_new (id, at, local_date, period_from, period_to, sections, note_count, format, via, content_hash)
          SELECT id, at, local_date, period_from, period_to, sections, note_count, format, via, content_hash FROM shares;
        DROP TABLE shares;
        ALTER TABLE shares_new RENAME TO shares;
        CREATE INDEX shares_by_date ON shares (local_date, at);
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
  if (from === latest) return { from, to: from };
  // The version is read again inside the write lock: two Keel processes starting together (the
  // app and a `keel` command after an upgrade) must not both run the same migration.
  return db
    .transaction(() => {
      const now = schemaVersion(db);
      if (now > latest) throw new DatabaseFromFutureError(now, latest, db.name);
      const pending = [...migrations].filter((m) => m.version > now).sort((a, b) => a.version - b.version);
      for (const m of pending) m.up(db);
      if (pending.length > 0) db.pragma(`user_version = ${latest}`);
      return { from: now, to: latest };
    })
    .immediate();
}
