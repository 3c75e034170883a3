/**
 * Refusals in the reader's locale: a KeelError's sentence is English where it is thrown; the
 * window's handlers say it in the window's language, notifications in theirs (app/prompts.ts) and
 * the CLI in the terminal's (cli/speech.ts `sayMain`). Each `main.refusal.*`
 * message's English is the very sentence services and schemas throw, so it is found by matching:
 * its placeholders are read back out of the English (a `HH:MM` becomes the locale's clock, digits a
 * number the locale writes) and given to the translation. A sentence with no message stays English.
 */
import { KeelError, type ErrorPayload } from '../core/errors';
import type { MessageId } from '../shared/i18n/catalog';
import { englishPatterns, matchEnglish, type EnglishPattern } from '../shared/i18n/english-match';
import type { LocaleFormat } from '../shared/i18n/format';
import type { MessageValues } from '../shared/i18n/intl';
/** What a refusal is said with: main's speech (app/speech.ts), read at each refusal. */
export interface RefusalSpeech {
  t(id: MessageId, values?: MessageValues): string;
  /** A time of day kept as `HH:MM`, in the locale's clock. */
  clock(hhmm: string): string;
  /** The locale's dates, for a weekday a sentence names in English ("Focus blocks on Monday…"). */
  readonly format?: Pick<LocaleFormat, 'weekday'>;
}

type MainLocale = RefusalSpeech;

/**
 * Refusals (a request turned down), problems (something in the background that failed) and the
 * titles and file kinds of main's dialogs.
 */
const PREFIXES = ['main.refusal.', 'main.problem.', 'main.dialog.', 'main.finding.'];

/** Weekdays as core/time.ts names them, Monday first; 2027-03-15 was a Monday. */
const ENGLISH_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
let patterns: EnglishPattern[] | undefined;
/** Parts a sentence is built from ("it was built again from your latest data"), said only inside one. */
let parts: EnglishPattern[] | undefined;

/** A value read out of an English sentence, as the locale writes it. */
function valueIn(locale: MainLocale, raw: string): string | number {
  if (/^\d{2}:\d{2}$/.test(raw)) return locale.clock(raw);
  const weekday = ENGLISH_WEEKDAYS.indexOf(raw);
  if (weekday >= 0 && locale.format) return locale.format.weekday(`2027-03-${15 + weekday}`);
  if (/^\d{1,9}$/.test(raw)) return Number(raw);
  return raw;
}

/** The sentence in the locale, or undefined when Keel has no message for it. */
export function sayRefusal(locale: MainLocale, english: string): string | undefined {
  patterns ??= englishPatterns(PREFIXES);
  parts ??= englishPatterns(['main.part.']);
  // A value that is itself one of main's sentences ("{problem} Keel tries again later.") or one of
  // the parts sentences are built from is said too.
  const valueOf = (raw: string): string | number => {
    if (raw === english) return valueIn(locale, raw);
    const part = matchEnglish(parts ?? [], raw, (inner) => valueIn(locale, inner));
    if (part) return locale.t(part.id, part.values);
    return /[.!?]$/.test(raw) ? (sayRefusal(locale, raw) ?? valueIn(locale, raw)) : valueIn(locale, raw);
  };
  const found = matchEnglish(patterns, english, valueOf);
  if (found) return locale.t(found.id, found.values);
  // A schema's refusal names where in the input it is: "workingHours.mon: Start and end must differ."
  const where = /^([\w.[\]-]+): (.+)$/s.exec(english);
  const sentence = where?.[2] !== undefined ? sayRefusal(locale, where[2]) : undefined;
  return sentence === undefined
    ? undefined
    : locale.t('main.where.path', { path: where?.[1] ?? '', sentence });
}

const SAY = Symbol('keel.sayRefusal');

/** The table's way to say a refusal (English as it is for a table without a locale). */
export function sayerOf(handlers: object): (english: string) => string {
  const say = (handlers as { [SAY]?: (english: string) => string })[SAY];
  return say ?? ((english) => english);
}

/** A refusal's payload in the table's locale: its sentence and the one under the control. */
export function spokenPayload(handlers: object, payload: ErrorPayload): ErrorPayload {
  const say = sayerOf(handlers);
  return {
    ...payload,
    message: say(payload.message),
    ...(payload.field ? { field: { ...payload.field, message: say(payload.field.message) } } : {}),
  };
}

/** A KeelError said in the locale (the English one kept as its cause); anything else as it is. */
function inLocale(locale: MainLocale, error: unknown): unknown {
  if (!(error instanceof KeelError)) return error;
  const said = sayRefusal(locale, error.message);
  return said === undefined || said === error.message
    ? error
    : new KeelError(error.code, said, { cause: error });
}

/**
 * The handlers, each refusing in main's speech (read at each refusal); without one (the CLI), the
 * handlers as they are.
 */
export function speakRefusals<H extends Record<string, (input: never) => unknown>>(
  handlers: H,
  speech: (() => MainLocale) | undefined,
): H {
  if (!speech) return handlers;
  const locale: MainLocale = {
    t: (id, values) => speech().t(id, values),
    clock: (hhmm) => speech().clock(hhmm),
    format: { weekday: (day, width) => speech().format?.weekday(day, width) ?? day },
  };
  const spoken: Record<string, (input: never) => unknown> = {};
  // For dispatch.ts: input its schemas refuse before any handler runs is said in the locale too.
  Object.defineProperty(spoken, SAY, { value: (english: string) => sayRefusal(locale, english) ?? english });
  for (const [name, handler] of Object.entries(handlers)) {
    spoken[name] = (input: never) => {
      try {
        const result = handler(input);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw inLocale(locale, error);
            })
          : result;
      } catch (error) {
        throw inLocale(locale, error);
      }
    };
  }
  return spoken as H;
}
