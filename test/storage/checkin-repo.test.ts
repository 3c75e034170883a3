import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/storage/database';
import { tempDir } from '../helpers/temp';

describe('checkins table', () => {
  it('a range query by date uses the checkins_by_date index (no table scan)', () => {
    const db = openDatabase(path.join(tempDir(), 'keel.db'));
    const plan = db
      .prepare<[], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT * FROM checkins WHERE local_date BETWEEN '2027-01-01' AND '2027-12-31' ORDER BY local_date, at",
      )
      .all()
      .map((r) => r.detail);
    expect(plan.join('\n')).toMatch(
      /SEARCH checkins USING INDEX checkins_by_date \(local_date>\? AND local_date<\?\)/,
    );
    expect(plan.join('\n')).not.toMatch(/SCAN checkins|USE TEMP B-TREE/);
  });

  it.each([
    [
      "INSERT INTO checkins (id, at, local_date, zone, workload, energy, sustainable) VALUES ('a', 1, '2027-01-01', 'UTC', 0, 3, 'yes')",
    ],
    [
      "INSERT INTO checkins (id, at, local_date, zone, workload, energy, sustainable) VALUES ('a', 1, '2027-01-01', 'UTC', 3, 3, 'maybe')",
    ],
    [
      "INSERT INTO checkins (id, at, local_date, zone, workload, energy, sustainable, shareable) VALUES ('a', 1, '2027-01-01', 'UTC', 3, 3, 'yes', 1)",
    ],
    [
      "INSERT INTO questionnaire_results (id, kind, at, local_date, zone, answers, score) VALUES ('a', 'who5', 1, '2027-01-01', 'UTC', '[]', 101)",
    ],
  ])(
    'the schema refuses what Keel never writes (a shareable flag without a note, out-of-range values): %s',
    (sql) => {
      const db = openDatabase(path.join(tempDir(), 'keel.db'));
      expect(() => db.exec(sql)).toThrow(/CHECK constraint failed/);
    },
  );
});
