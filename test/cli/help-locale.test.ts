/**
 * Issue #20: the rest of the CLI in the terminal's language — every command's `--help`,
 * commander's usage errors, `keel data`'s, `backup`'s, `calendar`'s and the passphrase's
 * sentences — and `--json` the same in every language.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandsOf, sayHelp } from '../../src-main/cli/help';
import { buildProgram, main } from '../../src-main/cli/main';
import { ManualClock, systemClock } from '../../src-main/core/clock';
import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import { messagesFor } from '../../src-main/shared/i18n/intl';
import { resolveLocale } from '../../src-main/shared/i18n/locale';
import type { SecretInput } from '../../src-main/cli/terminal';
import { runKeel } from '../helpers/cli';
import { terminal } from '../helpers/terminal';
import { tempDir } from '../helpers/temp';

const GERMAN = 'de_DE.UTF-8';
const pseudo = messagesFor(resolveLocale({ choice: 'en-XA', preferred: [], regional: null }));

/** `keel …` in this process; stdout and stderr apart, the environment as given. */
async function keel(args: string[], env: Record<string, string>, secrets?: SecretInput) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'keel', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { KEEL_DATA_DIR: tempDir('keel-help-'), ...env },
    systemZone: () => 'Europe/Berlin',
    clock: systemClock,
    calendarParser: new InProcessCalendarParser(),
    ...(secrets ? { secrets } : {}),
  });
  return { code, stdout, stderr };
}

/** Every text a command shows in its help: its description, its options' and arguments'. */
function helpTexts(command: Command): string[] {
  return [
    command.description(),
    ...command.options.map((o) => o.description),
    ...command.registeredArguments.map((a) => a.description),
  ].filter((text) => text !== '');
}

const io = {
  stdout: () => undefined,
  stderr: () => undefined,
  env: {},
  systemZone: () => 'UTC',
  clock: systemClock,
  calendarParser: new InProcessCalendarParser(),
};

describe('every --help text has a message', () => {
  it('each command, option and argument the program has is found in the catalog', () => {
    const commands = commandsOf(buildProgram(io));
    expect(commands.length).toBeGreaterThan(40);
    const untranslated = commands.flatMap(helpTexts).filter((text) => sayHelp(pseudo, text) === text);
    expect(untranslated).toEqual([]);
  });

  it('keeps the values a text carries (the setting names) as they are', () => {
    const settingsGet = commandsOf(buildProgram(io)).find(
      (c) => c.name() === 'get' && c.parent?.name() === 'settings',
    );
    const english = settingsGet?.description() ?? '';
    expect(english).toContain('hideWordsInNotifications');
    const german = sayHelp(
      messagesFor(resolveLocale({ choice: 'de', preferred: [], regional: null })),
      english,
    );
    expect(german).toMatch(
      /^alle heute geltenden Einstellungen ausgeben, oder eine \(zone, .*hideWordsInNotifications/,
    );
  });
});

describe('--help in the terminal’s language', () => {
  it('LANG=de_DE.UTF-8 keel --help: the headings, every command and the notes below in German', async () => {
    const run = await keel(['--help'], { LANG: GERMAN });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Aufruf: keel \[options\] \[command\]\n\nKeel in der Befehlszeile: /);
    expect(run.stdout).toContain('\nOptionen:\n');
    expect(run.stdout).toContain('\nBefehle:\n');
    expect(run.stdout).toMatch(/-h, --help +Hilfe zum Befehl anzeigen/);
    expect(run.stdout).toMatch(/help \[command\] +Hilfe zum Befehl anzeigen/);
    expect(run.stdout).toContain('Datenordner: $KEEL_DATA_DIR');
    // No English sentence from the program's help is left.
    for (const english of helpTexts(buildProgram(io)).concat(
      buildProgram(io).commands.map((c) => c.description()),
    )) {
      expect(run.stdout).not.toContain(english.slice(0, 30));
    }
  });

  it('a subcommand’s help, its choices and default, and the text a command adds below', async () => {
    const agreement = await keel(['agreement', '--help'], { LANG: GERMAN });
    expect(agreement.stdout).toMatch(
      /md, text oder ics \(ics braucht --out\) \(Auswahl: "md",\s+"text",\s+"ics", Standard: "md"\)/,
    );
    const settings = await keel(['settings', '--help'], { LANG: GERMAN });
    expect(settings.stdout).toContain('\nDatierte Regeln (zone, workingHours,');
    expect(settings.stdout).toContain('\nBeispiele:\n  keel settings set theme dark\n');
    const french = await keel(['--locale', 'fr', 'talk', 'move', '--help'], { LANG: GERMAN });
    expect(french.stdout).toMatch(/^Utilisation : keel talk move \[options\] <id>\n\ndéplacer un sujet/);
    expect(french.stdout).toContain('\nArguments :\n  id ');
  });

  it('a command whose own --locale is its export’s language keeps the CLI’s for its help', async () => {
    const run = await keel(['summary', '--help', '--locale', 'de'], {});
    expect(run.stdout).toMatch(/^Usage: keel summary/);
    const before = await keel(['--locale', 'es', 'summary', '--help', '--locale', 'de'], {});
    expect(before.stdout).toMatch(/^Uso: keel summary/);
  });

  it('English help stays as the commands wrote it', async () => {
    const run = await keel(['calendar', '--help'], { LANG: 'C' });
    expect(run.stdout).toContain('the calendar Keel reads meetings from (.ics)');
    expect(run.stdout).toMatch(
      /\nCommands:\n {2}import \[options\] <file> +read meetings from an \.ics file/,
    );
  });
});

