import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const CLI = path.resolve(__dirname, '../../dist/cli/keel.cjs');

function keel(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TZ: 'Europe/Berlin', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('keel CLI (built)', () => {
  it('exists and is executable', () => {
    expect(fs.existsSync(CLI), 'run "npm run build" first').toBe(true);
    expect(fs.statSync(CLI).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('prints help', () => {
    const r = keel(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['status', 'settings', 'agenda']) expect(r.stdout).toContain(command);
  });

  it('status --json prints JSON from the database in KEEL_DATA_DIR', () => {
    const dir = tempDir();
    const r = keel(['status', '--json'], { KEEL_DATA_DIR: dir });
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as {
      zone: string;
      database: { path: string; schemaVersion: number };
    };
    expect(status.zone).toBe('Europe/Berlin');
    expect(status.database.path).toBe(path.join(dir, 'keel.db'));
    expect(status.database.schemaVersion).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, 'keel.db'))).toBe(true);
  });

  it('honours TZ for the zone until one is set', () => {
    const dir = tempDir();
    const r = keel(['status', '--json'], { KEEL_DATA_DIR: dir, TZ: 'Australia/Adelaide' });
    const status = JSON.parse(r.stdout) as { zone: string; now: string };
    expect(status.zone).toBe('Australia/Adelaide');
    expect(status.now).toMatch(/\+(09|10):30$/);
    expect(keel(['settings', 'set', 'zone', 'America/New_York'], { KEEL_DATA_DIR: dir }).code).toBe(0);
    expect(
      keel(['settings', 'get', 'zone'], { KEEL_DATA_DIR: dir, TZ: 'Australia/Adelaide' }).stdout.trim(),
    ).toBe('America/New_York');
  });

  it('settings set/get round-trips plain words and JSON', () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    expect(keel(['settings', 'set', 'theme', 'dark'], env)).toMatchObject({
      code: 0,
      stdout: 'theme = dark\n',
    });
    const hours = {
      mon: null,
      tue: null,
      wed: null,
      thu: { start: '22:00', end: '06:00' },
      fri: null,
      sat: null,
      sun: null,
    };
    expect(keel(['settings', 'set', 'workingHours', JSON.stringify(hours)], env).code).toBe(0);
    const all = JSON.parse(keel(['settings', 'get', '--json'], env).stdout) as {
      theme: string;
      workingHours: unknown;
    };
    expect(all.theme).toBe('dark');
    expect(all.workingHours).toEqual(hours);
  });

  it('fails with one line, a non-zero exit and no write on bad input', () => {
    const dir = tempDir();
    keel(['status'], { KEEL_DATA_DIR: dir });
    const rows = () => {
      const db = new Database(path.join(dir, 'keel.db'), { readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n;
      db.close();
      return n;
    };
    const cases: [string[], RegExp][] = [
      [['settings', 'set', 'theme', 'purple'], /^keel: theme: Use system, light or dark\.\n$/],
      [['settings', 'set', 'zone', 'Mars/Base'], /^keel: zone: Use an IANA time zone/],
      [['settings', 'set', 'colour', 'red'], /^keel: Unknown setting "colour"; use one of /],
      [['settings', 'get', 'colour'], /^keel: Unknown setting "colour"/],
      [
        ['agenda', '--from', '2027-02-30', '--to', '2027-03-01'],
        /^keel: from: Use a date written YYYY-MM-DD\.\n$/,
      ],
      [['agenda', '--from', '2027-01-01'], /required option '--to <date>'/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = keel(args, { KEEL_DATA_DIR: dir });
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(rows()).toBe(0);
  });

  it('sets a database from a newer Keel aside (byte for byte), says so in one line, and carries on', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'keel.db'));
    db.pragma('user_version = 999');
    db.close();
    const bytes = fs.readFileSync(path.join(dir, 'keel.db'));
    const r = keel(['status', '--json'], { KEEL_DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^keel: Keel’s data file was written by a newer version of Keel, which this one cannot read\. It was moved, not deleted, to .*\. There was no good backup, so Keel started with no data\.\n$/,
    );
    const [moved] = fs.readdirSync(path.join(dir, 'set-aside'));
    expect(fs.readFileSync(path.join(dir, 'set-aside', moved ?? '')).equals(bytes)).toBe(true);
    expect(JSON.parse(r.stdout)).toMatchObject({ database: { schemaVersion: 5 } });
  });
});
