/**
 * Keel's messages outside React (the CLI, notifications, the tray, exports): FormatJS's
 * `createIntl` over the catalog of a resolved locale. The renderer uses react-intl's
 * `IntlProvider` with the same catalog and locale (src-renderer/app/KeelIntl.tsx).
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { catalogFor, type MessageId } from './catalog';
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
export function intlFor(locale: ResolvedLocale): IntlShape<string> {
  return createIntl(
    {
      locale: locale.format,
      defaultLocale: DEFAULT_LOCALE,
      messages: catalogFor(locale.messages),
      // A message missing from a translation falls back to English (catalogFor fills it) and
      // the catalog test fails; nothing is worth printing at run time.
      onError: () => undefined,
    },
    cache,
  );
}

/** The messages of one resolved locale. */
export function messagesFor(locale: ResolvedLocale): Messages {
  const intl = intlFor(locale);
  return { locale, t: (id, values) => intl.formatMessage({ id }, values) };
}
