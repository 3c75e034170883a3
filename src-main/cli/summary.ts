import path from 'node:path';
import { Option, type Command } from 'commander';
import { tagSlug } from '../core/checkin-vocabulary';
import type { CliChannelInput } from '../ipc/cli-contract';
import { exportLocaleOf } from './export-locale';
import { cliMessages } from './locale';
import type { CliIo } from './io';
import { splitList } from './output';
import { withSession } from './session';
import { registerTalkCommands } from './talk';

interface SummaryOptions {
  from: string;
  to: string;
  format: 'md' | 'text' | 'html' | 'json';
  sections?: string;
  notes?: string;
  tags?: string;
  out?: string;
}

/** `keel talk …` (talk.ts) and `keel summary`. */
export function registerSummaryCommands(program: Command, io: CliIo): void {
  registerTalkCommands(program, io);
  program
    .command('summary')
    .description('build the one-on-one summary you choose to share, and log the share')
    .addOption(new Option('--from <date>', 'first day, YYYY-MM-DD').makeOptionMandatory())
    .addOption(new Option('--to <date>', 'last day, YYYY-MM-DD').makeOptionMandatory())
    .addOption(
      new Option('--format <format>', 'md, text (plain, for chat), html or json')
        .choices(['md', 'text', 'html', 'json'])
        .default('md'),
    )
    .option(
      '--sections <list>',
      'comma-separated: trends,sustainability,stretched,focus,endOfDay,talkingPoints,notes',
    )
    .option(
      '--notes <ids>',
      'comma-separated check-in ids of notes marked shareable (needs the notes section)',
    )
    .option(
      '--tags <ids>',
      'comma-separated custom tags of check-ins with private notes to count in the stretched section',
    )
    .option('--out <file>', 'write to this file instead of printing')
    .option(
      '--locale <tag>',
      "the summary's language: en-US, en-GB, de, fr, es or pt-BR (default: the CLI's); before the command's name, the CLI's own",
    )
    .action(async (opts: SummaryOptions, command: Command) => {
      // Read before anything is said: after this the CLI's messages follow only the global one.
      const locale = exportLocaleOf(io, command);
      return withSession(
        io,
        { files: opts.out === undefined ? { stdout: true } : { out: opts.out } },
        async (session) => {
          // The sections, note ids and tags are checked at the door, against the summary's own
          // rules: an id that names no note (or tag) it could include refuses the whole command,
          // so nothing is written and no share is logged. There is no preview step to go stale:
          // the text is built, written and logged in one go (ipc/cli-contract.ts).
          const input = {
            from: opts.from,
            to: opts.to,
            sections: splitList(opts.sections),
            noteIds: splitList(opts.notes),
            // Typed as the check-in form takes them ("Code review" is the tag code-review).
            privateTags: splitList(opts.tags)?.map(tagSlug),
            format: opts.format,
            locale,
          } as CliChannelInput<'summary:write'>;
          await session.callCli('summary:write', input);
          if (opts.out !== undefined) {
            const { t } = cliMessages(io, command);
            io.stderr(`${t('export.cli.wrote', { path: path.resolve(opts.out) })}\n`);
          }
        },
      );
    });
}
