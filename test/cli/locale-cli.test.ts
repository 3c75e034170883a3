import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import { systemClock } from '../../src-main/core/clock';
import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import type { CommandRunner } from '../../src-main/platform/dnd/command-runner';
import { CLI, keel as builtKeel, runKeel } from '../helpers/cli';
import { ManualClock } from '../../src-main/core/clock';
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
    // Each probe by its German name and state, and what it found in German too (--json keeps
    // the English a bug report carries).
    expect(run.stdout).toMatch(/^Sitzung: (funktioniert|eingeschränkt|nicht verfügbar) – /m);
    expect(run.stdout).toMatch(
      /^Infobereich: nicht verfügbar – Keel erreicht den Sitzungsbus nicht, weil DBUS_SESSION_BUS_ADDRESS nicht gesetzt ist\.$/m,
    );
    expect(run.stdout).not.toMatch(/cannot reach|What to do/);
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
    const english = builtKeel(['doctor'], { KEEL_DATA_DIR, LANG: '' });
    expect(firstLine(english.stdout)).toMatch(/^Keel \S+ on \S+$/);
  });
});

/**
 * Issue #20: the everyday commands' human output in the terminal's language, dates and times as
 * its regional format writes them; `--json` the same in every language. Monday 15 March 2027,
 * 08:15 in Berlin, before the plan's first block.
 */
describe('everyday commands in German and in US English', () => {
  const morning = () => new ManualClock(Date.parse('2027-03-15T07:15:00Z'));
  const GERMAN = 'de_DE.UTF-8';

  it('LANG=de_DE.UTF-8: focus, status, a check, a talking point and the sign-off in German', async () => {
    const clock = morning();
    const env = { KEEL_DATA_DIR: tempDir('keel-locale-'), LANG: GERMAN };
    const run = async (...args: string[]) => {
      const r = await runKeel(args, env, clock);
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    expect(await run('focus', 'status')).toBe(
      [
        'Kein Fokusblock läuft.',
        '  09:00–11:00  anstehend',
        '  14:00–16:00  anstehend',
        'Als Nächstes: Mo., 15. März 2027, 09:00 – 11:00',
        '',
      ].join('\n'),
    );
    expect(await run('focus', 'start', '--minutes', '25')).toBe('Fokus bis 08:40.\n');
    await run('focus', 'interrupt', '--kind', 'chat');
    clock.advanceBy(10 * 60_000);
    expect(await run('focus', 'stop')).toBe('Fokusblock beendet: 10 Min. geschützt, 1 Unterbrechung.\n');
    expect((await run('status')).split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^Keel \S+ – Mo\., 15\. März 2027, Europe\/Berlin$/),
      'Arbeitszeit: 09:00–17:30',
      'Fokusblöcke: 09:00–11:00 und 14:00–16:00',
    ]);
    const logged = await run('check', 'add', '--workload', '4', '--energy', '2', '--sustainable', 'mostly');
    expect(logged).toMatch(/^Check-in [0-9a-f]{8} gespeichert: Mo\., 15\. März 2027 08:25\.\n$/);
    expect(await run('check', 'list', '--from', '2027-03-15', '--to', '2027-03-15')).toMatch(
      /^[0-9a-f]{8} {2}Mo\., 15\. März 2027 08:25 {2}Arbeitslast 4 {2}Energie 2 {2}Größtenteils\n$/,
    );
    expect(await run('talk', 'list')).toBe('Keine offenen Gesprächspunkte.\n');
    clock.jumpTo(Date.parse('2027-03-15T17:00:00Z'));
    expect(await run('signoff', '--done', 'Release')).toBe('Feierabend um 18:00 (Mo., 15. März 2027).\n');
  });

  it('LANG=en_US.UTF-8: 12-hour times and US dates', async () => {
    const clock = morning();
    const env = { KEEL_DATA_DIR: tempDir('keel-locale-'), LANG: 'en_US.UTF-8' };
    expect((await runKeel(['focus', 'start', '--minutes', '25'], env, clock)).stdout).toBe(
      'Focus until 8:40 AM.\n',
    );
    clock.jumpTo(Date.parse('2027-03-15T17:00:00Z'));
    expect((await runKeel(['signoff'], env, clock)).stdout).toBe(
      'Signed off at 6:00 PM (Mon, Mar 15, 2027).\n',
    );
  });

  it('keel agreement and its status line follow the terminal’s language, or their own --locale', async () => {
    const clock = morning();
    const env = { KEEL_DATA_DIR: tempDir('keel-locale-'), LANG: GERMAN };
    const agreement = (await runKeel(['agreement', '--format', 'text'], env, clock)).stdout;
    expect(agreement).toMatch(/^Arbeitsvereinbarung\n\nSo arbeitest du mit mir: /);
    expect(agreement).toContain('\nArbeitszeiten\n• Mo 09:00–17:30 Berlin\n');
    expect(agreement).toContain('• Frei: Samstag, Sonntag\n');
    // 08:15 on a Monday: before the day's hours.
    expect((await runKeel(['agreement', 'status'], env, clock)).stdout).toBe(
      'Gerade nicht da – zurück heute um 09:00\n',
    );
    const forUs = await runKeel(['agreement', 'status', '--locale', 'en-US'], env, clock);
    expect(forUs.stdout).toBe('Off for now — back today 9:00 AM\n');
    const french = (await runKeel(['agreement', '--format', 'md', '--locale', 'fr'], env, clock)).stdout;
    expect(french).toMatch(/^# Accord de travail\n/);
  });

  it('keel settings says its sentences in the terminal’s language; names and values stay as they are', async () => {
    const clock = morning();
    const env = { KEEL_DATA_DIR: tempDir('keel-locale-'), LANG: GERMAN };
    expect((await runKeel(['settings', 'history'], env, clock)).stdout).toBe(
      'Keine datierte Regel wurde je geändert; Keels Voreinstellungen gelten.\n',
    );
    expect(
      (await runKeel(['settings', 'set', 'zone', 'Europe/Lisbon', '--from', '2027-04-01'], env, clock))
        .stdout,
    ).toBe('zone = Europe/Lisbon ab 2027-04-01 (anstehend)\n');
    expect((await runKeel(['settings', 'history', 'zone'], env, clock)).stdout).toBe(
      'zone\n  2027-04-01           anstehend  Europe/Lisbon\n',
    );
    const unknown = await runKeel(['settings', 'get', 'colour'], env, clock);
    expect(unknown.stderr).toMatch(/^keel: Unbekannte Einstellung „colour“; verwende eine von: /);
    expect((await runKeel(['settings', 'withdraw', 'zone', '2027-04-01'], env, clock)).stdout).toBe(
      'Zurückgezogen: die Änderung von zone ab 2027-04-01.\n',
    );
  });

  it('a failure the CLI finds itself is said in the terminal’s language', async () => {
    const env = { KEEL_DATA_DIR: tempDir('keel-locale-'), LANG: GERMAN };
    const r = await runKeel(['focus', 'start', '--minutes', '5', '--until-next'], env, morning());
    expect(r).toMatchObject({
      code: 1,
      stderr: 'keel: Gib entweder --minutes oder --until-next an, nicht beides.\n',
    });
  });

  it('--json is the same whatever the language', async () => {
    const dir = tempDir('keel-locale-');
    const json = async (LANG: string) =>
      (await runKeel(['focus', 'status', '--json'], { KEEL_DATA_DIR: dir, LANG }, morning())).stdout;
    expect(await json(GERMAN)).toBe(await json('en_US.UTF-8'));
  });
});