describe('usage errors in the terminal’s language', () => {
  const cases: [string[], string][] = [
    [['status', '--frob'], 'Fehler: unbekannte Option „--frob“\n'],
    [['statsu'], 'Fehler: unbekannter Befehl „statsu“\n(Meintest du status?)\n'],
    [['import'], 'Fehler: das Argument „file“ fehlt\n'],
    [['focus', 'start', '--minutes'], 'Fehler: der Option „--minutes <n>“ fehlt ihr Wert\n'],
    [['calendar', 'conflicts', '--to', '2027-03-01'], 'Fehler: die Option „--from <date>“ ist nötig\n'],
    [
      ['agreement', '--format', 'pdf'],
      'Fehler: „pdf“ ist kein gültiger Wert für die Option „--format <format>“. Möglich sind md, text, ics.\n',
    ],
    [
      ['settings', 'get', 'a', 'b'],
      'Fehler: zu viele Argumente für „get“. Erwartet 1 Argument, erhalten 2.\n',
    ],
    [['status', 'now'], 'Fehler: zu viele Argumente für „status“. Erwartet 0 Argumente, erhalten 1.\n'],
  ];
  it.each(cases)('keel %j', async (args, said) => {
    const run = await keel(args, { LANG: GERMAN });
    expect(run).toEqual({ code: 2, stdout: '', stderr: said });
  });

  it('says them in English as commander does without a language', async () => {
    const run = await keel(['statsu'], {});
    expect(run.stderr).toBe("error: unknown command 'statsu'\n(Did you mean status?)\n");
  });
});

