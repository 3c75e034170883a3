import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { runKeel } from '../helpers/cli';
import { snapshot } from '../helpers/db-snapshot';
import { tempDir } from '../helpers/temp';

/** Issue #18: `keel talk edit` and `keel talk move`, with the window's rules and refusals. */

const POINTS = ['Hiring plan', 'On-call rotation', 'Conference budget'];

/** A data folder with the three points, added an hour apart; `run` runs keel on it at a fixed "now". */
async function agenda() {
  const env = { KEEL_DATA_DIR: tempDir() };
  const clock = new ManualClock(Date.parse('2027-03-15T08:00:00Z'));
  const run = (...args: string[]) => runKeel(args, env, clock);
  const ids: string[] = [];
  for (const text of POINTS) {
    const added = await run('talk', 'add', text, '--json');
    expect(added.code).toBe(0);
    ids.push((JSON.parse(added.stdout) as { id: string }).id);
    clock.advanceTo(clock.now() + 3_600_000);
  }
  const order = async () =>
    (JSON.parse((await run('talk', 'list', '--json')).stdout) as { text: string }[]).map((p) => p.text);
  const data = () => {
    const db = new Database(path.join(env.KEEL_DATA_DIR, 'keel.db'), { readonly: true });
    try {
      return snapshot(db);
    } finally {
      db.close();
    }
  };
  return { run, ids, short: ids.map((id) => id.slice(0, 8)), order, data };
}

describe('keel talk edit', () => {
  it('rewrites a point in place: same id, same place, the words cleaned as the window cleans them', async () => {
    const { run, ids, short, order } = await agenda();
    expect(await run('talk', 'edit', short[1] ?? '', 'On-call', 'rotation,\tagain ')).toEqual({
      code: 0,
      stdout: `Edited ${short[1]}: On-call rotation, again\n`,
      stderr: '',
    });
    expect(await order()).toEqual(['Hiring plan', 'On-call rotation, again', 'Conference budget']);
    const json = await run('talk', 'edit', ids[0] ?? '', 'Hiring plan for Q3', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: ids[0],
      text: 'Hiring plan for Q3',
      discussedAt: null,
    });
  });
});

describe('keel talk move', () => {
  it('moves one place up or down, or to a place; list and summary follow', async () => {
    const { run, short, order } = await agenda();
    expect(await run('talk', 'move', short[2] ?? '', '--up')).toEqual({
      code: 0,
      stdout: `Moved ${short[2]} to place 2 of 3: Conference budget\n`,
      stderr: '',
    });
    expect(await order()).toEqual(['Hiring plan', 'Conference budget', 'On-call rotation']);
    expect((await run('talk', 'move', short[0] ?? '', '--down')).stdout).toBe(
      `Moved ${short[0]} to place 2 of 3: Hiring plan\n`,
    );
    expect(await order()).toEqual(['Conference budget', 'Hiring plan', 'On-call rotation']);
    expect((await run('talk', 'move', short[1] ?? '', '--to', '1')).stdout).toBe(
      `Moved ${short[1]} to place 1 of 3: On-call rotation\n`,
    );
    const agendaOrder = ['On-call rotation', 'Conference budget', 'Hiring plan'];
    expect(await order()).toEqual(agendaOrder);
    const summary = await run(
      'summary',
      '--from',
      '2027-03-02',
      '--to',
      '2027-03-15',
      '--sections',
      'talkingPoints',
    );
    expect(summary.code).toBe(0);
    const listed = summary.stdout
      .split('\n')
      .filter((line) => line.startsWith('- '))
      .map((line) => line.replace(/\\/g, ''));
    expect(listed).toEqual(agendaOrder.map((text) => `- ${text}`));
    expect((await run('talk', 'move', short[1] ?? '', '--to', '3')).stdout).toBe(
      `Moved ${short[1]} to place 3 of 3: On-call rotation\n`,
    );
    expect(await order()).toEqual(['Conference budget', 'Hiring plan', 'On-call rotation']);
  });

  it('says when a point at an end, or at its place already, stays where it is', async () => {
    const { run, short, order, data } = await agenda();
    const before = data();
    expect((await run('talk', 'move', short[0] ?? '', '--up')).stdout).toBe(
      `${short[0]} stays at place 1 of 3: Hiring plan\n`,
    );
    expect((await run('talk', 'move', short[2] ?? '', '--down')).stdout).toBe(
      `${short[2]} stays at place 3 of 3: Conference budget\n`,
    );
    expect((await run('talk', 'move', short[1] ?? '', '--to', '2')).stdout).toBe(
      `${short[1]} stays at place 2 of 3: On-call rotation\n`,
    );
    expect(await order()).toEqual(POINTS);
    expect(data()).toBe(before);
  });

  it('--json prints every point in the new order, discussed ones too', async () => {
    const { run, ids, short } = await agenda();
    expect((await run('talk', 'done', short[0] ?? '')).code).toBe(0);
    const moved = await run('talk', 'move', ids[2] ?? '', '--to', '1', '--json');
    expect(moved.code).toBe(0);
    const points = JSON.parse(moved.stdout) as { id: string; text: string; discussedAt: string | null }[];
    expect(points.filter((p) => p.discussedAt === null).map((p) => p.text)).toEqual([
      'Conference budget',
      'On-call rotation',
    ]);
    expect(points.map((p) => p.id).sort()).toEqual([...ids].sort());
  });
});

