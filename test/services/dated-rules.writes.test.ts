import { describe, expect, it } from 'vitest';
import { SINCE_THE_BEGINNING } from '../../src-main/core/rules';
import { defaultSettings } from '../../src-main/core/settings';
import { hoursOn } from '../../src-main/core/working-hours';
import { makeServices } from '../helpers/services';

/*
 * What one dated change does to the changes already stored (core/rule-writes.ts), and where a
 * workday ends at a change of hours. Each case was found by an independent review of #14, as a
 * failing test first.
 */

const HOURS = defaultSettings('Europe/Berlin').workingHours;
const isDayOff = (services: ReturnType<typeof makeServices>['services'], date: string) =>
  hoursOn(date, services.settings.on(date)) === null;

describe('holidays and pauses are edited item by item', () => {
  it('a sick week added from its past start is not hidden by a holiday added earlier today', () => {
    const { services } = makeServices(Date.parse('2027-03-17T08:00:00Z')); // Wed 17 Mar
    const easter = { from: '2027-03-26', to: '2027-03-29', note: 'Easter' };
    services.settings.set('holidays', [easter]);
    const sick = { from: '2027-03-15', to: '2027-03-19', note: 'Sick' };
    services.settings.set('holidays', [sick, easter], { from: '2027-03-15' });
    for (const date of ['2027-03-15', '2027-03-17', '2027-03-19', '2027-03-26']) {
      expect(isDayOff(services, date), date).toBe(true);
    }
    expect(isDayOff(services, '2027-03-12')).toBe(false);
  });

  it('a holiday added today survives a holidays change already planned for later', () => {
    const { services } = makeServices(Date.parse('2027-03-17T08:00:00Z'));
    const summer = { from: '2027-07-01', to: '2027-07-14' };
    services.settings.set('holidays', [summer], { from: '2027-06-01' });
    const christmas = { from: '2027-12-24', to: '2027-12-26' };
    services.settings.set('holidays', [...services.settings.get().holidays, christmas]);
    expect(isDayOff(services, '2027-12-24')).toBe(true);
    expect(isDayOff(services, '2027-07-01')).toBe(true);
    // A removal is carried the same way.
    services.settings.set('holidays', []);
    expect(isDayOff(services, '2027-12-24')).toBe(false);
    expect(isDayOff(services, '2027-07-01')).toBe(true);
  });
});

describe('a correction from a past date', () => {
  it('replaces the changes in force since then, and keeps the ones still planned', () => {
    const { services } = makeServices(Date.parse('2027-03-15T08:00:00Z'));
    services.settings.set('workingHours', { ...HOURS, fri: null }, { from: '2027-03-01' });
    const planned = { ...HOURS, mon: null };
    services.settings.set('workingHours', planned, { from: '2027-04-01' });
    const corrected = { ...HOURS, fri: { start: '09:00', end: '13:00' } };
    services.settings.set('workingHours', corrected, { from: '2027-02-01' });
    expect(services.settings.get().workingHours).toEqual(corrected);
    expect(services.settings.on('2027-03-05').workingHours).toEqual(corrected);
    expect(services.settings.on('2027-01-29').workingHours).toEqual(HOURS);
    expect(services.settings.on('2027-04-05').workingHours).toEqual(planned);
  });
});

describe('a new zone from today', () => {
  it('leaves a day that is over where the user was as it was', () => {
    const { services, clock } = makeServices(Date.parse('2027-03-15T00:00:00Z'), 'Asia/Tokyo');
    services.settings.set('zone', 'Asia/Tokyo', { from: SINCE_THE_BEGINNING });
    services.signoff.samplePresence(0); // Mon 15 Mar, 09:00 in Tokyo
    clock.advanceTo(Date.parse('2027-03-15T10:30:00Z')); // 19:30: a late evening
    services.signoff.samplePresence(0);
    clock.advanceTo(Date.parse('2027-03-16T01:00:00Z')); // Tue 10:00 in Tokyo
    const before = services.signoff.day('2027-03-15');
    expect(before.late).toBe(true);
    // Landed in New York, where it is still Monday evening.
    services.settings.set('zone', 'America/New_York');
    expect(services.signoff.day('2027-03-15')).toEqual(before);
    expect(services.settings.get().zone).toBe('America/New_York');
  });
});

describe('new hours from a date', () => {
  it('leave the night shift of the day before running to its own end', () => {
    const night = { start: '22:00', end: '06:00' };
    const all = (r: unknown) => ({ mon: r, tue: r, wed: r, thu: r, fri: r, sat: null, sun: null });
    const { services, clock } = makeServices(Date.parse('2027-03-16T11:00:00Z'));
    services.settings.set('workingHours', all(night), { from: SINCE_THE_BEGINNING });
    services.settings.set('workingHours', all({ start: '09:00', end: '17:30' }), { from: '2027-03-17' });
    clock.advanceTo(Date.parse('2027-03-17T04:00:00Z')); // Wed 05:00 in Berlin
    expect(services.signoff.workdayAt()).toBe('2027-03-16');
  });
});
