import path from 'node:path';
import { Option, type Command } from 'commander';
import { AGREEMENT_FORMATS, type AgreementFormat } from '../shared/agreement-dto';
import { exportLocaleOf } from './export-locale';
import type { CliIo } from './io';
import { CliFailure } from './output';
import { withSession } from './session';
import { cliSpeech } from './speech';

/** `keel agreement [--format md|text|ics] [--out FILE]` and `keel agreement status`. */
export function registerAgreementCommands(program: Command, io: CliIo): void {
  const agreement = program
    .command('agreement')
    .description(
      'your working agreement: hours in teammates’ zones, focus blocks, how soon you answer (the share is logged)',
    )
    .addOption(
      new Option('--format <format>', 'md, text or ics (ics needs --out)')
        .choices([...AGREEMENT_FORMATS])
        .default('md'),
    )
    .option('--out <file>', 'write to this file instead of printing')
    .option(
      '--locale <tag>',
      "the agreement's language: en-US, en-GB, de, fr, es or pt-BR (default: the CLI's); before the command's name, the CLI's own",
    )
    .action(async (opts: { format: AgreementFormat; out?: string }, command: Command) => {
      // Read before anything is said: after this the CLI's messages follow only the global one.
      const locale = exportLocaleOf(io, command);
      const { t } = cliSpeech(io, command);
      // A calendar's lines end in CR LF, which the terminal's escaping would show as text.
      if (opts.format === 'ics' && opts.out === undefined)
        throw new CliFailure(t('cli.agreement.icsNeedsOut'));
      return withSession(
        io,
        { files: opts.out === undefined ? { stdout: true } : { out: opts.out } },
        async (session) => {
          // Built, written and logged in one go: what is logged is exactly what was written.
          await session.callCli('agreement:write', { format: opts.format, locale });
          if (opts.out !== undefined)
            io.stderr(`${t('cli.agreement.wrote', { path: path.resolve(opts.out) })}\n`);
        },
      );
    });
  agreement
    .command('status')
    .description('one line for your chat status ("Working until 17:30"); the share is logged')
    .option('--locale <tag>', "the status line's language (default: the CLI's)")
    .action(async (_opts: unknown, command: Command) => {
      const locale = exportLocaleOf(io, command);
      return withSession(io, { files: { stdout: true } }, async (session) => {
        await session.callCli('agreement:writeStatus', { locale });
      });
    });
}
