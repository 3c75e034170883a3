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

/** The value of every `--locale` in `args` ("--locale de" or "--locale=de"), in order. */
export function localesIn(args: readonly string[]): string[] {
  const found: string[] = [];
  args.forEach((arg, i) => {
    if (arg === '--locale' && i + 1 < args.length) found.push(args[i + 1] as string);
    else if (arg.startsWith('--locale=')) found.push(arg.slice('--locale='.length));
  });
  return found;
}

/** Whether the command, or one under it, takes `--locale` for its export's language. */
function hasOwnLocale(command: Command): boolean {
  return command.options.some((o) => o.long === '--locale') || command.commands.some(hasOwnLocale);
}

/**
 * The CLI's messages for a command line before commander has read it, for what is said outside a
 * command's action (its `--help`, a usage error, a failure): the last `--locale` Keel speaks (for
 * a command whose own `--locale` chooses its export's language, the last one before its name, as
 * export-locale.ts decides), else the environment's. A tag Keel does not speak is passed over here;
 * the command itself refuses it in one sentence.
 */
export function lineMessages(io: CliIo, program: Command, args: readonly string[]): Messages {
  const at = args.findIndex(
    (arg, i) => args[i - 1] !== '--locale' && program.commands.some((c) => c.name() === arg),
  );
  const command = at < 0 ? undefined : program.commands.find((c) => c.name() === args[at]);
  const given = localesIn(command !== undefined && hasOwnLocale(command) ? args.slice(0, at) : args);
  const choice = given.filter((tag) => matchLocale(tag) !== null).at(-1) ?? null;
  return messagesFor(
    resolveLocale({ choice, preferred: envLanguages(io.env), regional: envRegional(io.env) }),
  );
}
