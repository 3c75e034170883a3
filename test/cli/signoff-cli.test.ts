import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

// 2026-03-16 is a Monday, in the past for any run of these tests.
describe('keel signoff and keel day', () => {
  it('signs off with the ritual answers at a given time, and keel day reports it', async () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    const signed = await runKeel(
      [
        'signoff',
        '--done',
        'Shipped the importer',
        '--tomorrow',
        'Review Ana’s PR',
        '--unfinished',
        'Flaky test=10:00, pair with Sam',
        '--energy',
        '3',
        '--at',
        '2026-03-16T18:12',
        '--json',
      ],
      env,
    );
    expect(signed.stderr).toBe('');
    expect(signed.code).toBe(0);
    const status = JSON.parse(signed.stdout) as { signedOff: unknown };
    expect(status.signedOff).toBeNull(); // the status is about today; the sign-off was for March 16

    const day = await runKeel(['day', '--date', '2026-03-16', '--json'], env);
    expect(day.code).toBe(0);
    expect(JSON.parse(day.stdout)).toEqual({
      date: '2026-03-16',
      zone: 'Europe/Berlin',
      hours: { start: '09:00', end: '17:30' },
      holiday: null,
      firstActive: null,
      lastActive: null,
      signedOff: '2026-03-16T18:12:00+01:00',
      late: false,
      workedDayOff: false,
      counted: true,
      plannedFocusMinutes: 240,
      protectedFocusMinutes: 0,
      done: 'Shipped the importer',
      unfinished: [{ item: 'Flaky test', plan: '10:00, pair with Sam' }],
      firstTomorrow: 'Review Ana’s PR',
      energy: 3,
    });
    const human = await runKeel(['day', '--date', '2026-03-16'], env);
    expect(human.stdout).toBe(
      [
        'Mon, 16 Mar 2026 (09:00–17:30)',
        'First active: —   Last active: —',
        'Signed off: 18:12',
        'First thing next: Review Ana’s PR',
        '',
      ].join('\n'),
    );
  });

  it('a sign-off just after midnight belongs to the workday before the day boundary', async () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    expect((await runKeel(['signoff', '--at', '2026-03-17T00:40'], env)).code).toBe(0);
    const monday = JSON.parse((await runKeel(['day', '--date', '2026-03-16', '--json'], env)).stdout) as {
      signedOff: string;
    };
    expect(monday.signedOff).toBe('2026-03-17T00:40:00+01:00');
  });

  it('signs off now in words, quiet until the next working start (on a pinned clock)', async () => {
    // Monday 15 March 2027, 18:00 in Berlin.
    const clock = new ManualClock(Date.parse('2027-03-15T17:00:00Z'));
    const env = { KEEL_DATA_DIR: tempDir() };
    const r = await runKeel(['signoff', '--done', 'Release', '--quiet'], env, clock);
    expect(r).toEqual({
      code: 0,
      stdout: 'Signed off at 18:00 (Mon, 15 Mar 2027).\nQuiet until Tue, 16 Mar 2027, 09:00.\n',
      stderr: '',
    });
    const day = JSON.parse((await runKeel(['day', '--json'], env, clock)).stdout) as {
      date: string;
      done: string;
    };
    expect(day).toMatchObject({ date: '2027-03-15', done: 'Release' });
  });

  it.each([
    [['--energy', '6'], 'keel: energy: Rate your energy from 1 to 5.\n'],
    [['--energy', 'high'], 'keel: --energy takes a whole number.\n'],
    [
      ['--at', 'yesterday'],
      'keel: --at takes a time such as 2027-03-15T17:42 or 2027-03-15T17:42:00+01:00.\n',
    ],
    [
      ['--at', '2026-02-30T17:00'],
      'keel: --at takes a time such as 2027-03-15T17:42 or 2027-03-15T17:42:00+01:00.\n',
    ],
    [['--at', '2999-01-01T17:00'], 'keel: A sign-off cannot be in the future.\n'],
    [
      ['--unfinished', 'no plan'],
      'keel: --unfinished takes THING=PLAN, e.g. "Review=10:00 tomorrow" (got "no plan").\n',
    ],
    [['--tomorrow', 'a\nb'], 'keel: firstTomorrow: Keep the first thing tomorrow to one line.\n'],
  ])('refuses %j with one line and writes nothing', async (args, stderr) => {
    const env = { KEEL_DATA_DIR: tempDir() };
    const r = await runKeel(['signoff', ...args], env);
    expect({ code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ code: 1, stderr, stdout: '' });
    const today = JSON.parse((await runKeel(['day', '--json'], env)).stdout) as { signedOff: string | null };
    expect(today.signedOff).toBeNull();
  });

  it('keel day refuses a malformed date', async () => {
    const r = await runKeel(['day', '--date', '2026-13-01'], { KEEL_DATA_DIR: tempDir() });
    expect([r.code, r.stderr]).toEqual([1, 'keel: --date takes a date written YYYY-MM-DD.\n']);
  });

  it('keel agenda lists each workday\'s planned sign-off as kind "signoff", across DST', async () => {
    const r = await runKeel(['agenda', '--from', '2027-03-26', '--to', '2027-03-29', '--json'], {
      KEEL_DATA_DIR: tempDir(),
    });
    const events = JSON.parse(r.stdout) as { kind: string; start: string; title: string }[];
    expect(events.filter((e) => e.kind === 'signoff')).toEqual([
      { id: 'signoff:2027-03-26', kind: 'signoff', title: 'Sign-off', start: '2027-03-26T17:30:00+01:00' },
      { id: 'signoff:2027-03-29', kind: 'signoff', title: 'Sign-off', start: '2027-03-29T17:30:00+02:00' },
    ]);
  });
});
