/**
 * The window's language: react-intl's `IntlProvider` over Keel's catalog (shared/i18n/), with the
 * locale main put in the window's URL, or — in the preview, opened without one — the browser's
 * own languages, resolved by the same rules as main's. A catalog other than English loads in its
 * own chunk (catalogs.ts): boot.tsx loads it before the first render; rendered without it, the
 * frame waits for it rather than showing a moment of English.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlContext, IntlProvider, type IntlShape } from 'react-intl';
import type { Catalog, MessageId } from '../../src-main/shared/i18n/catalog';
import { createLocaleFormat, type LocaleFormat } from '../../src-main/shared/i18n/format';
import { messagesWith, type MessageValues } from '../../src-main/shared/i18n/intl-core';
import { DEFAULT_LOCALE, resolveLocale, type ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { localeFromSearch } from '../../src-main/shared/i18n/locale-url';
import { ENGLISH_CATALOG, loadCatalog, loadedCatalog } from './catalogs';
import { setWindowLocale } from './window-locale';

/** The locale of this window: the URL's, else the browser's preferred languages. */
export function windowLocale(
  search: string = window.location.search,
  languages: readonly string[] = navigator.languages,
): ResolvedLocale {
  return localeFromSearch(search) ?? resolveLocale({ preferred: languages });
}

const ENGLISH: ResolvedLocale = { messages: DEFAULT_LOCALE, format: DEFAULT_LOCALE };

const FormatContext = createContext<LocaleFormat>(createLocaleFormat(ENGLISH));

/** Wraps the window in its locale: messages through react-intl, formats through shared/i18n. */
export function KeelIntl({
  locale,
  catalog,
  children,
}: {
  locale: ResolvedLocale;
  /** The locale's catalog, when the caller loaded it (boot.tsx); else it is loaded here. */
  catalog?: Catalog;
  children: ReactNode;
}) {
  const [messages, setMessages] = useState<Catalog | undefined>(
    () => catalog ?? loadedCatalog(locale.messages),
  );
  const current = catalog ?? (messages === loadedCatalog(locale.messages) ? messages : undefined);
  useEffect(() => {
    if (catalog !== undefined) return;
    let live = true;
    void loadCatalog(locale.messages).then((loaded) => {
      if (live) setMessages(loaded);
    });
    return () => {
      live = false;
    };
  }, [catalog, locale.messages]);
  const format = useMemo(() => createLocaleFormat(locale), [locale]);
  // The page says which language it is in (index.html's "en" until now): a screen reader picks
  // its voice by it, and text marked as another language (a menu's language names, a summary
  // previewed in its own language) stands out from it.
  useEffect(() => {
    document.documentElement.lang = locale.messages;
  }, [locale.messages]);
  if (current === undefined) return null;
  // Plain functions (lib/format.ts, lib/time.ts) format in this locale too, from this render on.
  setWindowLocale(locale, current);
  return (
    <IntlProvider
      locale={locale.format}
      defaultLocale={DEFAULT_LOCALE}
      messages={current}
      // A gap falls back to English and fails the catalog test; nothing to say at run time.
      onError={() => undefined}
    >
      <FormatContext.Provider value={format}>{children}</FormatContext.Provider>
    </IntlProvider>
  );
}

let english: ReturnType<typeof messagesWith> | undefined;
/** English, for a component rendered outside a KeelIntl; made on first use. */
const englishT = (id: MessageId, values?: MessageValues) =>
  (english ??= messagesWith(ENGLISH, ENGLISH_CATALOG)).t(id, values);

/**
 * `t(id, values)` for a component: the catalog's message for an id the compiler checks. Outside
 * a `KeelIntl` (a component rendered alone in a test) it speaks English.
 */
export function useMessages(): (id: MessageId, values?: MessageValues) => string {
  const intl = useContext(IntlContext) as IntlShape | null;
  return intl ? (id, values) => intl.formatMessage({ id }, values) : englishT;
}

/** The window's formatters (dates, times, numbers, durations, lists, first weekday). */
export function useLocaleFormat(): LocaleFormat {
  return useContext(FormatContext);
}
