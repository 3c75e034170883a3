import type { Command } from 'commander';
import { isSettingKey, SETTING_KEYS, type SettingKey } from '../core/settings';
import type { ChannelInput } from '../ipc/contract';
import type { CliIo } from './io';
import { CliFailure, print } from './output';
import { withSession } from './session';

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

function settingKey(key: string): SettingKey {
  if (!isSettingKey(key)) {
    throw new CliFailure(`Unknown setting "${key}"; use one of ${SETTING_KEYS.join(', ')}.`);
  }
  return key;
}

/** `keel settings get|set`. */
export function registerSettingsCommands(program: Command, io: CliIo): void {
  const settings = program.command('settings').description('read and change settings');
  settings
    .command('get')
    .description(`print all settings, or one (${SETTING_KEYS.join(', ')})`)
    .argument('[key]', 'a setting name')
    .option('--json', 'print JSON')
    .action(async (name: string | undefined, opts: { json?: boolean }) =>
      withSession(io, {}, async (session) => {
        const key = name === undefined ? undefined : settingKey(name);
        const all = await session.call('settings:get', {});
        const value = key === undefined ? all : all[key];
        print(io, value, opts.json, () =>
          key === undefined
            ? SETTING_KEYS.map((k) => `${k} = ${formatSetting(all[k])}`).join('\n')
            : formatSetting(value),
        );
      }),
    );
  settings
    .command('set')
    .description('change one setting; the value is JSON or a plain word (keel settings set theme dark)')
    .argument('<key>', 'a setting name')
    .argument('<value>', 'the new value')
    .action(async (name: string, raw: string) =>
      withSession(io, {}, async (session) => {
        const key = settingKey(name);
        // The value is checked at the door, against the setting's own schema.
        const input = { key, value: parseValue(raw) } as ChannelInput<'settings:set'>;
        const next = await session.call('settings:set', input);
        io.stdout(`${key} = ${formatSetting(next[key])}\n`);
      }),
    );
}
