/**
 * How main tells the window its locale: in the query of the URL it loads
 * (`index.html?locale=de&format=de-AT&hourCycle=h12`, built by electron/app-protocol.ts), so the
 * window knows it before React's first render with no IPC round trip on the start-up path
 * (docs/decisions/0011-languages.md). The window trusts nothing in it: each part is checked, and
 * a bad one is dropped.
 */
import { matchLocale, SUPPORTED_LOCALES, type ResolvedLocale, type SupportedLocale } from './locale';

/** The query main appends to the window's entry URL. */
export function localeSearch(resolved: ResolvedLocale): string {
  const params = new URLSearchParams({ locale: resolved.messages, format: resolved.format });
  if (resolved.hourCycle) params.set('hourCycle', resolved.hourCycle);
  return `?${params.toString()}`;
}

/** The locale in a URL's query, or null when it names none Keel speaks. */
export function localeFromSearch(search: string): ResolvedLocale | null {
  const params = new URLSearchParams(search);
  const messages = params.get('locale');
  if (messages === null || !(SUPPORTED_LOCALES as readonly string[]).includes(messages)) return null;
  const locale = messages as SupportedLocale;
  const given = params.get('format');
  // The formatting tag must speak the catalog's language (de-AT for de), or it is the catalog's.
  const format = given !== null && matchLocale(given) === locale ? canonical(given) : null;
  const cycle = params.get('hourCycle');
  return {
    messages: locale,
    format: format ?? (locale === 'en-XA' ? 'en-US' : locale),
    ...(cycle === 'h12' || cycle === 'h23' ? { hourCycle: cycle } : {}),
  };
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}
