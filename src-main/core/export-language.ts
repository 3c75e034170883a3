/**
 * The language an export is written in, independent of the window's or the CLI's: the summary
 * builder and `keel summary --locale` choose it. Keel's words come from the `export.*` catalog,
 * dates and numbers from shared/i18n/format.ts, both in the export's locale. Pure.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { z } from 'zod';
// The one door from core/ to the catalog: shared/i18n is pure (JSON catalogs and Intl, no I/O),
// and the exports are built in core/, so their words must be reachable here. Every other core
// module takes them through this one.
// eslint-disable-next-line keel/layering -- the pure catalog, see above
import { catalogFor, type MessageId } from '../shared/i18n/catalog';
// eslint-disable-next-line keel/layering -- the pure formatters, see above
import { createLocaleFormat, type LocaleFormat } from '../shared/i18n/format';
// eslint-disable-next-line keel/layering -- the pure locale matching, see above
import {
  DEFAULT_LOCALE,
  matchLocale,
  PSEUDO_LOCALE,
  resolveLocale,
  type ResolvedLocale,
} from '../shared/i18n/locale';

/** A message id of the catalog (for core modules, which take it from here). */
export type ExportMessageId = MessageId;

/** Values an export message takes: text and numbers (dates are formatted first). */
export type ExportValues = Record<string, string | number>;

/** A piece of an export sentence: Keel's text, or a value from the user (escaped in full). */
export interface ExportPiece {
  text: string;
  user: boolean;
}

export interface ExportLanguage {
  /** The BCP 47 tag the export is written in (its `lang`; `exportLanguage(tag)` gives it back). */
  readonly tag: string;
  readonly resolved: ResolvedLocale;
  t(id: MessageId, values?: ExportValues): string;
  /**
   * One message split where the user's values stand, so each renderer can escape the user's
   * text in full and Keel's lightly; the translation may put them in any order.
   */
  pieces(id: MessageId, values: ExportValues, user: Readonly<Record<string, string>>): ExportPiece[];
  readonly fmt: LocaleFormat;
  /** "March 3, 2027" / "3. März 2027". */
  date(day: string): string;
  /** "March 1 – 14, 2027" / "1.–14. März 2027"; one day as `date`. */
  period(from: string, to: string): string;
  /** "1 hr, 20 min"; "0 min" for nothing. */
  duration(minutes: number): string;
  /** "a, b, c": a list of counted things. */
  units(items: readonly string[]): string;
}

const cache = createIntlCache();
const made = new Map<string, ExportLanguage>();
const MARK = '\u0000';

/** U+00A0, U+2009 and U+202F (Intl's spaces in dates, numbers and units) as a space. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u2009\u202f]/gu, ' ');
}

function build(resolved: ResolvedLocale): ExportLanguage {
  const intl: IntlShape<string> = createIntl(
    {
      locale: resolved.format,
      defaultLocale: DEFAULT_LOCALE,
      messages: catalogFor(resolved.messages),
      onError: () => undefined,
    },
    cache,
  );
  const intlFmt = createLocaleFormat(resolved);
  // Intl's thin and no-break spaces as plain spaces, so Markdown, text and HTML read alike.
  const fmt: LocaleFormat = {
    ...intlFmt,
    day: (day, options) => plain(intlFmt.day(day, options)),
    dayRange: (from, to) => plain(intlFmt.dayRange(from, to)),
    time: (instant, zone) => plain(intlFmt.time(instant, zone)),
    clock: (hhmm, cycle) => plain(intlFmt.clock(hhmm, cycle)),
    number: (value, options) => plain(intlFmt.number(value, options)),
    duration: (minutes) => plain(intlFmt.duration(minutes)),
    list: (items, type) => intlFmt.list(items, type),
  };
  const t = (id: MessageId, values?: ExportValues) => intl.formatMessage({ id }, values);
  const unitList = new Intl.ListFormat(resolved.format, { type: 'unit', style: 'short' });
  const date = (day: string) => fmt.day(day, { year: true, weekday: false });
  return {
    tag: resolved.messages === PSEUDO_LOCALE ? PSEUDO_LOCALE : resolved.format,
    resolved,
    fmt,
    t,
    pieces(id, values, user) {
      const marked: ExportValues = { ...values };
      for (const key of Object.keys(user)) marked[key] = `${MARK}${key}${MARK}`;
      const out: ExportPiece[] = [];
      t(id, marked)
        .split(MARK)
        .forEach((part, i) => {
          const isUser = i % 2 === 1 && Object.hasOwn(user, part);
          const text = isUser ? (user[part] as string) : part;
          if (text.length > 0) out.push({ text, user: isUser });
        });
      return out;
    },
    date,
    period: (from, to) => (from === to ? date(from) : fmt.dayRange(from, to)),
    duration: (minutes) => fmt.duration(Math.max(0, minutes)),
    units: (items) => unitList.format(items),
  };
}

/**
 * The export language for a chosen locale (a tag such as "de" or "pt-BR"; none: en-US). A tag
 * Keel does not speak falls back to en-US, as the window's choice does.
 */
export function exportLanguage(choice?: string | null): ExportLanguage {
  const key = choice ?? '';
  let held = made.get(key);
  if (!held) {
    held = build(resolveLocale({ choice: choice ?? DEFAULT_LOCALE }));
    made.set(key, held);
  }
  return held;
}

/** The sentence for a language an export cannot be written in. */
export const EXPORT_LOCALE_MESSAGE = 'Write the language as en-US, en-GB, de, fr, es or pt-BR.';

/** An export's language as a request names it: a tag Keel speaks ("de", "pt-BR", "de-AT"). */
export const exportLocaleSchema = z
  .string({ message: EXPORT_LOCALE_MESSAGE })
  .max(35, { message: EXPORT_LOCALE_MESSAGE })
  .refine((tag) => matchLocale(tag) !== null, { message: EXPORT_LOCALE_MESSAGE });
