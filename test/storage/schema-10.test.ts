import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../src-main/storage/migrations';
import { SummaryRepo } from '../../src-main/storage/summary-repo';
import { UpdateRepo } from '../../src-main/storage/update-repo';

const HASH = 'a'.repeat(64);

/** A database at schema 8 (the one before the weekly update) with one shared summary. */
function schema8(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 8),
  );
  db.prepare(
    `INSERT INTO shares (id, at, local_date, period_from, period_to, sections, note_count, format, via, content_hash)
     VALUES ('s1', 1, '2027-03-15', '2027-03-01', '2027-03-14', '["trends"]', 0, 'md', 'window', ?)`,
  ).run(HASH);
  return db;
}

describe('migration 10 (weekly update)', () => {
  it('keeps every shared summary, as a summary, and its index', () => {
    const db = schema8();
    expect(migrate(db).to).toBe(LATEST_VERSION);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const shares = new SummaryRepo(db).shares();
    expect(shares).toEqual([
      expect.objectContaining({
        id: 's1',
        kind: 'summary',
        format: 'md',
        sections: ['trends'],
        contentHash: HASH,
      }),
    ]);
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT * FROM shares WHERE local_date >= '2027-03-01' ORDER BY local_date, at",
      )
      .all()
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX shares_by_date/);
  });

  it('takes the weekly update’s kind and plain-text format, and still refuses nonsense', () => {
    const db = schema8();
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO shares (id, at, local_date, period_from, period_to, sections, note_count, format, via, content_hash, kind)
       VALUES (?, 2, '2027-03-19', '2027-03-15', '2027-03-21', '[]', 0, ?, 'cli', ?, ?)`,
    );
    insert.run('s2', 'text', HASH, 'weekly-update');
    expect(() => insert.run('s3', 'docx', HASH, 'weekly-update')).toThrow(/CHECK/);
    expect(() => insert.run('s4', 'md', HASH, '')).toThrow(/CHECK/);
  });

  it('keeps one draft per period, as JSON edits', () => {
    const db = schema8();
    migrate(db);
    const repo = new UpdateRepo(db);
    const edits = { shipped: ['A'], next: [], blockers: ['B'], focus: true, mood: false };
    repo.save('2027-03-15', '2027-03-21', edits, 1);
    repo.save('2027-03-15', '2027-03-21', { ...edits, shipped: ['A2'] }, 2);
    expect(repo.get('2027-03-15', '2027-03-21')).toEqual({
      from: '2027-03-15',
      to: '2027-03-21',
      edits: { ...edits, shipped: ['A2'] },
      updatedAt: 2,
    });
    expect(repo.get('2027-03-15', '2027-03-20')).toBeUndefined();
    // A row that no longer reads as edits counts as none (the draft is made again).
    db.prepare('UPDATE update_drafts SET edits = \'{"shipped": 3}\'').run();
    expect(repo.get('2027-03-15', '2027-03-21')).toBeUndefined();
    expect(() =>
      db.prepare("INSERT INTO update_drafts VALUES ('2027-03-21', '2027-03-15', '{}', 1)").run(),
    ).toThrow(/CHECK/);
  });
});
