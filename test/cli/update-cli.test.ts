import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { instantAt } from '../../src-main/core/time';
import { CLI, keel, runKeel } from '../helpers/cli';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

/** These compare with the window's US English export: a US terminal. */
const US = 'en_US.UTF-8';

/** 2026-03-16 is a Monday. */
const WEEK = ['--from', '2026-03-16', '--to', '2026-03-22'];

function shares(dir: string): { kind: string; via: string; format: string; period_from: string }[] {
  const db = new Database(path.join(dir, 'keel.db'), { readonly: true });
  const rows = db.prepare('SELECT kind, via, format, period_from FROM shares ORDER BY rowid').all() as {
    kind: string;
    via: string;
    format: string;
    period_from: string;
  }[];
  db.close();
  return rows;
}

/** Three sign-offs of the week of 16 March 2026, made on the command line. */
async function week(env: Record<string, string>) {
  const signoff = (args: string[]) => runKeel(['signoff', ...args], env);
  expect(
    (
      await signoff([
        '--at',
        '2026-03-16T17:30',
        '--done',
        'Merged the importer',
        '--unfinished',
        'Flaky e2e=ask infra',
      ])
    ).code,
  ).toBe(0);
  expect(
    (
      await signoff([
        '--at',
        '2026-03-17T17:30',
        '--done',
        'Reviewed #412',
        '--unfinished',
        'Flaky e2e=again',
      ])
    ).code,
  ).toBe(0);
  expect(
    (
      await signoff([
        '--at',
        '2026-03-18T17:30',
        '--done',
        'See https://example.com/a_b (on-call)',
        '--unfinished',
        'Flaky e2e=still',
        'Docs=morning',
        '--tomorrow',
        'Plan Q2',
      ])
    ).code,
  ).toBe(0);
}

describe('keel update', () => {
  it('prints the week’s update drafted from the sign-offs, and logs the share', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir, LANG: US };
    await week(env);
    const md = await runKeel(['update', ...WEEK], env);
    expect(md.code).toBe(0);
    expect(md.stderr).toBe('');
    expect(md.stdout).toMatch(/^# Weekly update\n\nPeriod: March 16 – 22, 2026 · Prepared on /);
    expect(md.stdout).toContain('## Shipped\n\n- Merged the importer\n- Reviewed #412\n');
    expect(md.stdout).toContain('## Blockers\n\n- Flaky e2e\n');
    const text = await runKeel(['update', ...WEEK, '--format', 'text'], env);
    expect(text.stdout).toContain(
      'Shipped\n• Merged the importer\n• Reviewed #412\n• See https://example.com/a_b (on-call)\n\nNext\n• Plan Q2\n• Docs\n\nBlockers\n• Flaky e2e\n',
    );
    expect(shares(dir)).toEqual([
      { kind: 'weekly-update', via: 'cli', format: 'md', period_from: '2026-03-16' },
      { kind: 'weekly-update', via: 'cli', format: 'text', period_from: '2026-03-16' },
    ]);
  });

  it('prints the edits kept in the window, byte for byte what the window previews', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir, LANG: US };
    await week(env);
    const now = instantAt('2026-03-20', '18:00', 'Europe/Berlin');
    const { services } = makeServices(now, 'Europe/Berlin', { dataDir: dir });
    const period = { from: '2026-03-16', to: '2026-03-22' };
    services.weeklyUpdate.save(period, {
      shipped: ['Importer shipped'],
      next: [],
      blockers: ['Waiting on infra'],
      focus: false,
      mood: false,
    });
    const previews = (['md', 'text', 'html'] as const).map(
      (f) => services.weeklyUpdate.preview(period, f).text,
    );
    services.close();
    for (const [i, format] of (['md', 'text', 'html'] as const).entries()) {
      const printed = await runKeel(['update', ...WEEK, '--format', format], env, new ManualClock(now));
      expect(printed.stdout).toBe(previews[i]);
    }
    expect(previews[1]).toContain('Shipped\n• Importer shipped\n');
    expect(previews[1]).toContain('Edited by hand before sharing.');
  });

  it('drafts the current week without dates, and writes a file with --out', async () => {
    const dir = tempDir();
    const env = { KEEL_DATA_DIR: dir, LANG: US };
    await week(env);
    const out = path.join(tempDir(), 'update.txt');
    const clock = new ManualClock(instantAt('2026-03-19', '12:00', 'Europe/Berlin'));
    const made = await runKeel(['update', '--format', 'text', '--out', out], env, clock);
    expect(made).toEqual({ code: 0, stdout: '', stderr: `Wrote ${out}; the share is logged.\n` });
    expect(fs.readFileSync(out, 'utf8')).toMatch(
      /^Weekly update\nPeriod: March 16 – 22, 2026 · Prepared on March 19, 2026\n/,
    );
  });

  it.each([
    [['--from', '2026-03-16'], 'keel: Give both --from and --to, or neither for the current week.\n'],
    [
      ['--from', '2026-03-22', '--to', '2026-03-16'],
      'keel: The start date must not be after the end date.\n',
    ],
    [['--from', '2026-01-01', '--to', '2026-03-16'], 'keel: A weekly update covers at most 31 days.\n'],
    [['--from', '2026-02-30', '--to', '2026-03-16'], 'keel: from: Use a date written YYYY-MM-DD.\n'],
  ])('refuses %j in one sentence, writing nothing', async (args, message) => {
    const dir = tempDir();
    const r = await runKeel(['update', ...args], { KEEL_DATA_DIR: dir, LANG: US });
    expect(r).toEqual({ code: 1, stdout: '', stderr: message });
    // Refused at the door: not even a database was made.
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('runs as the built keel', { timeout: 30_000 }, () => {
    if (!fs.existsSync(CLI)) throw new Error('Run `npm run build` first: this test runs the built keel.');
    const dir = tempDir();
    const r = keel(['update', ...WEEK, '--format', 'text'], { KEEL_DATA_DIR: dir, LANG: US });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Keel found no sign-off in this period, so there was nothing to draft from.');
    expect(keel(['update', '--format', 'pdf'], { KEEL_DATA_DIR: dir }).code).toBe(2);
  });
});
