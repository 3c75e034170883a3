import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { defaultSettings } from '../../src-main/core/settings';
import { runKeel } from '../helpers/cli';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

/** Monday 15 March 2027, 09:00 in Berlin. */
const MONDAY = Date.parse('2027-03-15T08:00:00Z');
const HOURS = defaultSettings('Europe/Berlin').workingHours;
const SHORT_FRIDAYS = { ...HOURS, fri: { start: '09:00', end: '13:00' } };

function setup() {
  const env = { KEEL_DATA_DIR: tempDir() };
  const clock = new ManualClock(MONDAY);
  const keel = (...args: string[]) => runKeel(args, env, clock);
  return { env, clock, keel };
}

/** The data file's tables, read in a session of its own (the CLI closed its own). */
function tablesOf(dataDir: string): string {
  const { services } = makeServices(MONDAY, 'Europe/Berlin', { dataDir });
  try {
    return snapshot(services.db);
  } finally {
    services.close();
  }
}

describe('keel settings: dated rules', () => {
  it('set --from stores the change from that day and says so; get still shows what is in force today', async () => {
    const { keel } = setup();
    const set = await keel(
      'settings',
      'set',
      'workingHours',
      JSON.stringify(SHORT_FRIDAYS),
      '--from',
      '2027-04-01',
    );
    expect(set).toEqual({
      code: 0,
      stdout: `workingHours = ${JSON.stringify(SHORT_FRIDAYS)} from 2027-04-01 (upcoming)\n`,
      stderr: '',
    });
    expect((await keel('settings', 'get', 'workingHours')).stdout).toBe(`${JSON.stringify(HOURS)}\n`);
  });

  it('set without --from changes the rule from today', async () => {
    const { keel } = setup();
    expect((await keel('settings', 'set', 'zone', 'Europe/Lisbon')).stdout).toBe('zone = Europe/Lisbon\n');
    const history = JSON.parse((await keel('settings', 'history', 'zone', '--json')).stdout) as unknown;
    expect(history).toEqual([{ key: 'zone', from: '2027-03-15', value: 'Europe/Lisbon', state: 'in-force' }]);
  });

  it('history prints each rule’s changes with the one in force, or JSON with --json', async () => {
    const { keel } = setup();
    await keel(
      'settings',
      'set',
      'workingHours',
      JSON.stringify({ ...HOURS, mon: null }),
      '--from',
      '2027-03-01',
    );
    await keel('settings', 'set', 'workingHours', JSON.stringify(SHORT_FRIDAYS), '--from', '2027-04-01');
    await keel('settings', 'set', 'dayBoundary', '05:00');
    await keel('settings', 'set', 'theme', 'dark');

    const human = await keel('settings', 'history');
    expect(human.code).toBe(0);
    expect(human.stdout.split('\n')).toEqual([
      'workingHours',
      `  2027-03-01           in force  ${JSON.stringify({ ...HOURS, mon: null })}`,
      `  2027-04-01           upcoming  ${JSON.stringify(SHORT_FRIDAYS)}`,
      'dayBoundary',
      '  2027-03-15           in force  05:00',
      '',
    ]);
    const json = JSON.parse((await keel('settings', 'history', 'workingHours', '--json')).stdout) as {
      from: string;
      state: string;
    }[];
    expect(json.map((c) => [c.from, c.state])).toEqual([
      ['2027-03-01', 'in-force'],
      ['2027-04-01', 'upcoming'],
    ]);
    expect((await keel('settings', 'history', 'holidays')).stdout).toBe(
      "holidays was never changed; Keel's default is in force.\n",
    );
  });

  it('history says "since the beginning" for a value set before rules were dated, and "past" once replaced', async () => {
    const { keel, env } = setup();
    const { services } = makeServices(MONDAY, 'Europe/Berlin', { dataDir: env.KEEL_DATA_DIR });
    services.db
      .prepare(
        "INSERT INTO rule_changes (key, effective_from, value, changed_at) VALUES ('dayBoundary', '0000-01-01', '\"03:00\"', 0)",
      )
      .run();
    services.close();
    await keel('settings', 'set', 'dayBoundary', '05:00', '--from', '2027-03-10');
    expect((await keel('settings', 'history', 'dayBoundary')).stdout).toBe(
      [
        'dayBoundary',
        '  since the beginning  past      03:00',
        '  2027-03-10           in force  05:00',
        '',
      ].join('\n'),
    );
  });

  it('withdraw takes back an upcoming change; it refuses one in force, and unknown ones', async () => {
    const { keel, env } = setup();
    await keel('settings', 'set', 'workingHours', JSON.stringify(SHORT_FRIDAYS), '--from', '2027-04-01');
    await keel(
      'settings',
      'set',
      'holidays',
      '[{"from":"2027-03-01","to":"2027-03-02"}]',
      '--from',
      '2027-03-01',
    );
    expect(await keel('settings', 'withdraw', 'workingHours', '2027-04-01')).toEqual({
      code: 0,
      stdout: 'Withdrawn: the change of workingHours from 2027-04-01.\n',
      stderr: '',
    });
    expect((await keel('settings', 'history', 'workingHours')).stdout).toBe(
      "workingHours was never changed; Keel's default is in force.\n",
    );

    const before = tablesOf(env.KEEL_DATA_DIR);
    expect(await keel('settings', 'withdraw', 'holidays', '2027-03-01')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'keel: That change is already in force; set a new value instead.\n',
    });
    expect((await keel('settings', 'withdraw', 'holidays', '2027-05-01')).stderr).toBe(
      'keel: There is no such planned change.\n',
    );
    expect((await keel('settings', 'withdraw', 'holidays', '2027-05-32')).stderr).toBe(
      'keel: from: Use a date written YYYY-MM-DD.\n',
    );
    expect(tablesOf(env.KEEL_DATA_DIR)).toBe(before);
  });

  it('refuses a date for settings that take effect at once, and names the dated ones', async () => {
    const { keel, env } = setup();
    await keel('status');
    const before = tablesOf(env.KEEL_DATA_DIR);
    expect(await keel('settings', 'set', 'theme', 'dark', '--from', '2027-04-01')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'keel: theme takes effect at once; it has no date.\n',
    });
    expect((await keel('settings', 'set', 'zone', 'Europe/Lisbon', '--from', 'tomorrow')).stderr).toBe(
      'keel: from: Use a date written YYYY-MM-DD.\n',
    );
    const dated = 'zone, workingHours, dayBoundary, focusPlan, focusPauses, holidays, checkins, oneOnOne';
    for (const args of [
      ['settings', 'history', 'theme'],
      ['settings', 'withdraw', 'theme', '2027-04-01'],
    ]) {
      expect((await keel(...args)).stderr).toBe(
        `keel: theme takes effect at once and has no dated changes; these do: ${dated}.\n`,
      );
    }
    expect((await keel('settings', 'history', 'colour')).stderr).toMatch(/^keel: Unknown setting "colour"/);
    expect(tablesOf(env.KEEL_DATA_DIR)).toBe(before);
  });

  it('help names the new commands and the date', async () => {
    const { keel } = setup();
    const help = (await keel('settings', '--help')).stdout.replace(/\s+/g, ' ');
    for (const word of ['history', 'withdraw', '--from', 'days before it keep the rules they had'])
      expect(help).toContain(word);
    expect((await keel('settings', 'set', '--help')).stdout).toContain('--from <date>');
  });
});