describe('keel talk edit and move refuse with one sentence and write nothing', () => {
  const REFUSED: [string, (short: string[]) => string[], string][] = [
    [
      'an unknown id (edit)',
      () => ['edit', '12345678', 'new words'],
      'No talking point has the id "12345678".',
    ],
    ['an unknown id (move)', () => ['move', '12345678', '--up'], 'No talking point has the id "12345678".'],
    ['a malformed id', () => ['move', 'zz!', '--up'], 'id: That is not an id Keel gave.'],
    ['empty words', (s) => ['edit', s[0] ?? '', '  ', '\t'], 'text: Write the talking point.'],
    [
      'words too long',
      (s) => ['edit', s[0] ?? '', 'x'.repeat(501)],
      'text: Keep a talking point under 500 characters.',
    ],
    [
      'a place past the last',
      (s) => ['move', s[0] ?? '', '--to', '3'],
      'There are 2 open talking points: give a place from 1 to 2.',
    ],
    [
      'place 0',
      (s) => ['move', s[0] ?? '', '--to', '0'],
      'to: Give the place as a whole number, 1 for the top.',
    ],
    ['a place that is no number', (s) => ['move', s[0] ?? '', '--to', 'top'], '--to takes a whole number.'],
    ['no direction', (s) => ['move', s[0] ?? ''], 'Give one of --up, --down or --to with a place.'],
    [
      'two directions',
      (s) => ['move', s[0] ?? '', '--up', '--to', '2'],
      'Give one of --up, --down or --to with a place.',
    ],
    [
      'a discussed point',
      (s) => ['move', s[1] ?? '', '--to', '1'],
      'Only a talking point not yet discussed can be moved.',
    ],
  ];

  // One point is discussed first, so two are open.
  it.each(REFUSED)('(%s): exit code 1 and one line', async (_name, args, sentence) => {
    const { run, short, data } = await agenda();
    expect((await run('talk', 'done', short[1] ?? '')).code).toBe(0);
    const before = data();
    expect(await run('talk', ...args(short))).toEqual({ code: 1, stdout: '', stderr: `keel: ${sentence}\n` });
    expect(data()).toBe(before);
  });

  it('usage errors are commander’s, with exit code 2', async () => {
    const { run, short } = await agenda();
    const r = await run('talk', 'edit', short[0] ?? '');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^error: missing required argument 'text'/);
  });
});
