import { describe, expect, it } from 'vitest';
import { agreementStatus, type StatusInput } from '../../src-main/core/agreement-status';
import { exportLanguage } from '../../src-main/core/export-language';
import { instantAt, type LocalDate } from '../../src-main/core/time';
import type { TimeRange, WorkingHours } from '../../src-main/core/working-hours';

const zone = 'Europe/Berlin';
/** British English: English words on a 24-hour clock (agreement-i18n.test.ts has the others). */
const GB = exportLanguage('en-GB');
const day: TimeRange = { start: '09:00', end: '17:30' };
const weekdays: WorkingHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null };
// 2027-03-08 is a Monday.
const at = (date: LocalDate, hhmm: string) => instantAt(date, hhmm, zone);

function status(now: number, over: Partial<StatusInput> = {}): string {
  return agreementStatus(
    {
      now,
      zone,
      calendar: { workingHours: weekdays },
      focusUntil: null,
      signedOff: false,
      ...over,
    },
    GB,
  );
}

describe('the status line for chat', () => {
  it('says a running focus block and when the user answers', () => {
    expect(status(at('2027-03-08', '09:30'), { focusUntil: at('2027-03-08', '11:00') })).toBe(
      "In a focus block until 11:00 — I'll answer after",
    );
    // A block started by hand outside hours still says so.
    expect(status(at('2027-03-13', '10:00'), { focusUntil: at('2027-03-13', '10:50') })).toBe(
      "In a focus block until 10:50 — I'll answer after",
    );
  });

  it('says until when the user works, during hours', () => {
    expect(status(at('2027-03-08', '09:00'))).toBe('Working until 17:30');
    expect(status(at('2027-03-08', '17:29'))).toBe('Working until 17:30');
  });

  it('says when the user is back: later today, tomorrow, a weekday, or a date after a holiday', () => {
    expect(status(at('2027-03-08', '07:00'))).toBe('Off for now — back today 09:00');
    expect(status(at('2027-03-08', '17:30'))).toBe('Off for today — back tomorrow 09:00');
    expect(status(at('2027-03-12', '18:00'))).toBe('Off for today — back Monday 09:00');
    expect(status(at('2027-03-13', '12:00'))).toBe('Off for today — back Monday 09:00');
    const holidays = [{ from: '2027-03-15', to: '2027-03-26', note: 'Leave' }];
    expect(status(at('2027-03-12', '18:00'), { calendar: { workingHours: weekdays, holidays } })).toBe(
      'Off for today — back 29 March 2027 09:00',
    );
    const none: WorkingHours = {
      mon: null,
      tue: null,
      wed: null,
      thu: null,
      fri: null,
      sat: null,
      sun: null,
    };
    expect(status(at('2027-03-12', '18:00'), { calendar: { workingHours: none } })).toBe('Off for today');
  });

  it('counts a signed-off day as over, whatever is left of its hours', () => {
    expect(status(at('2027-03-08', '16:00'), { signedOff: true })).toBe(
      'Off for today — back tomorrow 09:00',
    );
    expect(status(at('2027-03-12', '16:00'), { signedOff: true })).toBe('Off for today — back Monday 09:00');
  });

  it('keeps night hours on the date they start, past midnight', () => {
    const nights: WorkingHours = { ...weekdays, mon: { start: '22:00', end: '02:00' }, tue: null };
    expect(status(at('2027-03-09', '01:00'), { calendar: { workingHours: nights } })).toBe(
      'Working until 02:00',
    );
    expect(status(at('2027-03-09', '03:00'), { calendar: { workingHours: nights } })).toBe(
      'Off for today — back tomorrow 09:00',
    );
  });

  it('reads times in the user’s zone, half-hour zones and DST days included', () => {
    const kolkata = instantAt('2027-03-08', '12:00', 'Asia/Kolkata');
    expect(status(kolkata, { zone: 'Asia/Kolkata' })).toBe('Working until 17:30');
    // 28 March 2027 is 23 hours long in Berlin; Monday still starts at 09:00 local.
    expect(status(at('2027-03-27', '12:00'))).toBe('Off for today — back Monday 09:00');
    const stJohns = instantAt('2027-03-12', '20:00', 'America/St_Johns');
    expect(status(stJohns, { zone: 'America/St_Johns', focusUntil: stJohns - 1 })).toBe(
      'Off for today — back Monday 09:00',
    );
  });
});
