import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { systemClock } from '../core/clock';
import { KeelError } from '../core/errors';
import { INTERRUPTION_KINDS, type InterruptionKind } from '../core/focus';
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

  const focus = program.command('focus').description('focus blocks: start, stop, status and the weekly plan');
  focus
    .command('start')
    .description('start a focus block now (50 minutes unless told otherwise)')
    .option('--minutes <n>', 'length in minutes (5 to 480)')
    .option('--until-next', 'until the next meeting or planned block boundary')
    .option('--json', 'print JSON')
    .action(async (opts: { minutes?: string; untilNext?: boolean; json?: boolean }) =>
      withServices(async (services) => {
        if (opts.minutes !== undefined && opts.untilNext) {
          throw new CliFailure('Give either --minutes or --until-next, not both.');
        }
        const request = opts.untilNext
          ? ({ until: 'next' } as const)
          : { minutes: opts.minutes === undefined ? 50 : parseWholeNumber(opts.minutes, '--minutes') };
        const status = await call(services, 'focus:start', request);
        print(status, Boolean(opts.json), () => `Focus until ${status.running?.endTime ?? '?'}.`);
      }),
    );
  focus
    .command('stop')
    .description('end the running focus block')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withServices(async (services) => {
        const before = await call(services, 'focus:status', {});
        const status = await call(services, 'focus:stop', {});
        print(status, Boolean(opts.json), () =>
          before.running
            ? `Focus block ended: ${before.running.protectedMinutes} min protected, ${before.running.interruptions} interruption(s).`
            : 'Focus block ended.',
        );
      }),
    );
  focus
    .command('status')
    .description("the running block, today's blocks and the next one")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withServices(async (services) => {
        const status = await call(services, 'focus:status', {});
        print(status, Boolean(opts.json), () => {
          const lines = [
            status.running
              ? `Focus until ${status.running.endTime} (${status.running.protectedMinutes} min so far, ${status.running.interruptions} interruption(s)).`
              : 'No focus block running.',
          ];
          if (status.pausedToday) lines.push('The focus plan is paused today.');
          for (const b of status.today) lines.push(`  ${b.startTime}–${b.endTime}  ${b.state}`);
          if (status.next) lines.push(`Next: ${status.next.start} – ${status.next.endTime}`);
          return lines.join('\n');
        });
      }),
    );
  focus
    .command('plan')
    .description('the weekly focus plan and its pauses')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withServices(async (services) => {
        const settings = await call(services, 'settings:get', {});
        const plan = { zone: settings.zone, blocks: settings.focusPlan, pauses: settings.focusPauses };
        print(plan, Boolean(opts.json), () =>
          [
            `Focus plan (${plan.zone}):`,
            ...plan.blocks.map((b) => `  ${b.weekday}  ${b.start}–${b.end}`),
            ...plan.pauses.map((p) => `  paused ${p.from} to ${p.to}${p.note ? ` (${p.note})` : ''}`),
          ].join('\n'),
        );
      }),
    );
  focus
    .command('interrupt')
    .description('log an interruption of the running block')
    .addOption(
      new Option('--kind <kind>', 'what interrupted you')
        .choices([...INTERRUPTION_KINDS])
        .makeOptionMandatory(),
    )
    .option('--note <text>', 'a short note')
    .action(async (opts: { kind: InterruptionKind; note?: string }) =>
      withServices(async (services) => {
        const status = await call(services, 'focus:interrupt', { kind: opts.kind, note: opts.note });
        process.stdout.write(`Logged (${status.running?.interruptions ?? 0} this block).\n`);
      }),
    );

  focus
    .command('export-ics')
    .description('write the focus plan as an .ics calendar of recurring busy events')
    .requiredOption('--out <file>', 'where to write it, e.g. keel-focus.ics')
    .action(async (opts: { out: string }) =>
      withServices(async (services) => {
        const file = path.resolve(opts.out);
        const written = await services.calendar.exportPlan({
          saveFile: async ({ content }) => {
            await writeFileAtomically(file, content);
            return path.basename(file);
          },
        });
        process.stdout.write(`Wrote ${file}${written.saved ? '' : ' (nothing)'}.\n`);
      }),
    );

  const calendar = program.command('calendar').description('the calendar Keel reads meetings from (.ics)');
  calendar
    .command('import')
    .description('read meetings from an .ics file (Keel re-reads it when it changes)')
    .argument('<file>', 'an .ics file exported by your calendar')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) =>
      withServices(async (services) => {
        const status = await services.calendar.importFrom(path.resolve(file));
        print(
          status,
          Boolean(opts.json),
          () => `Imported ${status.file}: ${status.upcomingMeetings} meetings in the next four weeks.`,
        );
      }),
    );
  calendar
    .command('status')
    .description('which calendar Keel reads, and how many meetings are coming')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withServices(async (services) => {
        await services.calendar.load();
        const status = await call(services, 'calendar:status', {});
        print(status, Boolean(opts.json), () =>
          status.file
            ? `${status.file}: ${status.upcomingMeetings} meetings in the next four weeks.${status.error ? ` ${status.error}` : ''}`
            : 'No calendar imported.',
        );
      }),
    );
  calendar
    .command('clear')
    .description('stop reading the imported calendar')
    .action(async () =>
      withServices(async (services) => {
        await call(services, 'calendar:clear', {});
        process.stdout.write('Keel no longer reads a calendar.\n');
      }),
    );

  return program;
}

/** Writes beside the target, then renames: a crash never leaves half a file. */
async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.promises.writeFile(temp, content, 'utf8');
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw new CliFailure(
      `Keel could not write ${file}${error instanceof Error && 'code' in error ? ` (${String(error.code)})` : ''}.`,
    );
  }
}

function parseWholeNumber(raw: string, flag: string): number {
  if (!/^\d+$/.test(raw.trim())) throw new CliFailure(`${flag} takes a whole number.`);
  return Number(raw);
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
