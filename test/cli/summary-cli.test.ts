import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { runKeel } from '../helpers/cli';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

/** These compare with the window's US English export: a US terminal. */
const US = 'en_US.UTF-8';

/** The shares logged in the data folder, oldest first. */
function shares(dir: string): { via: string; format: string }[] {
  const db = new Database(path.join(dir, 'keel.db'), { readonly: true });
  const rows = db.prepare('SELECT via, format FROM shares ORDER BY rowid').all() as {
    via: string;
    format: string;
  }[];
  db.close();
  return rows;
}

describe('keel talk and keel summary', () => {
  it('talking points carry into the summary; shareable notes can be ticked; the share is logged', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir, LANG: US };
    expect((await runKeel(['talk', 'add', 'Rotate', 'on-call'], env)).code).toBe(0);
    const listed = JSON.parse((await runKeel(['talk', 'list', '--json'], env)).stdout) as { text: string }[];
    expect(listed.map((p) => p.text)).toEqual(['Rotate on-call']);
    const add = async (extra: string[]) =>
      JSON.parse(
        (
          await runKeel(
            [
              'check',
              'add',
              '--workload',
              '4',
              '--energy',
              '2',
              '--sustainable',
              'no',
              '--at',
              '2026-03-16T16:00',
              '--json',
              ...extra,
            ],
            env,
          )
        ).stdout,
      ) as { id: string };
    const shared = await add(['--note', 'Release week', '--shareable']);
    const secret = await add(['--note', 'SECRET-91c: job hunting']);
    const out = path.join(tempDir(), 'summary.html');
    const made = await runKeel(
      [
        'summary',
        '--from',
        '2026-03-09',
        '--to',
        '2026-03-22',
        '--format',
        'html',
        '--sections',
        'trends,talkingPoints,notes',
        '--notes',
        shared.id,
        '--out',
        out,
      ],
      env,
    );
    expect(made).toEqual({ code: 0, stdout: '', stderr: `Wrote ${out}; the share is logged.\n` });
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Rotate on-call');
    expect(html).toContain('Release week');
    expect(html).not.toContain('SECRET-91c');

    const refused = await runKeel(
      ['summary', '--from', '2026-03-09', '--to', '2026-03-22', '--sections', 'notes', '--notes', secret.id],
      env,
    );
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([
      1,
      '',
      'keel: Only notes marked “may be shared” can go in a summary.\n',
    ]);
    // Printed Markdown and JSON are shares too; the refused one is not.
    const md = await runKeel(['summary', '--from', '2026-03-09', '--to', '2026-03-22'], env);
    expect(md).toMatchObject({ code: 0, stderr: '' });
    expect(md.stdout).toMatch(/^# One-on-one summary\n/);
    expect(md.stdout).toContain('## Talking points\n\n- Rotate on-call\n');
    const json = await runKeel(
      ['summary', '--from', '2026-03-09', '--to', '2026-03-22', '--format', 'json'],
      env,
    );
    expect(JSON.parse(json.stdout)).toMatchObject({ sections: expect.any(Array) });
    expect(shares(dir)).toEqual([
      { via: 'cli', format: 'html' },
      { via: 'cli', format: 'md' },
      { via: 'cli', format: 'json' },
    ]);
  });

  it('--format md and --format text print exactly what the builder previews: the point as typed', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir, LANG: US };
    const point = 'Discuss on-call rotation (Q2), see https://example.com/a_b';
    const now = Date.parse('2027-03-15T09:00:00Z');
    const clock = new ManualClock(now);
    expect((await runKeel(['talk', 'add', point], env, clock)).code).toBe(0);
    const args = ['summary', '--from', '2027-03-02', '--to', '2027-03-15', '--sections', 'talkingPoints'];
    const md = await runKeel([...args, '--format', 'md'], env, clock);
    const text = await runKeel([...args, '--format', 'text'], env, clock);
    expect(md.stdout).toContain(`\n- ${point}\n`);
    expect(text.stdout).toContain(`\n• ${point}\n`);
    // The window's preview, on the same data at the same moment, byte for byte.
    const { services } = makeServices(now, 'Europe/Berlin', { dataDir: dir });
    const choices = { from: '2027-03-02', to: '2027-03-15', sections: ['talkingPoints' as const] };
    expect(md.stdout).toBe(services.summary.preview(choices, 'md').text);
    expect(text.stdout).toBe(services.summary.preview(choices, 'text').text);
    services.close();
    expect(shares(dir)).toEqual([
      { via: 'cli', format: 'md' },
      { via: 'cli', format: 'text' },
    ]);
  });

  it('talk list and done print in words', async () => {
    const env = { KEEL_DATA_DIR: tempDir(), LANG: US };
    const added = await runKeel(['talk', 'add', 'Ask', 'about', 'budgets'], env);
    const id = /^Added ([0-9a-f]{8}): Ask about budgets\n$/.exec(added.stdout)?.[1] ?? '';
    expect(id).not.toBe('');
    expect((await runKeel(['talk', 'list'], env)).stdout).toBe(`${id}  Ask about budgets\n`);
    expect(await runKeel(['talk', 'done', id], env)).toMatchObject({
      code: 0,
      stdout: 'Discussed: Ask about budgets\n',
    });
    expect((await runKeel(['talk', 'list'], env)).stdout).toBe('No open talking points.\n');
    expect((await runKeel(['talk', 'list', '--all'], env)).stdout).toBe(`${id}  ✓ Ask about budgets\n`);
  });

  it('refuses unknown or unusable note ids: exit 1, one sentence, no file, no share (#16)', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir, LANG: US };
    const check = async (extra: string[]) =>
      JSON.parse(
        (
          await runKeel(
            [
              'check',
              'add',
              '--workload',
              '3',
              '--energy',
              '3',
              '--sustainable',
              'yes',
              '--at',
              '2026-03-16T16:00',
              '--json',
              ...extra,
            ],
            env,
          )
        ).stdout,
      ) as { id: string };
    const shared = await check(['--note', 'Release week', '--shareable']);
    const out = path.join(tempDir(), 'summary.md');
    const period = ['--from', '2026-03-09', '--to', '2026-03-22'];
    for (const [args, sentence] of [
      [
        ['--sections', 'notes', '--notes', 'no-such-note'],
        'One of the ticked notes is not a note of this period; tick only notes written in it.',
      ],
      [
        ['--sections', 'notes', '--notes', `${shared.id},no-such-note`],
        'One of the ticked notes is not a note of this period; tick only notes written in it.',
      ],
      [
        ['--sections', 'trends', '--notes', shared.id],
        'Ticked notes go in only with the Notes section; choose that section too.',
      ],
    ] as const) {
      for (const target of [['--out', out], []]) {
        const run = await runKeel(['summary', ...period, ...args, ...target], env);
        expect([run.code, run.stdout, run.stderr]).toEqual([1, '', `keel: ${sentence}\n`]);
      }
    }
    expect(fs.existsSync(out)).toBe(false);
    expect(shares(dir)).toEqual([]);
  });

  it('counts custom tags of check-ins with private notes only when named with --tags', async () => {
    const env = { KEEL_DATA_DIR: tempDir(), LANG: US };
    await runKeel(
      [
        'check',
        'add',
        '--workload',
        '4',
        '--energy',
        '2',
        '--sustainable',
        'no',
        '--at',
        '2026-03-16T16:00',
        '--stretched',
        'meetings,job hunting',
        '--note',
        'Interview Friday',
      ],
      env,
    );
    const args = ['summary', '--from', '2026-03-09', '--to', '2026-03-22', '--sections', 'stretched'];
    const without = await runKeel(args, env);
    expect(without.code).toBe(0);
    expect(without.stdout).toContain('- Meetings: 1 of 1 check-in');
    expect(without.stdout).not.toContain('Job hunting');
    const ticked = await runKeel([...args, '--tags', 'Job hunting'], env);
    expect(ticked.stdout).toContain('- Job hunting: 1 of 1 check-in');
    const unknown = await runKeel([...args, '--tags', 'meetings'], env);
    expect([unknown.code, unknown.stdout]).toEqual([1, '']);
  });

  it('refuses a malformed period with one line', async () => {
    const r = await runKeel(['summary', '--from', '2026-03-22', '--to', '2026-03-09'], {
      KEEL_DATA_DIR: tempDir(),
    });
    expect([r.code, r.stderr]).toEqual([1, 'keel: The period must end on or after the day it starts.\n']);
  });

  it('lists the talking points in the user’s order: oldest first, then as moved (md, html, json) (#18)', async () => {
    const env = { KEEL_DATA_DIR: tempDir(), LANG: US };
    const clock = new ManualClock(Date.parse('2027-03-15T08:00:00Z'));
    const run = (...args: string[]) => runKeel(args, env, clock);
    const ids: string[] = [];
    // Added in an order their ids and words do not share, an hour apart.
    for (const text of ['Zebra crossing', 'Apples', 'Middle of the road']) {
      ids.push((JSON.parse((await run('talk', 'add', text, '--json')).stdout) as { id: string }).id);
      clock.advanceTo(clock.now() + 3_600_000);
    }
    const period = ['--from', '2027-03-02', '--to', '2027-03-15', '--sections', 'talkingPoints'];
    const listed = async () => {
      const md = (await run('summary', ...period)).stdout;
      const html = (await run('summary', ...period, '--format', 'html')).stdout;
      const json = JSON.parse((await run('summary', ...period, '--format', 'json')).stdout) as {
        sections: { kind: string; items?: string[] }[];
      };
      const inMd = md
        .split('\n')
        .filter((line) => line.startsWith('- '))
        .map((line) => line.slice(2));
      const inHtml = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
      const inJson = json.sections.find((section) => section.kind === 'talkingPoints')?.items;
      expect(inHtml).toEqual(inMd);
      expect(inJson).toEqual(inMd);
      return inMd;
    };
    expect(await listed()).toEqual(['Zebra crossing', 'Apples', 'Middle of the road']);
    expect((await run('talk', 'move', ids[2]?.slice(0, 8) ?? '', '--to', '1')).code).toBe(0);
    expect((await run('talk', 'move', ids[0]?.slice(0, 8) ?? '', '--down')).code).toBe(0);
    expect(await listed()).toEqual(['Middle of the road', 'Apples', 'Zebra crossing']);
    // A point added later goes to the end; one discussed leaves the agenda.
    expect((await run('talk', 'add', 'Added last')).code).toBe(0);
    expect((await run('talk', 'done', ids[1]?.slice(0, 8) ?? '')).code).toBe(0);
    expect(await listed()).toEqual(['Middle of the road', 'Zebra crossing', 'Added last']);
  });
});
