import { describe, expect, it } from 'vitest';
import {
  envLanguages,
  envRegional,
  matchLocale,
  posixToBcp47,
  resolveLocale,
  USER_LOCALES,
} from '../../src-main/shared/i18n/locale';
import { LANGUAGE_CHOICES, settingSchemas } from '../../src-main/core/settings';

describe('the language setting', () => {
  it('offers the system and exactly the languages Keel speaks (not the pseudo-locale)', () => {
    expect(LANGUAGE_CHOICES).toEqual(['system', ...USER_LOCALES]);
  });

  it('refuses a language Keel does not speak, and the pseudo-locale', () => {
    expect(settingSchemas.language.safeParse('de').success).toBe(true);
    expect(settingSchemas.language.safeParse('it').success).toBe(false);
    expect(settingSchemas.language.safeParse('en-XA').success).toBe(false);
  });

  it('a chosen language wins over the OS', () => {
    expect(resolveLocale({ choice: 'de', preferred: ['fr-FR'] }).messages).toBe('de');
  });
});

describe('posixToBcp47', () => {
  it.each([
    ['de_DE.UTF-8', 'de-DE'],
    ['en_GB.utf8', 'en-GB'],
    ['pt_BR', 'pt-BR'],
    ['sr_RS@latin', 'sr-RS'],
    ['fr', 'fr'],
  ])('%s → %s', (posix, tag) => {
    expect(posixToBcp47(posix)).toBe(tag);
  });

  it.each(['C', 'POSIX', 'C.UTF-8', '', undefined])('%s is no language', (value) => {
    expect(posixToBcp47(value)).toBeNull();
  });
});

describe('envLanguages', () => {
  it('takes LC_ALL over LC_MESSAGES over LANG', () => {
    const env = { LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'de_DE.UTF-8', LANG: 'es_ES.UTF-8' };
    expect(envLanguages(env)).toEqual(['fr-FR']);
    expect(envLanguages({ ...env, LC_ALL: '' })).toEqual(['de-DE']);
    expect(envLanguages({ LANG: 'es_ES.UTF-8' })).toEqual(['es-ES']);
  });

  it('reads C and POSIX as English, and nothing set as no preference', () => {
    expect(envLanguages({ LC_ALL: 'C', LANG: 'de_DE.UTF-8' })).toEqual(['en-US']);
    expect(envLanguages({ LANG: 'POSIX' })).toEqual(['en-US']);
    expect(envLanguages({})).toEqual([]);
  });

  it('finds the regional format in LC_ALL, then LC_TIME, then LANG', () => {
    expect(envRegional({ LANG: 'en_US.UTF-8', LC_TIME: 'en_GB.UTF-8' })).toBe('en-GB');
    expect(envRegional({ LC_ALL: 'de_DE', LC_TIME: 'en_US' })).toBe('de-DE');
    expect(envRegional({})).toBeNull();
  });
});

describe('matchLocale', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en', 'en-US'],
    ['en-PR', 'en-US'],
    ['en-GB', 'en-GB'],
    ['en-IN', 'en-GB'],
    ['en-AU', 'en-GB'],
    ['en-IE', 'en-GB'],
    ['de', 'de'],
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['fr-CA', 'fr'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['en-XA', 'en-XA'],
    ['de_DE', 'de'],
  ])('%s → %s', (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });

  it.each(['ja-JP', 'zh-Hans', 'not a tag', ''])('%s is not spoken', (tag) => {
    expect(matchLocale(tag)).toBeNull();
  });
});

describe('resolveLocale', () => {
  it('follows the first preferred language Keel speaks, formatting with its region', () => {
    expect(resolveLocale({ preferred: ['ja-JP', 'de-AT', 'fr-FR'] })).toEqual({
      messages: 'de',
      format: 'de-AT',
    });
    expect(resolveLocale({ preferred: ['en-IN'] })).toEqual({ messages: 'en-GB', format: 'en-IN' });
  });

  it('lets a choice override the OS, and ignores a choice it does not speak', () => {
    expect(resolveLocale({ choice: 'fr', preferred: ['de-DE'] })).toEqual({ messages: 'fr', format: 'fr' });
    expect(resolveLocale({ choice: 'ja', preferred: ['de-DE'] })).toEqual({
      messages: 'de',
      format: 'de-DE',
    });
    expect(resolveLocale({ choice: '', preferred: ['es-ES'] }).messages).toBe('es');
  });

  it('falls back to en-US when nothing matches or nothing is known', () => {
    expect(resolveLocale({ preferred: ['ja-JP', 'ko'] })).toEqual({ messages: 'en-US', format: 'en-US' });
    expect(resolveLocale({})).toEqual({ messages: 'en-US', format: 'en-US' });
  });

  it('formats the pseudo-locale as en-US', () => {
    expect(resolveLocale({ choice: 'en-XA' })).toEqual({ messages: 'en-XA', format: 'en-US' });
  });

  it('takes the clock from the regional format when it differs from the language', () => {
    expect(resolveLocale({ preferred: ['en-US'], regional: 'en-GB' })).toEqual({
      messages: 'en-US',
      format: 'en-US',
      hourCycle: 'h23',
    });
    expect(resolveLocale({ preferred: ['de-DE'], regional: 'en-US' }).hourCycle).toBe('h12');
    expect(resolveLocale({ preferred: ['en-US'], regional: 'en-US' })).not.toHaveProperty('hourCycle');
  });

  it('resolves a CLI environment end to end', () => {
    const env = { LANG: 'de_DE.UTF-8' };
    expect(resolveLocale({ preferred: envLanguages(env), regional: envRegional(env) })).toEqual({
      messages: 'de',
      format: 'de-DE',
    });
  });
});

describe('language names', () => {
  it('names each language in itself, from CLDR, for the language menu', async () => {
    const { languageChoices, languageName } = await import('../../src-main/shared/i18n/language-names');
    expect(languageChoices().map((c) => c.name)).toEqual([
      'English (United States)',
      'English (United Kingdom)',
      'Deutsch',
      'Français',
      'Español',
      'Português (Brasil)',
    ]);
    expect(languageName('de', 'fr')).toBe('Allemand');
  });
});
