import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectAgenda } from '../../src-main/core/agenda';
import type { Cadence } from '../../src-main/core/checkin-cadence';
import { checkPromptsBetween, makeCheckSource } from '../../src-main/core/checkin-prompts';
import { defaultSettings } from '../../src-main/core/settings';
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
  it('reads the cadence on every call and skips days without working hours, holidays too', () => {
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
    const holidays = [{ from: '2027-03-16', to: '2027-03-17' }];
    expect(source.eventsBetween(from, to, { ...settings, holidays }).map((e) => e.id)).toEqual([
      'check:2027-03-15@16:00',
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
