import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

type AgendaEvent = { kind: string; start: string; end: string };
const agenda = async (from: string, to: string, tz: string): Promise<AgendaEvent[]> => {
  const r = await runKeel(['agenda', '--from', from, '--to', to, '--json'], {
    KEEL_DATA_DIR: tempDir(),
    TZ: tz,
  });
  expect(r.stderr).toBe('');
  // Focus blocks only: the planned sign-offs have their own test (signoff-cli.test.ts).
  return (JSON.parse(r.stdout) as AgendaEvent[]).filter((e) => e.kind === 'focus');
};

describe('keel agenda across the 2027 DST changes', () => {
  it('US (New York): blocks stay 09:00–11:00 and 14:00–16:00, offsets follow DST', async () => {
    const events = await agenda('2027-03-12', '2027-03-15', 'America/New_York');
    expect(events.map((e) => [e.kind, e.start, e.end])).toEqual([
      ['focus', '2027-03-12T09:00:00-05:00', '2027-03-12T11:00:00-05:00'],
      ['focus', '2027-03-12T14:00:00-05:00', '2027-03-12T16:00:00-05:00'],
      ['focus', '2027-03-15T09:00:00-04:00', '2027-03-15T11:00:00-04:00'],
      ['focus', '2027-03-15T14:00:00-04:00', '2027-03-15T16:00:00-04:00'],
    ]);
    const autumn = await agenda('2027-11-05', '2027-11-08', 'America/New_York');
    expect(autumn.map((e) => e.start)).toEqual([
      '2027-11-05T09:00:00-04:00',
      '2027-11-05T14:00:00-04:00',
      '2027-11-08T09:00:00-05:00',
      '2027-11-08T14:00:00-05:00',
    ]);
  });

  it('EU (Berlin): the week of 29 March 2027 is on summer time', async () => {
    const events = await agenda('2027-03-26', '2027-03-29', 'Europe/Berlin');
    expect(events.map((e) => e.start)).toEqual([
      '2027-03-26T09:00:00+01:00',
      '2027-03-26T14:00:00+01:00',
      '2027-03-29T09:00:00+02:00',
      '2027-03-29T14:00:00+02:00',
    ]);
    const autumn = await agenda('2027-10-29', '2027-11-01', 'Europe/Berlin');
    expect(autumn.map((e) => e.end)).toEqual([
      '2027-10-29T11:00:00+02:00',
      '2027-10-29T16:00:00+02:00',
      '2027-11-01T11:00:00+01:00',
      '2027-11-01T16:00:00+01:00',
    ]);
  });

  it('a half-hour zone keeps local times too', async () => {
    const events = await agenda('2027-01-04', '2027-01-04', 'Asia/Kolkata');
    expect(events.map((e) => e.start)).toEqual(['2027-01-04T09:00:00+05:30', '2027-01-04T14:00:00+05:30']);
  });
});

