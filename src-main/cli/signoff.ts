import { Option, type Command } from 'commander';
import { isLocalDate, parseInstant } from '../core/time';
import type { CliIo } from './io';
import { CliFailure, parseWholeNumber, print } from './output';
import { withSession, type Session } from './session';

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
    .action(async (opts: SignoffOptions) => withSession(io, {}, (session) => signOff(io, session, opts)));
  program
    .command('day')
    .description('one workday: first and last active, the sign-off, and whether it ran late')
    .addOption(new Option('--date <date>', 'the workday, YYYY-MM-DD (default today)'))
    .option('--json', 'print JSON')
    .action(async (opts: { date?: string; json?: boolean }) =>
      withSession(io, {}, async (session) => {
        if (opts.date !== undefined && !isLocalDate(opts.date)) {
          throw new CliFailure('--date takes a date written YYYY-MM-DD.');
        }
        const day = await session.callCli('signoff:day', opts.date === undefined ? {} : { date: opts.date });
        print(io, day, opts.json, () => {
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
}

async function signOff(io: CliIo, session: Session, opts: SignoffOptions): Promise<void> {
  let at: number | undefined;
  if (opts.at !== undefined) {
    // A time without an offset is the user's zone: the "zone" setting.
    const { zone } = await session.call('settings:get', {});
    const parsed = parseInstant(opts.at, zone);
    if (parsed === null) {
      throw new CliFailure('--at takes a time such as 2027-03-15T17:42 or 2027-03-15T17:42:00+01:00.');
    }
    at = parsed;
  }
  const unfinished = (opts.unfinished ?? []).map((pair) => {
    const i = pair.indexOf('=');
    if (i < 0) {
      throw new CliFailure(`--unfinished takes THING=PLAN, e.g. "Review=10:00 tomorrow" (got "${pair}").`);
    }
    return { item: pair.slice(0, i), plan: pair.slice(i + 1) };
  });
  const input = {
    done: opts.done ?? '',
    unfinished,
    firstTomorrow: opts.tomorrow ?? '',
    energy: opts.energy === undefined ? null : parseWholeNumber(opts.energy, '--energy'),
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
          `Signed off at ${record.signedOffTime} (${record.workday}).`,
          ...(record.quietUntil ? [`Quiet until ${record.quietUntil}.`] : []),
        ].join('\n')
      : 'Signed off.',
  );
}
