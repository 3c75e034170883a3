import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectAgenda } from '../../src-main/core/agenda';
import type { Cadence } from '../../src-main/core/checkin-cadence';
import { cadenceOf, checkPromptsBetween, makeCheckSource } from '../../src-main/core/checkin-prompts';
import { fixedRules, RuleBook, type RuleChange, type RulesView } from '../../src-main/core/rules';
import { defaultSettings, type Settings } from '../../src-main/core/settings';
import {
  addLocalDays,
  clockTimeOf,
  instantAt,
  localDateOf,
  toLocalIso,
  type LocalDate,
} from '../../src-main/core/time';
import { hoursOn, type WorkingHours } from '../../src-main/core/working-hours';

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

const nineToFive = { start: '09:00', end: '17:30' };
/** Working hours on every day of the week, so no prompt is moved or skipped for a day off. */
const EVERY_DAY: WorkingHours = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: nineToFive,
  sun: nineToFive,
};

/** Keel's defaults in `zone` (Monday–Friday hours) with `cadence`, and `extra` over them. */
function settingsWith(zone: string, cadence: Cadence | null, extra: Partial<Settings> = {}): Settings {
  const base = defaultSettings(zone);
  return { ...base, checkins: { ...base.checkins, cadence }, ...extra };
}
const rulesWith = (zone: string, cadence: Cadence | null, extra: Partial<Settings> = {}): RulesView =>
  fixedRules(settingsWith(zone, cadence, extra));
/** Every day a working day: the plain cadence, nothing moved. */
const everyDay = (zone: string, cadence: Cadence): RulesView =>
  rulesWith(zone, cadence, { workingHours: EVERY_DAY });

/** Prompts over whole local dates `first`…`last` in the rules' zone. */
function promptsOver(first: LocalDate, last: LocalDate, rules: RulesView) {
  const zone = rules.current.zone;
  const from = instantAt(first, '00:00', zone);
  const to = instantAt(addLocalDays(last, 1), '00:00', zone);
  return checkPromptsBetween(from, to, rules);
}
const idsOver = (first: LocalDate, last: LocalDate, rules: RulesView) =>
  promptsOver(first, last, rules).map((e) => e.id);

