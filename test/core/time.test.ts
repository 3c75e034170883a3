import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  clockTimeOf,
  dateOfDayNumber,
  dayNumber,
  instantAt,
  isClockTime,
  isLocalDate,
  isoWeekOf,
  isoWeekOfDayNumber,
  isValidZone,
  localDateOf,
  localDaysBetween,
  mondayOfDayNumber,
  startOfLocalDate,
  toLocalIso,
  WEEKDAYS,
  weekdayOf,
  weekStartOf,
} from '../../src-main/core/time';

const HOUR = 3_600_000;

describe('time', () => {
  it('keeps 09:00 local across the 2027 US spring-forward', () => {
    // DST starts in New York on Sunday 2027-03-14.
    expect(toLocalIso(instantAt('2027-03-12', '09:00', 'America/New_York'), 'America/New_York')).toBe(
      '2027-03-12T09:00:00-05:00',
    );
    expect(toLocalIso(instantAt('2027-03-15', '09:00', 'America/New_York'), 'America/New_York')).toBe(
      '2027-03-15T09:00:00-04:00',
    );
  });

  it('measures DST days as 23 and 25 hours (EU 2027)', () => {
    const zone = 'Europe/Berlin';
    const spring = startOfLocalDate('2027-03-29', zone) - startOfLocalDate('2027-03-28', zone);
    const autumn = startOfLocalDate('2027-11-01', zone) - startOfLocalDate('2027-10-31', zone);
    expect(spring).toBe(23 * HOUR);
    expect(autumn).toBe(25 * HOUR);
    expect(addLocalDays('2027-03-28', 1)).toBe('2027-03-29');
  });

  it('moves a time skipped by spring-forward to after the gap', () => {
    const t = instantAt('2027-03-28', '02:30', 'Europe/Berlin');
    expect(clockTimeOf(t, 'Europe/Berlin')).toBe('03:30');
  });

  it('handles half-hour offsets', () => {
    const t = instantAt('2027-01-04', '09:00', 'Asia/Kolkata');
    expect(new Date(t).toISOString()).toBe('2027-01-04T03:30:00.000Z');
    expect(toLocalIso(t, 'Asia/Kolkata')).toBe('2027-01-04T09:00:00+05:30');
  });

  it('attributes an instant to the local date of the zone', () => {
    const t = Date.parse('2027-01-01T23:30:00Z');
    expect(localDateOf(t, 'UTC')).toBe('2027-01-01');
    expect(localDateOf(t, 'Europe/Berlin')).toBe('2027-01-02');
    expect(localDateOf(t, 'America/Los_Angeles')).toBe('2027-01-01');
  });

  it('names weekdays from Monday', () => {
    expect(weekdayOf('2027-03-15')).toBe('mon');
    expect(weekdayOf('2027-03-21')).toBe('sun');
    expect(addLocalDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addLocalDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('validates dates, times and zones', () => {
    expect(isLocalDate('2027-02-28')).toBe(true);
    expect(isLocalDate('2027-02-30')).toBe(false);
    expect(isLocalDate('27-02-01')).toBe(false);
    expect(isClockTime('09:00')).toBe(true);
    expect(isClockTime('9:00')).toBe(false);
    expect(isClockTime('24:00')).toBe(false);
    expect(isValidZone('Europe/Berlin')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(isValidZone('')).toBe(false);
    expect(() => instantAt('2027-02-30', '09:00', 'UTC')).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it('count days since 1970-01-01 and refuse anything but a real date', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
    for (const bad of [
      '2027-02-29',
      '2027-13-01',
      '2027-00-10',
      '2027-04-31',
      '2027-1-01',
      '20270101',
      '0000-01-01',
      '',
    ]) {
      expect(() => dayNumber(bad)).toThrow(RangeError);
    }
    expect(dayNumber('2028-02-29')).toBe(Date.UTC(2028, 1, 29) / 86_400_000);
  });

  it('agree with Date.UTC and round-trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const date = dateOfDayNumber(n);
        expect(dayNumber(date)).toBe(n);
        expect(
          Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))),
        ).toBe(n * 86_400_000);
      }),
    );
  });

  it('count calendar days between dates across month, year and DST changes', () => {
    expect(localDaysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(localDaysBetween('2026-12-28', '2027-01-03')).toBe(6);
    expect(localDaysBetween('2027-01-03', '2026-12-28')).toBe(-6);
    expect(localDaysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(() => localDaysBetween('2027-02-30', '2027-03-01')).toThrow(RangeError);
    expect(() => localDaysBetween('yesterday', '2027-03-01')).toThrow(RangeError);
  });

  it('move by calendar days and name weekdays as Date does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: -1_000, max: 1_000 }),
        (n, days) => {
          const date = dateOfDayNumber(n);
          const utc = new Date(n * 86_400_000);
          expect(weekdayOf(date)).toBe(WEEKDAYS[(utc.getUTCDay() + 6) % 7]);
          expect(addLocalDays(date, days)).toBe(new Date((n + days) * 86_400_000).toISOString().slice(0, 10));
          expect(localDaysBetween(date, addLocalDays(date, days))).toBe(days);
        },
      ),
    );
  });
});

