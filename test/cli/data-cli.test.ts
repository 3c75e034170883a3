import { LATEST_VERSION } from '../../src-main/storage/migrations';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeel, type KeelRun } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

type Run = (...args: string[]) => Promise<KeelRun>;

/** The check-ins of the last and next few days, as `keel check list --json` prints them. */
async function checks(run: Run): Promise<{ note: string | null }[]> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const listed = await run('check', 'list', '--from', day(-3), '--to', day(3), '--json');
  return JSON.parse(listed.stdout) as { note: string | null }[];
}

function folder() {
  const dir = tempDir();
  const env = { KEEL_DATA_DIR: dir };
  const run: Run = (...args) => runKeel(args, env);
  return { dir, run };
}

const addCheck = (run: Run, ...extra: string[]) =>
  run('check', 'add', '--workload', '3', '--energy', '3', '--sustainable', 'yes', ...extra);

describe('keel backup', () => {
  it('backs up daily on first use, lists, backs up now and restores (keeping a safety copy)', async () => {
    const { dir, run } = folder();
    expect((await addCheck(run, '--note', 'first')).code).toBe(0);
    const list = await run('backup', 'list', '--json');
    expect(list.code).toBe(0);
    const backups = JSON.parse(list.stdout) as { id: string; kind: string }[];
    expect(backups.map((b) => b.kind).sort()).toEqual(['daily', 'weekly']);
    const today = backups.find((b) => b.kind === 'daily')?.id ?? '';
    const human = (await run('backup', 'list')).stdout;
    expect(human).toContain(`Backups in ${path.join(dir, 'backups')}:`);
    // When it was written in the locale's words and clock (the helper's en-GB: "Fri, 4 Dec 2026 00:21").
    expect(human).toMatch(
      new RegExp(
        `\\n${today} +[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}  daily, \\d+ kB\\n`,
      ),
    );

    // The daily copy was taken before the first check-in was written; "now" takes it again.
    expect((await run('backup', 'now')).stdout).toMatch(new RegExp(`^Backed up to ${today} in `));
    expect(
      (
        await run(
          'check',
          'add',
          '--workload',
          '4',
          '--energy',
          '2',
          '--sustainable',
          'no',
          '--note',
          'second',
        )
      ).code,
    ).toBe(0);
    const restored = await run('backup', 'restore', today);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(
      /^Restored daily-\d{4}-\d{2}-\d{2}\. Your data as it was just before is kept as safety-\d{8}-\d{6}; restore that to undo\.\n$/,
    );
    expect((await checks(run)).map((n) => n.note)).toEqual(['first']);
  });

  it('refuses an unknown backup in one line', async () => {
    const { run } = folder();
    expect(await run('backup', 'restore', 'daily-1999-01-01')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'keel: There is no backup by that name.\n',
    });
    expect((await run('backup', 'restore', '../../etc/passwd')).code).toBe(1);
  });
});

describe('keel export and import', () => {
  it('round-trips every record through a versioned JSON file, and a second import adds nothing', async () => {
    const a = folder();
    await addCheck(a.run, '--note', 'from a');
    await a.run('talk', 'add', 'Ask about on-call');
    expect((await a.run('settings', 'set', 'theme', 'dark')).code).toBe(0);
    expect((await a.run('settings', 'set', 'dayBoundary', '05:00')).code).toBe(0);
    const out = path.join(a.dir, 'keel.json');
    const exported = await a.run('export', '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Wrote \d+ records to /);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({
      format: 'keel-export',
      formatVersion: 2,
    });
    expect(await a.run('export', '--out', out)).toMatchObject({
      code: 1,
      stderr: `keel: ${out} already exists; add --force to replace it.\n`,
    });
    expect((await a.run('export', '--out', out, '--force')).code).toBe(0);

    const b = folder();
    const first = await b.run('import', out);
    expect(first.code).toBe(0);
    // Settings are named apart from records ("Wrote … records" counts records only).
    expect(first.stdout).toMatch(/^Imported \d+ records and 2 settings from keel\.json\.\n$/);
    expect((await b.run('import', out)).stdout).toMatch(
      /^Nothing new in keel\.json: its \d+ records and 2 settings were already here\.\n$/,
    );
    expect((await b.run('settings', 'get', 'dayBoundary')).stdout).toBe('05:00\n');
    expect(JSON.parse((await b.run('talk', 'list', '--json')).stdout)).toMatchObject([
      { text: 'Ask about on-call' },
    ]);
  });

  it('refuses a malformed file in one line and changes nothing', async () => {
    const { dir, run } = folder();
    await addCheck(run);
    const before = await checks(run);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        format: 'keel-export',
        formatVersion: 1,
        exportedAt: 0,
        appVersion: 'x',
        schemaVersion: LATEST_VERSION,
        settings: {},
        records: { checkins: [{ id: 'nope' }] },
      }),
    );
    const result = await run('import', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^keel: That file cannot be imported \(records\.checkins\.0\.[a-z_]+ .*\); nothing was imported\.\n$/,
    );
    expect(await checks(run)).toEqual(before);
    expect((await run('import', path.join(dir, 'missing.json'))).stderr).toBe(
      'keel: Keel cannot read missing.json; nothing was imported.\n',
    );
  });

  it('says so in one line when the file cannot be written', async () => {
    const { dir, run } = folder();
    const out = path.join(dir, 'no-such-folder', 'keel.json');
    expect(await run('export', '--out', out)).toEqual({
      code: 1,
      stdout: '',
      stderr: `keel: Keel could not write ${out} (ENOENT).\n`,
    });
  });
});

describe('keel delete-all', () => {
  it('asks for --yes, then deletes every record and backup', async () => {
    const { dir, run } = folder();
    await addCheck(run, '--note', 'secret');
    const refused = await run('delete-all');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('add --yes to go ahead');
    expect(await checks(run)).toHaveLength(1);
    expect(await run('delete-all', '--yes')).toMatchObject({
      code: 0,
      stdout: 'Deleted all your Keel data, backups included.\n',
    });
    expect(await checks(run)).toEqual([]);
    // The next command takes a fresh (empty) daily backup; the old copies with the note are gone.
    for (const kind of ['daily', 'weekly']) {
      for (const name of fs.readdirSync(path.join(dir, 'backups', kind))) {
        expect(fs.readFileSync(path.join(dir, 'backups', kind, name)).includes('secret')).toBe(false);
      }
    }
  });
});

describe('a damaged data file', () => {
  it('is set aside, the backup restored, and the command says so and carries on', async () => {
    const { dir, run } = folder();
    await addCheck(run, '--note', 'kept');
    await run('backup', 'now');
    fs.writeFileSync(path.join(dir, 'keel.db'), 'garbage'.repeat(1000));
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(dir, `keel.db${suffix}`), { force: true });
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const result = await run('check', 'list', '--from', day(-3), '--to', day(3), '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^keel: Keel’s data file was damaged and could not be read\. It was moved, not deleted, to .*set-aside.*\.db\. Keel restored the backup from /,
    );
    expect(JSON.parse(result.stdout)).toMatchObject([{ note: 'kept' }]);
    expect(fs.readdirSync(path.join(dir, 'set-aside'))).toHaveLength(1);
  });
});
