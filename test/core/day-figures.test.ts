import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayFigures,
  focusTotals,
  type DayFiguresInput,
  type WorkdayFacts,
} from '../../src-main/core/day-figures';
import type { FocusSession, Interruption } from '../../src-main/core/focus';
import { occurrencesOn } from '../../src-main/core/focus-plan';
import { focusStats } from '../../src-main/core/focus-stats';
import { defaultSettings, type Settings } from '../../src-main/core/settings';
import { addLocalDays, instantAt, type LocalDate } from '../../src-main/core/time';
import { COUNTING_ALL_ALONG, figuresOver, interruptionOf, ranSession } from '../helpers/figures';
import { propertyRuns } from '../support/thorough';

const zone = 'Europe/Berlin';
const at = (date: LocalDate, hhmm: string, z = zone) => instantAt(date, hhmm, z);
/** Mon–Fri 09:00–17:30; blocks 09:00–11:00 and 14:00–16:00 each weekday: 240 minutes a day. */
const settings = defaultSettings(zone);
// 2027-03-15 is a Monday.
const MON = '2027-03-15';
const TUE = '2027-03-16';
const SAT = '2027-03-20';

const facts = (date: LocalDate, first: string, last: string, signed?: string): WorkdayFacts => ({
  date,
  firstActive: at(date, first),
  lastActive: at(date, last),
  signedOffAt: signed ? at(date, signed) : null,
});

type FiguresOver = Partial<Omit<DayFiguresInput, 'focus'>> & {
  sessions?: FocusSession[];
  interruptions?: Interruption[];
};

function figures(date: LocalDate, over: FiguresOver = {}) {
  const { sessions = [], interruptions = [], ...rest } = over;
  const now = rest.now ?? at('2027-03-25', '12:00');
  return dayFigures({
    date,
    rules: settings,
    zone,
    workday: undefined,
    focus: focusTotals(sessions, interruptions, now),
    now,
    today: '2027-03-25',
    countFrom: COUNTING_ALL_ALONG,
    ...rest,
  });
}

