import { describe, expect, it } from 'vitest';
import { catalogFor, NAMESPACES, SOURCE_CATALOG, STORED_CATALOGS } from '../../src-main/shared/i18n/catalog';
import { SUPPORTED_LOCALES } from '../../src-main/shared/i18n/locale';
import { pseudoMessage, PSEUDO_GROWTH } from '../../src-main/shared/i18n/pseudo';
import { catalogProblems } from './catalog-check';

describe('the catalogs', () => {
  it.each(['de', 'fr', 'es', 'pt-BR'] as const)(
    '%s has every key, parses, keeps every placeholder and its plural forms',
    (locale) => {
      expect(catalogProblems(locale, SOURCE_CATALOG, STORED_CATALOGS[locale])).toEqual([]);
    },
  );

  it('en-US, en-GB (over en-US) and the pseudo-locale are whole and sound', () => {
    expect(catalogProblems('en-US', SOURCE_CATALOG, SOURCE_CATALOG)).toEqual([]);
    expect(catalogProblems('en-GB', SOURCE_CATALOG, catalogFor('en-GB'))).toEqual([]);
    expect(catalogProblems('en', SOURCE_CATALOG, catalogFor('en-XA'))).toEqual([]);
    for (const id of Object.keys(STORED_CATALOGS['en-GB'])) expect(SOURCE_CATALOG).toHaveProperty(id);
  });

  it.each(Object.entries(NAMESPACES))(
    'namespace %s: every key starts with its name, in every locale, and is in its English file',
    (name, namespace) => {
      const english = Object.keys(namespace['en-US']);
      for (const [locale, messages] of Object.entries(namespace)) {
        for (const id of Object.keys(messages)) {
          expect(id.startsWith(`${name}.`), `${locale}: ${id}`).toBe(true);
          expect(english, `${locale}: ${id}`).toContain(id);
        }
      }
    },
  );

  it('registers every namespace folder (the window globs the folders, main imports the list)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = path.resolve(__dirname, '../../src-main/shared/i18n/messages');
    const folders = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort()).toEqual(Object.keys(NAMESPACES).sort());
  });

  it('has a catalog for every supported locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      expect(Object.keys(catalogFor(locale)).sort()).toEqual(Object.keys(SOURCE_CATALOG).sort());
    }
  });
});

describe('catalogProblems', () => {
  const source = {
    greeting: 'Hello {name}',
    points: '{count, plural, one {# point} other {# points}}',
  };

  it('finds a missing key, an extra key and a message that does not parse', () => {
    expect(catalogProblems('de', source, { greeting: 'Hallo {name', extra: 'x' })).toEqual([
      'points: missing',
      'extra: not in the source',
      expect.stringMatching(/^greeting: does not parse/),
    ]);
  });

  it('finds a dropped or an invented placeholder', () => {
    expect(
      catalogProblems('de', source, {
        greeting: 'Hallo {person}',
        points: '{count, plural, one {#} other {#}}',
      }),
    ).toEqual(['greeting: drops {name}', 'greeting: adds {person}']);
  });

  it("holds a plural to its language's categories: French needs many, German does not", () => {
    const german = { greeting: 'Hallo {name}', points: '{count, plural, one {# Punkt} other {# Punkte}}' };
    expect(catalogProblems('de', source, german)).toEqual([]);
    const french = { greeting: 'Bonjour {name}', points: '{count, plural, one {# point} other {# points}}' };
    expect(catalogProblems('fr', source, french)).toEqual(['points: {count} lacks many']);
    const germanOne = { greeting: 'Hallo {name}', points: '{count, plural, other {# Punkte}}' };
    expect(catalogProblems('de', source, germanOne)).toEqual(['points: {count} lacks one']);
  });
});

describe('the pseudo-locale', () => {
  it('brackets, accents and lengthens each message by about 35 %', () => {
    const english = 'Everything stays on this computer.';
    const pseudo = pseudoMessage(english);
    expect(pseudo.startsWith('[') && pseudo.endsWith(']')).toBe(true);
    expect(pseudo).not.toMatch(/[a-z]{2}/i);
    const grown = pseudo.length - 2 - english.length;
    expect(grown).toBe(Math.round(english.replace(/\s/g, '').length * PSEUDO_GROWTH));
  });

  it('keeps placeholders, plural branches and the pound sign', () => {
    const pseudo = pseudoMessage('{count, plural, one {# point on {day}} other {# points on {day}}}');
    expect(
      catalogProblems('en', { m: '{count, plural, one {#{day}} other {#{day}}}' }, { m: pseudo }),
    ).toEqual([]);
    expect(pseudo).toMatch(/one\{# þóó/);
  });

  it('is built from the English catalog, key for key', () => {
    const pseudo = catalogFor('en-XA');
    expect(pseudo['app.nav.today']).toBe(pseudoMessage(SOURCE_CATALOG['app.nav.today']));
  });
});
