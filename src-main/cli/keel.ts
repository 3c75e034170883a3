import { Command, CommanderError, Option } from 'commander';
import { systemClock } from '../core/clock';
import { KeelError } from '../core/errors';
import { isSettingKey, SETTING_KEYS, type Settings } from '../core/settings';
import { dispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import type { Channel, ChannelInput, ChannelOutput } from '../ipc/contract';
import { createServices, type Services } from '../services';
import { resolveDataDir } from '../storage/paths';
import { version } from '../version';

/** A failure the user can act on: printed as one line, exit code 1. */
class CliFailure extends Error {}

function openServices(): Services {
  return createServices({ dataDir: resolveDataDir(), clock: systemClock, version });
}

/** Runs one call through the same validated door as the window, so the CLI cannot bypass it. */
async function call<C extends Channel>(
  services: Services,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await dispatch(createHandlers(services), channel, input);
  if (!result.ok) throw new CliFailure(result.error.message);
  return result.value as ChannelOutput<C>;
}

async function withServices<T>(run: (services: Services) => Promise<T>): Promise<T> {
  const services = openServices();
  try {
    return await run(services);
  } finally {
    services.close();
  }
}

function print(value: unknown, json: boolean, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

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

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('keel')
    .description('Keel on the command line: the same data and rules as the app.')
    .version(version, '-v, --version')
    .addHelpText(
      'after',
      '\nData folder: $KEEL_DATA_DIR, or the OS user-data folder for Keel.\nTime zone: the "zone" setting, which follows $TZ / the system until set.',
    );

  program
    .command('status')
    .description("where Keel stands now: today's hours, focus blocks and the next planned event")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withServices(async (services) => {
        const status = await call(services, 'app:status', {});
        print(status, Boolean(opts.json), () => {
          const t = status.today;
          const hours = t.workingHours ? `${t.workingHours.start}–${t.workingHours.end}` : 'day off';
          const blocks = t.focusBlocks.map((b) => `${b.start}–${b.end}`).join(', ') || 'none';
          const next = status.nextEvent
            ? `${status.nextEvent.title} at ${status.nextEvent.start}`
            : 'nothing planned';
          return [
            `Keel ${status.app.version} — ${t.date} (${t.weekday}), ${status.zone}`,
            `Working hours: ${hours}`,
            `Focus blocks: ${blocks}`,
            `Next: ${next}`,
            `Data: ${status.database.path}`,
          ].join('\n');
        });
      }),
    );

  const settings = program.command('settings').description('read and change settings');
  settings
    .command('get')
    .description(`print all settings, or one (${SETTING_KEYS.join(', ')})`)
    .argument('[key]', 'a setting name')
    .option('--json', 'print JSON')
    .action(async (key: string | undefined, opts: { json?: boolean }) =>
      withServices(async (services) => {
        if (key !== undefined && !isSettingKey(key)) {
          throw new CliFailure(`Unknown setting "${key}"; use one of ${SETTING_KEYS.join(', ')}.`);
        }
        const all: Settings = await call(services, 'settings:get', {});
        const value = key === undefined ? all : all[key];
        print(value, Boolean(opts.json), () =>
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
    .action(async (key: string, raw: string) =>
      withServices(async (services) => {
        if (!isSettingKey(key)) {
          throw new CliFailure(`Unknown setting "${key}"; use one of ${SETTING_KEYS.join(', ')}.`);
        }
        const next = await call(services, 'settings:set', {
          key,
          value: parseValue(raw),
        } as ChannelInput<'settings:set'>);
        process.stdout.write(`${key} = ${formatSetting(next[key])}\n`);
      }),
    );

  program
    .command('agenda')
    .description('every planned event between two dates (inclusive)')
    .addOption(new Option('--from <date>', 'first day, YYYY-MM-DD').makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last day, YYYY-MM-DD').makeOptionMandatory())
    .option('--json', 'print JSON')
    .action(async (opts: { from: string; to: string; json?: boolean }) =>
      withServices(async (services) => {
        const events = await call(services, 'agenda:list', { from: opts.from, to: opts.to });
        print(events, Boolean(opts.json), () =>
          events.length === 0
            ? 'Nothing planned in that range.'
            : events.map((e) => `${e.start}  ${e.kind.padEnd(8)} ${e.title}`).join('\n'),
        );
      }),
    );

  return program;
}

/** Runs the CLI; every failure ends as one line on stderr and a non-zero exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit through here with code 0; usage errors were already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    const message =
      error instanceof CliFailure || error instanceof KeelError
        ? error.message
        : 'Something went wrong inside Keel; nothing was changed.';
    process.stderr.write(`keel: ${message}\n`);
    if (process.env.KEEL_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
