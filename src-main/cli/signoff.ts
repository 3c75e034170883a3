import { Option, type Command } from 'commander';
import { isLocalDate, parseInstant } from '../core/time';
import type { CliIo } from './io';
import { CliFailure, parseWholeNumber, print } from './output';
import { withSession, type Session } from './session';
import { cliSpeech, type CliSpeech } from './speech';

interface SignoffOptions {
  done?: string;
  tomorrow?: string;
  unfinished?: string[];
  energy?: string;
  quiet?: boolean;
  at?: string;
  json?: boolean;
}

/** `keel signoff` and `keel day`. */
export function registerSignoffCommands(program: Command, io: CliIo): void {
  program
    .command('signoff')
    .description("sign off for the day, with the ritual's answers if you like")
    .option('--done <text>', 'what got done today')
    .option('--tomorrow <text>', 'the first thing tomorrow')
    .option(
      '--unfinished <item=plan...>',
      'an unfinished thing and when it continues, e.g. "Review=10:00 tomorrow"',
    )
    .option('--energy <n>', 'your energy, 1 (drained) to 5 (full of energy)')
    .option('--quiet', "hold Keel's prompts and turn on do-not-disturb until the next working start")
    .option('--at <time>', 'when you signed off (ISO 8601, or YYYY-MM-DDTHH:MM in your zone); default now')
    .option('--json', 'print JSON')
    .action(async (opts: SignoffOptions, command: Command) =>
      withSession(io, {}, (session) => signOff(io, session, opts, cliSpeech(io, command))),
    );
  program
    .command('day')
    .description('one workday: first and last active, the sign-off, and whether it ran late')
    .addOption(new Option('--date <date>', 'the workday, YYYY-MM-DD (default today)'))
    .option('--json', 'print JSON')
    .action(async (opts: { date?: string; json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t, range, timeOf, day: dayOf } = cliSpeech(io, command);
        if (opts.date !== undefined && !isLocalDate(opts.date)) {
          throw new CliFailure(t('cli.day.badDate'));
        }
        const day = await session.callCli('signoff:day', opts.date === undefined ? {} : { date: opts.date });
        print(io, day, opts.json, () => {
          const time = (iso: string | null) => (iso ? timeOf(iso) : '—');
          const hours = day.hours ? range(day.hours) : (day.holiday ?? t('cli.dayOff'));
          const active = t('cli.day.active', { first: time(day.firstActive), last: time(day.lastActive) });
          return [
            `${dayOf(day.date)} (${hours})`,
            day.late ? t('cli.day.late', { active }) : active,
            day.signedOff ? t('cli.day.signedOff', { time: time(day.signedOff) }) : t('cli.day.notSignedOff'),
            ...(day.firstTomorrow ? [t('cli.day.firstNext', { text: day.firstTomorrow })] : []),
          ].join('\n');
        });
      }),
    );
}

async function signOff(io: CliIo, session: Session, opts: SignoffOptions, speech: CliSpeech): Promise<void> {
  const { t, clock, day, timeOf } = speech;
  let at: number | undefined;
  if (opts.at !== undefined) {
    // A time without an offset is the user's zone: the "zone" setting.
    const { zone } = await session.call('settings:get', {});
    const parsed = parseInstant(opts.at, zone);
    if (parsed === null) {
      throw new CliFailure(t('cli.badAt'));
    }
    at = parsed;
  }
  const unfinished = (opts.unfinished ?? []).map((pair) => {
    const i = pair.indexOf('=');
    if (i < 0) {
      throw new CliFailure(t('cli.signoff.badUnfinished', { given: pair }));
    }
    return { item: pair.slice(0, i), plan: pair.slice(i + 1) };
  });
  const input = {
    done: opts.done ?? '',
    unfinished,
    firstTomorrow: opts.tomorrow ?? '',
    energy: opts.energy === undefined ? null : parseWholeNumber(opts.energy, '--energy', t),
    quiet: Boolean(opts.quiet),
  };
  // Back-dating is the command line's alone: the window signs off now.
  const status =
    at === undefined
      ? await session.call('signoff:submit', input)
      : await session.callCli('signoff:submitAt', { ...input, at });
  const record = status.signedOff;
  print(io, status, opts.json, () =>
    record
      ? [
          t('cli.signoff.done', { time: clock(record.signedOffTime), day: day(record.workday) }),
          ...(record.quietUntil
            ? [
                t('cli.signoff.quietUntil', {
                  day: day(record.quietUntil.slice(0, 10)),
                  time: timeOf(record.quietUntil),
                }),
              ]
            : []),
        ].join('\n')
      : t('cli.signoff.donePlain'),
  );
}