describe('checkPromptsBetween', () => {
  it('plans a daily prompt each day with stable ids and the title Quick check', () => {
    // 2027-03-15 is a Monday.
    const events = promptsOver('2027-03-15', '2027-03-17', rulesWith(BERLIN, daily('16:00')));
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

  it('skips days without working hours for daily prompts, and plans every day that has them', () => {
    // Keel's default hours: Monday to Friday.
    expect(idsOver('2027-03-15', '2027-03-21', rulesWith(BERLIN, daily('16:00')))).toEqual([
      'check:2027-03-15@16:00',
      'check:2027-03-16@16:00',
      'check:2027-03-17@16:00',
      'check:2027-03-18@16:00',
      'check:2027-03-19@16:00',
    ]);
    expect(idsOver('2027-03-15', '2027-03-21', everyDay(BERLIN, daily('16:00')))).toHaveLength(7);
  });

  it('fires a weekly prompt on its weekday when that day has working hours', () => {
    expect(idsOver('2027-03-15', '2027-03-28', everyDay(BERLIN, weekly('sat', '10:00')))).toEqual([
      'check:2027-03-20@10:00',
      'check:2027-03-27@10:00',
    ]);
  });

  it('plans nothing for sign-off and manual cadences, or for an empty range', () => {
    const from = instantAt('2027-03-15', '00:00', BERLIN);
    expect(checkPromptsBetween(from, from + 14 * DAY, rulesWith(BERLIN, { mode: 'signoff' }))).toEqual([]);
    expect(checkPromptsBetween(from, from + 14 * DAY, rulesWith(BERLIN, { mode: 'manual' }))).toEqual([]);
    expect(checkPromptsBetween(from + DAY, from, rulesWith(BERLIN, daily('09:00')))).toEqual([]);
  });

  it('includes a prompt at `from` and excludes one at `to`', () => {
    const rules = rulesWith(BERLIN, daily('16:00'));
    const at = instantAt('2027-03-16', '16:00', BERLIN);
    expect(checkPromptsBetween(at, at + 1, rules).map((e) => e.id)).toEqual(['check:2027-03-16@16:00']);
    expect(checkPromptsBetween(at - HOUR, at, rules)).toEqual([]);
  });

  it('keeps local time across the Berlin spring change (2027-03-28)', () => {
    const events = promptsOver('2027-03-27', '2027-03-29', everyDay(BERLIN, daily('09:00')));
    expect(events.map((e) => toLocalIso(e.start, BERLIN))).toEqual([
      '2027-03-27T09:00:00+01:00',
      '2027-03-28T09:00:00+02:00',
      '2027-03-29T09:00:00+02:00',
    ]);
    const [sat, sun] = events;
    expect(sun && sat && sun.start - sat.start).toBe(23 * HOUR);
  });

  it('moves a time skipped by DST forward but keeps the planned time in the id', () => {
    const events = promptsOver('2027-03-27', '2027-03-29', everyDay(BERLIN, daily('02:30')));
    expect(events.map((e) => [e.id, toLocalIso(e.start, BERLIN)])).toEqual([
      ['check:2027-03-27@02:30', '2027-03-27T02:30:00+01:00'],
      ['check:2027-03-28@02:30', '2027-03-28T03:30:00+02:00'],
      ['check:2027-03-29@02:30', '2027-03-29T02:30:00+02:00'],
    ]);
  });

  it('plans a repeated autumn time once', () => {
    const events = promptsOver('2027-10-30', '2027-11-01', everyDay(BERLIN, daily('02:30')));
    expect(events.map((e) => e.id)).toEqual([
      'check:2027-10-30@02:30',
      'check:2027-10-31@02:30',
      'check:2027-11-01@02:30',
    ]);
    expect(events.every((e) => clockTimeOf(e.start, BERLIN) === '02:30')).toBe(true);
  });

  it('keeps local time across the New York spring change (2027-03-14), weekly on Sunday', () => {
    const events = promptsOver('2027-03-01', '2027-03-21', everyDay(NEW_YORK, weekly('sun', '16:00')));
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
    const events = promptsOver('2027-03-15', '2027-03-16', rulesWith(NEW_YORK, daily('23:30')));
    expect(events.map((e) => e.id)).toEqual(['check:2027-03-15@23:30', 'check:2027-03-16@23:30']);
    expect(new Date(events[0]?.start ?? 0).toISOString()).toBe('2027-03-16T03:30:00.000Z');
  });

  it('plans each date by the cadence and hours in force on it', () => {
    // Daily until Wednesday 17 March; from Thursday weekly on Friday; from Friday 19 March
    // Friday has no hours, so that Friday's prompt fires on Thursday.
    const base = settingsWith(BERLIN, daily('16:00'));
    const changes: RuleChange[] = [
      { key: 'checkins', from: '2027-03-18', value: { ...base.checkins, cadence: weekly('fri', '11:00') } },
      { key: 'workingHours', from: '2027-03-19', value: { ...base.workingHours, fri: null } },
    ];
    const book = new RuleBook(base, changes);
    const rules: RulesView = { current: book.on('2027-03-15'), on: (d) => book.on(d) };
    expect(idsOver('2027-03-15', '2027-03-28', rules)).toEqual([
      'check:2027-03-15@16:00',
      'check:2027-03-16@16:00',
      'check:2027-03-17@16:00',
      'check:2027-03-18@11:00',
      'check:2027-03-25@11:00',
    ]);
  });

  it('gives the same prompts however a range is split, never on a day without hours (property)', () => {
    const base = instantAt('2027-01-01', '00:00', BERLIN);
    const holiday = fc
      .tuple(fc.integer({ min: 0, max: 380 }), fc.integer({ min: 0, max: 9 }))
      .map(([start, length]) => ({
        from: addLocalDays('2027-01-01', start),
        to: addLocalDays('2027-01-01', start + length),
      }));
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
          weekly('mon', '16:00'),
        ),
        fc.constantFrom(BERLIN, NEW_YORK, 'Australia/Lord_Howe', 'Asia/Kolkata'),
        fc.boolean(),
        fc.array(holiday, { maxLength: 4 }),
        (offset, length, cut, cadence, zone, weekends, holidays) => {
          const rules = rulesWith(zone, cadence, {
            holidays,
            ...(weekends ? { workingHours: EVERY_DAY } : {}),
          });
          const from = base + offset;
          const to = from + length;
          const mid = from + Math.floor((length * cut) / 100);
          const whole = checkPromptsBetween(from, to, rules);
          const split = [...checkPromptsBetween(from, mid, rules), ...checkPromptsBetween(mid, to, rules)];
          expect(split).toEqual(whole);
          expect(new Set(whole.map((e) => e.id)).size).toBe(whole.length);
          for (const [i, e] of whole.entries()) {
            expect(e.start).toBeGreaterThanOrEqual(from);
            expect(e.start).toBeLessThan(to);
            if (i > 0) expect(e.start).toBeGreaterThan(whole[i - 1]?.start ?? -Infinity);
            const date = e.id.slice('check:'.length, 'check:'.length + 10);
            expect(hoursOn(date, rules.on(date))).not.toBeNull();
          }
        },
      ),
    );
  });
});

