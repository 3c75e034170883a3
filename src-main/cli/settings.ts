import type { Command } from 'commander';
import { DATED_KEYS, isDatedKey, type DatedKey } from '../core/rules-vocabulary';
import { isSettingKey, SETTING_KEYS, type SettingKey } from '../core/settings';
import type { ChannelInput } from '../ipc/contract';
import type { RuleChangeDto } from '../shared/dto';
import type { CliIo } from './io';
import { helpMessagesOf } from './help';
import { CliFailure, print } from './output';
import { withSession } from './session';
import { cliSpeech, type CliSpeech } from './speech';

type Say = CliSpeech['t'];

/** A setting value from the command line: JSON when it parses, else the plain string. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function formatSetting(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Setting names and values are Keel's identifiers and the user's JSON: the same in every language.
function settingKey(key: string, t: Say): SettingKey {
  if (!isSettingKey(key))
    throw new CliFailure(t('cli.settings.unknown', { key, keys: SETTING_KEYS.join(', ') }));
  return key;
}

/** A known setting that takes effect on a date; one sentence for any other name. */
function datedKey(key: string, t: Say): DatedKey {
  const known = settingKey(key, t);
  if (!isDatedKey(known)) {
    throw new CliFailure(t('cli.settings.notDated', { key: known, keys: DATED_KEYS.join(', ') }));
  }
  return known;
}

const STATE_WORDS = {
  past: 'cli.settings.state.past',
  'in-force': 'cli.settings.state.inForce',
  upcoming: 'cli.settings.state.upcoming',
} as const satisfies Record<RuleChangeDto['state'], string>;

/** "  2027-04-01           upcoming  {…}": when, how it stands, and the value. */
function historyLine(change: RuleChangeDto, t: Say): string {
  const when = change.from ?? t('cli.settings.sinceBeginning');
  // The state column as wide as its longest word in this language ("in force", "anstehend").
  const width = Math.max(...Object.values(STATE_WORDS).map((id) => t(id).length));
  return `  ${when.padEnd(19)}  ${t(STATE_WORDS[change.state]).padEnd(width)}  ${formatSetting(change.value)}`;
}

/** Each dated rule's changes under its name; a rule never changed says Keel's default holds. */
function historyText(changes: readonly RuleChangeDto[], key: DatedKey | undefined, t: Say): string {
  if (changes.length === 0) {
    return key === undefined ? t('cli.settings.neverAny') : t('cli.settings.never', { key });
  }
  return DATED_KEYS.filter((k) => changes.some((c) => c.key === k))
    .map((k) => [k, ...changes.filter((c) => c.key === k).map((c) => historyLine(c, t))].join('\n'))
    .join('\n');
}

/** `text` in lines of at most `width` characters, broken at spaces. */
function wrap(text: string, width = 80): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

/** `keel settings get|set|history|withdraw`. */
export function registerSettingsCommands(program: Command, io: CliIo): void {
  const settings = program
    .command('settings')
    .description('read and change settings, and the dates rules take effect')
    .addHelpText('after', ({ command }) => {
      const { t } = helpMessagesOf(command);
      return [
        '',
        ...wrap(t('cli.helpText.datedRules', { keys: DATED_KEYS.join(', ') })),
        '',
        t('cli.helpText.examples'),
        '  keel settings set theme dark',
        '  keel settings set zone Europe/Lisbon --from 2027-01-01',
        '  keel settings history workingHours',
        '  keel settings withdraw workingHours 2027-01-01',
      ].join('\n');
    });
  settings
    .command('get')
    .description(`print all settings in force today, or one (${SETTING_KEYS.join(', ')})`)
    .argument('[key]', 'a setting name')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, opts: { json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const key = name === undefined ? undefined : settingKey(name, cliSpeech(io, command).t);
        const all = await session.call('settings:get', {});
        const value = key === undefined ? all : all[key];
        print(io, value, opts.json, () =>
          key === undefined
            ? SETTING_KEYS.map((k) => `${k} = ${formatSetting(all[k])}`).join('\n')
            : formatSetting(value),
        );
      }),
    );
  registerSet(settings, io);
  registerHistory(settings, io);
  settings
    .command('withdraw')
    .description('withdraw a change of a dated rule that has not taken effect yet')
    .argument('<key>', `a dated rule (${DATED_KEYS.join(', ')})`)
    .argument('<date>', 'the date the change was to take effect, YYYY-MM-DD')
    .action(async (name: string, date: string, _opts: unknown, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const key = datedKey(name, t);
        await session.call('settings:cancelChange', { key, from: date });
        io.stdout(`${t('cli.settings.withdrawn', { key, date })}\n`);
      }),
    );
}

function registerSet(settings: Command, io: CliIo): void {
  settings
    .command('set')
    .description('change one setting (JSON or a plain word); a dated rule from today, or from --from')
    .argument('<key>', 'a setting name')
    .argument('<value>', 'the new value')
    .option('--from <date>', 'a dated rule: the day the change takes effect, YYYY-MM-DD (default: today)')
    .action(async (name: string, raw: string, opts: { from?: string }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const key = settingKey(name, t);
        // The value is checked at the door, against the setting's own schema; so is the date.
        const from = opts.from === undefined ? {} : { from: opts.from };
        const input = { key, value: parseValue(raw), ...from } as ChannelInput<'settings:set'>;
        const next = await session.call('settings:set', input);
        if (opts.from === undefined) {
          io.stdout(`${key} = ${formatSetting(next[key])}\n`);
          return;
        }
        // Today's settings may not show it yet: say what was stored, and how it stands.
        const changes = await session.call('settings:changes', {});
        const stored = changes.find((c) => c.key === key && c.from === opts.from);
        const value = formatSetting(stored?.value ?? next[key]);
        const said =
          stored === undefined
            ? t('cli.settings.setFrom', { key, value, date: opts.from })
            : t('cli.settings.setFromState', {
                key,
                value,
                date: opts.from,
                state: t(STATE_WORDS[stored.state]),
              });
        io.stdout(`${said}\n`);
      }),
    );
}

function registerHistory(settings: Command, io: CliIo): void {
  settings
    .command('history')
    .description('each dated rule’s changes: from when, whether in force, and the value')
    .argument('[key]', `a dated rule (${DATED_KEYS.join(', ')})`)
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, opts: { json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t } = cliSpeech(io, command);
        const key = name === undefined ? undefined : datedKey(name, t);
        const all = await session.call('settings:changes', {});
        const changes = key === undefined ? all : all.filter((c) => c.key === key);
        print(io, changes, opts.json, () => historyText(changes, key, t));
      }),
    );
}
