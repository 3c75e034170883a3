import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src-main/services';
import { ManualClock } from '../../src-main/core/clock';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { checkBackupFile, listBackups, partialName } from '../../src-main/storage/backups';
import { MIGRATIONS, migrate } from '../../src-main/storage/migrations';
import { snapshot } from '../helpers/db-snapshot';
import { call } from '../helpers/populate';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

const DAY = 86_400_000;
const MONDAY = Date.parse('2027-03-15T08:00:00Z');

function notes(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT note FROM checkins ORDER BY at').all() as { note: string }[]).map(
      (r) => r.note,
    );
  } finally {
    db.close();
  }
}

async function addNote(services: ReturnType<typeof makeServices>['services'], note: string): Promise<void> {
  await call(services, 'checkin:add', { workload: 3, energy: 3, sustainable: 'yes', note });
}

describe('daily backups', () => {
  it('take one copy a day and one a week, and keep 7 daily and 4 weekly', async () => {
    const { services, clock, dataDir } = makeServices(MONDAY);
    for (let day = 0; day < 40; day++) {
      await addNote(services, `day ${day}`);
      services.data.backupIfDue();
      // A second chance the same day (the next presence sample) writes nothing new.
      expect(services.data.backupIfDue()).toBeNull();
      clock.jumpTo(MONDAY + (day + 1) * DAY);
    }
    const backups = listBackups(dataDir);
    const daily = backups.filter((b) => b.kind === 'daily').map((b) => b.id);
    const weekly = backups.filter((b) => b.kind === 'weekly').map((b) => b.id);
    expect(daily).toEqual([
      'daily-2027-04-23',
      'daily-2027-04-22',
      'daily-2027-04-21',
      'daily-2027-04-20',
      'daily-2027-04-19',
      'daily-2027-04-18',
      'daily-2027-04-17',
    ]);
    // Mondays: each week's first copy.
    expect(weekly).toEqual([
      'weekly-2027-04-19',
      'weekly-2027-04-12',
      'weekly-2027-04-05',
      'weekly-2027-03-29',
    ]);
    // Each copy holds the data as it was that day, and passes SQLite's check.
    const latest = backups.find((b) => b.id === 'daily-2027-04-23');
    expect(notes(latest?.path ?? '')).toHaveLength(40);
    const week = backups.find((b) => b.id === 'weekly-2027-04-12');
    expect(notes(week?.path ?? '').at(-1)).toBe('day 28');
    for (const backup of backups) expect(checkBackupFile(backup.path)).toBeNull();
    expect(fs.readdirSync(path.join(dataDir, 'backups', 'daily')).every((n) => n.endsWith('.db'))).toBe(true);
  });

  it('are taken when Keel starts and by "Back up now", which refreshes today’s copy', async () => {
    const { services, dataDir } = makeServices(MONDAY);
    await addNote(services, 'before');
    expect(services.data.backupIfDue()?.id).toBe('daily-2027-03-15');
    await addNote(services, 'after');
    const overview = (await call(services, 'data:backupNow', {})) as { backups: { id: string }[] };
    expect(overview.backups.map((b) => b.id)).toEqual(['daily-2027-03-15', 'weekly-2027-03-15']);
    expect(notes(path.join(dataDir, 'backups', 'daily', 'keel-2027-03-15.db'))).toEqual(['before', 'after']);
  });
});

