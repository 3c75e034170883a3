import { Option, type Command } from 'commander';
import { parseCheckinArgs, parseCheckinAt } from '../core/checkin';
import { BACKUPS_KEEP_DELETED } from '../shared/backup-retention';
import type { CliIo } from './io';
import { print, shortId } from './output';
import { withSession, type Session } from './session';

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
    .action(async (opts: CheckAddOptions) => withSession(io, {}, (session) => addCheck(io, session, opts)));
  check
    .command('list')
    .description('check-ins between two dates (inclusive)')
    .addOption(new Option('--from <date>', 'first day, YYYY-MM-DD').makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last day, YYYY-MM-DD').makeOptionMandatory())
    .option('--json', 'print JSON')
    .action(async (opts: { from: string; to: string; json?: boolean }) =>
      withSession(io, {}, async (session) => {
        const checks = await session.call('checkin:list', { from: opts.from, to: opts.to });
        print(io, checks, opts.json, () =>
          checks.length === 0
            ? 'No check-ins in that range.'
            : checks
                .map(
                  (c) =>
                    `${shortId(c.id)}  ${c.date} ${c.time}  workload ${c.workload}  energy ${c.energy}  ${c.sustainable}${
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
    .option('--purge-backups', 'also remove it (its note) from every backup copy')
    .action(async (id: string, opts: { purgeBackups?: boolean }) =>
      withSession(io, {}, async (session) => {
        const purgeBackups = opts.purgeBackups === true;
        const result = await session.call('checkin:delete', purgeBackups ? { id, purgeBackups } : { id });
        io.stdout(`Deleted check ${shortId(result.deleted)}.\n${backupWords(result)}\n`);
      }),
    );
}

/** What the backups still hold after a delete, or what the purge did. */
function backupWords({
  deleted,
  backups,
}: {
  deleted: string;
  backups?: { purged: number; failed: number };
}): string {
  // The full id: the check-in is gone, so only its full id still names it in the backups.
  if (!backups)
    return `${BACKUPS_KEEP_DELETED} To remove it from them now: keel check delete ${deleted} --purge-backups`;
  const purged = `Removed it from ${backups.purged} backup ${backups.purged === 1 ? 'copy' : 'copies'}.`;
  return backups.failed === 0
    ? purged
    : `${purged} ${backups.failed} ${backups.failed === 1 ? 'copy' : 'copies'} could not be changed and may still hold it.`;
}

async function addCheck(io: CliIo, session: Session, opts: CheckAddOptions): Promise<void> {
  // Every flag is checked before anything is written: a bad value writes nothing.
  const input = parseCheckinArgs(opts);
  // Back-dating is the command line's alone: the window's check-in is taken now.
  const saved =
    opts.at === undefined
      ? await session.call('checkin:add', input)
      : await session.callCli('checkin:addAt', { ...input, at: await checkTime(session, opts.at, io) });
  print(io, saved, opts.json, () => `Logged check ${shortId(saved.id)} at ${saved.date} ${saved.time}.`);
}

/** `--at` as an instant: a time without an offset is in the user's zone (the "zone" setting). */
async function checkTime(session: Session, text: string, io: CliIo): Promise<number> {
  // A time wrong in every zone (malformed, or in the future even at UTC+14, where a local time is
  // the earliest instant it can be) is refused before the data is opened: it writes nothing.
  parseCheckinAt(text, 'Pacific/Kiritimati', io.clock.now());
  const { zone } = await session.call('settings:get', {});
  return parseCheckinAt(text, zone, io.clock.now());
}
