import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isDatedKey, SINCE_THE_BEGINNING } from '../../src-main/core/rules';
import { resolveSettings } from '../../src-main/core/settings';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../src-main/storage/migrations';
import { databasePath } from '../../src-main/storage/paths';
import { snapshot } from '../helpers/db-snapshot';
import { otherTables, readV1Export, schema5SettingsRows, writeSchema5Database } from '../helpers/keel-v1';
import { call } from '../helpers/populate';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

/** A month after the old Keel's last day (2026-02-03). */
const LATER = Date.parse('2026-03-02T09:00:00Z');

/** The settings the old Keel worked with (system zone Europe/Berlin; the user set Lisbon). */
function oldSettings() {
  const stored = Object.fromEntries(
    schema5SettingsRows().map((r) => [r.key, JSON.parse(r.value) as unknown]),
  );
  return resolveSettings(stored, 'Europe/Berlin');
}

function pick<T>(all: Record<string, T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(keys.map((k) => [k, all[k] as T]));
}

describe('a data file from before dated rules (schema 5)', () => {
  it('keeps what the user had set as in force since the beginning; nothing else changes', () => {
    const dataDir = tempDir();
    const file = databasePath(dataDir);
    writeSchema5Database(file);
    const raw = new Database(file);
    const settingsBefore = raw.prepare('SELECT * FROM settings ORDER BY key').all() as {
      key: string;
      value: string;
      updated_at: number;
    }[];
    const tablesBefore = otherTables(raw);
    // Every table holds the old Keel's rows, and every setting the brief names is among them.
    for (const [table, rows] of Object.entries(tablesBefore)) expect(rows.length, table).toBeGreaterThan(0);
    expect(settingsBefore.map((r) => r.key)).toEqual(
      expect.arrayContaining(['zone', 'workingHours', 'holidays', 'focusPlan', 'checkins', 'oneOnOne']),
    );
    expect(settingsBefore.map((r) => r.key)).toEqual(expect.arrayContaining(['theme', 'calendarFile']));

    expect(migrate(raw)).toEqual({ from: 5, to: LATEST_VERSION });

    const dated = settingsBefore.filter((r) => isDatedKey(r.key));
    expect(dated.map((r) => r.key)).toEqual([
      'checkins',
      'dayBoundary',
      'focusPlan',
      'holidays',
      'oneOnOne',
      'workingHours',
      'zone',
    ]);
    // Same JSON text, byte for byte, and the instant it was set.
    expect(raw.prepare('SELECT * FROM rule_changes ORDER BY key').all()).toEqual(
      dated.map((r) => ({
        key: r.key,
        effective_from: SINCE_THE_BEGINNING,
        value: r.value,
        changed_at: r.updated_at,
      })),
    );
    expect(raw.prepare('SELECT * FROM settings ORDER BY key').all()).toEqual(
      settingsBefore.filter((r) => !isDatedKey(r.key)),
    );
    expect(
      (raw.prepare('SELECT key FROM settings ORDER BY key').all() as { key: string }[]).map((r) => r.key),
    ).toEqual(['calendarFile', 'focusWarningMinutes', 'theme']);
    // Schema 8 gives each talking point a place on the agenda, none until the user arranges them;
    // schema 11 marks each shared document as a summary (the only kind there was).
    const withPositions = {
      ...tablesBefore,
      talking_points: (tablesBefore.talking_points as object[]).map((row) => ({ ...row, position: null })),
      shares: (tablesBefore.shares as object[]).map((row) => ({ ...row, kind: 'summary' })),
    };
    expect(pick(otherTables(raw), Object.keys(tablesBefore))).toEqual(withPositions);
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    // Keel opens it with the same settings as before, today and on any past day.
    const { services } = makeServices(LATER, 'Europe/Berlin', { dataDir });
    const before = oldSettings();
    expect(before.zone).toBe('Europe/Lisbon');
    expect(before.workingHours.fri).toBeNull();
    expect(services.settings.get()).toEqual(before);
    expect(services.settings.on('2020-01-01')).toEqual(before);
    expect(services.settings.on('2026-02-02')).toEqual(before);
    expect(services.settings.book().zoneFollowsSystemOn('2020-01-01')).toBe(false);
    services.close();
  });

  it.each([
    [
      'after its last statement',
      (db: Database.Database, up: (db: Database.Database) => void) => {
        up(db);
        throw new Error('power cut');
      },
    ],
    [
      'between its statements (the copy made, the settings not yet deleted)',
      (db: Database.Database, up: (db: Database.Database) => void) => {
        db.exec(
          "CREATE TEMP TRIGGER cut BEFORE DELETE ON main.settings BEGIN SELECT RAISE(ABORT, 'power cut'); END",
        );
        up(db);
      },
    ],
  ])('is left at schema 5, whole, by a migration interrupted %s', (_when, interrupted) => {
    const file = databasePath(tempDir());
    writeSchema5Database(file);
    const db = new Database(file);
    const before = snapshot(db);
    const broken = MIGRATIONS.map((m) =>
      m.version === 6 ? { ...m, up: (d: Database.Database) => interrupted(d, m.up) } : m,
    );
    expect(() => migrate(db, broken)).toThrow('power cut');
    expect(schemaVersion(db)).toBe(5);
    expect(snapshot(db)).toBe(before);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'rule_changes'").all()).toEqual([]);
    // The next start migrates it whole.
    db.exec('DROP TRIGGER IF EXISTS temp.cut');
    expect(migrate(db)).toEqual({ from: 5, to: LATEST_VERSION });
    expect(db.prepare('SELECT count(*) AS n FROM rule_changes').get()).toEqual({ n: 7 });
    db.close();
  });

  it('restores from a backup made at schema 5: brought up to date first, its rules in force since the beginning', async () => {
    const dataDir = tempDir();
    const daily = path.join(dataDir, 'backups', 'daily');
    fs.mkdirSync(daily, { recursive: true });
    writeSchema5Database(path.join(daily, 'keel-2026-02-03.db'));
    const { services } = makeServices(LATER, 'Europe/Berlin', { dataDir });
    const firstStart = services.db.prepare("SELECT value FROM settings WHERE key = 'firstStartAt'").get();
    // Here, since: hours changed today, a light theme.
    const fridays = { ...oldSettings().workingHours, fri: { start: '09:00', end: '13:00' } };
    services.settings.set('workingHours', fridays);
    services.settings.set('theme', 'light');

    const result = (await call(services, 'data:restore', { id: 'daily-2026-02-03' })) as {
      safetyCopy: { id: string };
    };
    expect(
      services.db.prepare('SELECT key, effective_from, value FROM rule_changes ORDER BY key').all(),
    ).toEqual(
      schema5SettingsRows()
        .filter((r) => isDatedKey(r.key))
        .map((r) => ({ key: r.key, effective_from: SINCE_THE_BEGINNING, value: r.value })),
    );
    expect(services.settings.get()).toEqual(oldSettings());
    expect(services.settings.on('2026-02-02')).toEqual(oldSettings());
    const v1 = readV1Export();
    expect(services.data.overview().counts).toEqual(
      Object.fromEntries(Object.entries(v1.records).map(([t, rows]) => [t, rows.length])),
    );
    // Keel's bookkeeping describes this file now: its first start stays, the old calendar file does not come back.
    expect(services.db.prepare('SELECT key FROM settings ORDER BY key').all()).toEqual([
      { key: 'firstStartAt' },
      { key: 'focusWarningMinutes' },
      { key: 'theme' },
    ]);
    expect(services.db.prepare("SELECT value FROM settings WHERE key = 'firstStartAt'").get()).toEqual(
      firstStart,
    );

    // Undone from the safety copy: the change of hours made here is back, dated today.
    await call(services, 'data:restore', { id: result.safetyCopy.id });
    expect(services.settings.get().workingHours).toEqual(fridays);
    expect(
      services.settings
        .book()
        .changesOf('workingHours')
        .map((c) => c.from),
    ).toEqual(['2026-03-02']);
    expect(services.settings.get().theme).toBe('light');
  });
});
