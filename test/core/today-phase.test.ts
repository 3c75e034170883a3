import { describe, expect, it } from 'vitest';
import { opensWeek, todayPhase, weekBefore } from '../../src-main/core/today-phase';
import { weekdayOf, type LocalDate } from '../../src-main/core/time';

const H = 3_600_000;
const span = { start: 9 * H, end: 17.5 * H };

describe('todayPhase: which state Today is in', () => {
  it('is quiet all day on a day without working hours, signed off or not', () => {
    for (const now of [0, 12 * H, 23 * H]) {
      expect(todayPhase({ now, span: null, signedOff: false })).toEqual({ phase: 'quiet', changesAt: null });
      expect(todayPhase({ now, span: null, signedOff: true }).phase).toBe('quiet');
    }
  });

  it('is before hours until they start, and says when that changes', () => {
    expect(todayPhase({ now: 8 * H, span, signedOff: false })).toEqual({ phase: 'before', changesAt: 9 * H });
    expect(todayPhase({ now: 9 * H - 1, span, signedOff: false }).phase).toBe('before');
  });

  it('is during the day from the start of hours to their end', () => {
    expect(todayPhase({ now: 9 * H, span, signedOff: false })).toEqual({
      phase: 'during',
      changesAt: 17.5 * H,
    });
    expect(todayPhase({ now: 17.5 * H - 1, span, signedOff: false }).phase).toBe('during');
  });

  it('is after hours from their end on (17:31 shows the sign-off), and nothing changes by time after', () => {
    expect(todayPhase({ now: 17.5 * H, span, signedOff: false })).toEqual({
      phase: 'after',
      changesAt: null,
    });
    expect(todayPhase({ now: 17.5 * H + 60_000, span, signedOff: false }).phase).toBe('after');
  });

  it('is after hours once the day is signed off, even early', () => {
    expect(todayPhase({ now: 15 * H, span, signedOff: true })).toEqual({ phase: 'after', changesAt: null });
    expect(todayPhase({ now: 8 * H, span, signedOff: true }).phase).toBe('after');
  });
});

describe('opensWeek: the first working day of a week', () => {
  const weekdays = (date: LocalDate) => !['sat', 'sun'].includes(weekdayOf(date));

  it('is Monday in an ordinary week, and no other day', () => {
    expect(opensWeek('2027-03-15', weekdays)).toBe(true);
    for (const d of ['2027-03-16', '2027-03-17', '2027-03-19', '2027-03-20', '2027-03-21']) {
      expect(opensWeek(d, weekdays)).toBe(false);
    }
  });

  it('is Tuesday after a Monday holiday, and never a day off', () => {
    const mondayOff = (date: LocalDate) => weekdays(date) && date !== '2027-03-15';
    expect(opensWeek('2027-03-15', mondayOff)).toBe(false);
    expect(opensWeek('2027-03-16', mondayOff)).toBe(true);
    expect(opensWeek('2027-03-17', mondayOff)).toBe(false);
  });

  it('is a Sunday for someone who works only on Sundays', () => {
    const sundays = (date: LocalDate) => weekdayOf(date) === 'sun';
    expect(opensWeek('2027-03-21', sundays)).toBe(true);
  });
});

describe('weekBefore', () => {
  it('is Monday to Sunday of the previous ISO week, from any day of the week, across a year', () => {
    expect(weekBefore('2027-03-15')).toEqual({ from: '2027-03-08', to: '2027-03-14' });
    expect(weekBefore('2027-03-21')).toEqual({ from: '2027-03-08', to: '2027-03-14' });
    expect(weekBefore('2027-01-04')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
});