describe('a weekly prompt due on a day off (#14)', () => {
  // 2027-03-19 is a Friday; Keel's default hours are Monday to Friday.
  const fridays = (holidays: Settings['holidays']) =>
    idsOver('2027-03-15', '2027-03-21', rulesWith(BERLIN, weekly('fri', '16:00'), { holidays }));

  it('fires on Friday when Friday is a working day', () => {
    expect(fridays([])).toEqual(['check:2027-03-19@16:00']);
  });

  it('fires on Thursday when Friday is a holiday', () => {
    const events = promptsOver(
      '2027-03-15',
      '2027-03-21',
      rulesWith(BERLIN, weekly('fri', '16:00'), { holidays: [{ from: '2027-03-19', to: '2027-03-19' }] }),
    );
    expect(events.map((e) => [e.id, toLocalIso(e.start, BERLIN)])).toEqual([
      ['check:2027-03-18@16:00', '2027-03-18T16:00:00+01:00'],
    ]);
  });

  it('fires on Wednesday when Thursday and Friday are holidays', () => {
    expect(fridays([{ from: '2027-03-18', to: '2027-03-19' }])).toEqual(['check:2027-03-17@16:00']);
  });

  it('is dropped when the whole working week is a holiday', () => {
    expect(fridays([{ from: '2027-03-15', to: '2027-03-19' }])).toEqual([]);
    // …and the next week's prompt is back on its Friday.
    expect(
      idsOver(
        '2027-03-15',
        '2027-03-28',
        rulesWith(BERLIN, weekly('fri', '16:00'), { holidays: [{ from: '2027-03-15', to: '2027-03-19' }] }),
      ),
    ).toEqual(['check:2027-03-26@16:00']);
  });

  it('moves back at most six days', () => {
    const monToSat = { ...EVERY_DAY, sun: null };
    const at = (holidays: Settings['holidays']) =>
      idsOver(
        '2027-03-08',
        '2027-03-21',
        rulesWith(BERLIN, weekly('fri', '16:00'), { workingHours: monToSat, holidays }),
      );
    // Saturday 13 March is six days before Friday 19 March: the last day it may move to.
    expect(at([{ from: '2027-03-14', to: '2027-03-19' }])).toEqual([
      'check:2027-03-12@16:00',
      'check:2027-03-13@16:00',
    ]);
    // With Saturday a holiday too, the day before it is the previous week's own Friday: dropped.
    expect(at([{ from: '2027-03-13', to: '2027-03-19' }])).toEqual(['check:2027-03-12@16:00']);
  });

  it('moves a Monday prompt on a Monday holiday to the Friday before', () => {
    expect(
      idsOver(
        '2027-03-08',
        '2027-03-21',
        rulesWith(BERLIN, weekly('mon', '16:00'), { holidays: [{ from: '2027-03-15', to: '2027-03-15' }] }),
      ),
    ).toEqual(['check:2027-03-08@16:00', 'check:2027-03-12@16:00']);
  });

  it('moves a Saturday prompt to Friday when Saturday has no hours', () => {
    expect(idsOver('2027-03-15', '2027-03-28', rulesWith(BERLIN, weekly('sat', '10:00')))).toEqual([
      'check:2027-03-19@10:00',
      'check:2027-03-26@10:00',
    ]);
  });

  it('is planned in a range that ends before the day it was due', () => {
    // The range stops at Friday's midnight; the prompt due that Friday moved into it.
    const rules = rulesWith(BERLIN, weekly('fri', '16:00'), {
      holidays: [{ from: '2027-03-19', to: '2027-03-19' }],
    });
    const from = instantAt('2027-03-15', '00:00', BERLIN);
    const to = instantAt('2027-03-19', '00:00', BERLIN);
    expect(checkPromptsBetween(from, to, rules).map((e) => e.id)).toEqual(['check:2027-03-18@16:00']);
  });
});

