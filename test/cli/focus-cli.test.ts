import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const CLI = path.resolve(__dirname, '../../dist/cli/keel.cjs');

function keel(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type AgendaEvent = { kind: string; start: string; end: string };
const agenda = (from: string, to: string, tz: string): AgendaEvent[] => {
  const r = keel(['agenda', '--from', from, '--to', to, '--json'], { KEEL_DATA_DIR: tempDir(), TZ: tz });
  expect(r.stderr).toBe('');
  // Focus blocks only: the planned sign-offs have their own test (signoff-cli.test.ts).
  return (JSON.parse(r.stdout) as AgendaEvent[]).filter((e) => e.kind === 'focus');
};

describe('keel agenda across the 2027 DST changes', () => {
  it('US (New York): blocks stay 09:00–11:00 and 14:00–16:00, offsets follow DST', () => {
    const events = agenda('2027-03-12', '2027-03-15', 'America/New_York');
    expect(events.map((e) => [e.kind, e.start, e.end])).toEqual([
      ['focus', '2027-03-12T09:00:00-05:00', '2027-03-12T11:00:00-05:00'],
      ['focus', '2027-03-12T14:00:00-05:00', '2027-03-12T16:00:00-05:00'],
      ['focus', '2027-03-15T09:00:00-04:00', '2027-03-15T11:00:00-04:00'],
      ['focus', '2027-03-15T14:00:00-04:00', '2027-03-15T16:00:00-04:00'],
    ]);
    const autumn = agenda('2027-11-05', '2027-11-08', 'America/New_York');
    expect(autumn.map((e) => e.start)).toEqual([
      '2027-11-05T09:00:00-04:00',
      '2027-11-05T14:00:00-04:00',
      '2027-11-08T09:00:00-05:00',
      '2027-11-08T14:00:00-05:00',
    ]);
  });

  it('EU (Berlin): the week of 29 March 2027 is on summer time', () => {
    const events = agenda('2027-03-26', '2027-03-29', 'Europe/Berlin');
    expect(events.map((e) => e.start)).toEqual([
      '2027-03-26T09:00:00+01:00',
      '2027-03-26T14:00:00+01:00',
      '2027-03-29T09:00:00+02:00',
      '2027-03-29T14:00:00+02:00',
    ]);
    const autumn = agenda('2027-10-29', '2027-11-01', 'Europe/Berlin');
    expect(autumn.map((e) => e.end)).toEqual([
      '2027-10-29T11:00:00+02:00',
      '2027-10-29T16:00:00+02:00',
      '2027-11-01T11:00:00+01:00',
      '2027-11-01T16:00:00+01:00',
    ]);
  });

  it('a half-hour zone keeps local times too', () => {
    const events = agenda('2027-01-04', '2027-01-04', 'Asia/Kolkata');
    expect(events.map((e) => e.start)).toEqual(['2027-01-04T09:00:00+05:30', '2027-01-04T14:00:00+05:30']);
  });
});

describe('keel focus', () => {
  it('start, status, interrupt, stop', () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'UTC' };
    const started = keel(['focus', 'start', '--minutes', '25', '--json'], env);
    expect(started.code).toBe(0);
    const status = JSON.parse(started.stdout) as { running: { kind: string; interruptions: number } };
    expect(status.running).toMatchObject({ interruptions: 0 });
    expect(keel(['focus', 'interrupt', '--kind', 'incident', '--note', 'pager'], env)).toMatchObject({
      code: 0,
    });
    const now = JSON.parse(keel(['focus', 'status', '--json'], env).stdout) as {
      running: { interruptions: number };
    };
    expect(now.running.interruptions).toBe(1);
    const again = keel(['focus', 'start'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^keel: A focus block is already running until \d\d:\d\d; end it first\.\n$/,
    );
    expect(keel(['focus', 'stop'], env).stdout).toMatch(
      /^Focus block ended: \d+ min protected, 1 interruption\(s\)\.\n$/,
    );
    const after = JSON.parse(keel(['focus', 'status', '--json'], env).stdout) as { running: null };
    expect(after.running).toBeNull();
    expect(keel(['focus', 'stop'], env)).toMatchObject({
      code: 1,
      stderr: 'keel: No focus block is running.\n',
    });
  });

  it('rejects bad values in one line and writes nothing', () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'UTC' };
    for (const args of [
      ['focus', 'start', '--minutes', '2'],
      ['focus', 'start', '--minutes', 'ten'],
      ['focus', 'start', '--minutes', '30', '--until-next'],
      ['focus', 'interrupt', '--kind', 'boss'],
    ]) {
      const r = keel(args, env);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const status = JSON.parse(keel(['focus', 'status', '--json'], env).stdout) as { running: null };
    expect(status.running).toBeNull();
  });

  it('prints the plan as JSON', () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'Europe/Berlin' };
    const plan = JSON.parse(keel(['focus', 'plan', '--json'], env).stdout) as {
      zone: string;
      blocks: unknown[];
    };
    expect(plan.zone).toBe('Europe/Berlin');
    expect(plan.blocks).toHaveLength(10);
  });
});

describe('keel focus export-ics and keel calendar', () => {
  it('writes the plan as an .ics file that reads back as weekly busy blocks', async () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'Europe/Berlin' };
    const out = path.join(tempDir(), 'plan.ics');
    const r = keel(['focus', 'export-ics', '--out', out], env);
    expect(r).toMatchObject({ code: 0, stdout: `Wrote ${out}.\n` });
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(10);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(text).toContain('TZID:Europe/Berlin');
  });

  it('imports a calendar, reports it, refuses a file that is not one, and clears it', () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'Europe/Berlin' };
    const fixture = path.resolve(__dirname, '../calendar/fixtures/standup.ics');
    const imported = keel(['calendar', 'import', fixture, '--json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ file: 'standup.ics', error: null });
    const bad = keel(
      ['calendar', 'import', path.resolve(__dirname, '../calendar/fixtures/garbage.ics')],
      env,
    );
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'keel: That file is not a calendar Keel can read (.ics).\n',
    });
    // The bad import changed nothing.
    expect(JSON.parse(keel(['calendar', 'status', '--json'], env).stdout)).toMatchObject({
      file: 'standup.ics',
    });
    expect(keel(['calendar', 'clear'], env).code).toBe(0);
    expect(keel(['calendar', 'status'], env).stdout).toBe('No calendar imported.\n');
  });
});
