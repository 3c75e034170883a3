import { Option, type Command } from 'commander';
import { parseCheckinArgs, parseCheckinAt } from '../core/checkin';
import { BACKUPS_KEEP_DELETED } from '../shared/backup-retention';
import type { CliIo } from './io';
import { print, shortId } from './output';
import { withSession, type Session } from './session';
import { cliSpeech, type CliSpeech } from './speech';

interface CheckAddOptions {
  workload: string;
  energy: string;
  sustainable: string;
  stretched?: string;
  note?: string;
  shareable?: boolean;
  at?: string;
  json?: boolean;
}

/** `keel check add|list|delete`. */
export function registerCheckinCommands(program: Command, io: CliIo): void {
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
    .action(async (opts: CheckAddOptions, command: Command) =>
      withSession(io, {}, (session) => addCheck(io, session, opts, cliSpeech(io, command))),
    );
  check
    .command('list')
    .description('check-ins between two dates (inclusive)')
    .addOption(new Option('--from <date>', 'first day, YYYY-MM-DD').makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last day, YYYY-MM-DD').makeOptionMandatory())
    .option('--json', 'print JSON')
    .action(async (opts: { from: string; to: string; json?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const { t, day, clock } = cliSpeech(io, command);
        const checks = await session.call('checkin:list', { from: opts.from, to: opts.to });
        print(io, checks, opts.json, () =>
          checks.length === 0
            ? t('cli.check.none')
            : checks
                .map((c) => {
                  const line = t('cli.check.line', {
                    id: shortId(c.id),
                    day: day(c.date),
                    time: clock(c.time),
                    workload: c.workload,
                    energy: c.energy,
                    sustainable: t(`vocab.sustainable.${c.sustainable}`),
                  });
                  const tags = c.stretched.length ? `  [${c.stretched.map((tag) => tag.id).join(', ')}]` : '';
                  const note = c.note ? `  “${c.note.replace(/\s+/g, ' ').slice(0, 60)}”` : '';
                  return `${line}${tags}${note}`;
                })
                .join('\n'),
        );
      }),
    );
  check
    .command('delete')
    .description('delete a check-in by its id (the first 8 characters are enough)')
    .argument('<id>', 'the id keel check list shows')
    .option('--purge-backups', 'also remove it (its note) from every backup copy')
    .action(async (id: string, opts: { purgeBackups?: boolean }, command: Command) =>
      withSession(io, {}, async (session) => {
        const speech = cliSpeech(io, command);
        const purgeBackups = opts.purgeBackups === true;
        const result = await session.call('checkin:delete', purgeBackups ? { id, purgeBackups } : { id });
        const deleted = speech.t('cli.check.deleted', { id: shortId(result.deleted) });
        io.stdout(`${deleted}\n${backupWords(result, speech)}\n`);
      }),
    );
}

/** What the backups still hold after a delete, or what the purge did. */
function backupWords(
  { deleted, backups }: { deleted: string; backups?: { purged: number; failed: number } },
  { t }: CliSpeech,
): string {
  // The full id: the check-in is gone, so only its full id still names it in the backups.
  // (What the backups keep is the same sentence as in the window's, English for now: #20.)
  if (!backups) return `${BACKUPS_KEEP_DELETED} ${t('cli.check.purgeHint', { id: deleted })}`;
  const purged = t('cli.check.purged', { count: backups.purged });
  return backups.failed === 0 ? purged : `${purged} ${t('cli.check.purgeFailed', { count: backups.failed })}`;
}

async function addCheck(
  io: CliIo,
  session: Session,
  opts: CheckAddOptions,
  speech: CliSpeech,
): Promise<void> {
  // Every flag is checked before anything is written: a bad value writes nothing.
  const input = parseCheckinArgs(opts);
  // Back-dating is the command line's alone: the window's check-in is taken now.
  const saved =
    opts.at === undefined
      ? await session.call('checkin:add', input)
      : await session.callCli('checkin:addAt', { ...input, at: await checkTime(session, opts.at, io) });
  print(io, saved, opts.json, () =>
    speech.t('cli.check.logged', {
      id: shortId(saved.id),
      day: speech.day(saved.date),
      time: speech.clock(saved.time),
    }),
  );
}

/** `--at` as an instant: a time without an offset is in the user's zone (the "zone" setting). */
async function checkTime(session: Session, text: string, io: CliIo): Promise<number> {
  // A time wrong in every zone (malformed, or in the future even at UTC+14, where a local time is
  // the earliest instant it can be) is refused before the data is opened: it writes nothing.
  parseCheckinAt(text, 'Pacific/Kiritimati', io.clock.now());
  const { zone } = await session.call('settings:get', {});
  return parseCheckinAt(text, zone, io.clock.now());
}
