/**
 * What each language Keel speaks is called, for a language menu: in its own language by default
 * ("English (United States)", "Deutsch", "Português (Brasil)"), as the OS's language settings list them, or in
 * another (`in`), from `Intl.DisplayNames` (CLDR), so no name is written by hand.
 */
import { USER_LOCALES, type SupportedLocale } from './locale';

/** A user-facing language (not the pseudo-locale). */
export type UserLocale = Exclude<SupportedLocale, 'en-XA'>;

/** The name of `locale`, in `locale` itself unless `inLocale` is given; first letter capital. */
export function languageName(locale: UserLocale, inLocale: string = locale): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([inLocale], { type: 'language', languageDisplay: 'standard' }).of(locale);
  } catch {
    name = undefined;
  }
  const text = name ?? locale;
  const [first = '', ...rest] = Array.from(text);
  return first.toLocaleUpperCase(inLocale) + rest.join('');
}

/** Every language Keel speaks with its own name, in the order the menu lists them. */
export function languageChoices(): { locale: UserLocale; name: string }[] {
  return (USER_LOCALES as readonly UserLocale[]).map((locale) => ({ locale, name: languageName(locale) }));
}
