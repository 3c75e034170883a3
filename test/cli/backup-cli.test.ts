import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src-main/core/clock';
import { main } from '../../src-main/cli/main';
import type { SecretInput } from '../../src-main/cli/terminal';
import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import { tempDir } from '../helpers/temp';
import { terminal } from '../helpers/terminal';

const PASS = 'a long enough passphrase';

async function keel(dir: string, args: string[], secrets?: SecretInput) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'keel', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { KEEL_DATA_DIR: dir },
    systemZone: () => 'Europe/Berlin',
    clock: systemClock,
    calendarParser: new InProcessCalendarParser(),
    ...(secrets ? { secrets } : {}),
  });
  return { code, stdout, stderr };
}

async function withNote(note: string) {
  const dir = tempDir();
  const added = await keel(dir, [
    'check',
    'add',
    '--workload',
    '3',
    '--energy',
    '3',
    '--sustainable',
    'yes',
    '--note',
    note,
  ]);
  expect(added.code).toBe(0);
  return dir;
}

const notes = async (dir: string) => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const listed = await keel(dir, ['check', 'list', '--from', day(-3), '--to', day(3), '--json']);
  return (JSON.parse(listed.stdout) as { note: string | null }[]).map((c) => c.note);
};

let umask: number;
beforeEach(() => {
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
});

describe('keel export: Back up all my data (includes private notes)', () => {
  it('writes the backup owner-only (0600) under umask 022, plain or locked', async () => {
    // The writer is cli/files.ts's writeFileAtomically, made owner-only by #16 item 1: this
    // checks the backup goes through it.
    const dir = await withNote('x');
    const plain = path.join(dir, 'plain.json');
    expect((await keel(dir, ['export', '--out', plain])).code).toBe(0);
    expect(fs.statSync(plain).mode & 0o777).toBe(0o600);
    const locked = path.join(dir, 'locked.keel-encrypted');
    const secretFile = path.join(dir, 'pass.txt');
    fs.writeFileSync(secretFile, PASS);
    expect(
      (await keel(dir, ['export', '--out', locked, '--encrypt', '--passphrase-file', secretFile])).code,
    ).toBe(0);
    expect(fs.statSync(locked).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('says in its help and its answer that the file holds every private note', async () => {
    const dir = await withNote('my private worry');
    const help = await keel(dir, ['help', 'export']);
    expect(help.stdout).toContain('back up all my data (includes private notes)');
    expect(help.stdout).toContain('--encrypt');
    expect(help.stdout).toContain('--passphrase-file <file>');
    const out = path.join(dir, 'backup.json');
    const written = await keel(dir, ['export', '--out', out]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(
      /^Wrote \d+ records? to .*backup\.json\. It holds every note, private ones too, in plain text: keep it where only you can read it, or use --encrypt\.\n$/,
    );
    expect(fs.readFileSync(out, 'utf8')).toContain('my private worry');
  });

  it('never takes a passphrase from an argument, and without a terminal says where to give it', async () => {
    const dir = await withNote('x');
    const out = path.join(dir, 'locked.keel-encrypted');
    const asArgument = await keel(dir, ['export', '--out', out, '--encrypt', '--passphrase', PASS]);
    expect(asArgument.code).toBe(2);
    expect(asArgument.stderr).toContain("unknown option '--passphrase'");
    const noTerminal = await keel(dir, ['export', '--out', out, '--encrypt']);
    expect(noTerminal).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'keel: Keel needs the backup’s passphrase: run this in a terminal to type it, or add --passphrase-file FILE (- for standard input).\n',
    });
    const mismatch = terminal([PASS, `${PASS}!`]);
    expect((await keel(dir, ['export', '--out', out, '--encrypt'], mismatch)).stderr).toBe(
      'keel: The two passphrases differ; nothing was written.\n',
    );
    expect(mismatch.asked).toEqual(['Passphrase for the backup: ', 'The same passphrase again: ']);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('locks the backup with a passphrase file; import asks on the terminal or reads standard input', async () => {
    const dir = await withNote('my private worry');
    const secretFile = path.join(dir, 'pass.txt');
    fs.writeFileSync(secretFile, `${PASS}\n`);
    const out = path.join(dir, 'locked.keel-encrypted');
    const written = await keel(dir, ['export', '--out', out, '--encrypt', '--passphrase-file', secretFile]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/, locked with your passphrase\. It holds every note, private ones too;/);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 25).toString()).toBe('KEEL-ENCRYPTED-EXPORT v1\n');
    expect(bytes.includes('my private worry')).toBe(false);

    // No terminal and no flag: one sentence, nothing imported.
    const empty = tempDir();
    const refused = await keel(empty, ['import', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^keel: Keel needs the backup’s passphrase: /);
    expect(await notes(empty)).toEqual([]);

    const wrong = await keel(empty, ['import', out], terminal(['not it at all']));
    expect(wrong).toMatchObject({ code: 1, stderr: 'keel: That passphrase does not open this backup.\n' });
    expect(await notes(empty)).toEqual([]);

    const typed = terminal([PASS]);
    const imported = await keel(empty, ['import', out], typed);
    expect(imported.stdout).toMatch(/^Imported \d+ records? from locked\.keel-encrypted\.\n$/);
    expect(typed.asked).toEqual(['Passphrase: ']);
    expect(await notes(empty)).toEqual(['my private worry']);

    const scripted = tempDir();
    const piped = await keel(scripted, ['import', out, '--passphrase-file', '-'], terminal([], `${PASS}\n`));
    expect(piped.code).toBe(0);
    expect(await notes(scripted)).toEqual(['my private worry']);
  }, 120_000);
});
