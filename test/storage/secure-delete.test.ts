import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { checkBackupFile, listBackups } from '../../src-main/storage/backups';
import { call } from '../helpers/populate';
import { makeServices } from '../helpers/services';

const MONDAY = Date.parse('2027-03-15T08:00:00Z');
// Long enough to be unmistakable; repeated so it spans more than one cell's worth of text.
const SECRET = 'QUOKKA-ZEBRA-7731-my-manager-must-never-read-this ';
const NOTE = SECRET.repeat(6).trim();

/** Whether the note's distinctive bytes are anywhere in `file` (UTF-8, as SQLite stores it). */
function holds(file: string): boolean {
  return fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from('QUOKKA-ZEBRA-7731'));
}

async function addSecret(services: ReturnType<typeof makeServices>['services']): Promise<{ id: string }> {
  const check = await call(services, 'checkin:add', {
    workload: 4,
    energy: 2,
    sustainable: 'no',
    note: NOTE,
  });
  await call(services, 'checkin:add', {
    workload: 3,
    energy: 3,
    sustainable: 'yes',
    note: 'an ordinary day',
  });
  return check as { id: string };
}

describe('deleting a check-in', () => {
  it('leaves no byte of its note in keel.db or its WAL (secure_delete)', async () => {
    const { services, dataDir } = makeServices(MONDAY);
    const file = path.join(dataDir, 'keel.db');
    const check = await addSecret(services);
    // A second connection checkpoints, as the app's own checkpoints would: the note is in the file.
    const other = new Database(file);
    other.pragma('wal_checkpoint(TRUNCATE)');
    expect(holds(file)).toBe(true);
    await call(services, 'checkin:delete', { id: check.id });
    other.pragma('wal_checkpoint(TRUNCATE)');
    expect(holds(file)).toBe(false);
    expect(holds(`${file}-wal`)).toBe(false);
    // The other check-in is still there, whole.
    expect(fs.readFileSync(file).includes(Buffer.from('an ordinary day'))).toBe(true);
    other.close();
    services.close();
  });

  it('empties the WAL at once, so its older frames do not keep the note either', async () => {
    const { services, dataDir } = makeServices(MONDAY);
    const file = path.join(dataDir, 'keel.db');
    const check = await addSecret(services);
    expect(holds(`${file}-wal`) || holds(file)).toBe(true);
    await call(services, 'checkin:delete', { id: check.id });
    expect(holds(file)).toBe(false);
    expect(holds(`${file}-wal`)).toBe(false);
    services.close();
  });
});

describe('purging a deleted check-in from the backups', () => {
  it('removes its note’s bytes from every backup copy, which stay whole, 0600 and of the same age', async () => {
    const { services, dataDir } = makeServices(MONDAY);
    const check = await addSecret(services);
    services.data.backupNow();
    const backups = listBackups(dataDir);
    // The daily and the weekly copy.
    expect(backups).toHaveLength(2);
    for (const backup of backups) expect(holds(backup.path)).toBe(true);

    const handlers = createHandlers(services);
    const result = await dispatch(handlers, 'checkin:delete', { id: check.id, purgeBackups: true });
    expect(result).toEqual({ ok: true, value: { deleted: check.id, backups: { purged: 2, failed: 0 } } });
    expect(listBackups(dataDir)).toEqual(backups);
    for (const backup of backups) {
      expect(holds(backup.path)).toBe(false);
      expect(fs.existsSync(`${backup.path}-wal`)).toBe(false);
      expect(checkBackupFile(backup.path)).toBeNull();
      expect(fs.readFileSync(backup.path).includes(Buffer.from('an ordinary day'))).toBe(true);
      if (process.platform !== 'win32') expect(fs.statSync(backup.path).mode & 0o777).toBe(0o600);
    }
    // A copy that does not hold it is not counted (nor rewritten).
    const again = (await call(services, 'checkin:add', { workload: 3, energy: 3, sustainable: 'yes' })) as {
      id: string;
    };
    expect(await call(services, 'checkin:delete', { id: again.id, purgeBackups: true })).toEqual({
      deleted: again.id,
      backups: { purged: 0, failed: 0 },
    });
    services.close();
  });

  it('is asked for: without it the backups keep the note, as the delete dialog says', async () => {
    const { services, dataDir } = makeServices(MONDAY);
    const check = await addSecret(services);
    services.data.backupNow();
    expect(await call(services, 'checkin:delete', { id: check.id })).toEqual({ deleted: check.id });
    for (const backup of listBackups(dataDir)) expect(holds(backup.path)).toBe(true);
    services.close();
  });
});
