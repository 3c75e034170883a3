import { BACKUPS_KEEP_DELETED } from '../../src-main/shared/backup-retention';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const base = ['check', 'add', '--workload', '4', '--energy', '2', '--sustainable', 'mostly'];

describe('keel check', () => {
  it('adds, lists as JSON and deletes by the short id', async () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    const added = await runKeel(
      [
        ...base,
        '--stretched',
        'meetings,On-call or incidents',
        '--note',
        'Release week',
        '--shareable',
        '--at',
        '2026-03-16T16:05',
        '--json',
      ],
      env,
    );
    expect(added.stderr).toBe('');
    const check = JSON.parse(added.stdout) as { id: string };
    const listed = JSON.parse(
      (await runKeel(['check', 'list', '--from', '2026-03-16', '--to', '2026-03-16', '--json'], env)).stdout,
    );
    expect(listed).toEqual([
      {
        id: check.id,
        at: '2026-03-16T16:05:00+01:00',
        date: '2026-03-16',
        time: '16:05',
        workload: 4,
        workloadLabel: expect.any(String),
        energy: 2,
        energyLabel: expect.any(String),
        sustainable: 'mostly',
        stretched: [
          { id: 'meetings', label: 'Meetings' },
          { id: 'on-call', label: expect.stringMatching(/^On-call/) },
        ],
        note: 'Release week',
        shareable: true,
        edited: false,
      },
    ]);
    const deleted = await runKeel(['check', 'delete', check.id.slice(0, 8)], env);
    // The backups keep it until they age out, and the command says so and how to purge them.
    expect(deleted.stdout).toBe(
      `Deleted check ${check.id.slice(0, 8)}.\n${BACKUPS_KEEP_DELETED} To remove it from them now: keel check delete ${check.id} --purge-backups\n`,
    );
    expect((await runKeel(['check', 'list', '--from', '2026-03-16', '--to', '2026-03-16'], env)).stdout).toBe(
      'No check-ins in that range.\n',
    );
  });

  it('purges an already deleted check-in from the backups when asked afterwards, as its words say', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir };
    // The first command's daily backup is taken before the note is written; "backup now" holds it.
    const added = await runKeel([...base, '--note', 'PURGE-ME-LATER-4471', '--json'], env);
    const check = JSON.parse(added.stdout) as { id: string };
    expect((await runKeel(['backup', 'now'], env)).code).toBe(0);
    const held = () =>
      listFiles(path.join(dir, 'backups')).filter((f) => fs.readFileSync(f).includes('PURGE-ME-LATER-4471'));
    expect(held()).not.toEqual([]);
    const deleted = await runKeel(['check', 'delete', check.id.slice(0, 8)], env);
    const suggested = /To remove it from them now: keel (.*)\n$/.exec(deleted.stdout)?.[1]?.split(' ');
    expect(suggested).toEqual(['check', 'delete', check.id, '--purge-backups']);
    const purged = await runKeel(suggested ?? [], env);
    expect(purged).toMatchObject({ code: 0, stderr: '' });
    expect(purged.stdout).toMatch(/Removed it from 1 backup copy\./);
    expect(held()).toEqual([]);
    // An id no backup holds is still refused.
    const again = await runKeel(suggested ?? [], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/No check-in has the id/);
  });

  it('prints a check and the list in words', async () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    const args = [...base, '--stretched', 'meetings', '--note', 'Long\n  week', '--at', '2026-03-16T16:05'];
    const added = await runKeel(args, env);
    const id = /^Logged check ([0-9a-f]{8}) at Mon, 16 Mar 2026 16:05\.\n$/.exec(added.stdout)?.[1];
    expect(id, added.stdout).toBeDefined();
    const listed = await runKeel(['check', 'list', '--from', '2026-03-16', '--to', '2026-03-16'], env);
    expect(listed.stdout).toBe(
      `${id}  Mon, 16 Mar 2026 16:05  workload 4  energy 2  Mostly  [meetings]  “Long week”\n`,
    );
  });

  it.each([
    [['--workload', '6'], /^keel: Workload .*\n$/],
    [['--workload', '3.5'], /^keel: Workload .*\n$/],
    [['--energy', 'abc'], /^keel: Energy .*\n$/],
    [['--sustainable', 'maybe'], /^keel: .*yes, mostly or no.*\n$/],
    [['--stretched', '<b>bold</b>'], /^keel: .*"<b>bold<\/b>".*\n$/],
    [['--at', 'tomorrow'], /^keel: .*\n$/],
    [['--at', '2999-01-01T10:00'], /^keel: .*future.*\n$/],
  ])('refuses %j with one line, exits non-zero and writes nothing', async (override, stderr) => {
    const env = { KEEL_DATA_DIR: tempDir() };
    const args = [...base];
    for (let i = 0; i < override.length; i += 2) {
      const flag = override[i] as string;
      const index = args.indexOf(flag);
      if (index >= 0) args[index + 1] = override[i + 1] as string;
      else args.push(flag, override[i + 1] as string);
    }
    const r = await runKeel(args, env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr.split('\n')).toHaveLength(2);
    for (const year of ['2020', '2026']) {
      const list = await runKeel(
        ['check', 'list', '--from', `${year}-01-01`, '--to', `${year}-12-31`, '--json'],
        env,
      );
      expect(list.stdout).toBe('[]\n');
    }
  });

  it('delete of an unknown id says so', async () => {
    const r = await runKeel(['check', 'delete', 'abcdef12'], { KEEL_DATA_DIR: tempDir() });
    expect([r.code, r.stderr]).toEqual([1, 'keel: No check-in has the id "abcdef12".\n']);
  });

  it('keel agenda lists planned check-in prompts as kind "check"', async () => {
    const env = { KEEL_DATA_DIR: tempDir() };
    await runKeel(
      [
        'settings',
        'set',
        'checkins',
        '{"cadence":{"mode":"weekly","weekday":"wed","time":"15:30"},"customTags":[],"burnout":false,"who5":false}',
      ],
      env,
    );
    const events = JSON.parse(
      (await runKeel(['agenda', '--from', '2027-03-22', '--to', '2027-03-28', '--json'], env)).stdout,
    ) as {
      kind: string;
      start: string;
    }[];
    expect(events.filter((e) => e.kind === 'check').map((e) => e.start)).toEqual([
      '2027-03-24T15:30:00+01:00',
    ]);
  });
});

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
