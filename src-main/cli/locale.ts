/**
 * The language of the CLI's human output: `--locale` (anywhere on the line), else LC_ALL >
 * LC_MESSAGES > LANG, else English (shared/i18n/locale.ts decides). `--json` output is never
 * translated.
 */
import type { Command } from 'commander';
import { createLocaleFormat } from '../shared/i18n/format';
import { messagesFor, type Messages } from '../shared/i18n/intl';
import { envLanguages, envRegional, matchLocale, resolveLocale, USER_LOCALES } from '../shared/i18n/locale';
import type { CliIo } from './io';
import { CliFailure } from './output';

/** Adds `--locale <tag>` to the program (commander hands it to every subcommand). */
export function addLocaleOption(program: Command): void {
  program.option('--locale <tag>', `the language of the output: ${USER_LOCALES.join(', ')} (default: $LANG)`);
}

/** The messages for a command: its `--locale`, or the environment's language. */
export function cliMessages(io: CliIo, command: Command): Messages {
  const fromEnv = { preferred: envLanguages(io.env), regional: envRegional(io.env) };
  const choice = (command.optsWithGlobals() as { locale?: string }).locale;
  if (choice !== undefined && matchLocale(choice) === null) {
    // Said in the language the environment asks for: the one given is not spoken.
    const messages = messagesFor(resolveLocale(fromEnv));
    const locales = createLocaleFormat(messages.locale).list(USER_LOCALES);
    throw new CliFailure(messages.t('cli.locale.unknown', { locales, given: choice }));
  }
  return messagesFor(resolveLocale({ choice: choice ?? null, ...fromEnv }));
}
