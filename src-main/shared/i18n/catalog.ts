/**
 * Keel's message catalogs: ICU MessageFormat strings keyed by id, one JSON file per locale in
 * messages/. en-US is the source every other catalog translates (test/i18n/catalogs.test.ts
 * holds each to every key, every placeholder and its language's plural forms); en-GB overrides
 * only what British English says differently; en-XA is generated from en-US (pseudo.ts).
 */
import de from './messages/de.json';
import enGB from './messages/en-GB.json';
import enUS from './messages/en-US.json';
import es from './messages/es.json';
import fr from './messages/fr.json';
import ptBR from './messages/pt-BR.json';
import type { SupportedLocale } from './locale';
import { pseudoCatalog } from './pseudo';

/** Every message id (the English source's keys). */
export type MessageId = keyof typeof enUS;

export type Catalog = Readonly<Record<MessageId, string>>;

/** The English source. */
export const SOURCE_CATALOG: Catalog = enUS;

/** The stored translations, as written (en-GB partial: it reads en-US underneath). */
export const STORED_CATALOGS: Readonly<Record<Exclude<SupportedLocale, 'en-XA'>, Partial<Catalog>>> = {
  'en-US': enUS,
  'en-GB': enGB,
  de,
  fr,
  es,
  'pt-BR': ptBR,
};

let pseudo: Catalog | undefined;

/** The messages of one locale; en-XA is built from en-US on first use. */
export function catalogFor(locale: SupportedLocale): Catalog {
  if (locale === 'en-XA') {
    pseudo ??= pseudoCatalog(SOURCE_CATALOG);
    return pseudo;
  }
  if (locale === 'en-GB') return { ...SOURCE_CATALOG, ...STORED_CATALOGS['en-GB'] };
  // The catalog test holds each translation to every key; the source fills a gap meanwhile.
  return { ...SOURCE_CATALOG, ...STORED_CATALOGS[locale] };
}
