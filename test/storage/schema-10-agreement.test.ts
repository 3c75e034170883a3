import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../src-main/storage/migrations';

/**
 * Migration 10 widens the share log for issue #19: a `kind` for each shared document (rows from
 * before are summaries) and the formats they share in; here, the working agreement's kinds and
 * formats (the weekly update's are in schema-10.test.ts).
 */

const SHARE = {
  id: '39fd8ca3-8ed2-403c-9dd6-03b378dfe751',
  at: 1770135840000,
  local_date: '2026-02-03',
  period_from: '2026-01-21',
  period_to: '2026-02-03',
  sections: '["trends"]',
  note_count: 0,
  format: 'md',
  via: 'window',
  content_hash: 'b'.repeat(64),
};

function atSchema8(): Database.Database {
  const db = new Database(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 8),
  );
  db.prepare(
    `INSERT INTO shares (id, at, local_date, period_from, period_to, sections, note_count, format, via, content_hash)
     VALUES (@id, @at, @local_date, @period_from, @period_to, @sections, @note_count, @format, @via, @content_hash)`,
  ).run(SHARE);
  return db;
}

const insert = (db: Database.Database, over: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO shares (id, at, local_date, period_from, period_to, sections, note_count, format, via, content_hash, kind)
       VALUES (@id, @at, @local_date, @period_from, @period_to, @sections, @note_count, @format, @via, @content_hash, @kind)`,
    )
    .run({ ...SHARE, kind: 'agreement', ...over });

describe('schema 10: the working agreement’s kinds and formats in the share log', () => {
  it('keeps every share as a summary, and takes the agreement’s kinds and formats', () => {
    const db = atSchema8();
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(10);
    expect(db.prepare('SELECT * FROM shares').all()).toEqual([{ ...SHARE, kind: 'summary' }]);
    for (const format of ['text', 'ics']) {
      insert(db, { id: `a-${format}`, format });
    }
    insert(db, { id: 'status', format: 'text', kind: 'status' });
    expect(() => insert(db, { id: 'x', format: 'docx' })).toThrow(/CHECK/);
    expect(() => insert(db, { id: 'y', kind: '' })).toThrow(/CHECK/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM shares WHERE local_date = '2026-02-03' ORDER BY at")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('shares_by_date');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
