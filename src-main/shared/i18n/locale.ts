/**
 * Which language Keel speaks and which conventions it formats with: one pure function, fed by
 * whatever the caller knows (a choice in Settings or `--locale`, the OS's preferred languages,
 * the CLI's environment). No Electron and no `process` here: main passes
 * `app.getPreferredSystemLanguages()` in, the CLI passes `process.env` through `envLanguages`.
 *
 * Decisions (docs/decisions/0011-languages.md):
 * - The catalogs are en-US, en-GB, de, fr, es, pt-BR, and the pseudo-locale en-XA (tests only;
 *   matched only when asked for by name).
 * - A region of a supported language takes that language's catalog (de-AT, de-CH → de; fr-CA →
 *   fr; es-MX → es) but keeps its own formatting (de-AT writes "Jänner"; es-MX its own times).
 * - English: the US and the territories CLDR gives US conventions take en-US; every other region
 *   (en-IN, en-IE, en-AU, en-CA …) takes en-GB, the "international English" CLDR's en-001 is.
 * - Portuguese of any region (pt-PT too) takes pt-BR: the one Portuguese catalog reads better than
 *   English to a reader in Lisbon, and dates still follow pt-PT.
 * - Nothing matched, or C/POSIX: en-US, formatted as en-US.
 */

export const SUPPORTED_LOCALES = ['en-US', 'en-GB', 'de', 'fr', 'es', 'pt-BR', 'en-XA'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** The locales a user can choose (the pseudo-locale is for tests and is left out). */
export const USER_LOCALES = SUPPORTED_LOCALES.filter((l) => l !== 'en-XA');

export const DEFAULT_LOCALE: SupportedLocale = 'en-US';

/** The pseudo-locale: en-US's messages accented, lengthened and bracketed. */
export const PSEUDO_LOCALE: SupportedLocale = 'en-XA';

/** English regions that follow US conventions (CLDR's `en` rather than `en-001`). */
const US_ENGLISH_REGIONS = new Set(['US', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI']);

/** What a locale resolves to: the catalog to speak from and the tag to format with. */
export interface ResolvedLocale {
  /** The message catalog. */
  messages: SupportedLocale;
  /** The BCP 47 tag `Intl` formats with: the user's own region where it shares the language. */
  format: string;
  /**
   * The hour cycle of the OS's regional format when it is known and differs from `format`'s own
   * (LANG=en_US with LC_TIME=en_GB, or a 24-hour clock chosen in the OS); undefined otherwise.
   */
  hourCycle?: 'h12' | 'h23';
}

/** What the caller knows, most binding first. */
export interface LocaleSources {
  /** A choice made in Settings or with `--locale` (null or empty: none). */
  choice?: string | null;
  /** The OS's preferred languages, most preferred first (Electron's list, or `envLanguages`). */
  preferred?: readonly string[];
  /** The OS's regional format (Electron's `app.getSystemLocale()`, or `LC_TIME`), for the clock. */
  regional?: string | null;
}

/** `de_DE.UTF-8` → `de-DE`, `sr_RS@latin` → `sr-RS`; `C`, `POSIX` and empty → null. */
export function posixToBcp47(value: string | undefined | null): string | null {
  if (!value) return null;
  const bare = value.split('.')[0]?.split('@')[0]?.trim() ?? '';
  if (bare === '' || bare === 'C' || bare === 'POSIX') return null;
  return canonical(bare.replace(/_/g, '-'));
}

/**
 * The CLI's preferred languages from its environment: the first of LC_ALL, LC_MESSAGES and LANG
 * that is set (POSIX precedence). `C`/`POSIX` means English, so it yields en-US rather than
 * nothing (which would let nothing else win either).
 */
export function envLanguages(env: Readonly<Record<string, string | undefined>>): string[] {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    return [posixToBcp47(value) ?? DEFAULT_LOCALE];
  }
  return [];
}

/** The regional format in the CLI's environment: LC_ALL, then LC_TIME, then LANG. */
export function envRegional(env: Readonly<Record<string, string | undefined>>): string | null {
  for (const name of ['LC_ALL', 'LC_TIME', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return posixToBcp47(value);
  }
  return null;
}

/** A tag in `Intl`'s canonical form, or null when it is not a well-formed BCP 47 tag. */
function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The supported catalog for one tag, or null when Keel does not speak its language. */
export function matchLocale(tag: string): SupportedLocale | null {
  const tagged = canonical(tag.replace(/_/g, '-'));
  if (tagged === null) return null;
  if (tagged === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  const locale = new Intl.Locale(tagged);
  switch (locale.language) {
    case 'en': {
      const region = locale.region ?? locale.maximize().region ?? 'US';
      return US_ENGLISH_REGIONS.has(region) ? 'en-US' : 'en-GB';
    }
    case 'de':
    case 'fr':
    case 'es':
      return locale.language;
    case 'pt':
      return 'pt-BR';
    default:
      return null;
  }
}

/** The tag to format with for a matched tag: the user's own, except for the pseudo-locale. */
function formatTag(tag: string, messages: SupportedLocale): string {
  if (messages === PSEUDO_LOCALE) return DEFAULT_LOCALE;
  return canonical(tag.replace(/_/g, '-')) ?? messages;
}

/** Intl's default hour cycle for a tag, as h12 or h23 (h11 and h24 folded in). */
export function defaultHourCycle(tag: string): 'h12' | 'h23' {
  const cycle = new Intl.DateTimeFormat(tag, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

/**
 * The locale Keel uses: the choice when Keel speaks it, else the first preferred language it
 * speaks, else en-US. The clock follows the regional format when that differs.
 */
export function resolveLocale(sources: LocaleSources): ResolvedLocale {
  const candidates = [...(sources.choice ? [sources.choice] : []), ...(sources.preferred ?? [])];
  let resolved: ResolvedLocale = { messages: DEFAULT_LOCALE, format: DEFAULT_LOCALE };
  for (const tag of candidates) {
    const messages = matchLocale(tag);
    if (messages === null) continue;
    resolved = { messages, format: formatTag(tag, messages) };
    break;
  }
  const regional = sources.regional ? canonical(sources.regional.replace(/_/g, '-')) : null;
  if (regional === null) return resolved;
  const cycle = defaultHourCycle(regional);
  return cycle === defaultHourCycle(resolved.format) ? resolved : { ...resolved, hourCycle: cycle };
}
