import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { KeelError } from '../../src-main/core/errors';
import { createServices } from '../../src-main/services';
import { openDatabase } from '../../src-main/storage/database';
import { openOrRecover } from '../../src-main/storage/recovery';
import { call } from '../helpers/populate';
import { tempDir } from '../helpers/temp';

const DAY = 86_400_000;
const MONDAY = Date.parse('2027-03-15T08:00:00Z');

function open(dataDir: string, at: number) {
  return createServices({
    dataDir,
    clock: new ManualClock(at),
    version: 't',
    systemZone: () => 'Europe/Berlin',
  });
}

/** A data folder with Monday's note backed up and Tuesday's note written after the backup. */
async function withBackup(): Promise<{ dataDir: string; file: string }> {
  const dataDir = tempDir();
  const monday = open(dataDir, MONDAY);
  await call(monday, 'checkin:add', { workload: 3, energy: 3, sustainable: 'yes', note: 'monday' });
  monday.data.backupIfDue();
  monday.close();
  const tuesday = open(dataDir, MONDAY + DAY);
  await call(tuesday, 'checkin:add', { workload: 3, energy: 3, sustainable: 'yes', note: 'tuesday' });
  tuesday.close();
  return { dataDir, file: path.join(dataDir, 'keel.db') };
}

const DAMAGE: [string, (file: string) => void][] = [
  [
    'a truncated file',
    (file) => {
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    },
  ],
  ['a file of garbage', (file) => fs.writeFileSync(file, Buffer.alloc(64 * 1024, 0x5a))],
  [
    'a file from a newer Keel',
    (file) => {
      const db = new Database(file);
      db.pragma('user_version = 99');
      db.close();
    },
  ],
];

