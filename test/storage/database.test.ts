import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import { openDatabase } from '../../src-main/storage/database';
import {
  DatabaseFromFutureError,
  LATEST_VERSION,
  migrate,
  schemaVersion,
  type Migration,
} from '../../src-main/storage/migrations';
import { databasePath, resolveDataDir, userDataDir } from '../../src-main/storage/paths';
import { SettingsRepo } from '../../src-main/storage/settings-repo';
import { tempDir } from '../helpers/temp';

describe('openDatabase', () => {
  it('creates the folder and file with WAL, foreign keys and every migration', () => {
    const file = path.join(tempDir(), 'nested', 'keel.db');
    const db = openDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('is idempotent: reopening runs nothing again and keeps data', () => {
    const file = path.join(tempDir(), 'keel.db');
    const db = openDatabase(file);
    new SettingsRepo(db).set('theme', 'dark', 1);
    db.close();
    const again = openDatabase(file);
    expect(migrate(again)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    expect(new SettingsRepo(again).all()).toEqual({ theme: 'dark' });
    again.close();
  });

  it('refuses a database from a newer Keel with a clear sentence and leaves it untouched', () => {
    const file = path.join(tempDir(), 'keel.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.exec('CREATE TABLE future_things (x)');
    raw.close();
    const before = fs.readFileSync(file);

    let caught: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DatabaseFromFutureError);
    expect((caught as KeelError).code).toBe('database_from_future');
    expect((caught as KeelError).message).toMatch(/newer Keel .*update Keel/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('turns a file that is not a database into a storage error, not a crash', () => {
    const file = path.join(tempDir(), 'keel.db');
    fs.writeFileSync(file, 'this is not a database '.repeat(200));
    expect(() => openDatabase(file)).toThrow(KeelError);
    expect(() => openDatabase(file)).toThrow(/cannot read its data file/);
  });
});

describe('migrate', () => {
  it('runs pending migrations in one transaction: a failure leaves nothing behind', () => {
    const db = new Database(':memory:');
    const migrations: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE two (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, migrations)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({
      n: 0,
    });
  });

  it('applies only what is pending, in order', () => {
    const db = new Database(':memory:');
    const order: number[] = [];
    const m = (v: number): Migration => ({ version: v, name: `m${v}`, up: () => void order.push(v) });
    migrate(db, [m(1)]);
    migrate(db, [m(2), m(1), m(3)]);
    expect(order).toEqual([1, 2, 3]);
    expect(schemaVersion(db)).toBe(3);
  });

  it('settings rows must hold JSON', () => {
    const db = openDatabase(':memory:');
    expect(() => db.prepare("INSERT INTO settings VALUES ('k', 'not json', 1)").run()).toThrow(/CHECK/);
  });
});

describe('data folder', () => {
  it('matches Electron userData for "Keel" on each OS', () => {
    expect(userDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.config/Keel');
    expect(userDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ada')).toBe('/xdg/Keel');
    expect(userDataDir({}, 'darwin', '/Users/ada')).toBe('/Users/ada/Library/Application Support/Keel');
    expect(userDataDir({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Keel',
    );
  });

  it('honours KEEL_DATA_DIR', () => {
    expect(resolveDataDir({ KEEL_DATA_DIR: '/tmp/keel-here' })).toBe('/tmp/keel-here');
    expect(resolveDataDir({ KEEL_DATA_DIR: '  ', XDG_CONFIG_HOME: '/xdg' })).toBe(
      process.platform === 'linux' ? '/xdg/Keel' : userDataDir({ XDG_CONFIG_HOME: '/xdg' }),
    );
    expect(databasePath('/d')).toBe(path.join('/d', 'keel.db'));
  });
});
