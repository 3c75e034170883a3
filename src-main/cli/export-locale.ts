/**
 * The language of what an export command writes (`keel summary`, `keel update`, `keel agreement`)
 * and of the CLI's own messages around it, from the `--locale` options on the line.
 *
 * Decision: the command's own `--locale` (after its name: `keel summary --locale de`) chooses the
 * language of the export only; a `--locale` before the name (`keel --locale fr summary …`), else
 * LC_ALL > LC_MESSAGES > LANG, chooses the CLI's messages, as for every command. Without its own
 * `--locale` the export is written in the CLI's language. So a German-speaking user can write a
 * summary in English for a manager and still read Keel's messages in German. Commander hands every
 * `--locale` to the program wherever it stands (cli/locale.ts), so the line is read here and the
 * program's value is set back to the one before the command's name before anything is said.
 */
import type { Command } from 'commander';
import { PSEUDO_LOCALE } from '../shared/i18n/locale';
import type { CliIo } from './io';
import { cliMessages, localesIn } from './locale';

/** The whole command line the program was given (commander keeps it as `rawArgs`). */
function lineOf(command: Command): readonly string[] {
  let root = command;
  while (root.parent) root = root.parent;
  return (root as unknown as { rawArgs?: string[] }).rawArgs ?? [];
}

/**
 * The export's language for `command` (its own `--locale`, else the CLI's language), after
 * setting the program's `--locale` back to the one given before the command's name.
 */
export function exportLocaleOf(io: CliIo, command: Command): string {
  const line = lineOf(command);
  const at = line.indexOf(command.name());
  const before = at < 0 ? [] : localesIn(line.slice(0, at));
  const own = at < 0 ? [] : localesIn(line.slice(at + 1));
  let root = command;
  while (root.parent) root = root.parent;
  root.setOptionValue('locale', before.at(-1));
  if (own.length > 0) return own.at(-1) as string;
  const cli = cliMessages(io, command).locale;
  return cli.messages === PSEUDO_LOCALE ? PSEUDO_LOCALE : cli.format;
}
