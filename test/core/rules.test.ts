import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATED_KEYS,
  fixedRules,
  isDatedKey,
  RuleBook,
  SINCE_THE_BEGINNING,
  type RuleChange,
} from '../../src-main/core/rules';
import { defaultSettings } from '../../src-main/core/settings';
import { addLocalDays } from '../../src-main/core/time';
import type { WorkingHours } from '../../src-main/core/working-hours';
import { propertyRuns } from '../support/thorough';

const base = { ...defaultSettings('Europe/Berlin'), theme: 'dark' as const };
const late = { start: '11:00', end: '19:30' };
const lateHours: WorkingHours = { ...base.workingHours, mon: late, tue: late };
const shortHours: WorkingHours = { ...base.workingHours, fri: { start: '09:00', end: '13:00' } };

describe('RuleBook.on', () => {
  it('gives Keel’s default for a key before its first change', () => {
    const book = new RuleBook(base, [{ key: 'workingHours', from: '2027-03-15', value: lateHours }]);
    expect(book.on('2027-03-14').workingHours).toEqual(base.workingHours);
    expect(book.on('1970-01-01').workingHours).toEqual(base.workingHours);
    expect(book.on('2027-03-14')).toEqual(base);
  });

  it('puts a change in force on its date and until the next change of the same key', () => {
    const book = new RuleBook(base, [
      { key: 'workingHours', from: '2027-03-15', value: lateHours },
      { key: 'workingHours', from: '2027-04-01', value: shortHours },
      { key: 'holidays', from: '2027-03-20', value: [{ from: '2027-03-25', to: '2027-03-26' }] },
    ]);
    expect(book.on('2027-03-15').workingHours).toEqual(lateHours);
    expect(book.on('2027-03-31').workingHours).toEqual(lateHours);
    expect(book.on('2027-04-01').workingHours).toEqual(shortHours);
    expect(book.on('2099-12-31').workingHours).toEqual(shortHours);
    // Each key keeps its own history: the holidays change leaves the hours alone, and back.
    expect(book.on('2027-03-19').holidays).toEqual([]);
    expect(book.on('2027-03-20')).toEqual({
      ...base,
      workingHours: lateHours,
      holidays: [{ from: '2027-03-25', to: '2027-03-26' }],
    });
  });

  it('reads changes given in any order', () => {
    const changes: RuleChange[] = [
      { key: 'workingHours', from: '2027-04-01', value: shortHours },
      { key: 'workingHours', from: '2027-03-15', value: lateHours },
    ];
    const book = new RuleBook(base, changes);
    expect(book.on('2027-03-20').workingHours).toEqual(lateHours);
    expect(book.on('2027-04-02').workingHours).toEqual(shortHours);
    expect(book.changesOf('workingHours').map((c) => c.from)).toEqual(['2027-03-15', '2027-04-01']);
  });

  it('keeps a value in force since the beginning on every date', () => {
    const book = new RuleBook(base, [
      { key: 'zone', from: SINCE_THE_BEGINNING, value: 'Asia/Tokyo' },
      { key: 'zone', from: '2027-03-15', value: 'America/New_York' },
    ]);
    expect(book.on('0001-01-01').zone).toBe('Asia/Tokyo');
    expect(book.on('2027-03-14').zone).toBe('Asia/Tokyo');
    expect(book.on('2027-03-15').zone).toBe('America/New_York');
  });

  it('ignores changes whose value, key or date does not validate', () => {
    const changes = [
      { key: 'workingHours', from: '2027-03-01', value: { mon: 'all day' } },
      { key: 'zone', from: '2027-03-01', value: 'Mars/Olympus_Mons' },
      { key: 'focusPlan', from: '2027-03-01', value: [{ weekday: 'mon', start: '11:00', end: '09:00' }] },
      { key: 'dayBoundary', from: '2027-02-30', value: '05:00' },
      { key: 'dayBoundary', from: 'yesterday', value: '05:00' },
      // Undated keys are never dated rules, whatever is stored.
      { key: 'theme', from: '2027-03-01', value: 'light' },
      { key: 'workingHours', from: '2027-03-10', value: lateHours },
    ] as unknown as RuleChange[];
    const book = new RuleBook(base, changes);
    expect(book.on('2027-03-05')).toEqual(base);
    expect(book.on('2027-03-10')).toEqual({ ...base, workingHours: lateHours });
    expect(book.changes()).toEqual([{ key: 'workingHours', from: '2027-03-10', value: lateHours }]);
  });

  it('keeps the undated settings from its base on every date', () => {
    const book = new RuleBook(base, [{ key: 'dayBoundary', from: '2027-03-15', value: '05:00' }]);
    expect(book.on('2027-03-15').theme).toBe('dark');
    expect(book.on('2027-03-15').signoff).toEqual(base.signoff);
    expect(book.on('2027-03-15').dayBoundary).toBe('05:00');
    expect(book.on('2027-03-14').dayBoundary).toBe(base.dayBoundary);
  });

  it('gives the same object for the same rules in force, and another after a change', () => {
    const book = new RuleBook(base, [
      { key: 'workingHours', from: '2027-03-15', value: lateHours },
      { key: 'focusPauses', from: '2027-03-20', value: [{ from: '2027-04-01', to: '2027-04-02' }] },
    ]);
    const before = book.on('2027-03-01');
    expect(book.on('2027-03-14')).toBe(before);
    expect(book.on('1999-01-01')).toBe(before);
    const hours = book.on('2027-03-15');
    expect(hours).not.toBe(before);
    expect(book.on('2027-03-19')).toBe(hours);
    expect(book.on('2027-03-20')).not.toBe(hours);
    expect(book.on('2030-01-01')).toBe(book.on('2027-03-20'));
    // Still one object per set of rules after many dates have been asked about.
    let date = '2000-01-01';
    for (let i = 0; i < 21_000; i++) date = addLocalDays(date, 1);
    for (let d = '2000-01-01'; d <= date; d = addLocalDays(d, 1)) book.on(d);
    expect(book.on('2027-03-01')).toBe(before);
    expect(book.on('2027-03-16')).toBe(hours);
  });

  it('answers each date as the latest change of each key on or before it (property)', () => {
    const dayArb = fc.integer({ min: 0, max: 60 }).map((d) => addLocalDays('2027-03-01', d));
    const changeArb = fc.oneof(
      fc.record({
        key: fc.constant('dayBoundary' as const),
        from: dayArb,
        value: fc.constantFrom('03:00', '04:00', '05:00', '06:00'),
      }),
      fc.record({
        key: fc.constant('zone' as const),
        from: dayArb,
        value: fc.constantFrom('UTC', 'Asia/Kolkata', 'America/New_York'),
      }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(changeArb, { selector: (c) => `${c.key}|${c.from}`, maxLength: 8 }),
        dayArb,
        (changes, date) => {
          const book = new RuleBook(base, changes);
          const rules = book.on(date);
          for (const key of ['dayBoundary', 'zone'] as const) {
            const inForce = changes
              .filter((c) => c.key === key && c.from <= date)
              .sort((a, b) => (a.from < b.from ? -1 : 1))
              .at(-1);
            expect(rules[key]).toBe(inForce ? inForce.value : base[key]);
          }
          expect(book.zoneFollowsSystemOn(date)).toBe(
            !changes.some((c) => c.key === 'zone' && c.from <= date),
          );
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe('RuleBook.zoneFollowsSystemOn', () => {
  it('is true until the user’s first zone change takes effect', () => {
    const book = new RuleBook(base, [{ key: 'zone', from: '2027-03-15', value: 'Asia/Tokyo' }]);
    expect(book.zoneFollowsSystemOn('2027-03-14')).toBe(true);
    expect(book.zoneFollowsSystemOn('2027-03-15')).toBe(false);
    expect(book.zoneFollowsSystemOn('2030-01-01')).toBe(false);
  });

  it('is true on every date without a zone change, and false on every date with one since the beginning', () => {
    const other = new RuleBook(base, [{ key: 'workingHours', from: '2027-03-15', value: lateHours }]);
    expect(other.zoneFollowsSystemOn('2027-03-20')).toBe(true);
    const always = new RuleBook(base, [{ key: 'zone', from: SINCE_THE_BEGINNING, value: 'UTC' }]);
    expect(always.zoneFollowsSystemOn('0001-01-01')).toBe(false);
  });
});

describe('RuleBook changes', () => {
  const book = new RuleBook(base, [
    { key: 'holidays', from: '2027-05-01', value: [] },
    { key: 'workingHours', from: '2027-04-01', value: shortHours },
    { key: 'workingHours', from: '2027-03-15', value: lateHours },
    { key: 'zone', from: '2027-04-01', value: 'UTC' },
  ]);

  it('lists every change by key, in DATED_KEYS order, then date', () => {
    expect(book.changes().map((c) => `${c.key}@${c.from}`)).toEqual([
      'zone@2027-04-01',
      'workingHours@2027-03-15',
      'workingHours@2027-04-01',
      'holidays@2027-05-01',
    ]);
    expect(book.changesOf('focusPlan')).toEqual([]);
  });

  it('lists the changes after a date, soonest first, ties by key', () => {
    expect(book.changesAfter('2027-03-15').map((c) => `${c.key}@${c.from}`)).toEqual([
      'workingHours@2027-04-01',
      'zone@2027-04-01',
      'holidays@2027-05-01',
    ]);
    expect(book.changesAfter('2027-05-01')).toEqual([]);
  });
});

describe('dated keys and fixedRules', () => {
  it('dates exactly the keys that decide a day’s figures', () => {
    expect([...DATED_KEYS].sort()).toEqual(
      [
        'checkins',
        'dayBoundary',
        'focusPauses',
        'focusPlan',
        'holidays',
        'oneOnOne',
        'workingHours',
        'zone',
      ].sort(),
    );
    expect(isDatedKey('zone')).toBe(true);
    expect(isDatedKey('theme')).toBe(false);
    expect(isDatedKey('toString')).toBe(false);
  });

  it('gives one set of rules for every date', () => {
    const view = fixedRules(base);
    expect(view.current).toBe(base);
    expect(view.on('1999-01-01')).toBe(base);
    expect(view.on('2099-12-31')).toBe(base);
  });
});
