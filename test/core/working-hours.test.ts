import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  instantAt,
  toLocalIso,
  WEEKDAYS,
  weekdayOf,
  type LocalDate,
} from '../../src-main/core/time';
import { workingDayBefore } from '../../src-main/core/checkin-vocabulary';
import { describeIssues } from '../../src-main/core/validation';
import {
  holidayOn,
  holidaysSchema,
  hoursOn,
  workdayOf,
  workingHoursSchema,
  workingSpanOn,
  type TimeRange,
  type WorkingHours,
} from '../../src-main/core/working-hours';

const zone = 'Europe/Berlin';
const day: TimeRange = { start: '09:00', end: '17:30' };
const night: TimeRange = { start: '22:00', end: '06:00' };
const weekdays: WorkingHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null };
const everyDay: WorkingHours = { ...weekdays, sat: day, sun: day };
const none: WorkingHours = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };

const MON = '2027-03-15';
const TUE = '2027-03-16';
const SAT = '2027-03-20';
const at = (date: LocalDate, hhmm: string): number => instantAt(date, hhmm, zone);

describe('workingHoursSchema and holidaysSchema', () => {
  it('take hours per weekday, null for a day off, and refuse an empty span', () => {
    expect(workingHoursSchema.parse(weekdays)).toEqual(weekdays);
    expect(workingHoursSchema.parse({ ...weekdays, mon: night })).toMatchObject({ mon: night });
    const same = workingHoursSchema.safeParse({ ...weekdays, tue: { start: '09:00', end: '09:00' } });
    expect(same.success).toBe(false);
    if (!same.success) expect(describeIssues(same.error)).toBe('tue: Start and end must differ.');
    const bad = workingHoursSchema.safeParse({ ...weekdays, wed: { start: '9:00', end: '17:00' } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(describeIssues(bad.error)).toBe('wed.start: Use a 24-hour time such as 09:00.');
  });

  it('take holidays as inclusive date ranges that end on or after their start', () => {
    const list = [{ from: '2027-12-24', to: '2027-12-26', note: 'Christmas' }];
    expect(holidaysSchema.parse(list)).toEqual(list);
    const backwards = holidaysSchema.safeParse([{ from: '2027-12-26', to: '2027-12-24' }]);
    expect(backwards.success).toBe(false);
    if (!backwards.success) {
      expect(describeIssues(backwards.error)).toBe('0: A holiday must end on or after the day it starts.');
    }
    expect(holidaysSchema.safeParse([{ from: '2027-02-30', to: '2027-03-01' }]).success).toBe(false);
  });
});

describe('hoursOn and holidayOn', () => {
  const holidays = [
    { from: '2027-03-17', to: '2027-03-18', note: 'Offsite' },
    { from: '2027-03-20', to: '2027-03-20' },
  ];

  it('gives the weekday’s hours, none on a day off', () => {
    expect(hoursOn(MON, { workingHours: weekdays })).toEqual(day);
    expect(hoursOn(SAT, { workingHours: weekdays })).toBeNull();
    expect(hoursOn(SAT, { workingHours: everyDay })).toEqual(day);
  });

  it('gives no hours on a holiday, first and last dates included', () => {
    const calendar = { workingHours: everyDay, holidays };
    expect(hoursOn('2027-03-16', calendar)).toEqual(day);
    expect(hoursOn('2027-03-17', calendar)).toBeNull();
    expect(hoursOn('2027-03-18', calendar)).toBeNull();
    expect(hoursOn('2027-03-19', calendar)).toEqual(day);
    expect(hoursOn('2027-03-20', calendar)).toBeNull();
    expect(holidayOn('2027-03-18', calendar)).toEqual(holidays[0]);
    expect(holidayOn('2027-03-19', calendar)).toBeUndefined();
    expect(holidayOn('2027-03-19', {})).toBeUndefined();
  });

  it('agrees with the weekday’s hours outside holidays (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 30 }), (n, length) => {
        const date = addLocalDays('2026-01-01', n);
        const from = addLocalDays('2026-06-01', n % 200);
        const calendar = { workingHours: weekdays, holidays: [{ from, to: addLocalDays(from, length) }] };
        const inHoliday = from <= date && date <= addLocalDays(from, length);
        expect(hoursOn(date, calendar)).toEqual(inHoliday ? null : weekdays[weekdayOf(date)]);
        expect(holidayOn(date, calendar) !== undefined).toBe(inHoliday);
      }),
    );
  });
});