describe('keel focus', () => {
  it('start, status, interrupt, stop', async () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'UTC' };
    const started = await runKeel(['focus', 'start', '--minutes', '25', '--json'], env);
    expect(started.code).toBe(0);
    const status = JSON.parse(started.stdout) as { running: { kind: string; interruptions: number } };
    expect(status.running).toMatchObject({ interruptions: 0 });
    expect(await runKeel(['focus', 'interrupt', '--kind', 'incident', '--note', 'pager'], env)).toMatchObject(
      {
        code: 0,
        stdout: 'Logged (1 this block).\n',
      },
    );
    const now = JSON.parse((await runKeel(['focus', 'status', '--json'], env)).stdout) as {
      running: { interruptions: number };
    };
    expect(now.running.interruptions).toBe(1);
    const again = await runKeel(['focus', 'start'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^keel: A focus block is already running until \d\d:\d\d; end it first\.\n$/,
    );
    expect((await runKeel(['focus', 'stop'], env)).stdout).toMatch(
      /^Focus block ended: \d+ mins? protected, 1 interruption\.\n$/,
    );
    const after = JSON.parse((await runKeel(['focus', 'status', '--json'], env)).stdout) as { running: null };
    expect(after.running).toBeNull();
    expect(await runKeel(['focus', 'stop'], env)).toMatchObject({
      code: 1,
      stderr: 'keel: No focus block is running.\n',
    });
  });

  it('says a past block was not started, or before Keel started, never missed', async () => {
    // First run on Monday 15 March 2027 at 12:00 in Berlin, after the morning block.
    const clock = new ManualClock(Date.parse('2027-03-15T11:00:00Z'));
    const env = { KEEL_DATA_DIR: tempDir() };
    const blocks = async () =>
      (await runKeel(['focus', 'status'], env, clock)).stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(await blocks()).toEqual(['  09:00–11:00  before Keel started', '  14:00–16:00  upcoming']);
    clock.jumpTo(Date.parse('2027-03-15T16:00:00Z'));
    expect(await blocks()).toEqual(['  09:00–11:00  before Keel started', '  14:00–16:00  not started']);
  });

  it('prints the block, the day and the plan in words (on a pinned clock)', async () => {
    // Monday 15 March 2027, 08:00 in Berlin: before the plan's first block.
    const clock = new ManualClock(Date.parse('2027-03-15T07:00:00Z'));
    const env = { KEEL_DATA_DIR: tempDir() };
    expect((await runKeel(['focus', 'status'], env, clock)).stdout).toBe(
      [
        'No focus block running.',
        '  09:00–11:00  upcoming',
        '  14:00–16:00  upcoming',
        'Next: Mon, 15 Mar 2027, 09:00 – 11:00',
        '',
      ].join('\n'),
    );
    expect(await runKeel(['focus', 'start', '--minutes', '25'], env, clock)).toEqual({
      code: 0,
      stdout: 'Focus until 08:25.\n',
      stderr: '',
    });
    clock.advanceBy(10 * 60_000);
    expect((await runKeel(['focus', 'status'], env, clock)).stdout).toMatch(
      /^Focus until 08:25 \(10 mins so far, 0 interruptions\)\.\n/,
    );
    expect((await runKeel(['focus', 'stop'], env, clock)).stdout).toBe(
      'Focus block ended: 10 mins protected, 0 interruptions.\n',
    );
    const plan = (await runKeel(['focus', 'plan'], env, clock)).stdout.split('\n');
    expect(plan.slice(0, 3)).toEqual([
      'Focus plan (Europe/Berlin):',
      '  Mon  09:00–11:00',
      '  Mon  14:00–16:00',
    ]);
  });

  it('start --until-next stops at the next meeting of the imported calendar', async () => {
    // Monday 22 March 2027, 08:50 in Berlin; the standup is at 09:30, and no block is planned.
    const clock = new ManualClock(Date.parse('2027-03-22T07:50:00Z'));
    const env = { KEEL_DATA_DIR: tempDir() };
    const fixture = path.resolve(__dirname, '../calendar/fixtures/standup.ics');
    expect((await runKeel(['settings', 'set', 'focusPlan', '[]'], env, clock)).code).toBe(0);
    expect((await runKeel(['calendar', 'import', fixture], env, clock)).code).toBe(0);
    expect(await runKeel(['focus', 'start', '--until-next'], env, clock)).toEqual({
      code: 0,
      stdout: 'Focus until 09:30.\n',
      stderr: '',
    });
  });

  it('rejects bad values in one line and writes nothing', async () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'UTC' };
    for (const args of [
      ['focus', 'start', '--minutes', '2'],
      ['focus', 'start', '--minutes', 'ten'],
      ['focus', 'start', '--minutes', '30', '--until-next'],
      ['focus', 'interrupt', '--kind', 'boss'],
    ]) {
      const r = await runKeel(args, env);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const status = JSON.parse((await runKeel(['focus', 'status', '--json'], env)).stdout) as {
      running: null;
    };
    expect(status.running).toBeNull();
  });

  it('prints the plan as JSON', async () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'Europe/Berlin' };
    const plan = JSON.parse((await runKeel(['focus', 'plan', '--json'], env)).stdout) as {
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
    const r = await runKeel(['focus', 'export-ics', '--out', out], env);
    expect(r).toMatchObject({ code: 0, stdout: `Wrote ${out}.\n` });
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(10);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
    expect(text).toContain('TZID:Europe/Berlin');
  });

  it('imports a calendar, reports it, refuses a file that is not one, and clears it', async () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'Europe/Berlin' };
    const fixture = path.resolve(__dirname, '../calendar/fixtures/standup.ics');
    const imported = await runKeel(['calendar', 'import', fixture, '--json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ file: 'standup.ics', error: null });
    expect((await runKeel(['calendar', 'import', fixture], env)).stdout).toMatch(
      /^Imported standup\.ics: \d+ meetings in the next four weeks\.\n$/,
    );
    const bad = await runKeel(
      ['calendar', 'import', path.resolve(__dirname, '../calendar/fixtures/garbage.ics')],
      env,
    );
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'keel: That file is not a calendar file (.ics) Keel can read.\n',
    });
    // The bad import changed nothing.
    expect(JSON.parse((await runKeel(['calendar', 'status', '--json'], env)).stdout)).toMatchObject({
      file: 'standup.ics',
    });
    expect((await runKeel(['calendar', 'status'], env)).stdout).toMatch(
      /^standup\.ics: \d+ meetings in the next four weeks\.\n$/,
    );
    expect(await runKeel(['calendar', 'clear'], env)).toMatchObject({
      code: 0,
      stdout: 'Keel no longer reads a calendar.\n',
    });
    expect((await runKeel(['calendar', 'status'], env)).stdout).toBe('No calendar imported.\n');
  });
});
