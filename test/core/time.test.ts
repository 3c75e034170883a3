import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  clockTimeOf,
  instantAt,
  isClockTime,
  isLocalDate,
  isValidZone,
  localDateOf,
  startOfLocalDate,
  toLocalIso,
  weekdayOf,
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
