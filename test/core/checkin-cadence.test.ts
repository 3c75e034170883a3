import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectAgenda } from '../../src-main/core/agenda';
import {
  cadenceSchema,
  checkPromptsBetween,
  defaultCadence,
  describeCadence,
  makeCheckSource,
  oneOnOneSchema,
  workingDayBefore,
  type Cadence,
} from '../../src-main/core/checkin-cadence';
import { defaultSettings, type WorkingHours } from '../../src-main/core/settings';
import { describeIssues } from '../../src-main/core/validation';
import { addLocalDays, clockTimeOf, instantAt, toLocalIso, type LocalDate } from '../../src-main/core/time';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const daily = (time: string): Cadence => ({ mode: 'daily', time });
const weekly = (weekday: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', time: string): Cadence => ({
  mode: 'weekly',
  weekday,
  time,
});

/** Prompts over whole local dates `first`…`last` in `zone`, as local ISO strings. */
function promptsOver(
  first: LocalDate,
  last: LocalDate,
  cadence: Cadence,
  zone: string,
  isWorkday?: (d: string) => boolean,
) {
  const from = instantAt(first, '00:00', zone);
  const to = instantAt(addLocalDays(last, 1), '00:00', zone);
  return checkPromptsBetween(from, to, cadence, zone, isWorkday ? { isWorkday } : {});
}

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

describe('checkPromptsBetween', () => {
  it('plans a daily prompt each day with stable ids and the title Quick check', () => {
    // 2027-03-15 is a Monday.
    const events = promptsOver('2027-03-15', '2027-03-17', daily('16:00'), BERLIN);
    expect(events).toEqual([
      {
        id: 'check:2027-03-15@16:00',
        kind: 'check',
        title: 'Quick check',
        start: instantAt('2027-03-15', '16:00', BERLIN),
      },
      {
        id: 'check:2027-03-16@16:00',
        kind: 'check',
        title: 'Quick check',
        start: instantAt('2027-03-16', '16:00', BERLIN),
      },
      {
        id: 'check:2027-03-17@16:00',
        kind: 'check',
        title: 'Quick check',
        start: instantAt('2027-03-17', '16:00', BERLIN),
      },
    ]);
  });

  it('skips days that are not workdays for daily prompts only', () => {
    const isWorkday = (d: string) => !['2027-03-20', '2027-03-21'].includes(d);
    const dailyIds = promptsOver('2027-03-15', '2027-03-21', daily('16:00'), BERLIN, isWorkday).map(
      (e) => e.id,
    );
    expect(dailyIds).toEqual([
      'check:2027-03-15@16:00',
      'check:2027-03-16@16:00',
      'check:2027-03-17@16:00',
      'check:2027-03-18@16:00',
      'check:2027-03-19@16:00',
    ]);
    // Weekly fires on its weekday whatever the working days.
    const weeklyIds = promptsOver('2027-03-15', '2027-03-28', weekly('sat', '10:00'), BERLIN, isWorkday).map(
      (e) => e.id,
    );
    expect(weeklyIds).toEqual(['check:2027-03-20@10:00', 'check:2027-03-27@10:00']);
  });

  it('plans nothing for sign-off and manual cadences, or for an empty range', () => {
    const from = instantAt('2027-03-15', '00:00', BERLIN);
    expect(checkPromptsBetween(from, from + 14 * DAY, { mode: 'signoff' }, BERLIN)).toEqual([]);
    expect(checkPromptsBetween(from, from + 14 * DAY, { mode: 'manual' }, BERLIN)).toEqual([]);
    expect(checkPromptsBetween(from + DAY, from, daily('09:00'), BERLIN)).toEqual([]);
  });

  it('includes a prompt at `from` and excludes one at `to`', () => {
    const at = instantAt('2027-03-16', '16:00', BERLIN);
    expect(checkPromptsBetween(at, at + 1, daily('16:00'), BERLIN).map((e) => e.id)).toEqual([
      'check:2027-03-16@16:00',
    ]);
    expect(checkPromptsBetween(at - HOUR, at, daily('16:00'), BERLIN)).toEqual([]);
  });

  it('keeps local time across the Berlin spring change (2027-03-28)', () => {
    const events = promptsOver('2027-03-27', '2027-03-29', daily('09:00'), BERLIN);
    expect(events.map((e) => toLocalIso(e.start, BERLIN))).toEqual([
      '2027-03-27T09:00:00+01:00',
      '2027-03-28T09:00:00+02:00',
      '2027-03-29T09:00:00+02:00',
    ]);
    const [sat, sun] = events;
    expect(sun && sat && sun.start - sat.start).toBe(23 * HOUR);
  });

  it('moves a time skipped by DST forward but keeps the planned time in the id', () => {
    const events = promptsOver('2027-03-27', '2027-03-29', daily('02:30'), BERLIN);
    expect(events.map((e) => [e.id, toLocalIso(e.start, BERLIN)])).toEqual([
      ['check:2027-03-27@02:30', '2027-03-27T02:30:00+01:00'],
      ['check:2027-03-28@02:30', '2027-03-28T03:30:00+02:00'],
      ['check:2027-03-29@02:30', '2027-03-29T02:30:00+02:00'],
    ]);
  });

  it('plans a repeated autumn time once', () => {
    const events = promptsOver('2027-10-30', '2027-11-01', daily('02:30'), BERLIN);
    expect(events.map((e) => e.id)).toEqual([
      'check:2027-10-30@02:30',
      'check:2027-10-31@02:30',
      'check:2027-11-01@02:30',
    ]);
    expect(events.every((e) => clockTimeOf(e.start, BERLIN) === '02:30')).toBe(true);
  });

  it('keeps local time across the New York spring change (2027-03-14), weekly on Sunday', () => {
    const events = promptsOver('2027-03-01', '2027-03-21', weekly('sun', '16:00'), NEW_YORK);
    expect(events.map((e) => toLocalIso(e.start, NEW_YORK))).toEqual([
      '2027-03-07T16:00:00-05:00',
      '2027-03-14T16:00:00-04:00',
      '2027-03-21T16:00:00-04:00',
    ]);
    const [first, second] = events;
    expect(second && first && second.start - first.start).toBe(7 * DAY - HOUR);
  });

  it('uses the local date of the zone, not UTC, near midnight', () => {
    // 23:30 in New York is already the next day in UTC.
    const events = promptsOver('2027-03-15', '2027-03-16', daily('23:30'), NEW_YORK);
    expect(events.map((e) => e.id)).toEqual(['check:2027-03-15@23:30', 'check:2027-03-16@23:30']);
    expect(new Date(events[0]?.start ?? 0).toISOString()).toBe('2027-03-16T03:30:00.000Z');
  });

  it('gives the same prompts however a range is split (property)', () => {
    const base = instantAt('2027-01-01', '00:00', BERLIN);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 360 * DAY }),
        fc.integer({ min: 1, max: 20 * DAY }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom<Cadence>(
          daily('02:30'),
          daily('09:00'),
          weekly('sun', '02:30'),
          weekly('wed', '23:59'),
        ),
        fc.constantFrom(BERLIN, NEW_YORK, 'Australia/Lord_Howe', 'Asia/Kolkata'),
        (offset, length, cut, cadence, zone) => {
          const from = base + offset;
          const to = from + length;
          const mid = from + Math.floor((length * cut) / 100);
          const whole = checkPromptsBetween(from, to, cadence, zone);
          const split = [
            ...checkPromptsBetween(from, mid, cadence, zone),
            ...checkPromptsBetween(mid, to, cadence, zone),
          ];
          expect(split).toEqual(whole);
          expect(new Set(whole.map((e) => e.id)).size).toBe(whole.length);
          for (const [i, e] of whole.entries()) {
            expect(e.start).toBeGreaterThanOrEqual(from);
            expect(e.start).toBeLessThan(to);
            if (i > 0) expect(e.start).toBeGreaterThan(whole[i - 1]?.start ?? -Infinity);
          }
        },
      ),
    );
  });
});

