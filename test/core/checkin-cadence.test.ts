import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cadenceSchema,
  defaultCadence,
  describeCadence,
  oneOnOneSchema,
  type Cadence,
} from '../../src-main/core/checkin-cadence';
import { defaultSettings } from '../../src-main/core/settings';
import { describeIssues } from '../../src-main/core/validation';
import { workingDayBefore } from '../../src-main/core/checkin-vocabulary';
import type { WorkingHours } from '../../src-main/core/working-hours';

const BERLIN = 'Europe/Berlin';

const daily = (time: string): Cadence => ({ mode: 'daily', time });
const weekly = (weekday: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', time: string): Cadence => ({
  mode: 'weekly',
  weekday,
  time,
});

function firstMessage(value: unknown, schema: typeof cadenceSchema | typeof oneOnOneSchema = cadenceSchema) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return result.error.issues[0]?.message;
}

describe('cadenceSchema', () => {
  it('accepts the four modes', () => {
    for (const cadence of [
      { mode: 'daily', time: '16:00' },
      { mode: 'weekly', weekday: 'thu', time: '09:30' },
      { mode: 'signoff' },
      { mode: 'manual' },
    ]) {
      expect(cadenceSchema.parse(cadence)).toEqual(cadence);
    }
  });

  it('refuses malformed cadences with one sentence', () => {
    expect(firstMessage({ mode: 'hourly' })).toBe('Choose a cadence: daily, weekly, signoff or manual.');
    expect(firstMessage({})).toBe('Choose a cadence: daily, weekly, signoff or manual.');
    expect(firstMessage(null)).toBe('Choose a cadence: daily, weekly, signoff or manual.');
    expect(firstMessage({ mode: 'daily', time: '9:00' })).toBe('Use a 24-hour time such as 16:00.');
    expect(firstMessage({ mode: 'daily', time: '24:00' })).toBe('Use a 24-hour time such as 16:00.');
    expect(firstMessage({ mode: 'daily' })).toBe('Use a 24-hour time such as 16:00.');
    expect(firstMessage({ mode: 'weekly', weekday: 'friday', time: '16:00' })).toBe(
      'Use a weekday: mon, tue, wed, thu, fri, sat or sun.',
    );
    expect(firstMessage({ mode: 'signoff', time: '16:00' })).toBe('A cadence has no field "time".');
    const result = cadenceSchema.safeParse({ mode: 'weekly', weekday: 'fri', time: '4pm' });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toBe('time: Use a 24-hour time such as 16:00.');
  });

  it('validates the one-on-one', () => {
    expect(oneOnOneSchema.parse({ weekday: 'mon', time: '10:00' })).toEqual({
      weekday: 'mon',
      time: '10:00',
    });
    expect(firstMessage({ weekday: 'mon' }, oneOnOneSchema)).toBe('Use a 24-hour time such as 16:00.');
    expect(firstMessage('monday', oneOnOneSchema)).toBe('A one-on-one needs a weekday and a time.');
    expect(firstMessage({ weekday: 'mon', time: '10:00', with: 'Alex' }, oneOnOneSchema)).toBe(
      'A one-on-one has no field "with".',
    );
  });
});

describe('defaultCadence', () => {
  it('is weekly on the working day before the one-on-one, at 16:00', () => {
    expect(defaultCadence({ weekday: 'thu', time: '10:00' })).toEqual({
      mode: 'weekly',
      weekday: 'wed',
      time: '16:00',
    });
    expect(defaultCadence({ weekday: 'tue', time: '10:00' })).toMatchObject({ weekday: 'mon' });
    // Monday's working day before is the previous Friday, not Sunday.
    expect(defaultCadence({ weekday: 'mon', time: '09:00' })).toMatchObject({ weekday: 'fri' });
    expect(defaultCadence({ weekday: 'sun', time: '09:00' })).toMatchObject({ weekday: 'fri' });
    expect(defaultCadence({ weekday: 'sat', time: '09:00' })).toMatchObject({ weekday: 'fri' });
  });

  it('is Friday at 16:00 without a one-on-one', () => {
    expect(defaultCadence(null)).toEqual({ mode: 'weekly', weekday: 'fri', time: '16:00' });
  });

  it('follows the user’s working days', () => {
    const hours = defaultSettings(BERLIN).workingHours;
    const fourDays: WorkingHours = { ...hours, fri: null };
    expect(defaultCadence({ weekday: 'mon', time: '09:00' }, fourDays)).toMatchObject({ weekday: 'thu' });
    const sunToThu: WorkingHours = { ...hours, fri: null, sat: null, sun: { start: '09:00', end: '17:00' } };
    expect(defaultCadence({ weekday: 'mon', time: '09:00' }, sunToThu)).toMatchObject({ weekday: 'sun' });
    const none: WorkingHours = {
      mon: null,
      tue: null,
      wed: null,
      thu: null,
      fri: null,
      sat: null,
      sun: null,
    };
    expect(workingDayBefore('mon', none)).toBe('sun');
    // Only Wednesday works: the working day before Wednesday is last week's Wednesday.
    expect(workingDayBefore('wed', { ...none, wed: { start: '09:00', end: '17:00' } })).toBe('wed');
  });

  it('always yields a valid cadence (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' as const), (weekday) => {
        const cadence = defaultCadence({ weekday, time: '10:00' });
        expect(cadenceSchema.parse(cadence)).toEqual(cadence);
        if (cadence.mode !== 'weekly') throw new Error('expected a weekly cadence');
        expect(['mon', 'tue', 'wed', 'thu', 'fri']).toContain(cadence.weekday);
        expect(cadence.weekday).not.toBe(weekday);
      }),
    );
  });
});

describe('describeCadence', () => {
  it('reads as a phrase', () => {
    expect(describeCadence(weekly('fri', '16:00'))).toBe('Weekly on Friday at 16:00');
    expect(describeCadence(daily('09:15'))).toBe('Every workday at 09:15');
    expect(describeCadence({ mode: 'signoff' })).toBe('At sign-off');
    expect(describeCadence({ mode: 'manual' })).toBe('Only when I choose');
  });
});
