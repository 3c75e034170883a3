import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../src-main/storage/migrations';

/**
 * Migration 9 (issue #19): the share log takes the new formats — plain text for chat and rich
 * text — while the rows written before (Markdown copies as 'clipboard') stay exactly as they were.
 */

const HASH = 'a'.repeat(64);

function row(id: string, format: string) {
  return {
    id,
    at: 1_800_000_000_000,
    local_date: '2027-03-15',
    period_from: '2027-03-01',
    period_to: '2027-03-14',
    sections: '["trends","talkingPoints"]',
    note_count: 0,
    format,
    via: 'window',
    content_hash: HASH,
  };
}

const INSERT = `INSERT INTO shares (id, at, local_date, period_from, period_to, sections, note_count, format, via, content_hash)
  VALUES (@id, @at, @local_date, @period_from, @period_to, @sections, @note_count, @format, @via, @content_hash)`;

function atSchema8(): Database.Database {
  const db = new Database(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 8),
  );
  expect(schemaVersion(db)).toBe(8);
  return db;
}

describe('schema 9: share formats', () => {
  it('keeps every past share as it was and takes text and rich from then on', () => {
    const db = atSchema8();
    for (const [id, format] of [
      ['a', 'md'],
      ['b', 'clipboard'],
      ['c', 'pdf'],
    ])
      db.prepare(INSERT).run(row(id as string, format as string));
    // Before: the new formats are refused.
    expect(() => db.prepare(INSERT).run(row('x', 'text'))).toThrow(/CHECK constraint failed/);
    const before = db.prepare('SELECT * FROM shares ORDER BY id').all();

    // Schema 9 alone (10 then adds each share's kind).
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 9),
      ),
    ).toEqual({ from: 8, to: 9 });
    expect(db.prepare('SELECT * FROM shares ORDER BY id').all()).toEqual(before);
    db.prepare(INSERT).run(row('d', 'text'));
    db.prepare(INSERT).run(row('e', 'rich'));
    expect(() => db.prepare(INSERT).run(row('f', 'slack'))).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT format FROM shares ORDER BY id').pluck().all()).toEqual([
      'md',
      'clipboard',
      'pdf',
      'text',
      'rich',
    ]);
    db.close();
  });

  it('keeps the index the share log reads by date', () => {
    const db = atSchema8();
    migrate(db);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM shares WHERE local_date >= ? ORDER BY local_date, at')
      .all('2027-03-01') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX shares_by_date/);
    db.close();
  });
});