describe('cadenceOf', () => {
  it('is the user’s cadence when set, else weekly on the working day before the one-on-one', () => {
    expect(cadenceOf(settingsWith(BERLIN, daily('10:00')))).toEqual(daily('10:00'));
    expect(cadenceOf(settingsWith(BERLIN, null))).toEqual(weekly('fri', '16:00'));
    expect(cadenceOf(settingsWith(BERLIN, null, { oneOnOne: { weekday: 'mon', time: '10:00' } }))).toEqual(
      weekly('fri', '16:00'),
    );
    expect(cadenceOf(settingsWith(BERLIN, null, { oneOnOne: { weekday: 'thu', time: '10:00' } }))).toEqual(
      weekly('wed', '16:00'),
    );
  });
});

describe('makeCheckSource', () => {
  const from = instantAt('2027-03-15', '00:00', BERLIN);
  const to = instantAt('2027-03-22', '00:00', BERLIN);

  it('reads the cadence from the rules on every call and skips days without working hours, holidays too', () => {
    const source = makeCheckSource();
    expect(source.name).toBe('check');
    const rules = rulesWith(BERLIN, daily('16:00'));
    expect(collectAgenda([source], from, to, rules).map((e) => e.id)).toEqual([
      'check:2027-03-15@16:00',
      'check:2027-03-16@16:00',
      'check:2027-03-17@16:00',
      'check:2027-03-18@16:00',
      'check:2027-03-19@16:00',
    ]);
    const holidays = [{ from: '2027-03-16', to: '2027-03-17' }];
    expect(
      source.eventsBetween(from, to, rulesWith(BERLIN, daily('16:00'), { holidays })).map((e) => e.id),
    ).toEqual(['check:2027-03-15@16:00', 'check:2027-03-18@16:00', 'check:2027-03-19@16:00']);
    // Weekly on Sunday, a day without hours: Friday before.
    expect(
      source.eventsBetween(from, to, rulesWith(BERLIN, weekly('sun', '18:00'))).map((e) => e.id),
    ).toEqual(['check:2027-03-19@18:00']);
    expect(source.eventsBetween(from, to, rulesWith(BERLIN, { mode: 'manual' }))).toEqual([]);
    // No cadence set: Keel's default, Friday at 16:00.
    expect(source.eventsBetween(from, to, rulesWith(BERLIN, null)).map((e) => e.id)).toEqual([
      'check:2027-03-19@16:00',
    ]);
  });

  it('takes the cadence from `cadenceFor` when given', () => {
    const seen: Settings[] = [];
    const rules = rulesWith(BERLIN, { mode: 'manual' });
    const source = makeCheckSource((r) => {
      seen.push(r);
      return daily('08:15');
    });
    expect(source.eventsBetween(from, to, rules).map((e) => e.id)).toEqual([
      'check:2027-03-15@08:15',
      'check:2027-03-16@08:15',
      'check:2027-03-17@08:15',
      'check:2027-03-18@08:15',
      'check:2027-03-19@08:15',
    ]);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r === rules.current)).toBe(true);
  });

  it('plans in the rules’ zone', () => {
    const source = makeCheckSource();
    const start = instantAt('2027-03-15', '00:00', NEW_YORK);
    const [event] = source.eventsBetween(start, start + 7 * DAY, rulesWith(NEW_YORK, weekly('fri', '16:00')));
    expect(event && toLocalIso(event.start, NEW_YORK)).toBe('2027-03-19T16:00:00-04:00');
    expect(localDateOf(event?.start ?? 0, NEW_YORK)).toBe('2027-03-19');
  });
});
