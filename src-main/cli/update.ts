import path from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIo } from './io';
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
    .action(async (opts: UpdateOptions) =>
      withSession(
        io,
        { files: opts.out === undefined ? { stdout: true } : { out: opts.out } },
        async (session) => {
          // Printed (or written) and logged in one go: what left is this one text.
          await session.callCli('update:write', {
            ...(opts.from === undefined ? {} : { from: opts.from }),
            ...(opts.to === undefined ? {} : { to: opts.to }),
            format: opts.format,
          });
          if (opts.out !== undefined) io.stderr(`Wrote ${path.resolve(opts.out)}; the share is logged.\n`);
        },
      ),
    );
}
