import { beforeEach, describe, expect, it } from 'vitest';
import { setHourCycle } from '../../src-renderer/lib/time';
import { defaultSettings } from '../../src-main/core/settings';
import type { RuleChange } from '../../src-renderer/api/types';
import { changeText, formatDateWithYear, weekdaysText } from '../../src-renderer/lib/rules';

const defaults = defaultSettings('Europe/Berlin');
const upcoming = (change: Omit<RuleChange, 'from' | 'state'>) =>
  ({ ...change, from: '2027-01-01', state: 'upcoming' }) as RuleChange;

describe('words for dated rules', () => {
  // As main reports a 24-hour system (the harness's default): times read "09:30".
  beforeEach(() => void setHourCycle('h23'));

  it('names dates with their weekday and year', () => {
    expect(formatDateWithYear('2027-01-01')).toBe('Fri, Jan 1, 2027');
    expect(formatDateWithYear('2028-02-29')).toBe('Tue, Feb 29, 2028');
    expect(formatDateWithYear('not a date')).toBe('not a date');
  });

  it('writes three or more weekdays in a row as a span', () => {
    expect(weekdaysText(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('Mon–Fri');
    expect(weekdaysText(['sat', 'mon', 'tue'])).toBe('Mon, Tue, and Sat');
    expect(weekdaysText(['mon', 'wed', 'thu', 'fri', 'sun'])).toBe('Mon, Wed–Fri, and Sun');
    expect(weekdaysText([])).toBe('');
  });

  it('says what each rule is set to, in a phrase', () => {
    const hours = { ...defaults.workingHours, mon: { start: '08:00', end: '16:00' }, fri: null };
    const cases: [Omit<RuleChange, 'from' | 'state'>, string][] = [
      [{ key: 'zone', value: 'Europe/Lisbon' }, 'time zone Europe/Lisbon'],
      [{ key: 'dayBoundary', value: '05:00' }, 'day boundary 05:00'],
      [{ key: 'workingHours', value: defaults.workingHours }, 'working hours Mon–Fri 09:00–17:30'],
      [{ key: 'workingHours', value: hours }, 'working hours Mon 08:00–16:00 and Tue–Thu 09:00–17:30'],
      [
        { key: 'workingHours', value: { ...hours, mon: null, tue: null, wed: null, thu: null } },
        'working hours: none, every day off',
      ],
      [{ key: 'focusPlan', value: defaults.focusPlan }, 'focus plan Mon–Fri 09:00–11:00 and 14:00–16:00'],
      [{ key: 'focusPlan', value: [] }, 'focus plan: no blocks'],
      [{ key: 'holidays', value: [] }, 'holidays and days off: none'],
      [
        {
          key: 'holidays',
          value: [
            { from: '2027-04-02', to: '2027-04-05', note: 'Easter' },
            { from: '2027-05-13', to: '2027-05-13' },
            { from: '2027-05-24', to: '2027-05-24' },
            { from: '2027-12-24', to: '2027-12-26' },
            { from: '2027-12-31', to: '2027-12-31' },
          ],
        },
        'holidays and days off Fri, Apr 2 – Mon, Apr 5 (Easter), Thu, May 13, Mon, May 24, and 2 more',
      ],
      [
        { key: 'focusPauses', value: [{ from: '2027-06-07', to: '2027-06-11' }] },
        'focus pauses Mon, Jun 7 – Fri, Jun 11',
      ],
      [
        { key: 'checkins', value: defaults.checkins },
        'check-ins weekly, the working day before the one-on-one',
      ],
      [
        {
          key: 'checkins',
          value: { ...defaults.checkins, cadence: { mode: 'weekly', weekday: 'thu', time: '15:00' } },
        },
        'check-ins weekly on Thursday at 15:00',
      ],
      [
        { key: 'checkins', value: { ...defaults.checkins, cadence: { mode: 'daily', time: '16:30' } } },
        'check-ins every workday at 16:30',
      ],
      [{ key: 'oneOnOne', value: { weekday: 'tue', time: '10:00' } }, 'one-on-one Tuesdays at 10:00'],
      [{ key: 'oneOnOne', value: null }, 'no regular one-on-one'],
    ];
    for (const [change, text] of cases) expect(changeText(upcoming(change))).toBe(text);
  });
});
