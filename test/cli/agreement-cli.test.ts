import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { instantAt } from '../../src-main/core/time';
import { CLI, keel, runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** The shares logged in the data folder, oldest first. */
function shares(dir: string): { kind: string; format: string; via: string }[] {
  const db = new Database(path.join(dir, 'keel.db'), { readonly: true });
  const rows = db.prepare('SELECT kind, format, via FROM shares ORDER BY at, rowid').all() as {
    kind: string;
    format: string;
    via: string;
  }[];
  db.close();
  return rows;
}

const AGREEMENT = JSON.stringify({
  teamZones: [
    { zone: 'America/New_York', name: '' },
    { zone: 'Asia/Kolkata', name: 'Priya' },
  ],
  norms: { chat: 'Within 2 hours.', email: 'Same working day.', urgent: 'Call me.' },
  note: 'Tuesdays are for pairing.',
});

// Monday 15 March 2027, 10:30 in Berlin: the US is on summer time, the EU not yet.
const clock = () => new ManualClock(instantAt('2027-03-15', '10:30', 'Europe/Berlin'));

describe('keel agreement', () => {
  it('prints the agreement in each format from the settings, and logs each share', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir };
    expect((await runKeel(['settings', 'set', 'agreement', AGREEMENT], env, clock())).code).toBe(0);
    const md = await runKeel(['agreement'], env, clock());
    expect(md).toMatchObject({ code: 0, stderr: '' });
    expect(md.stdout.slice(0, 40)).toBe('# Working agreement\n\nHow to work with me');
    expect(md.stdout).toContain(
      '- Mon 09:00–17:30 Berlin = Mon 04:00–12:30 New York = Mon 13:30–22:00 Priya (Kolkata)\n',
    );
    const text = await runKeel(['agreement', '--format', 'text'], env, clock());
    expect(text.stdout).toContain('\nWhen I answer\n• Chat: Within 2 hours.\n• Email: Same working day.\n');
    expect(text.stdout).not.toContain('\\');
    const out = path.join(tempDir(), 'agreement.ics');
    const ics = await runKeel(['agreement', '--format', 'ics', '--out', out], env, clock());
    expect(ics).toEqual({ code: 0, stdout: '', stderr: `Wrote ${out}; the share is logged.\n` });
    const file = fs.readFileSync(out, 'utf8');
    expect(file.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(file).toContain('DTSTART;TZID=Europe/Berlin:20270315T090000\r\n');
    expect(file).toContain('SUMMARY:Working hours\r\n');
    expect(shares(dir)).toEqual([
      { kind: 'agreement', format: 'md', via: 'cli' },
      { kind: 'agreement', format: 'text', via: 'cli' },
      { kind: 'agreement', format: 'ics', via: 'cli' },
    ]);
  });

  it('writes to --out, and the status line to stdout', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir };
    const out = path.join(tempDir(), 'agreement.ics');
    const made = await runKeel(['agreement', '--format', 'ics', '--out', out], env, clock());
    expect(made).toEqual({ code: 0, stdout: '', stderr: `Wrote ${out}; the share is logged.\n` });
    expect(fs.readFileSync(out, 'utf8')).toContain('X-WR-CALNAME:Working hours and focus time\r\n');
    expect(await runKeel(['agreement', 'status'], env, clock())).toEqual({
      code: 0,
      stdout: 'Working until 17:30\n',
      stderr: '',
    });
    expect(await runKeel(['focus', 'start', '--minutes', '25'], env, clock())).toMatchObject({ code: 0 });
    expect((await runKeel(['agreement', 'status'], env, clock())).stdout).toBe(
      "In a focus block until 11:00 — I'll answer after\n",
    );
    expect(shares(dir).map((s) => s.kind)).toEqual(['agreement', 'status', 'status']);
  });

  it('refuses a format it does not write, and a bad agreement, in one sentence; nothing is written', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir };
    expect(await runKeel(['agreement', '--format', 'ics'], env, clock())).toEqual({
      code: 1,
      stdout: '',
      stderr: 'keel: An .ics calendar goes to a file: add --out, e.g. --out working-agreement.ics.\n',
    });
    const bad = await runKeel(['agreement', '--format', 'pdf'], env, clock());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'pdf' is invalid. Allowed choices are md, text, ics.");
    expect(fs.existsSync(path.join(dir, 'keel.db'))).toBe(false);
    const zone = await runKeel(
      [
        'settings',
        'set',
        'agreement',
        JSON.stringify({ ...JSON.parse(AGREEMENT), teamZones: [{ zone: 'Mars/Olympus', name: '' }] }),
      ],
      env,
      clock(),
    );
    expect(zone).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'keel: agreement.teamZones.0.zone: That is not a time zone Keel knows; type a city and pick its zone, such as Europe/Berlin.\n',
    });
  });

  it('runs as the built binary', () => {
    if (!fs.existsSync(CLI)) throw new Error('Run `npm run build` first: this test runs the built keel.');
    const env = { KEEL_DATA_DIR: tempDir() };
    const r = keel(['agreement', '--format', 'text'], env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.startsWith('Working agreement\n\nHow to work with me')).toBe(true);
    const status = keel(['agreement', 'status'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(
      /^(In a focus block until \d\d:\d\d — I'll answer after|Working until \d\d:\d\d|Off (for today|for now)( — back .+ \d\d:\d\d)?)\n$/,
    );
  });
});
