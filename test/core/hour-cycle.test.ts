import { describe, expect, it } from 'vitest';
import { formatClockTime, hourCycleOf } from '../../src-main/core/hour-cycle';

describe('the 12/24-hour choice', () => {
  it('reads it from the locale: en-US 12-hour, en-GB 24-hour', () => {
    expect(hourCycleOf('en-US')).toBe('h12');
    expect(hourCycleOf('en-GB')).toBe('h23');
    expect(hourCycleOf('de-DE')).toBe('h23');
    // A malformed locale is no reason to fail: 24-hour.
    expect(hourCycleOf('not a locale!')).toBe('h23');
  });

  it('writes a time of day with it', () => {
    expect(formatClockTime('14:05', 'h23')).toBe('14:05');
    expect(formatClockTime('14:05', 'h12')).toBe('2:05 PM');
    expect(formatClockTime('00:30', 'h12')).toBe('12:30 AM');
    expect(formatClockTime('12:00', 'h12')).toBe('12:00 PM');
    expect(formatClockTime('09:00', 'h12')).toBe('9:00 AM');
    expect(formatClockTime('24:00', 'h12')).toBe('12:00 AM');
    expect(formatClockTime('soon', 'h12')).toBe('soon');
  });
});
