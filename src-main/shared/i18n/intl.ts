/**
 * Keel's messages outside the window (the CLI, notifications, the tray, exports): FormatJS over
 * the catalog of a resolved locale, every language at hand. The window loads only its own
 * catalog (src-renderer/i18n/catalogs.ts) and uses intl-core.ts directly.
 */
import type { IntlShape } from '@formatjs/intl';
import { catalogFor } from './catalog';
import { intlWith, messagesWith, type Messages } from './intl-core';
import type { ResolvedLocale } from './locale';

export type { Messages, MessageValues } from './intl-core';

/** The intl FormatJS formats with: the user's own tag (plurals, numbers), the catalog's words. */
export function intlFor(locale: ResolvedLocale): IntlShape<string> {
  return intlWith(locale, catalogFor(locale.messages));
}

/** The messages of one resolved locale. */
export function messagesFor(locale: ResolvedLocale): Messages {
  return messagesWith(locale, catalogFor(locale.messages));
}
