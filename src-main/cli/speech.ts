/**
 * The words and formats of the CLI's human output, in its language (`--locale`, else LC_ALL >
 * LC_MESSAGES > LANG; locale.ts): messages from the `cli` catalog, dates and times through `Intl`,
 * times of day in the regional format's 12/24-hour clock. `--json` never goes through here.
 */
import type { Command } from 'commander';
import type { MessageId } from '../shared/i18n/catalog';
import { createLocaleFormat, type LocaleFormat } from '../shared/i18n/format';
import type { Messages, MessageValues } from '../shared/i18n/intl';
import { sayRefusal } from '../ipc/refusals';
import type { CliIo } from './io';
import { cliMessages } from './locale';

export interface CliSpeech {
  t(id: MessageId, values?: MessageValues): string;
  readonly format: LocaleFormat;
  /** A time of day kept as `HH:MM`: "5:30 PM" / "17:30". */
  clock(hhmm: string): string;
  /** The local time of an ISO 8601 instant written with its local offset, as `clock` writes it. */
  timeOf(iso: string): string;
  /** A calendar day `YYYY-MM-DD`: "Mon, Mar 15, 2027" / "Mo., 15. März 2027". */
  day(date: string): string;
  /** A range of times of day `HH:MM`–`HH:MM`. */
  range(range: { start: string; end: string }): string;
  /** One of main's sentences (services throw and report English) in this language, when Keel has it. */
  say(english: string): string;
}

/**
 * Main's English sentence in `messages`' language: a refusal or a problem is found among main's
 * translations (ipc/refusals.ts), its times in the locale's clock; a sentence without one stays.
 */
export function sayMain(messages: Messages, english: string): string {
  const format = createLocaleFormat(messages.locale);
  const speech = {
    t: messages.t,
    clock: (hhmm: string) => format.clock(hhmm, messages.locale.hourCycle),
    format,
  };
  return sayRefusal(speech, english) ?? english;
}

/** The speech of the command being run (its `--locale`, or the environment's language). */
export function cliSpeech(io: CliIo, command: Command): CliSpeech {
  const messages = cliMessages(io, command);
  const format = createLocaleFormat(messages.locale);
  const clock = (hhmm: string) => format.clock(hhmm, messages.locale.hourCycle);
  return {
    t: messages.t,
    format,
    clock,
    timeOf: (iso) => clock(iso.slice(11, 16)),
    day: (date) => format.day(date, { year: true, weekday: 'short', month: 'short' }),
    range: ({ start, end }) => messages.t('cli.range', { start: clock(start), end: clock(end) }),
    say: (english) => sayMain(messages, english),
  };
}
