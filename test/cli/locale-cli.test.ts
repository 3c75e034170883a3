import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { systemClock } from '../../src-main/core/clock';
import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import type { CommandRunner } from '../../src-main/platform/dnd/command-runner';
import { CLI, keel as builtKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** No gsettings here: every desktop command is missing. */
const noCommands: CommandRunner = {
  run: async () => ({ code: 127, stdout: '', stderr: 'not found' }),
};

/** `keel …` in this process on Linux, with no session bus and the environment given. */
async function keel(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'keel', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { KEEL_DATA_DIR: tempDir('keel-locale-'), ...env },
    systemZone: () => 'Europe/Berlin',
    clock: systemClock,
    calendarParser: new InProcessCalendarParser(),
    platform: 'linux',
    commandRunner: noCommands,
  });
  return { code, stdout, stderr };
}

const firstLine = (text: string) => text.split('\n')[0];

describe('the CLI speaks the language of its environment', () => {
  it('LANG=de_DE.UTF-8 keel doctor prints German', async () => {
    const run = await keel(['doctor'], { LANG: 'de_DE.UTF-8' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(firstLine(run.stdout)).toMatch(/^Keel \S+ auf linux$/);
    expect(run.stdout).toContain('    Was zu tun ist: ');
    expect(run.stdout).not.toContain('What to do:');
  });

  it('LC_ALL wins over LANG, and C means English', async () => {
    expect(
      firstLine((await keel(['doctor'], { LANG: 'de_DE.UTF-8', LC_ALL: 'fr_FR.UTF-8' })).stdout),
    ).toMatch(/ sur linux$/);
    expect(firstLine((await keel(['doctor'], { LANG: 'de_DE.UTF-8', LC_ALL: 'C' })).stdout)).toMatch(
      / on linux$/,
    );
    expect(firstLine((await keel(['doctor'], {})).stdout)).toMatch(/ on linux$/);
  });

  it('--locale overrides the environment, before or after the command', async () => {
    const after = await keel(['doctor', '--locale', 'pt-BR'], { LANG: 'de_DE.UTF-8' });
    expect(firstLine(after.stdout)).toMatch(/ em linux$/);
    const before = await keel(['--locale', 'es', 'doctor'], { LANG: 'de_DE.UTF-8' });
    expect(firstLine(before.stdout)).toMatch(/ en linux$/);
  });

  it('refuses a language Keel does not speak in one sentence, in the language of the environment', async () => {
    const run = await keel(['doctor', '--locale', 'ja'], { LANG: 'de_DE.UTF-8' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'keel: Keel spricht en-US, en-GB, de, fr, es und pt-BR; „ja“ gehört nicht dazu.\n',
    );
  });

  it('leaves --json untranslated', async () => {
    const KEEL_DATA_DIR = tempDir('keel-locale-');
    const english = await keel(['doctor', '--json'], { KEEL_DATA_DIR });
    const german = await keel(['doctor', '--json'], { KEEL_DATA_DIR, LANG: 'de_DE.UTF-8' });
    expect(german.code).toBe(0);
    expect(german.stdout).toBe(english.stdout);
  });
});

// The bundle, spawned with a real environment: LANG reaches it through process.env.
describe('the built keel', { timeout: 30_000 }, () => {
  it('LANG=de_DE.UTF-8 keel doctor prints German, and English without LANG', () => {
    if (!fs.existsSync(CLI)) throw new Error('Run `npm run build` first: this test runs the built keel.');
    const KEEL_DATA_DIR = tempDir('keel-locale-');
    const german = builtKeel(['doctor'], { KEEL_DATA_DIR, LANG: 'de_DE.UTF-8' });
    expect(german).toMatchObject({ code: 0, stderr: '' });
    expect(firstLine(german.stdout)).toMatch(/^Keel \S+ auf \S+$/);
    const english = builtKeel(['doctor'], { KEEL_DATA_DIR });
    expect(firstLine(english.stdout)).toMatch(/^Keel \S+ on \S+$/);
  });
});
