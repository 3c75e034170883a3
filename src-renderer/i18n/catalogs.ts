/**
 * The window's catalogs: English (the source) in the first chunk, every other language in a chunk
 * of its own loaded only when the window speaks it (bundles/<locale>.ts), and the pseudo-locale
 * generated from English on demand (with the ICU parser it needs). Main and the CLI hold every
 * catalog at once (src-main/shared/i18n/catalog.ts); both read the same JSON files.
 */
import type { Catalog } from '../../src-main/shared/i18n/catalog';
import type { SupportedLocale } from '../../src-main/shared/i18n/locale';

/**
 * What main and the CLI say themselves (notifications, refusals, the terminal) is never shown by
 * the window's own code: those namespaces stay out of its bundle.
 */
const englishFiles = import.meta.glob<Partial<Catalog>>(
  [
    '../../src-main/shared/i18n/messages/*/en-US.json',
    '!../../src-main/shared/i18n/messages/{notify,main,cli}/*',
  ],
  { eager: true, import: 'default' },
);

/** The English source: every namespace the window speaks. */
export const ENGLISH_CATALOG = Object.assign({}, ...Object.values(englishFiles)) as Catalog;

const STORED: Record<
  Exclude<SupportedLocale, 'en-US' | 'en-XA'>,
  () => Promise<{ default: Partial<Catalog> }>
> = {
  'en-GB': () => import('./bundles/en-GB'),
  de: () => import('./bundles/de'),
  fr: () => import('./bundles/fr'),
  es: () => import('./bundles/es'),
  'pt-BR': () => import('./bundles/pt-BR'),
};

const loaded = new Map<SupportedLocale, Catalog>([['en-US', ENGLISH_CATALOG]]);

/** The catalog already loaded for a locale, if any (English always is). */
export function loadedCatalog(locale: SupportedLocale): Catalog | undefined {
  return loaded.get(locale);
}

/** A locale's catalog over English (a gap shows English; the catalog test fails on any gap). */
export async function loadCatalog(locale: SupportedLocale): Promise<Catalog> {
  const held = loaded.get(locale);
  if (held) return held;
  let catalog: Catalog;
  if (locale === 'en-XA') {
    const { pseudoCatalog } = await import('../../src-main/shared/i18n/pseudo');
    catalog = pseudoCatalog(ENGLISH_CATALOG);
  } else {
    const stored = await STORED[locale as keyof typeof STORED]();
    catalog = { ...ENGLISH_CATALOG, ...stored.default };
  }
  loaded.set(locale, catalog);
  return catalog;
}
