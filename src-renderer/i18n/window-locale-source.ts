/**
 * Where the window's locale comes from, with nothing else loaded: the locale main put in the
 * window's URL, or — in the preview, opened without one — the browser's own languages, resolved by
 * the same rules as main's. Small on purpose: main.tsx's first reads use it before React loads.
 */
import { resolveLocale, type ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { localeFromSearch } from '../../src-main/shared/i18n/locale-url';

/** The locale of this window: the URL's, else the browser's preferred languages. */
export function windowLocale(
  search: string = window.location.search,
  languages: readonly string[] = navigator.languages,
): ResolvedLocale {
  return localeFromSearch(search) ?? resolveLocale({ preferred: languages });
}

/**
 * The language main writes a resolved locale's texts in (Today's recap, the weekly update): its
 * format tag ("de-DE", "en-GB"), or the pseudo-locale itself.
 */
export function exportLocaleOf(resolved: ResolvedLocale): string {
  return resolved.messages === 'en-XA' ? 'en-XA' : resolved.format;
}
