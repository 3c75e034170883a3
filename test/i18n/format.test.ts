import { describe, expect, it } from 'vitest';
import { createLocaleFormat, firstDayOfWeek, tableFirstDay } from '../../src-main/shared/i18n/format';
import { resolveLocale } from '../../src-main/shared/i18n/locale';

/** ICU versions differ in which space they put in "5:30 PM" or "17 – 30" (U+202F, U+2009, U+00A0). */
const spaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

const FIVE_THIRTY_PM_UTC = Date.UTC(2026, 11, 1, 17, 30);
const NINE_OH_FIVE_UTC = Date.UTC(2026, 11, 1, 9, 5);

/** What each locale says, as CLDR has it. */
const EXPECTED = {
  'en-US': {
    day: 'Tuesday, December 1',
    range: 'November 17 – 30, 2026',
    across: 'November 28 – December 4, 2026',
    time: '5:30 PM',
    berlin: '10:05 AM',
    number: '12,345.5',
    duration: '1 hr, 25 min',
    list: 'Focus, Sign-off, and Check-ins',
    firstDay: 7,
  },
  'en-GB': {
    day: 'Tuesday 1 December',
    range: '17 – 30 November 2026',
    across: '28 November – 4 December 2026',
    time: '17:30',
    berlin: '10:05',
    number: '12,345.5',
    duration: '1 hr, 25 mins',
    list: 'Focus, Sign-off and Check-ins',
    firstDay: 1,
  },
  'de-DE': {
    day: 'Dienstag, 1. Dezember',
    range: '17.–30. November 2026',
    across: '28. November – 4. Dezember 2026',
    time: '17:30',
    berlin: '10:05',
    number: '12.345,5',
    duration: '1 Std., 25 Min.',
    list: 'Focus, Sign-off und Check-ins',
    firstDay: 1,
  },
  fr: {
    day: 'mardi 1 décembre',
    range: '17–30 novembre 2026',
    across: '28 novembre – 4 décembre 2026',
    time: '17:30',
    berlin: '10:05',
    number: '12 345,5',
    duration: '1 h et 25 min',
    list: 'Focus, Sign-off et Check-ins',
    firstDay: 1,
  },
  es: {
    day: 'martes, 1 de diciembre',
    range: '17–30 de noviembre de 2026',
    across: '28 de noviembre – 4 de diciembre de 2026',
    time: '17:30',
    berlin: '10:05',
    number: '12.345,5',
    duration: '1 h y 25 min',
    list: 'Focus, Sign-off y Check-ins',
    firstDay: 1,
  },
  'pt-BR': {
    day: 'terça-feira, 1 de dezembro',
    range: '17 – 30 de novembro de 2026',
    across: '28 de novembro – 4 de dezembro de 2026',
    time: '17:30',
    berlin: '10:05',
    number: '12.345,5',
    duration: '1 h e 25 min',
    list: 'Focus, Sign-off e Check-ins',
    firstDay: 7,
  },
} as const;

describe.each(Object.entries(EXPECTED))('formatting in %s', (tag, expected) => {
  const format = createLocaleFormat({ format: tag });

  it('writes a day with its weekday, and a range as the locale does', () => {
    expect(spaces(format.day('2026-12-01'))).toBe(expected.day);
    expect(spaces(format.dayRange('2026-11-17', '2026-11-30'))).toBe(expected.range);
    expect(spaces(format.dayRange('2026-11-28', '2026-12-04'))).toBe(expected.across);
  });

  it("writes times in the locale's hour cycle, in the given zone", () => {
    expect(spaces(format.time(FIVE_THIRTY_PM_UTC, 'UTC'))).toBe(expected.time);
    expect(spaces(format.time(NINE_OH_FIVE_UTC, 'Europe/Berlin'))).toBe(expected.berlin);
  });

  it('writes numbers, durations and lists', () => {
    expect(spaces(format.number(12345.5))).toBe(expected.number);
    expect(spaces(format.duration(85))).toBe(expected.duration);
    expect(format.list(['Focus', 'Sign-off', 'Check-ins'])).toBe(expected.list);
  });

  it('knows the first day of the week', () => {
    expect(format.firstDayOfWeek).toBe(expected.firstDay);
  });
});

describe('createLocaleFormat', () => {
  it('keeps a calendar day on its day whatever the zone', () => {
    const format = createLocaleFormat({ format: 'en-GB' });
    expect(spaces(format.day('2026-01-01', { year: true }))).toBe('Thursday, 1 January 2026');
    expect(spaces(format.day('2026-12-31', { weekday: false }))).toBe('31 December');
  });

  it('lets the OS clock override the language: en-US in 24 hours, German in 12', () => {
    const us = createLocaleFormat(resolveLocale({ preferred: ['en-US'], regional: 'en-GB' }));
    expect(spaces(us.time(FIVE_THIRTY_PM_UTC, 'UTC'))).toBe('17:30');
    const de = createLocaleFormat(resolveLocale({ preferred: ['de-DE'], regional: 'en-US' }));
    expect(spaces(de.time(FIVE_THIRTY_PM_UTC, 'UTC'))).toMatch(/^5:30 PM$/i);
  });

  it('writes durations from whole minutes: hours alone, minutes alone, nothing as zero', () => {
    const format = createLocaleFormat({ format: 'en-US' });
    expect(format.duration(120)).toBe('2 hr');
    expect(format.duration(25)).toBe('25 min');
    expect(format.duration(0)).toBe('0 min');
    expect(format.duration(-5)).toBe('0 min');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => createLocaleFormat({ format: 'en-US' }).day('1 Dec')).toThrow(RangeError);
  });
});

describe('the first day of the week', () => {
  // The runtime's CLDR is the oracle: a Node whose week data moved (the UAE went to Monday weeks
  // in 2022) fails here until the table follows.
  it("the fallback table agrees with the runtime's week data for every region", () => {
    const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    const regions = letters
      .flatMap((a) => letters.map((b) => a + b))
      .filter((region) => !['BU', 'RH', 'YD'].includes(region) && names.of(region) !== undefined);
    expect(regions.length).toBeGreaterThan(240);
    for (const region of regions) {
      const tag = `und-${region}`;
      expect({ region, day: tableFirstDay(tag) }).toEqual({ region, day: firstDayOfWeek(tag) });
    }
  });

  it('reads a region from a bare language (en → US, pt → BR)', () => {
    expect(tableFirstDay('en')).toBe(7);
    expect(tableFirstDay('pt')).toBe(7);
    expect(tableFirstDay('de')).toBe(1);
  });
});
