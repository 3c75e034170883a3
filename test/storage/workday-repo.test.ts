import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/storage/database';
import { WorkdayRepo } from '../../src-main/storage/workday-repo';
import { tempDir } from '../helpers/temp';

function open() {
  const db = openDatabase(path.join(tempDir(), 'keel.db'));
  return { db, repo: new WorkdayRepo(db) };
}

describe('workdays table', () => {
  it('presence only widens, whatever order samples arrive in', () => {
    const { repo } = open();
    repo.recordPresence('2027-03-15', 'Europe/Berlin', 5_000);
    repo.recordPresence('2027-03-15', 'Europe/Berlin', 9_000);
    repo.recordPresence('2027-03-15', 'Europe/Berlin', 1_000);
    repo.recordPresence('2027-03-15', 'Europe/Berlin', 7_000);
    expect(repo.get('2027-03-15')).toMatchObject({ firstActive: 1_000, lastActive: 9_000 });
  });

  it('presence and the suggestion state never overwrite the ritual, nor the other way round', () => {
    const { repo } = open();
    repo.signOff(
      '2027-03-15',
      'Europe/Berlin',
      {
        signedOffAt: 10,
        done: 'x',
        unfinished: [{ item: 'a', plan: 'b' }],
        firstTomorrow: 'y',
        energy: 3,
        quietUntil: null,
      },
      true,
    );
    repo.recordPresence('2027-03-15', 'Europe/Berlin', 5);
    repo.saveState(
      { workday: '2027-03-15', suggestedAt: [4], snoozedUntil: null, notToday: false, signedOffAt: null },
      'Europe/Berlin',
    );
    expect(repo.get('2027-03-15')).toMatchObject({
      signedOffAt: 10,
      done: 'x',
      unfinished: [{ item: 'a', plan: 'b' }],
      firstActive: 5,
      state: { suggestedAt: [4], signedOffAt: 10 },
    });
  });

  it.each([
    ["INSERT INTO workdays (date, zone) VALUES ('15/03/2027', 'UTC')"],
    ["INSERT INTO workdays (date, zone, first_active, last_active) VALUES ('2027-03-15', 'UTC', 10, 5)"],
    ["INSERT INTO workdays (date, zone, first_active) VALUES ('2027-03-15', 'UTC', 10)"],
    ["INSERT INTO workdays (date, zone, energy) VALUES ('2027-03-15', 'UTC', 6)"],
    ["INSERT INTO workdays (date, zone, unfinished) VALUES ('2027-03-15', 'UTC', 'not json')"],
  ])('the schema refuses what Keel never writes: %s', (sql) => {
    const { db } = open();
    expect(() => db.exec(sql)).toThrow(/CHECK constraint failed/);
  });
});
