/**
 * commander's words in the CLI's language: every command's `--help` (its description, its
 * options' and arguments' descriptions, the headings, "default:" and "choices:") and commander's
 * own usage errors ("error: unknown option '--frobnicate'").
 *
 * Each command registers its help in English, beside the code it describes; a `cli.help.*`
 * message whose English is that very text says it in another language, found by matching the
 * English (shared/i18n/english-match.ts), so a text carrying a value (the list of setting names)
 * keeps it. commander's usage errors are matched the same way against `cli.usage.*`. A text with
 * no message stays English; test/cli/help-locale.test.ts holds every text the program has to one.
 */
import type { Argument, Command, Help, Option } from 'commander';
import { englishPatterns, matchEnglish, type EnglishPattern } from '../shared/i18n/english-match';
import { messagesFor, type Messages } from '../shared/i18n/intl';
import { resolveLocale } from '../shared/i18n/locale';

let helpPatterns: EnglishPattern[] | undefined;
let usagePatterns: EnglishPattern[] | undefined;
/** The messages each program's help is said in (speakCommander). */
const spokenIn = new WeakMap<Command, Messages>();
const ENGLISH = messagesFor(resolveLocale({ choice: 'en-US', preferred: [], regional: null }));

/**
 * The messages `command`'s help is said in, for a text a command adds to its help with
 * `addHelpText('after', ({ command }) => …)`: English until speakCommander has run.
 */
export function helpMessagesOf(command: Command): Messages {
  let root = command;
  while (root.parent) root = root.parent;
  return spokenIn.get(root) ?? ENGLISH;
}

/** A help text in the locale: its message with the values read out of the English, else as it is. */
export function sayHelp(messages: Messages, english: string): string {
  helpPatterns ??= englishPatterns(['cli.help.']);
  const found = matchEnglish(helpPatterns, english);
  return found ? messages.t(found.id, found.values) : english;
}

/** One of commander's error lines in the locale (numbers read back as numbers, for plurals). */
function sayUsageLine(messages: Messages, line: string): string {
  usagePatterns ??= englishPatterns(['cli.usage.']);
  const found = matchEnglish(usagePatterns, line, (raw) => (/^\d{1,9}$/.test(raw) ? Number(raw) : raw));
  return found ? messages.t(found.id, found.values) : line;
}

/** commander's usage error (one or more lines, "(Did you mean …?)" among them) in the locale. */
export function sayUsage(messages: Messages, text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : sayUsageLine(messages, line)))
    .join('\n');
}

/** "(default: "md")", "(choices: …)" in the locale; commander's own rules for when each shows. */
function extrasOf(
  messages: Messages,
  item: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string },
  showDefault: boolean,
): string[] {
  const extras: string[] = [];
  if (item.argChoices) {
    const choices = item.argChoices.map((choice) => JSON.stringify(choice)).join(', ');
    extras.push(messages.t('cli.helpText.choices', { choices }));
  }
  if (item.defaultValue !== undefined && showDefault) {
    const value = item.defaultValueDescription || JSON.stringify(item.defaultValue);
    extras.push(messages.t('cli.helpText.default', { value }));
  }
  return extras;
}

function withExtras(messages: Messages, description: string, extras: string[]): string {
  if (extras.length === 0) return description;
  const extra = extras.join(', ');
  return description === ''
    ? messages.t('cli.helpText.extrasOnly', { extra })
    : messages.t('cli.helpText.withExtras', { description, extra });
}

/** What commander's Help is told to say differently in the locale. */
function helpIn(messages: Messages): Partial<Help> {
  const say = (english: string) => sayHelp(messages, english);
  return {
    styleTitle: (title: string) => say(title),
    commandDescription: (command: Command) => say(command.description()),
    subcommandDescription: (command: Command) => say(command.summary() || command.description()),
    optionDescription: (option: Option) =>
      withExtras(
        messages,
        say(option.description),
        extrasOf(
          messages,
          option,
          option.required ||
            option.optional ||
            (option.isBoolean() && typeof option.defaultValue === 'boolean'),
        ),
      ),
    argumentDescription: (argument: Argument) =>
      withExtras(messages, say(argument.description), extrasOf(messages, argument, true)),
  };
}

/** Every command the program has, itself first. */
export function commandsOf(program: Command): Command[] {
  return [program, ...program.commands.flatMap((command) => commandsOf(command))];
}

/**
 * Says the program's help and usage errors in `messages`' language: each command is told how
 * (commander copies such settings only to commands added after them). Run after every command is
 * registered and before the line is parsed.
 */
export function speakCommander(program: Command, messages: Messages): void {
  spokenIn.set(program, messages);
  const help = helpIn(messages);
  for (const command of commandsOf(program)) {
    command.configureHelp(help);
    command.configureOutput({ outputError: (text, write) => write(sayUsage(messages, text)) });
  }
  program.addHelpText(
    'after',
    `\n${messages.t('cli.helpText.dataFolder')}\n${messages.t('cli.helpText.timeZone')}`,
  );
}