describe('restore', () => {
  it('puts a backup’s data back, after keeping a safety copy of the data as it was', async () => {
    const { services, clock } = makeServices(MONDAY);
    await addNote(services, 'monday');
    services.data.backupIfDue();
    clock.jumpTo(MONDAY + DAY);
    await addNote(services, 'tuesday');
    await call(services, 'settings:set', { key: 'theme', value: 'dark' });
    services.db
      .prepare("INSERT INTO dnd_state (id, adapter, prior, changed_at) VALUES (1, 'gnome', '{}', 1)")
      .run();
    let replaced = 0;
    services.data.onReplaced.on(() => replaced++);

    const result = (await call(services, 'data:restore', { id: 'daily-2027-03-15' })) as {
      restored: { id: string };
      safetyCopy: { id: string };
    };
    expect(result.restored.id).toBe('daily-2027-03-15');
    expect(services.checkin.list('2027-03-01', '2027-03-31').map((c) => c.note)).toEqual(['monday']);
    expect(services.settings.get().theme).toBe('system');
    expect(replaced).toBe(1);
    // Do-not-disturb bookkeeping describes the desktop now: a restore leaves it alone.
    expect(services.db.prepare('SELECT adapter FROM dnd_state').all()).toEqual([{ adapter: 'gnome' }]);

    // The restore itself can be undone from the safety copy.
    await call(services, 'data:restore', { id: result.safetyCopy.id });
    expect(services.checkin.list('2027-03-01', '2027-03-31').map((c) => c.note)).toEqual([
      'monday',
      'tuesday',
    ]);
    expect(services.settings.get().theme).toBe('dark');
  });

  it('brings a backup from an older Keel up to this schema', async () => {
    const dataDir = tempDir();
    const old = path.join(dataDir, 'backups', 'daily');
    fs.mkdirSync(old, { recursive: true });
    const oldDb = new Database(path.join(old, 'keel-2027-03-14.db'));
    migrate(
      oldDb,
      MIGRATIONS.filter((m) => m.version <= 2),
    );
    oldDb.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"dark\"', 1)").run();
    oldDb.close();
    const { services } = makeServices(MONDAY, 'Europe/Berlin', { dataDir });
    await call(services, 'data:restore', { id: 'daily-2027-03-14' });
    expect(services.settings.get().theme).toBe('dark');
    await addNote(services, 'works on the new tables');
    expect(services.checkin.list('2027-03-01', '2027-03-31')).toHaveLength(1);
  });

  it('refuses a damaged backup, a missing one and a path, and changes nothing', async () => {
    const { services, dataDir } = makeServices(MONDAY);
    await addNote(services, 'keep me');
    services.data.backupIfDue();
    const file = path.join(dataDir, 'backups', 'daily', 'keel-2027-03-15.db');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, 4096 + 100));
    const handlers = createHandlers(services);
    const before = snapshot(services.db);
    const damaged = await dispatch(handlers, 'data:restore', { id: 'daily-2027-03-15' });
    expect(damaged).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(!damaged.ok && damaged.error.message).toMatch(
      /^That backup cannot be restored because .*; nothing was changed\.$/,
    );
    expect(await dispatch(handlers, 'data:restore', { id: 'daily-2026-01-01' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no backup by that name.' },
    });
    expect(await dispatch(handlers, 'data:restore', { id: '../keel' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(snapshot(services.db)).toBe(before);
  });
});

describe('safety copies', () => {
  it('keep every copy of the last week (a restore’s undo among them), and at least three', async () => {
    const { services, clock, dataDir } = makeServices(MONDAY);
    services.data.backupIfDue();
    const first = services.data.restore('daily-2027-03-15').safetyCopy.id;
    for (let i = 0; i < 5; i++) services.data.restore('daily-2027-03-15');
    const safety = () => listBackups(dataDir).filter((b) => b.kind === 'safety');
    expect(safety()).toHaveLength(6);
    expect(safety().map((b) => b.id)).toContain(first);
    clock.jumpTo(MONDAY + 8 * DAY);
    services.data.backupIfDue();
    services.data.restore('daily-2027-03-23');
    // The six from last week are older than seven days: only the newest three of all stay.
    expect(safety()).toHaveLength(3);
    expect(safety().map((b) => b.id)).not.toContain(first);
  });

  it('a restore leaves Keel’s own bookkeeping (a dismissed notice, the calendar file) as it is now', async () => {
    const { services, dataDir } = makeServices(MONDAY);
    services.data.backupIfDue();
    const db = services.db;
    db.prepare(
      "INSERT INTO settings (key, value, updated_at) VALUES ('calendarFile', '\"/now/cal.ics\"', 1)",
    ).run();
    services.data.restore('daily-2027-03-15');
    expect(db.prepare("SELECT value FROM settings WHERE key = 'calendarFile'").get()).toEqual({
      value: '"/now/cal.ics"',
    });
    expect(fs.existsSync(dataDir)).toBe(true);
  });
});

describe('leftovers of an interrupted copy', () => {
  it('are removed at start-up once they are old, never while another Keel may still write them', () => {
    const dataDir = tempDir();
    const daily = path.join(dataDir, 'backups', 'daily');
    fs.mkdirSync(daily, { recursive: true });
    const old = Date.now() / 1000 - 2 * 3600;
    const leftovers = [
      path.join(daily, 'keel-2027-03-14.db.123.partial'),
      path.join(dataDir, 'backups', 'restore-123-1.staging'),
      path.join(dataDir, 'backups', 'restore-123-1.staging-wal'),
      path.join(dataDir, 'keel.db.restoring'),
    ];
    for (const file of leftovers) {
      fs.writeFileSync(file, 'a copy of the user’s data');
      fs.utimesSync(file, old, old);
    }
    const fresh = path.join(daily, 'keel-2027-03-15.db.456.partial');
    fs.writeFileSync(fresh, 'being written by another Keel right now');
    const { services } = makeServices(MONDAY, 'Europe/Berlin', { dataDir });
    for (const file of leftovers) expect(fs.existsSync(file), file).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    services.close();
  });
});

describe('a backup copy', () => {
  it('is written whole or not at all: a failure leaves the last good copy', () => {
    const dataDir = tempDir();
    const clock = new ManualClock(MONDAY);
    const services = createServices({ dataDir, clock, version: 't', systemZone: () => 'UTC' });
    services.data.backupIfDue();
    const file = path.join(dataDir, 'backups', 'daily', 'keel-2027-03-15.db');
    const good = fs.readFileSync(file);
    // A folder where the temporary copy must go makes VACUUM INTO fail.
    fs.mkdirSync(partialName(file));
    fs.writeFileSync(path.join(partialName(file), 'x'), 'x');
    expect(() => services.data.backupNow()).toThrow(/could not write a backup copy/);
    expect(fs.readFileSync(file).equals(good)).toBe(true);
    services.close();
  });
});
