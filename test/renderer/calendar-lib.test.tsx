import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { setHourCycle } from '../../src-renderer/lib/time';
import { addLocalDays } from '../../src-main/shared/vocabulary';
import {
  describeDayOffRange,
  groupDaysOff,
  holidaysWith,
  meetingTime,
  normalizeAddress,
} from '../../src-renderer/lib/calendar';

/** Offers as main makes them: distinct dates, each with an event title. */
const offers = fc
  .uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 })
  .chain((days) =>
    fc.tuple(
      fc.constant(days),
      fc.array(fc.constantFrom('Out of office', 'Vacation', ''), {
        minLength: days.length,
        maxLength: days.length,
      }),
    ),
  )
  .map(([days, titles]) =>
    days.map((d, i) => ({ date: addLocalDays('2025-02-25', d), title: titles[i] ?? '' })),
  );

describe('groupDaysOff', () => {
  it('joins consecutive dates with the same title, and nothing else', () => {
    expect(
      groupDaysOff([
        { date: '2025-03-17', title: 'Vacation' },
        { date: '2025-03-13', title: 'Out of office' },
        { date: '2025-03-14', title: 'Out of office' },
        { date: '2025-03-18', title: 'Vacation' },
        { date: '2025-03-19', title: 'Conference' },
        { date: '2025-03-21', title: 'Conference' },
      ])
        .map(describeDayOffRange)
        // Intl's ranges put thin spaces around the dash.
        .map((text) => text.replace(/\u2009/g, ' ')),
    ).toEqual([
      'Thu, Mar 13 – Fri, Mar 14 (Out of office)',
      'Mon, Mar 17 – Tue, Mar 18 (Vacation)',
      'Wed, Mar 19 (Conference)',
      'Fri, Mar 21 (Conference)',
    ]);
  });

  it('covers exactly the offered dates with maximal runs of one title', () => {
    fc.assert(
      fc.property(offers, (given) => {
        const ranges = groupDaysOff(given);
        // Every offered date once, with its own title; no other date.
        const covered = ranges.flatMap((r) => r.dates.map((date) => ({ date, title: r.title })));
        expect(covered).toEqual([...given].sort((a, b) => a.date.localeCompare(b.date)));
        for (const r of ranges) {
          expect(r.dates[0]).toBe(r.from);
          expect(r.dates.at(-1)).toBe(r.to);
          r.dates.slice(1).forEach((d, i) => expect(d).toBe(addLocalDays(r.dates[i] as string, 1)));
        }
        // Maximal: no two neighbouring ranges could have been one.
        ranges.slice(1).forEach((r, i) => {
          const before = ranges[i] as (typeof ranges)[number];
          expect(before.title === r.title && addLocalDays(before.to, 1) === r.from).toBe(false);
        });
      }),
    );
  });
});

describe('holidaysWith', () => {
  it('adds each range with its title as note, in date order, keeping the others', () => {
    const existing = [{ from: '2025-04-18', to: '2025-04-21', note: 'Easter' }];
    const ranges = groupDaysOff([
      { date: '2025-03-14', title: '  Out   of office ' },
      { date: '2025-05-02', title: '' },
      { date: '2025-03-20', title: 'x'.repeat(130) },
    ]);
    const result = holidaysWith(existing, ranges);
    expect(result.map((h) => h.from)).toEqual(['2025-03-14', '2025-03-20', '2025-04-18', '2025-05-02']);
    expect(result[0]).toEqual({ from: '2025-03-14', to: '2025-03-14', note: 'Out of office' });
    // A title longer than a note may be is shortened to 120 characters.
    expect(result[1]?.note).toHaveLength(120);
    expect(result[1]?.note?.endsWith('…')).toBe(true);
    expect(result[3]).toEqual({ from: '2025-05-02', to: '2025-05-02' });
  });
});

describe('small words', () => {
  // As main reports a 24-hour system (the harness's default): times read "09:30".
  beforeEach(() => void setHourCycle('h23'));

  it('normalizes an address as main keeps it', () => {
    expect(normalizeAddress('  mailto:Ana@Example.COM ')).toBe('ana@example.com');
  });

  it('says "all day" for whole days and the times otherwise', () => {
    expect(meetingTime({ start: '2025-03-11T00:00:00+01:00', end: '2025-03-12T00:00:00+01:00' })).toBe(
      'all day',
    );
    expect(meetingTime({ start: '2025-03-11T09:30:00+01:00', end: '2025-03-11T10:00:00+01:00' })).toBe(
      '09:30–10:00',
    );
    expect(meetingTime({ start: '2025-03-11T23:00:00+01:00', end: '2025-03-12T00:00:00+01:00' })).toBe(
      '23:00–00:00',
    );
  });
});
