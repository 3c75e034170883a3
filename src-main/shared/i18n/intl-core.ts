/**
 * FormatJS over a catalog the caller already holds: main and the CLI pass `catalogFor(locale)`
 * (intl.ts), the window the one catalog it loaded (src-renderer/i18n/catalogs.ts), so the window's
 * bundle carries no language it does not speak.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { Catalog, MessageId } from './catalog';
import { DEFAULT_LOCALE, type ResolvedLocale } from './locale';

const cache = createIntlCache();

/** Values a message may take: text and numbers (dates go through format.ts first). */
export type MessageValues = Record<string, string | number>;

/** A resolved locale's messages: `t('cli.doctor.heading', { version, platform })`. */
export interface Messages {
  readonly locale: ResolvedLocale;
  t(id: MessageId, values?: MessageValues): string;
}

/** The intl FormatJS formats with: the user's own tag (plurals, numbers), the catalog's words. */
export function intlWith(locale: ResolvedLocale, catalog: Catalog): IntlShape<string> {
  return createIntl(
    {
      locale: locale.format,
      defaultLocale: DEFAULT_LOCALE,
      messages: catalog,
      // A message missing from a translation falls back to English (the catalog is merged over
      // the English one) and the catalog test fails; nothing is worth printing at run time.
      onError: () => undefined,
    },
    cache,
  );
}

/** The messages of one resolved locale from its catalog. */
export function messagesWith(locale: ResolvedLocale, catalog: Catalog): Messages {
  const intl = intlWith(locale, catalog);
  return { locale, t: (id, values) => intl.formatMessage({ id }, values) };
}
