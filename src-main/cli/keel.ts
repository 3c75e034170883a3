import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { systemClock } from '../core/clock';
import { KeelError } from '../core/errors';
import { INTERRUPTION_KINDS, type InterruptionKind } from '../core/focus';
import { isSettingKey, SETTING_KEYS, type Settings } from '../core/settings';
import { parseCheckInArgs, parseCheckInAt } from '../core/checkin';
import { signoffInputSchema } from '../core/signoff';
import { isLocalDate, parseInstant } from '../core/time';
import { parseOrThrow } from '../core/validation';
import { dispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import type { Channel, ChannelInput, ChannelOutput } from '../ipc/contract';
import { createServices, type Services } from '../services';
import { resolveDataDir } from '../storage/paths';
import { storageFailure } from '../services/errors';
import { version } from '../version';

/** A failure the user can act on: printed as one line, exit code 1. */
class CliFailure extends Error {}

function openServices(): Services {
  const services = createServices({ dataDir: resolveDataDir(), clock: systemClock, version });
  // The data file was unusable and set aside: say so, once, in plain words (the app shows it too).
  if (services.recovery) process.stderr.write(`keel: ${services.recovery.message}\n`);
  try {
    // The daily backup also happens for people who use only the command line.
    services.data.backupIfDue();
  } catch {
    // A backup that cannot be written must not stop the command; the app reports it.
  }
  return services;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const BACKUP_KIND_LABELS = { daily: 'daily', weekly: 'weekly', safety: 'before a change' } as const;

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

  program
    .command('signoff')
    .description("sign off for the day, with the ritual's answers if you like")
    .option('--done <text>', 'what got done today')
    .option('--tomorrow <text>', 'the first thing tomorrow')
    .option(
      '--unfinished <item=plan...>',
      'an unfinished thing and when it continues, e.g. "Review=10:00 tomorrow"',
    )
    .option('--energy <n>', 'your energy, 1 (drained) to 5 (energised)')
    .option('--quiet', "hold Keel's prompts and turn on do-not-disturb until the next working start")
    .option('--at <time>', 'when you signed off (ISO 8601, or YYYY-MM-DDTHH:MM in your zone); default now')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        done?: string;
        tomorrow?: string;
        unfinished?: string[];
        energy?: string;
        quiet?: boolean;
        at?: string;
        json?: boolean;
      }) =>
        withServices(async (services) => {
          const zone = services.settings.get().zone;
          let at: number | undefined;
          if (opts.at !== undefined) {
            const parsed = parseInstant(opts.at, zone);
            if (parsed === null) {
              throw new CliFailure(
                '--at takes a time such as 2027-03-15T17:42 or 2027-03-15T17:42:00+01:00.',
              );
            }
            at = parsed;
          }
          const unfinished = (opts.unfinished ?? []).map((pair) => {
            const i = pair.indexOf('=');
            if (i < 0)
              throw new CliFailure(
                `--unfinished takes THING=PLAN, e.g. "Review=10:00 tomorrow" (got "${pair}").`,
              );
            return { item: pair.slice(0, i), plan: pair.slice(i + 1) };
          });
          const input = parseOrThrow(signoffInputSchema, {
            done: opts.done ?? '',
            unfinished,
            firstTomorrow: opts.tomorrow ?? '',
            energy: opts.energy === undefined ? null : parseWholeNumber(opts.energy, '--energy'),
            quiet: Boolean(opts.quiet),
          });
          const status = services.signoff.submit(input, at);
          const record = status.signedOff;
          print(status, Boolean(opts.json), () =>
            record
              ? [
                  `Signed off at ${record.signedOffTime} (${record.workday}).`,
                  ...(record.quietUntil ? [`Quiet until ${record.quietUntil}.`] : []),
                ].join('\n')
              : 'Signed off.',
          );
        }),
    );

  program
    .command('day')
    .description('one workday: first and last active, the sign-off, and whether it ran late')
    .addOption(new Option('--date <date>', 'the workday, YYYY-MM-DD (default today)'))
    .option('--json', 'print JSON')
    .action(async (opts: { date?: string; json?: boolean }) =>
      withServices(async (services) => {
        const date = opts.date ?? services.signoff.workdayAt();
        if (!isLocalDate(date)) throw new CliFailure('--date takes a date written YYYY-MM-DD.');
        const day = services.signoff.day(date);
        print(day, Boolean(opts.json), () => {
          const time = (iso: string | null) => (iso ? iso.slice(11, 16) : '—');
          const hours = day.hours ? `${day.hours.start}–${day.hours.end}` : (day.holiday ?? 'day off');
          return [
            `${day.date} (${hours})`,
            `First active: ${time(day.firstActive)}   Last active: ${time(day.lastActive)}${day.late ? '  (late)' : ''}`,
            `Signed off: ${day.signedOff ? time(day.signedOff) : 'no'}`,
            ...(day.firstTomorrow ? [`First thing next: ${day.firstTomorrow}`] : []),
          ].join('\n');
        });
      }),
    );

  const check = program.command('check').description('workload self-checks: add, list and delete');
  check
    .command('add')
    .description('log a quick check (workload and energy 1–5, sustainable yes|mostly|no)')
    .requiredOption('--workload <n>', '1 far too light … 5 unsustainable')
    .requiredOption('--energy <n>', '1 drained … 5 full of energy')
    .requiredOption('--sustainable <answer>', 'yes, mostly or no')
    .option('--stretched <tags>', 'where you feel stretched, comma-separated (e.g. meetings,deadlines)')
    .option('--note <text>', 'a note, private unless --shareable')
    .option('--shareable', 'the note may be ticked into a one-on-one summary')
    .option('--at <time>', 'when (ISO 8601, or YYYY-MM-DDTHH:MM in your zone); default now')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        workload: string;
        energy: string;
        sustainable: string;
        stretched?: string;
        note?: string;
        shareable?: boolean;
        at?: string;
        json?: boolean;
      }) =>
        withServices(async (services) => {
          // Validate everything before opening a transaction: a bad value writes nothing.
          const input = parseCheckInArgs(opts);
          const zone = services.settings.get().zone;
          const at = opts.at === undefined ? undefined : parseCheckInAt(opts.at, zone, Date.now());
          const saved = services.checkins.add(input, at);
          print(
            saved,
            Boolean(opts.json),
            () => `Logged check ${saved.id.slice(0, 8)} at ${saved.date} ${saved.time}.`,
          );
        }),
    );
  check
    .command('list')
    .description('check-ins between two dates (inclusive)')
    .addOption(new Option('--from <date>', 'first day, YYYY-MM-DD').makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last day, YYYY-MM-DD').makeOptionMandatory())
    .option('--json', 'print JSON')
    .action(async (opts: { from: string; to: string; json?: boolean }) =>
      withServices(async (services) => {
        const checks = await call(services, 'checks:list', { from: opts.from, to: opts.to });
        print(checks, Boolean(opts.json), () =>
          checks.length === 0
            ? 'No check-ins in that range.'
            : checks
                .map(
                  (c) =>
                    `${c.id.slice(0, 8)}  ${c.date} ${c.time}  workload ${c.workload}  energy ${c.energy}  ${c.sustainable}${
                      c.stretched.length ? `  [${c.stretched.map((t) => t.id).join(', ')}]` : ''
                    }${c.note ? `  “${c.note.replace(/\s+/g, ' ').slice(0, 60)}”` : ''}`,
                )
                .join('\n'),
        );
      }),
    );
  check
    .command('delete')
    .description('delete a check-in by its id (the first 8 characters are enough)')
    .argument('<id>', 'the id keel check list shows')
    .action(async (id: string) =>
      withServices(async (services) => {
        const result = await call(services, 'checks:delete', { id });
        process.stdout.write(`Deleted check ${result.deleted.slice(0, 8)}.\n`);
      }),
    );

  const talk = program.command('talk').description('talking points for the next one-on-one');
  talk
    .command('add')
    .description('add a talking point')
    .argument('<text...>', 'the point')
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { json?: boolean }) =>
      withServices(async (services) => {
        const point = await call(services, 'talk:add', { text: words.join(' ') });
        print(point, Boolean(opts.json), () => `Added ${point.id.slice(0, 8)}: ${point.text}`);
      }),
    );
  talk
    .command('list')
    .description('open talking points (undiscussed ones carry over)')
    .option('--all', 'include discussed points')
    .option('--json', 'print JSON')
    .action(async (opts: { all?: boolean; json?: boolean }) =>
      withServices(async (services) => {
        const points = await call(services, 'talk:list', { includeDiscussed: Boolean(opts.all) });
        print(points, Boolean(opts.json), () =>
          points.length === 0
            ? 'No open talking points.'
            : points.map((p) => `${p.id.slice(0, 8)}  ${p.discussedAt ? '✓ ' : ''}${p.text}`).join('\n'),
        );
      }),
    );
  talk
    .command('done')
    .description('mark a talking point discussed')
    .argument('<id>', 'the id keel talk list shows')
    .action(async (id: string) =>
      withServices(async (services) => {
        const point = await call(services, 'talk:discussed', { id, discussed: true });
        process.stdout.write(`Discussed: ${point.text}\n`);
      }),
    );

  program
    .command('summary')
    .description('build the one-on-one summary you choose to share, and log the share')
    .addOption(new Option('--from <date>', 'first day, YYYY-MM-DD').makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last day, YYYY-MM-DD').makeOptionMandatory())
    .addOption(
      new Option('--format <format>', 'md, html or json').choices(['md', 'html', 'json']).default('md'),
    )
    .option(
      '--sections <list>',
      'comma-separated: trends,sustainability,stretched,focus,endOfDay,talkingPoints,notes',
    )
    .option('--notes <ids>', 'comma-separated check-in ids of notes marked shareable')
    .option('--out <file>', 'write to this file instead of printing')
    .action(
      async (opts: {
        from: string;
        to: string;
        format: 'md' | 'html' | 'json';
        sections?: string;
        notes?: string;
        out?: string;
      }) =>
        withServices(async (services) => {
          const list = (raw: string | undefined) =>
            raw === undefined
              ? undefined
              : raw
                  .split(',')
                  .map((s) => s.trim())
                  .filter((s) => s.length > 0);
          const choices = {
            from: opts.from,
            to: opts.to,
            sections: list(opts.sections),
            noteIds: list(opts.notes),
          };
          const built = services.summary.build(choices as Parameters<typeof services.summary.build>[0]);
          const text =
            opts.format === 'json'
              ? services.summary.json(built.choices)
              : services.summary.preview(built.choices, opts.format).text;
          if (opts.out !== undefined) await writeFileAtomically(path.resolve(opts.out), text);
          else process.stdout.write(text);
          // What left Keel is logged like the window's exports: when, period, sections, a hash.
          services.summary.logShare(built.choices, built.model, opts.format, 'cli', text);
          if (opts.out !== undefined)
            process.stderr.write(`Wrote ${path.resolve(opts.out)}; the share is logged.\n`);
        }),
    );

  const backup = program
    .command('backup')
    .description('daily copies of your data (7 daily and 4 weekly, in the data folder), and restoring one');
  backup
    .command('list')
    .description('the backups, newest first')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) =>
      withServices(async (services) => {
        const overview = await call(services, 'data:overview', {});
        print(overview.backups, Boolean(opts.json), () =>
          overview.backups.length === 0
            ? 'No backups yet.'
            : [
                `Backups in ${overview.backupsFolder}:`,
                ...overview.backups.map(
                  (b) =>
                    `${b.id.padEnd(24)} ${b.createdAt.slice(0, 16).replace('T', ' ')}  ${BACKUP_KIND_LABELS[b.kind]}, ${formatBytes(b.sizeBytes)}`,
                ),
              ].join('\n'),
        );
      }),
    );
  backup
    .command('now')
    .description("write today's backup now")
    .action(async () =>
      withServices(async (services) => {
        const overview = await call(services, 'data:backupNow', {});
        const today = overview.backups.find((b) => b.kind === 'daily');
        process.stdout.write(`Backed up to ${today?.id ?? 'today’s copy'} in ${overview.backupsFolder}.\n`);
      }),
    );
  backup
    .command('restore')
    .description('replace your data with a backup (a copy of the data as it is now is kept first)')
    .argument('<id>', 'a backup id from keel backup list')
    .action(async (id: string) =>
      withServices(async (services) => {
        const result = await call(services, 'data:restore', { id });
        process.stdout.write(
          `Restored ${result.restored.id}. Your data as it was just before is kept as ${result.safetyCopy.id}; restore that to undo.\n`,
        );
      }),
    );

  program
    .command('export')
    .description('write every record and setting to a versioned JSON file')
    .requiredOption('--out <file>', 'the file to write')
    .option('--force', 'replace the file if it exists')
    .action(async (opts: { out: string; force?: boolean }) =>
      withServices(async (services) => {
        if (!opts.force && fs.existsSync(opts.out)) {
          throw new CliFailure(`${opts.out} already exists; add --force to replace it.`);
        }
        await writeFileAtomically(opts.out, services.data.exportJson());
        const counts = services.data.overview().counts;
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        process.stdout.write(`Wrote ${total} records to ${path.resolve(opts.out)}.\n`);
      }),
    );

  program
    .command('import')
    .description('merge a Keel export into your data (records already here are skipped)')
    .argument('<file>', 'a file written by keel export or Settings → Export')
    .action(async (file: string) =>
      withServices(async (services) => {
        const result = services.data.importFile(file);
        process.stdout.write(
          result.added === 0
            ? `Nothing new in ${result.fileName}: all ${result.skipped} records were already here.\n`
            : `Imported ${result.added} records from ${result.fileName}${result.skipped > 0 ? `; ${result.skipped} were already here` : ''}.\n`,
        );
      }),
    );

  program
    .command('delete-all')
    .description('delete every record, setting and backup Keel keeps (asks for --yes)')
    .option('--yes', 'confirm: this cannot be undone')
    .action(async (opts: { yes?: boolean }) =>
      withServices(async (services) => {
        if (!opts.yes) {
          throw new CliFailure(
            'This deletes every check-in, note, talking point, focus block, sign-off, setting and backup, and cannot be undone; add --yes to go ahead.',
          );
        }
        await call(services, 'data:deleteAll', { confirm: true });
        process.stdout.write('Deleted all your Keel data, backups included.\n');
      }),
    );

  return program;
}

/** Writes beside the target, then renames: a crash never leaves half a file. */
async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.promises.writeFile(temp, content);
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
    // A full disk or a read-only folder on a command that calls services directly gets the same
    // sentence as through the IPC door.
    const known = error instanceof CliFailure || error instanceof KeelError ? error : storageFailure(error);
    const message = known ? known.message : 'Something went wrong inside Keel; nothing was changed.';
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