describe('an unusable data file', () => {
  it.each(DAMAGE)(
    '(%s) is moved aside, never deleted, and the newest good backup restored',
    async (_name, damage) => {
      const { dataDir, file } = await withBackup();
      damage(file);
      for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      const damagedBytes = fs.readFileSync(file);

      const services = open(dataDir, MONDAY + 2 * DAY);
      const recovery = services.recovery;
      expect(recovery).not.toBeNull();
      expect(recovery?.restoredFrom?.id).toBe('daily-2027-03-15');
      // The moved file is byte for byte what was there.
      expect(fs.readFileSync(recovery?.movedTo ?? '').equals(damagedBytes)).toBe(true);
      expect(path.dirname(recovery?.movedTo ?? '')).toBe(path.join(dataDir, 'set-aside'));
      // Plain words: what happened, where the old file is, what came back.
      expect(recovery?.message).toContain(`It was moved, not deleted, to ${recovery?.movedTo}.`);
      expect(recovery?.message).toContain('Keel restored the backup from Monday 15 March 2027 at 09:00');
      // Keel runs on the backup's data, and keeps working.
      expect(services.checkin.list('2027-03-01', '2027-03-31').map((c) => c.note)).toEqual(['monday']);
      await call(services, 'checkin:add', { workload: 2, energy: 4, sustainable: 'yes', note: 'wednesday' });
      // The window hears about it until the user dismisses it, across restarts.
      expect(
        ((await call(services, 'data:overview', {})) as { recovery: { message: string } }).recovery.message,
      ).toBe(recovery?.message);
      services.close();
      const again = open(dataDir, MONDAY + 2 * DAY);
      expect(again.recovery).toBeNull();
      expect(again.data.overview().recovery?.message).toBe(recovery?.message);
      expect(again.data.dismissRecovery().recovery).toBeNull();
      again.close();
    },
  );

  it('says why: damaged versus written by a newer Keel', async () => {
    const damaged = await withBackup();
    DAMAGE[1]?.[1](damaged.file);
    const a = open(damaged.dataDir, MONDAY + 2 * DAY);
    expect(a.recovery?.message).toMatch(/^Keel’s data file was damaged and could not be read\./);
    a.close();
    const newer = await withBackup();
    DAMAGE[2]?.[1](newer.file);
    const b = open(newer.dataDir, MONDAY + 2 * DAY);
    expect(b.recovery?.reason).toBe('newer');
    expect(b.recovery?.message).toMatch(/^Keel’s data file was written by a newer version of Keel/);
    b.close();
  });

  it('skips a damaged backup for the next good one', async () => {
    const { dataDir, file } = await withBackup();
    const wednesday = open(dataDir, MONDAY + 2 * DAY);
    wednesday.data.backupIfDue();
    wednesday.close();
    const newest = path.join(dataDir, 'backups', 'daily', 'keel-2027-03-17.db');
    fs.writeFileSync(newest, Buffer.alloc(8192, 1));
    fs.rmSync(path.join(dataDir, 'backups', 'weekly'), { recursive: true });
    DAMAGE[1]?.[1](file);
    const services = open(dataDir, MONDAY + 3 * DAY);
    expect(services.recovery?.restoredFrom?.id).toBe('daily-2027-03-15');
    services.close();
  });

  it('without any backup, starts with no data and says so', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'keel.db'), 'this is not a database, it is a note to self');
    const services = open(dataDir, MONDAY);
    expect(services.recovery?.restoredFrom).toBeNull();
    expect(services.recovery?.message).toMatch(/There was no good backup, so Keel started with no data\.$/);
    expect(fs.readFileSync(services.recovery?.movedTo ?? '', 'utf8')).toBe(
      'this is not a database, it is a note to self',
    );
    expect(services.checkin.list('2027-03-01', '2027-03-31')).toEqual([]);
    services.close();
  });

  it('is told apart from a folder Keel cannot reach, which moves nothing', () => {
    const dataDir = tempDir();
    const blocked = path.join(dataDir, 'not-a-folder');
    fs.writeFileSync(blocked, 'a file where the data folder should be');
    let error: unknown;
    try {
      open(path.join(blocked, 'Keel'), MONDAY);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KeelError);
    expect((error as KeelError).code).toBe('storage');
    expect(fs.readFileSync(blocked, 'utf8')).toBe('a file where the data folder should be');
  });

  it('is not a healthy file in the middle of a checkpoint (its tail still in the WAL): nothing moves', () => {
    const live = tempDir();
    const file = path.join(live, 'keel.db');
    const db = openDatabase(file);
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(1000));
    const dir = tempDir();
    const copy = path.join(dir, 'keel.db');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    db.close();
    // A checkpoint writes pages in ascending order: page 1 (with the larger page count) is in the
    // file, the new tail is not yet — the file is shorter than its header says, and whole.
    const wal = fs.readFileSync(`${copy}-wal`);
    const pageSize = wal.readUInt32BE(8);
    let page1: Buffer | undefined;
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
      if (wal.readUInt32BE(at) === 1) page1 = wal.subarray(at + 24, at + 24 + pageSize);
    }
    if (!page1) throw new Error('no page 1 in the WAL');
    const fd = fs.openSync(copy, 'r+');
    fs.writeSync(fd, page1, 0, pageSize, 0);
    fs.closeSync(fd);
    expect(page1.readUInt32BE(28) * pageSize).toBeGreaterThan(fs.statSync(copy).size);

    const { db: opened, recovery } = openOrRecover(dir, copy, { now: MONDAY });
    expect(recovery).toBeNull();
    expect(opened.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 200 });
    opened.close();
    expect(fs.existsSync(path.join(dir, 'set-aside'))).toBe(false);
  });

  it('is not a healthy file whose native module fails to load: it throws and nothing moves', () => {
    const dir = tempDir();
    const file = path.join(dir, 'keel.db');
    openDatabase(file).close();
    expect(() =>
      openOrRecover(dir, file, { now: MONDAY, nativeBinding: path.join(dir, 'nope.node') }),
    ).toThrow(KeelError);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'set-aside'))).toBe(false);
  });
});