describe('planned focus time', () => {
  it('is the plan’s blocks on a working day', () => {
    expect(figures(MON)).toMatchObject({
      counting: 'counted',
      dayOff: false,
      holiday: null,
      focusPaused: false,
      plannedFocusMinutes: 240,
    });
  });

  it('never includes a holiday, a pause or a day without working hours', () => {
    const holiday = figures(MON, {
      rules: { ...settings, holidays: [{ from: MON, to: MON, note: 'Easter' }] },
    });
    expect(holiday).toMatchObject({ holiday: 'Easter', dayOff: true, plannedFocusMinutes: 0 });
    const unnamed = figures(MON, { rules: { ...settings, holidays: [{ from: MON, to: MON }] } });
    expect(unnamed.holiday).toBe('Holiday');
    const paused = figures(MON, { rules: { ...settings, focusPauses: [{ from: MON, to: TUE }] } });
    expect(paused).toMatchObject({ focusPaused: true, dayOff: false, plannedFocusMinutes: 0 });
    // A Saturday block in the plan, but Saturday has no hours.
    const saturdayPlan: Settings = {
      ...settings,
      focusPlan: [...settings.focusPlan, { weekday: 'sat', start: '10:00', end: '12:00' }],
    };
    expect(figures(SAT, { rules: saturdayPlan })).toMatchObject({ dayOff: true, plannedFocusMinutes: 0 });
    const saturdayHours: Settings = {
      ...saturdayPlan,
      workingHours: { ...settings.workingHours, sat: { start: '10:00', end: '14:00' } },
    };
    expect(figures(SAT, { rules: saturdayHours })).toMatchObject({ dayOff: false, plannedFocusMinutes: 120 });
  });

  it('never includes a holiday, pause or day off, whatever the rules (property)', () => {
    const dates = Array.from({ length: 14 }, (_, i) => addLocalDays(MON, i));
    const hoursArb = fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const);
    const spanArb = fc
      .tuple(fc.constantFrom(...dates), fc.integer({ min: 0, max: 3 }))
      .map(([from, n]) => ({ from, to: addLocalDays(from, n) }));
    fc.assert(
      fc.property(
        hoursArb,
        fc.array(spanArb, { maxLength: 3 }),
        fc.array(spanArb, { maxLength: 3 }),
        fc.constantFrom(...dates),
        (off, holidays, focusPauses, date) => {
          const workingHours = { ...settings.workingHours };
          for (const d of off) workingHours[d] = null;
          const focusPlan = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((weekday) => ({
            weekday,
            start: '10:00',
            end: '11:30',
          }));
          const rules: Settings = { ...settings, workingHours, holidays, focusPauses, focusPlan };
          const f = figures(date, { rules });
          const within = (spans: { from: string; to: string }[]) =>
            spans.some((s) => s.from <= date && date <= s.to);
          const planned = !within(holidays) && !within(focusPauses) && f.hours !== null;
          expect(f.plannedFocusMinutes).toBe(planned ? 90 : 0);
          expect(f.dayOff).toBe(f.hours === null);
          expect(f.holiday !== null).toBe(within(holidays));
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it('counts from the moment Keel began counting on its first day', () => {
    // Blocks 09:00–11:00 and 14:00–16:00.
    expect(figures(MON, { countFrom: at(MON, '10:00') })).toMatchObject({
      counting: 'first',
      plannedFocusMinutes: 60 + 120,
    });
    expect(figures(MON, { countFrom: at(MON, '12:00') }).plannedFocusMinutes).toBe(120);
    expect(figures(MON, { countFrom: at(MON, '15:45') }).plannedFocusMinutes).toBe(15);
    expect(figures(MON, { countFrom: at(MON, '16:00') }).plannedFocusMinutes).toBe(0);
    // From its very first instant the day is counted whole.
    expect(figures(MON, { countFrom: at(MON, '00:00') })).toMatchObject({
      counting: 'counted',
      plannedFocusMinutes: 240,
    });
    // The next day is counted whole.
    expect(figures(TUE, { countFrom: at(MON, '15:45') })).toMatchObject({
      counting: 'counted',
      plannedFocusMinutes: 240,
    });
  });

  it('reads the blocks in the zone the day was recorded in', () => {
    const f = figures(MON, { zone: 'America/New_York', countFrom: at(MON, '10:00', 'America/New_York') });
    expect(f).toMatchObject({ zone: 'America/New_York', counting: 'first', plannedFocusMinutes: 180 });
    expect(occurrencesOn(MON, settings, 'America/New_York')[0]?.start).toBe(
      at(MON, '09:00', 'America/New_York'),
    );
  });
});

describe('a day before Keel was counting', () => {
  const countFrom = at(TUE, '08:00');

  it('is "before": nothing planned, and neither late nor missed', () => {
    const f = figures(MON, {
      countFrom,
      workday: facts(MON, '09:00', '23:30'),
      sessions: [ranSession(MON, '09:00', 60, zone)],
    });
    expect(f).toMatchObject({
      counting: 'before',
      plannedFocusMinutes: 0,
      late: false,
      missedSignoff: false,
      settledWorkday: false,
      workedDayOff: false,
      // What was recorded is still shown as it was.
      lastActive: at(MON, '23:30'),
      protectedFocusMinutes: 60,
    });
  });

  it('has no day off worked either', () => {
    const f = figures(SAT, { countFrom: at('2027-03-22', '08:00'), workday: facts(SAT, '10:00', '12:00') });
    expect(f).toMatchObject({ counting: 'before', dayOff: true, workedDayOff: false });
    // Counted, the same Saturday is a day off with some work.
    expect(figures(SAT, { workday: facts(SAT, '10:00', '12:00') }).workedDayOff).toBe(true);
  });
});

describe('the first evening', () => {
  it('is not late nor a missed sign-off when Keel first started at 22:55, after the end of hours', () => {
    const f = figures(MON, { countFrom: at(MON, '22:55'), workday: facts(MON, '22:55', '23:50') });
    expect(f).toMatchObject({
      counting: 'first',
      endOfHours: at(MON, '17:30'),
      late: false,
      missedSignoff: false,
      settledWorkday: false,
      plannedFocusMinutes: 0,
    });
  });

  it('is judged when Keel was running by the end of hours', () => {
    const f = figures(MON, { countFrom: at(MON, '17:30'), workday: facts(MON, '17:30', '23:50') });
    expect(f).toMatchObject({ counting: 'first', late: true, missedSignoff: true, settledWorkday: true });
  });
});

describe('late and sign-offs', () => {
  it('uses the working hours passed in the rules', () => {
    const day = facts(MON, '09:00', '19:00', '19:00');
    expect(figures(MON, { workday: day })).toMatchObject({ endOfHours: at(MON, '17:30'), late: true });
    const longer: Settings = {
      ...settings,
      workingHours: { ...settings.workingHours, mon: { start: '10:00', end: '18:30' } },
    };
    expect(figures(MON, { rules: longer, workday: day })).toMatchObject({
      hours: { start: '10:00', end: '18:30' },
      endOfHours: at(MON, '18:30'),
      late: false,
    });
  });

  it('is late only more than 30 minutes after the end of hours', () => {
    expect(figures(MON, { workday: facts(MON, '09:00', '18:00') }).late).toBe(false);
    expect(figures(MON, { workday: facts(MON, '09:00', '18:01') }).late).toBe(true);
  });

  it('reads the end of hours in the zone the day is read in', () => {
    const f = figures(MON, { zone: 'Asia/Tokyo', workday: facts(MON, '09:00', '17:00') });
    expect(f.endOfHours).toBe(at(MON, '17:30', 'Asia/Tokyo'));
    // 17:00 in Berlin is 01:00 the next day in Tokyo: far past 17:30 there.
    expect(f.late).toBe(true);
  });

  it('ends hours that run past midnight on the next date', () => {
    const nights: Settings = {
      ...settings,
      workingHours: { ...settings.workingHours, mon: { start: '22:00', end: '06:00' } },
    };
    const f = figures(MON, {
      rules: nights,
      workday: { date: MON, firstActive: at(MON, '22:00'), lastActive: at(TUE, '06:20'), signedOffAt: null },
    });
    expect(f).toMatchObject({ endOfHours: at(TUE, '06:00'), late: false, missedSignoff: true });
  });

  it('does not call today’s missing sign-off missed yet', () => {
    const day = facts(MON, '09:00', '17:00');
    expect(figures(MON, { workday: day, today: MON })).toMatchObject({
      missedSignoff: false,
      settledWorkday: false,
    });
    expect(figures(MON, { workday: day, today: TUE })).toMatchObject({
      missedSignoff: true,
      settledWorkday: true,
    });
    expect(figures(MON, { workday: facts(MON, '09:00', '17:00', '17:00'), today: TUE })).toMatchObject({
      missedSignoff: false,
      settledWorkday: true,
      signedOffAt: at(MON, '17:00'),
    });
  });

  it('has no workday without activity, and no sign-off judged on a day off', () => {
    expect(figures(MON)).toMatchObject({ firstActive: null, settledWorkday: false, missedSignoff: false });
    const holiday = figures(MON, {
      rules: { ...settings, holidays: [{ from: MON, to: MON }] },
      workday: facts(MON, '09:00', '20:00'),
    });
    expect(holiday).toMatchObject({
      dayOff: true,
      endOfHours: null,
      late: false,
      missedSignoff: false,
      workedDayOff: true,
    });
  });
});

describe('protected focus time', () => {
  it('sums the day’s sessions, whole minutes each, and counts interruptions by kind', () => {
    const a = ranSession(MON, '09:00', 30, zone);
    const b = ranSession(MON, '14:00', 45, zone);
    // 44 minutes and 59 seconds: 44 whole minutes.
    const c: FocusSession = { ...ranSession(MON, '16:00', 45, zone), endedAt: at(MON, '16:44') + 59_000 };
    const f = figures(MON, {
      sessions: [a, b, c],
      interruptions: [interruptionOf(a, 'chat'), interruptionOf(b, 'chat'), interruptionOf(c, 'incident')],
    });
    expect(f.protectedFocusMinutes).toBe(30 + 45 + 44);
    expect(f.interruptions).toEqual({ meeting: 0, chat: 2, incident: 1, other: 0 });
  });

  it('counts a running block up to now, and never past its planned end', () => {
    const running: FocusSession = { ...ranSession(MON, '09:00', 120, zone), endedAt: null, endReason: null };
    expect(figures(MON, { sessions: [running], now: at(MON, '09:50') }).protectedFocusMinutes).toBe(50);
    expect(figures(MON, { sessions: [running], now: at(MON, '13:00') }).protectedFocusMinutes).toBe(120);
  });

  it('counts a block started on the spot on a day off', () => {
    const f = figures(SAT, { sessions: [ranSession(SAT, '10:00', 25, zone)] });
    expect(f).toMatchObject({ dayOff: true, plannedFocusMinutes: 0, protectedFocusMinutes: 25 });
  });
});

describe('focusStats', () => {
  it('sums the days’ figures per day, per Monday-based week and in total, and changes none', () => {
    const sessions = [
      ranSession('2027-03-19', '09:00', 30, zone),
      ranSession('2027-03-22', '09:00', 60, zone),
    ];
    const interruptions = [interruptionOf(sessions[0] as FocusSession, 'meeting')];
    const days = figuresOver({
      rules: settings,
      from: '2027-03-18',
      to: '2027-03-23',
      today: '2027-03-25',
      sessions,
      interruptions,
    });
    const copy = structuredClone(days);
    const stats = focusStats(days);
    expect(days).toEqual(copy);
    expect(stats.days.map((d) => [d.date, d.plannedMinutes, d.protectedMinutes])).toEqual([
      ['2027-03-18', 240, 0],
      ['2027-03-19', 240, 30],
      ['2027-03-20', 0, 0],
      ['2027-03-21', 0, 0],
      ['2027-03-22', 240, 60],
      ['2027-03-23', 240, 0],
    ]);
    expect(stats.weeks).toEqual([
      {
        weekOf: '2027-03-15',
        plannedMinutes: 480,
        protectedMinutes: 30,
        interruptions: { meeting: 1, chat: 0, incident: 0, other: 0 },
      },
      {
        weekOf: '2027-03-22',
        plannedMinutes: 480,
        protectedMinutes: 60,
        interruptions: { meeting: 0, chat: 0, incident: 0, other: 0 },
      },
    ]);
    expect(stats.totals).toEqual({
      plannedMinutes: 960,
      protectedMinutes: 90,
      interruptions: { meeting: 1, chat: 0, incident: 0, other: 0 },
    });
    expect(focusStats([])).toEqual({
      days: [],
      weeks: [],
      totals: {
        plannedMinutes: 0,
        protectedMinutes: 0,
        interruptions: { meeting: 0, chat: 0, incident: 0, other: 0 },
      },
    });
  });
});