describe('workingSpanOn', () => {
  it('is the start and end of the hours, or null on a day off', () => {
    expect(workingSpanOn(MON, { zone, workingHours: weekdays })).toEqual({
      start: at(MON, '09:00'),
      end: at(MON, '17:30'),
    });
    expect(workingSpanOn(SAT, { zone, workingHours: weekdays })).toBeNull();
    expect(
      workingSpanOn(MON, { zone, workingHours: weekdays, holidays: [{ from: MON, to: MON }] }),
    ).toBeNull();
  });

  it('ends hours that cross midnight on the next date', () => {
    const span = workingSpanOn(MON, { zone, workingHours: { ...weekdays, mon: night } });
    expect(span && toLocalIso(span.start, zone)).toBe('2027-03-15T22:00:00+01:00');
    expect(span && toLocalIso(span.end, zone)).toBe(`${TUE}T06:00:00+01:00`);
  });

  it('keeps local times on the 2027 Berlin DST days, a time in the gap moving forward', () => {
    const spring = workingSpanOn('2027-03-28', { zone, workingHours: everyDay });
    expect(spring && [toLocalIso(spring.start, zone), toLocalIso(spring.end, zone)]).toEqual([
      '2027-03-28T09:00:00+02:00',
      '2027-03-28T17:30:00+02:00',
    ]);
    const overGap = workingSpanOn('2027-03-27', { zone, workingHours: { ...everyDay, sat: night } });
    expect(overGap && overGap.end - overGap.start).toBe(7 * 3_600_000);
    const inGap = workingSpanOn('2027-03-28', {
      zone,
      workingHours: { ...everyDay, sun: { start: '02:30', end: '10:00' } },
    });
    expect(inGap && toLocalIso(inGap.start, zone)).toBe('2027-03-28T03:30:00+02:00');
  });
});

describe('workdayOf', () => {
  it('puts times before the day boundary in the previous date’s workday', () => {
    expect(workdayOf(at(TUE, '03:59'), zone, '04:00')).toBe(MON);
    expect(workdayOf(at(TUE, '04:00'), zone, '04:00')).toBe(TUE);
    expect(workdayOf(at(TUE, '00:00'), zone, '04:00')).toBe(MON);
    expect(workdayOf(at(MON, '23:59'), zone, '04:00')).toBe(MON);
    expect(workdayOf(at(TUE, '00:30'), zone, '00:00')).toBe(TUE);
  });

  it('follows the boundary on DST days', () => {
    // 02:00–03:00 does not exist on 2027-03-28 in Berlin; 02:00–03:00 happens twice on 2027-10-31.
    expect(workdayOf(Date.parse('2027-03-28T03:59:00+02:00'), zone, '04:00')).toBe('2027-03-27');
    expect(workdayOf(Date.parse('2027-03-28T04:00:00+02:00'), zone, '04:00')).toBe('2027-03-28');
    expect(workdayOf(Date.parse('2027-10-31T02:30:00+01:00'), zone, '04:00')).toBe('2027-10-30');
    expect(workdayOf(Date.parse('2027-10-31T04:00:00+01:00'), zone, '04:00')).toBe('2027-10-31');
  });
});

describe('workingDayBefore', () => {
  it('is the closest earlier weekday with hours, Monday–Friday without hours', () => {
    expect(workingDayBefore('thu')).toBe('wed');
    expect(workingDayBefore('mon')).toBe('fri');
    expect(workingDayBefore('sun')).toBe('fri');
    expect(workingDayBefore('mon', { ...weekdays, fri: null })).toBe('thu');
    expect(workingDayBefore('mon', everyDay)).toBe('sun');
  });

  it('wraps round the week, and is the day before when no day works', () => {
    // Only Wednesday works: the working day before Wednesday is last week's Wednesday.
    expect(workingDayBefore('wed', { ...none, wed: day })).toBe('wed');
    expect(workingDayBefore('mon', none)).toBe('sun');
    expect(workingDayBefore('thu', none)).toBe('wed');
  });

  it('is always a working day when one exists (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WEEKDAYS),
        fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        (weekday, works) => {
          const hours = Object.fromEntries(
            WEEKDAYS.map((d, i) => [d, works[i] ? day : null]),
          ) as WorkingHours;
          const before = workingDayBefore(weekday, hours);
          if (works.some(Boolean)) expect(hours[before]).not.toBeNull();
          else expect(WEEKDAYS.indexOf(before)).toBe((WEEKDAYS.indexOf(weekday) + 6) % 7);
        },
      ),
    );
  });
});
