import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src-main/storage/migrations';
import { runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { version } from '../../src-main/version';

describe('keel CLI', () => {
  it('prints help and its version', async () => {
    const r = await runKeel(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['status', 'settings', 'agenda']) expect(r.stdout).toContain(command);
    expect(await runKeel(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const sub = await runKeel(['focus', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('export-ics');
  });

  it('status --json prints JSON from the database in KEEL_DATA_DIR', async () => {
    const dir = tempDir();
    const r = await runKeel(['status', '--json'], { KEEL_DATA_DIR: dir });
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as {
      zone: string;
      database: { path: string; schemaVersion: number };
    };
    expect(status.zone).toBe('Europe/Berlin');
    expect(status.database.path).toBe(path.join(dir, 'keel.db'));
    expect(status.database.schemaVersion).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dir, 'keel.db'))).toBe(true);
    const human = await runKeel(['status'], { KEEL_DATA_DIR: dir });
    expect(human.stdout).toMatch(/^Keel .* — \w{3}, \d{1,2} \w{3} \d{4}, Europe\/Berlin\n/);
    expect(human.stdout).toContain(`Data: ${path.join(dir, 'keel.db')}\n`);
  });

  it('honours TZ for the zone until one is set', async () => {
    const dir = tempDir();
    const r = await runKeel(['status', '--json'], { KEEL_DATA_DIR: dir, TZ: 'Australia/Adelaide' });
    const status = JSON.parse(r.stdout) as { zone: string; now: string };
    expect(status.zone).toBe('Australia/Adelaide');
    expect(status.now).toMatch(/\+(09|10):30$/);
    expect(
      (await runKeel(['settings', 'set', 'zone', 'America/New_York'], { KEEL_DATA_DIR: dir })).code,
    ).toBe(0);
    expect(
      (
        await runKeel(['settings', 'get', 'zone'], { KEEL_DATA_DIR: dir, TZ: 'Australia/Adelaide' })
      ).stdout.trim(),
    ).toBe('America/New_York');
  });

  it('settings set/get round-trips plain words and JSON', async () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    expect(await runKeel(['settings', 'set', 'theme', 'dark'], env)).toMatchObject({
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
    expect((await runKeel(['settings', 'set', 'workingHours', JSON.stringify(hours)], env)).code).toBe(0);
    const all = JSON.parse((await runKeel(['settings', 'get', '--json'], env)).stdout) as {
      theme: string;
      workingHours: unknown;
    };
    expect(all.theme).toBe('dark');
    expect(all.workingHours).toEqual(hours);
    const lines = (await runKeel(['settings', 'get'], env)).stdout.split('\n');
    expect(lines).toContain('theme = dark');
    expect(lines).toContain(`workingHours = ${JSON.stringify(hours)}`);
  });

  it('fails with one line, a non-zero exit and no write on bad input', async () => {
    const dir = tempDir();
    await runKeel(['status'], { KEEL_DATA_DIR: dir });
    const rows = () => {
      const db = new Database(path.join(dir, 'keel.db'), { readonly: true });
      // The user's settings and dated rules; Keel's own first start is written by `status`.
      const n = (
        db
          .prepare(
            "SELECT (SELECT count(*) FROM settings WHERE key != 'firstStartAt') + (SELECT count(*) FROM rule_changes) AS n",
          )
          .get() as { n: number }
      ).n;
      db.close();
      return n;
    };
    const cases: [string[], RegExp, number][] = [
      [['settings', 'set', 'theme', 'purple'], /^keel: theme: Use system, light or dark\.\n$/, 1],
      [['settings', 'set', 'zone', 'Mars/Base'], /^keel: zone: That is not a time zone Keel knows/, 1],
      [['settings', 'set', 'colour', 'red'], /^keel: Unknown setting "colour"; use one of /, 1],
      [['settings', 'get', 'colour'], /^keel: Unknown setting "colour"/, 1],
      [
        ['agenda', '--from', '2027-02-30', '--to', '2027-03-01'],
        /^keel: from: Use a date written YYYY-MM-DD\.\n$/,
        1,
      ],
      [['agenda', '--from', '2027-01-01'], /required option '--to <date>'/, 2],
      [['frobnicate'], /unknown command 'frobnicate'/, 2],
    ];
    for (const [args, message, code] of cases) {
      const r = await runKeel(args, { KEEL_DATA_DIR: dir });
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(rows()).toBe(0);
  });

  it('sets a database from a newer Keel aside (byte for byte), says so in one line, and carries on', async () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'keel.db'));
    db.pragma('user_version = 999');
    db.close();
    const bytes = fs.readFileSync(path.join(dir, 'keel.db'));
    const r = await runKeel(['status', '--json'], { KEEL_DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^keel: Keel’s data file was written by a newer version of Keel, which this one cannot read\. It was moved, not deleted, to .*\. There was no good backup, so Keel started with no data\.\n$/,
    );
    const [moved] = fs.readdirSync(path.join(dir, 'set-aside'));
    expect(fs.readFileSync(path.join(dir, 'set-aside', moved ?? '')).equals(bytes)).toBe(true);
    expect(JSON.parse(r.stdout)).toMatchObject({ database: { schemaVersion: LATEST_VERSION } });
  });

  it('a data folder that cannot be opened fails in one line, not a stack', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const r = await runKeel(['status'], { KEEL_DATA_DIR: file });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^keel: [^\n]+\.\n$/);
  });
});