describe('makeCheckSource', () => {
  it('reads the cadence on every call and skips days without working hours', () => {
    const settings = defaultSettings(BERLIN);
    let cadence: Cadence = daily('16:00');
    const source = makeCheckSource(() => cadence);
    expect(source.name).toBe('check');
    const from = instantAt('2027-03-15', '00:00', BERLIN);
    const to = instantAt('2027-03-22', '00:00', BERLIN);
    expect(collectAgenda([source], from, to, settings).map((e) => e.id)).toEqual([
      'check:2027-03-15@16:00',
      'check:2027-03-16@16:00',
      'check:2027-03-17@16:00',
      'check:2027-03-18@16:00',
      'check:2027-03-19@16:00',
    ]);
    cadence = weekly('sun', '18:00');
    expect(source.eventsBetween(from, to, settings).map((e) => e.id)).toEqual(['check:2027-03-21@18:00']);
    cadence = { mode: 'manual' };
    expect(source.eventsBetween(from, to, settings)).toEqual([]);
  });

  it('plans in the settings’ zone', () => {
    const settings = defaultSettings(NEW_YORK);
    const source = makeCheckSource(() => weekly('fri', '16:00'));
    const from = instantAt('2027-03-15', '00:00', NEW_YORK);
    const [event] = source.eventsBetween(from, from + 7 * DAY, settings);
    expect(event && toLocalIso(event.start, NEW_YORK)).toBe('2027-03-19T16:00:00-04:00');
  });
});