describe('keel data, backup and the passphrase in German', () => {
  it('export, import, backups, restore and delete-all speak German', async () => {
    const KEEL_DATA_DIR = tempDir('keel-help-');
    const env = { KEEL_DATA_DIR, LANG: GERMAN };
    const run = (args: string[], secrets?: SecretInput) => keel(args, env, secrets);
    expect(
      (await run(['check', 'add', '--workload', '3', '--energy', '3', '--sustainable', 'yes'])).code,
    ).toBe(0);
    const out = path.join(tempDir('keel-help-'), 'alles.json');
    const exported = await run(['export', '--out', out]);
    expect(exported.stdout).toMatch(
      /^\d+ (Eintrag|Einträge) nach .+alles\.json geschrieben\. Die Datei enthält jede Notiz/,
    );
    expect((await run(['export', '--out', out])).stderr).toBe(
      `keel: ${out} gibt es schon; füge --force hinzu, um die Datei zu ersetzen.\n`,
    );
    expect((await run(['import', out])).stdout).toBe(
      'Nichts Neues in alles.json: ihr einziger Eintrag war schon da.\n',
    );

    const list = (await run(['backup', 'list'])).stdout.split('\n');
    expect(list[0]).toBe(`Sicherungen in ${path.join(KEEL_DATA_DIR, 'backups')}:`);
    // Its day and time as German writes them, its kind and size in German words and numbers.
    expect(list[1]).toMatch(/^daily-\S+ +[A-Z][a-z]\., \d{1,2}\. \S+ \d{4} \d{2}:\d{2} {2}täglich, \d+ kB$/);
    const now = await run(['backup', 'now']);
    expect(now.stdout).toMatch(/^Gesichert als daily-\d{4}-\d{2}-\d{2} in /);
    const restored = await run(['backup', 'restore', list[1]?.split(' ')[0] ?? '']);
    expect(restored.stdout).toMatch(
      /^daily-\S+ wiederhergestellt\. Deine Daten, wie sie unmittelbar vorher waren, sind als safety-\S+ aufbewahrt/,
    );
    expect((await run(['delete-all'])).stderr).toMatch(
      /^keel: Das löscht jeden Check-in, .+ füge --yes hinzu, um fortzufahren\.\n$/,
    );
    expect((await run(['delete-all', '--yes'])).stdout).toBe(
      'Alle deine Keel-Daten sind gelöscht, Sicherungen eingeschlossen.\n',
    );
  });

  it('asks for the passphrase and refuses in German', async () => {
    const env = { LANG: GERMAN };
    const out = path.join(tempDir('keel-help-'), 'locked.json');
    const typed = terminal(['ein langes Passwort', 'ein anderes Passwort']);
    const differ = await keel(['export', '--out', out, '--encrypt'], env, typed);
    expect(typed.asked).toEqual(['Passphrase für die Sicherung: ', 'Dieselbe Passphrase noch einmal: ']);
    expect(differ.stderr).toBe(
      'keel: Die beiden Passphrasen unterscheiden sich; nichts wurde geschrieben.\n',
    );
    expect(fs.existsSync(out)).toBe(false);
    const noTerminal = await keel(['export', '--out', out, '--encrypt'], env, terminal([]));
    expect(noTerminal.stderr).toMatch(/^keel: Keel braucht die Passphrase der Sicherung: /);
    const alone = await keel(['export', '--out', out, '--passphrase-file', '-'], env);
    expect(alone.stderr).toBe('keel: --passphrase-file gehört zu --encrypt.\n');
  });

  it('leaves --json the same in every language', async () => {
    const KEEL_DATA_DIR = tempDir('keel-help-');
    await keel(['backup', 'now'], { KEEL_DATA_DIR });
    const english = await keel(['backup', 'list', '--json'], { KEEL_DATA_DIR });
    const german = await keel(['backup', 'list', '--json'], { KEEL_DATA_DIR, LANG: GERMAN });
    expect(german.stdout).toBe(english.stdout);
  });
});

describe('keel calendar in German', () => {
  /** Monday 15 March 2027, 08:00 in Berlin. */
  const clock = () => new ManualClock(Date.parse('2027-03-15T07:00:00Z'));

  function calendarFile(): string {
    const file = path.join(tempDir('keel-help-'), 'arbeit.ics');
    const event = (uid: string, lines: string[]) =>
      ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20270101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
    fs.writeFileSync(
      file,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Test//DE',
        event('standup', [
          'SUMMARY:Standup',
          'DTSTART:20270315T083000Z',
          'DURATION:PT15M',
          'RRULE:FREQ=DAILY;COUNT=5',
        ]),
        event('review', ['SUMMARY:Review', 'DTSTART:20270315T133000Z', 'DURATION:PT30M', 'STATUS:TENTATIVE']),
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    return file;
  }

  it('import, status, conflicts and clear', async () => {
    const env = { KEEL_DATA_DIR: tempDir('keel-help-'), LANG: GERMAN, TZ: 'Europe/Berlin' };
    const c = clock();
    const run = async (...args: string[]) => {
      const r = await runKeel(args, env, c);
      expect(r.stderr).toBe('');
      return r.stdout;
    };
    expect(await run('calendar', 'import', calendarFile())).toBe(
      'arbeit.ics importiert: 6 Termine in den nächsten vier Wochen.\n',
    );
    expect(await run('calendar', 'status')).toBe('arbeit.ics: 6 Termine in den nächsten vier Wochen.\n');
    expect(await run('calendar', 'conflicts', '--from', '2027-03-15', '--to', '2027-03-15', '--all')).toBe(
      [
        '2 von 2 geplanten Fokusblöcken am Mo., 15. März 2027 haben Termine (arbeit.ics, Europe/Berlin).',
        '  Mo., 15. März 2027 09:00–11:00',
        '    09:30–09:45  Standup (belegt)',
        '  Mo., 15. März 2027 14:00–16:00',
        '    14:30–15:00  Review (vorläufig)',
        '',
      ].join('\n'),
    );
    expect(await run('calendar', 'clear')).toBe('Keel liest keinen Kalender mehr.\n');
    expect(await run('calendar', 'status')).toBe('Kein Kalender importiert.\n');
  });
});