describe('weeks', () => {
  it('start on Monday', () => {
    expect(weekStartOf('2027-03-15')).toBe('2027-03-15');
    expect(weekStartOf('2027-03-17')).toBe('2027-03-15');
    expect(weekStartOf('2027-03-21')).toBe('2027-03-15');
    expect(weekStartOf('2027-03-22')).toBe('2027-03-22');
    expect(weekStartOf('2027-01-03')).toBe('2026-12-28');
    expect(mondayOfDayNumber(0)).toBe(-3);
    expect(mondayOfDayNumber(-4)).toBe(-10);
  });

  it('are named by their ISO week-numbering year', () => {
    // 2026 has 53 ISO weeks: 2026-12-28 … 2027-01-03 is its last.
    for (const date of ['2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03']) {
      expect(isoWeekOf(date)).toBe('2026-W53');
    }
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2027-03-15')).toBe('2027-W11');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2025-12-28')).toBe('2025-W52');
    expect(isoWeekOfDayNumber(dayNumber('2027-01-04'))).toBe('2027-W01');
  });

  it('hold seven days from a Monday, each named as its Monday (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), (n) => {
        const date = dateOfDayNumber(n);
        const monday = weekStartOf(date);
        expect(weekdayOf(monday)).toBe('mon');
        expect(localDaysBetween(monday, date)).toBeGreaterThanOrEqual(0);
        expect(localDaysBetween(monday, date)).toBeLessThan(7);
        expect(isoWeekOf(date)).toBe(isoWeekOf(monday));
      }),
    );
  });
});

/** Local date, `HH:MM:SS` and offset of `instant` in `zone` as Intl (the runtime's tz data) tells them. */
function intlParts(instant: number, zone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}:${part('second')}`,
  };
}

describe('instants in zones, checked against Intl', () => {
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'America/St_Johns',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
  ];

  it('gives the local date, clock time and ISO text of any instant (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const expected = intlParts(instant, zone);
          expect(localDateOf(instant, zone)).toBe(expected.date);
          expect(clockTimeOf(instant, zone)).toBe(expected.time.slice(0, 5));
          const iso = toLocalIso(instant, zone);
          expect(iso.slice(0, 19)).toBe(`${expected.date}T${expected.time}`);
          expect(Date.parse(iso)).toBe(instant - (instant % 1000));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the instant of a local time, which reads back as that time unless DST skipped it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1971-01-01'), max: dayNumber('2060-01-01') }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.constantFrom(...zones),
        (n, minutes, zone) => {
          const date = dateOfDayNumber(n);
          const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const instant = instantAt(date, hhmm, zone);
          const back = intlParts(instant, zone);
          if (back.date === date && back.time === `${hhmm}:00`) return;
          // Only a time inside a DST gap may read back differently: moved forward by the gap (≤ 1 hour).
          const wall = Date.UTC(
            Number(date.slice(0, 4)),
            Number(date.slice(5, 7)) - 1,
            Number(date.slice(8, 10)),
          );
          const read = Date.parse(`${back.date}T${back.time}Z`);
          const shift = read - (wall + minutes * 60_000);
          expect(shift).toBeGreaterThan(0);
          expect(shift).toBeLessThanOrEqual(HOUR);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('a clock change inside a quarter hour', () => {
  // St John's moved its clocks at 00:01 local until 2011: 02:31 UTC, not on a quarter hour.
  // On 2001-10-28 00:01 NDT became 23:01 NST of the day before.
  const zone = 'America/St_Johns';

  it('reads the minute after the change in the new offset', () => {
    expect(clockTimeOf(Date.UTC(2001, 9, 28, 2, 30), zone)).toBe('00:00');
    expect(clockTimeOf(Date.UTC(2001, 9, 28, 2, 31), zone)).toBe('23:01');
    expect(localDateOf(Date.UTC(2001, 9, 28, 2, 31), zone)).toBe('2001-10-27');
  });

  it('finds 00:01 of that day at its one instant', () => {
    const instant = instantAt('2001-10-28', '00:01', zone);
    expect(new Date(instant).toISOString()).toBe('2001-10-28T03:31:00.000Z');
    expect(clockTimeOf(instant, zone)).toBe('00:01');
    expect(localDateOf(instant, zone)).toBe('2001-10-28');
  });
});
