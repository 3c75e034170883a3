import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, keel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/**
 * One run of the bundled `dist/cli/keel.cjs` per command group: the bundle loads, argv reaches
 * commander, $TZ and KEEL_DATA_DIR come from the real environment, and stdout, stderr and the
 * exit code are the process's own. What each command does is tested in-process beside this
 * file, through main(argv, io).
 */
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('Run `npm run build` first: these tests run the built keel.');
});

const env = () => ({ KEEL_DATA_DIR: tempDir() });

// A spawn takes a fraction of a second on an idle machine, but seconds when two cores are shared.
describe('the built keel', { timeout: 30_000 }, () => {
  it('is an executable node script that prints its help', () => {
    expect(fs.statSync(CLI).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const r = keel(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['status', 'settings', 'agenda', 'focus', 'summary', 'delete-all']) {
      expect(r.stdout).toContain(command);
    }
  });

  it('status: the zone follows $TZ, the data KEEL_DATA_DIR', () => {
    const e = { ...env(), TZ: 'Australia/Adelaide' };
    const r = keel(['status', '--json'], e);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({
      zone: 'Australia/Adelaide',
      database: { path: path.join(e.KEEL_DATA_DIR, 'keel.db') },
    });
  });

  it('agenda: a usage error is commander’s one line and exit code 2', () => {
    expect(keel(['agenda', '--from', '2027-01-01'], env())).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: required option '--to <date>' not specified\n",
    });
  });

  it('settings: a refused value is one line on stderr and exit code 1', () => {
    expect(keel(['settings', 'set', 'theme', 'purple'], env())).toEqual({
      code: 1,
      stdout: '',
      stderr: 'keel: theme: Use system, light or dark.\n',
    });
  });

  it('focus: export-ics writes the file --out names', () => {
    const out = path.join(tempDir(), 'plan.ics');
    expect(keel(['focus', 'export-ics', '--out', out], env())).toEqual({
      code: 0,
      stdout: `Wrote ${out}.\n`,
      stderr: '',
    });
    expect(fs.readFileSync(out, 'utf8')).toContain('TZID:Europe/Berlin');
  });

  it('calendar: import reads the file argument', () => {
    const fixture = path.resolve(__dirname, '../calendar/fixtures/standup.ics');
    const r = keel(['calendar', 'import', fixture, '--json'], env());
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'standup.ics', error: null });
  });

  it('signoff and day: a back-dated sign-off lands in the zone of $TZ', () => {
    const e = { ...env(), TZ: 'America/New_York' };
    expect(keel(['signoff', '--at', '2026-03-16T18:12'], e)).toMatchObject({ code: 0, stderr: '' });
    const day = keel(['day', '--date', '2026-03-16', '--json'], e);
    expect(JSON.parse(day.stdout)).toMatchObject({ signedOff: '2026-03-16T18:12:00-04:00' });
  });

  it('check: add prints the check it logged', () => {
    const args = ['check', 'add', '--workload', '4', '--energy', '2', '--sustainable', 'mostly'];
    expect(keel([...args, '--at', '2026-03-16T16:05'], env())).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Logged check [0-9a-f]{8} at Mon, 16 Mar 2026 16:05\.\n$/),
      stderr: '',
    });
  });

  it('check list: a note stored with ESC[2J and BEL (as older data may be) reaches stdout escaped', () => {
    const e = env();
    const args = ['check', 'add', '--workload', '3', '--energy', '3', '--sustainable', 'yes'];
    expect(keel([...args, '--note', 'placeholder', '--at', '2026-03-16T16:05'], e).code).toBe(0);
    // Straight into the database, past the input cleaning, as a note written before it would be.
    const db = new Database(path.join(e.KEEL_DATA_DIR, 'keel.db'));
    db.prepare('UPDATE checkins SET note = ?').run('wipe\u001b[2J ring\u0007 done');
    db.close();
    const r = keel(['check', 'list', '--from', '2026-03-16', '--to', '2026-03-16'], e);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('wipe\\u001b[2J ring\\u0007 done');
  });

  it('talk and summary: the summary prints to stdout', () => {
    const r = keel(['summary', '--from', '2026-03-09', '--to', '2026-03-22'], env());
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^# One-on-one summary\n/);
  });

  it('talk: edit and move, and a refused move (exit code 1, one line)', () => {
    const e = env();
    const ids = ['First', 'Second'].map((text) =>
      (JSON.parse(keel(['talk', 'add', text, '--json'], e).stdout) as { id: string }).id.slice(0, 8),
    );
    expect(keel(['talk', 'edit', ids[1] ?? '', 'Second,', 'edited'], e).stdout).toBe(
      `Edited ${ids[1]}: Second, edited\n`,
    );
    expect(keel(['talk', 'move', ids[1] ?? '', '--up'], e)).toEqual({
      code: 0,
      stdout: `Moved ${ids[1]} to place 1 of 2: Second, edited\n`,
      stderr: '',
    });
    expect(keel(['talk', 'move', ids[1] ?? '', '--to', '3'], e)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'keel: There are 2 open talking points: give a place from 1 to 2.\n',
    });
    expect(keel(['talk', 'list'], e).stdout).toBe(`${ids[1]}  Second, edited\n${ids[0]}  First\n`);
  });

  it('data: export writes the file --out names, import reads its argument', () => {
    const out = path.join(tempDir(), 'keel.json');
    expect(keel(['export', '--out', out], env()).stdout).toMatch(/^Wrote \d+ records to /);
    expect(keel(['import', out], env())).toMatchObject({ code: 0, stderr: '' });
  });
});
