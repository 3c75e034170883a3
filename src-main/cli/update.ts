import path from 'node:path';
import { Option, type Command } from 'commander';
import { exportLocaleOf } from './export-locale';
import type { CliIo } from './io';
import { cliMessages } from './locale';
import { withSession } from './session';

interface UpdateOptions {
  from?: string;
  to?: string;
  format: 'md' | 'text' | 'html';
  out?: string;
}

/** `keel update`: the weekly update, with the edits kept in the window for that period. */
export function registerUpdateCommand(program: Command, io: CliIo): void {
  program
    .command('update')
    .description('print the weekly update drafted from your sign-offs (with your edits), and log the share')
    .option('--from <date>', 'first day, YYYY-MM-DD (default: this week’s Monday)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: this week’s Sunday)')
    .addOption(
      new Option('--format <format>', 'md, text or html').choices(['md', 'text', 'html']).default('md'),
    )
    .option('--out <file>', 'write to this file instead of printing')
    .option(
      '--locale <tag>',
      "the update's language: en-US, en-GB, de, fr, es or pt-BR (default: the CLI's); before the command's name, the CLI's own",
    )
    .action(async (opts: UpdateOptions, command: Command) => {
      // Read before anything is said: after this the CLI's messages follow only the global one.
      const locale = exportLocaleOf(io, command);
      return withSession(
        io,
        { files: opts.out === undefined ? { stdout: true } : { out: opts.out } },
        async (session) => {
          // Printed (or written) and logged in one go: what left is this one text.
          await session.callCli('update:write', {
            ...(opts.from === undefined ? {} : { from: opts.from }),
            ...(opts.to === undefined ? {} : { to: opts.to }),
            format: opts.format,
            locale,
          });
          if (opts.out !== undefined) {
            const { t } = cliMessages(io, command);
            io.stderr(`${t('export.cli.wrote', { path: path.resolve(opts.out) })}\n`);
          }
        },
      );
    });
}
