import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  plannedSignoffAt,
  recordSignoff,
  signoffDecision,
  signoffWorkdayOf,
  type SignoffInput,
  type SignoffState,
} from '../../src-main/core/signoff-policy';
import { instantAt, toLocalIso, weekdayOf, WEEKDAYS, type LocalDate } from '../../src-main/core/time';
import type { TimeRange, WorkingHours } from '../../src-main/core/working-hours';
import { propertyRuns } from '../support/thorough';

const zone = 'Europe/Berlin';
const day: TimeRange = { start: '09:00', end: '17:30' };
const weekdays: WorkingHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null };
const everyDay: WorkingHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
const night: TimeRange = { start: '22:00', end: '06:00' };
const nights: WorkingHours = { ...weekdays, mon: night, tue: night };

const MIN = 60_000;
// 2027-03-15 is a Monday.
const MON = '2027-03-15';
const TUE = '2027-03-16';
const SAT = '2027-03-20';
const at = (date: LocalDate, hhmm: string, z = zone): number => instantAt(date, hhmm, z);

function input(now: number, over: Partial<SignoffInput> = {}): SignoffInput {
  return {
    now,
    zone,
    workingHours: weekdays,
    dayBoundary: '04:00',
    idleSeconds: 0,
    presence: { firstActive: now - 4 * 60 * MIN, lastActive: now },
    focusRunning: false,
    state: null,
    ...over,
  };
}

/** Calls the policy at each instant, recording every suggestion shown; returns what each call did. */
function run(
  times: number[],
  over: Partial<SignoffInput> = {},
): { outcomes: string[]; state: SignoffState | null } {
  let state = over.state ?? null;
  const outcomes = times.map((now) => {
    const d = signoffDecision(input(now, { ...over, state }));
    if (d.kind === 'suggest') {
      state = recordSignoff(state, d.workday, 'suggested', now);
      return `suggest:${d.reason}:${d.reminder}`;
    }
    return d.kind === 'none' ? `none:${d.why}` : `held:${d.reason}`;
  });
  return { outcomes, state };
}

describe('plannedSignoffAt', () => {
  it('is the end of working hours, or null on a day off', () => {
    expect(plannedSignoffAt(MON, { zone, workingHours: weekdays })).toBe(at(MON, '17:30'));
    expect(plannedSignoffAt(SAT, { zone, workingHours: weekdays })).toBeNull();
  });

  it('ends hours that cross midnight on the next date', () => {
    const end = plannedSignoffAt(MON, { zone, workingHours: nights });
    expect(end && toLocalIso(end, zone)).toBe('2027-03-16T06:00:00+01:00');
  });

  it('keeps the local end time on the 2027 Berlin DST days', () => {
    const spring = plannedSignoffAt('2027-03-28', { zone, workingHours: everyDay });
    expect(spring && toLocalIso(spring, zone)).toBe('2027-03-28T17:30:00+02:00');
    const autumn = plannedSignoffAt('2027-10-31', { zone, workingHours: everyDay });
    expect(autumn && toLocalIso(autumn, zone)).toBe('2027-10-31T17:30:00+01:00');
    // A night shift over the spring change is one hour shorter but still ends at 06:00 local.
    const short = plannedSignoffAt('2027-03-27', { zone, workingHours: { ...everyDay, sat: night } });
    expect(short && toLocalIso(short, zone)).toBe('2027-03-28T06:00:00+02:00');
    // An end inside the DST gap moves forward by the gap's length (02:30 becomes 03:30).
    const gap = plannedSignoffAt('2027-03-27', {
      zone,
      workingHours: { ...everyDay, sat: { start: '20:00', end: '02:30' } },
    });
    expect(gap && toLocalIso(gap, zone)).toBe('2027-03-28T03:30:00+02:00');
  });
});

describe('signoffWorkdayOf', () => {
  const settings = { zone, workingHours: nights, dayBoundary: '04:00' };

  it('keeps a night shift’s workday past the boundary until after its end', () => {
    expect(signoffWorkdayOf(at(TUE, '03:59'), settings)).toBe(MON);
    expect(signoffWorkdayOf(at(TUE, '05:59'), settings)).toBe(MON);
    expect(signoffWorkdayOf(at(TUE, '06:00'), settings)).toBe(MON);
    expect(signoffWorkdayOf(at(TUE, '08:59'), settings)).toBe(MON);
    expect(signoffWorkdayOf(at(TUE, '09:00'), settings)).toBe(TUE);
  });

  it('stops the late window at the next hours’ start', () => {
    const early = { ...settings, workingHours: { ...nights, tue: { start: '07:00', end: '15:00' } } };
    expect(signoffWorkdayOf(at(TUE, '06:59'), early)).toBe(MON);
    expect(signoffWorkdayOf(at(TUE, '07:00'), early)).toBe(TUE);
  });

  it('is workdayOf for daytime hours', () => {
    const day = { ...settings, workingHours: weekdays };
    expect(signoffWorkdayOf(at(TUE, '03:59'), day)).toBe(MON);
    expect(signoffWorkdayOf(at(TUE, '04:00'), day)).toBe(TUE);
  });
});

describe('signoffDecision', () => {
  it('suggests at the end of working hours, not a moment before', () => {
    const end = at(MON, '17:30');
    expect(signoffDecision(input(end - 1))).toEqual({ kind: 'none', why: 'not-due', workday: MON });
    expect(signoffDecision(input(end))).toEqual({
      kind: 'suggest',
      reason: 'end-of-hours',
      reminder: 0,
      workday: MON,
      title: 'Time to sign off?',
      actions: ['sign-off', 'snooze', 'not-today'],
    });
    expect(signoffDecision(input(end + MIN))).toMatchObject({ kind: 'suggest', reminder: 0 });
  });

  it('reminds twice, 30 minutes apart, then stays silent', () => {
    const times = ['17:30', '17:45', '17:59', '18:00', '18:29', '18:30', '19:00', '21:00', '23:59'];
    const { outcomes, state } = run(times.map((t) => at(MON, t)));
    expect(outcomes).toEqual([
      'suggest:end-of-hours:0',
      'none:too-soon',
      'none:too-soon',
      'suggest:end-of-hours:1',
      'none:too-soon',
      'suggest:end-of-hours:2',
      'none:cap-reached',
      'none:cap-reached',
      'none:cap-reached',
    ]);
    expect(run([at(TUE, '03:59')], { state }).outcomes).toEqual(['none:cap-reached']);
  });

  it('honours a custom reminder gap', () => {
    const times = ['17:30', '17:39', '17:40'].map((t) => at(MON, t));
    expect(run(times, { reminderGapMinutes: 10 }).outcomes).toEqual([
      'suggest:end-of-hours:0',
      'none:too-soon',
      'suggest:end-of-hours:1',
    ]);
  });

  it('snoozes 15 minutes, and the snooze end replaces the gap', () => {
    let state = recordSignoff(null, MON, 'suggested', at(MON, '17:30'));
    state = recordSignoff(state, MON, 'snooze', at(MON, '17:31'));
    expect(state.snoozedUntil).toBe(at(MON, '17:46'));
    expect(signoffDecision(input(at(MON, '17:45'), { state }))).toMatchObject({
      kind: 'none',
      why: 'snoozed',
    });
    expect(signoffDecision(input(at(MON, '17:46'), { state }))).toMatchObject({
      kind: 'suggest',
      reminder: 1,
    });
    // After a reminder that follows the snooze, the usual gap applies again.
    state = recordSignoff(state, MON, 'suggested', at(MON, '17:46'));
    expect(signoffDecision(input(at(MON, '18:15'), { state }))).toMatchObject({ why: 'too-soon' });
    expect(signoffDecision(input(at(MON, '18:16'), { state }))).toMatchObject({
      kind: 'suggest',
      reminder: 2,
    });
  });

  it('falls silent for the workday on "Not today", and starts over the next workday', () => {
    const state = recordSignoff(
      recordSignoff(null, MON, 'suggested', at(MON, '17:30')),
      MON,
      'not-today',
      at(MON, '17:31'),
    );
    for (const now of [at(MON, '18:30'), at(MON, '23:00'), at(TUE, '03:59')]) {
      expect(signoffDecision(input(now, { state }))).toEqual({
        kind: 'none',
        why: 'not-today',
        workday: MON,
      });
    }
    expect(signoffDecision(input(at(TUE, '17:30'), { state }))).toMatchObject({
      kind: 'suggest',
      reminder: 0,
      workday: TUE,
    });
  });

  it('falls silent once the user signs off, even if they come back', () => {
    const state = recordSignoff(null, MON, 'sign-off', at(MON, '17:35'));
    expect(signoffDecision(input(at(MON, '20:00'), { state }))).toMatchObject({ why: 'signed-off' });
  });

  it('holds a due suggestion during a focus block and delivers it after', () => {
    const held = signoffDecision(input(at(MON, '17:30'), { focusRunning: true }));
    expect(held).toEqual({ kind: 'held', reason: 'end-of-hours', reminder: 0, workday: MON });
    expect(signoffDecision(input(at(MON, '17:31'), { focusRunning: false }))).toMatchObject({
      kind: 'suggest',
      reminder: 0,
    });
    // Nothing to hold when nothing is due.
    expect(signoffDecision(input(at(MON, '17:00'), { focusRunning: true }))).toMatchObject({
      why: 'not-due',
    });
  });

  it('never suggests to an idle or away user', () => {
    const now = at(MON, '17:30');
    expect(signoffDecision(input(now, { idleSeconds: 299 }))).toMatchObject({ kind: 'suggest' });
    expect(signoffDecision(input(now, { idleSeconds: 300 }))).toMatchObject({ kind: 'none', why: 'idle' });
    expect(signoffDecision(input(now, { idleSeconds: 3600, focusRunning: true }))).toMatchObject({
      why: 'idle',
    });
    expect(signoffDecision(input(now, { idleSeconds: 60, idleThresholdSeconds: 60 }))).toMatchObject({
      why: 'idle',
    });
  });

  it('suggests when the day runs long, before the end of hours', () => {
    const now = at(MON, '16:00');
    const presence = (from: string, to: string) => ({ firstActive: at(MON, from), lastActive: at(MON, to) });
    expect(signoffDecision(input(now, { presence: presence('07:01', '16:00') }))).toMatchObject({
      why: 'not-due',
    });
    expect(signoffDecision(input(now, { presence: presence('07:00', '16:00') }))).toMatchObject({
      kind: 'suggest',
      reason: 'long-day',
      reminder: 0,
    });
    expect(
      signoffDecision(input(now, { presence: presence('08:00', '16:00'), longDayCapMinutes: 480 })),
    ).toMatchObject({ kind: 'suggest', reason: 'long-day' });
    expect(signoffDecision(input(now, { presence: { firstActive: null, lastActive: null } }))).toMatchObject({
      why: 'not-due',
    });
  });

  it('shares one cap between the long-day and end-of-hours suggestions', () => {
    const presence = { firstActive: at(MON, '06:00'), lastActive: at(MON, '16:00') };
    const times = ['16:00', '16:30', '17:30', '18:00'].map((t) => at(MON, t));
    expect(run(times, { presence }).outcomes).toEqual([
      'suggest:long-day:0',
      'suggest:long-day:1',
      'suggest:end-of-hours:2',
      'none:cap-reached',
    ]);
  });

  it('keeps the workday across midnight until the day boundary', () => {
    const state = recordSignoff(null, MON, 'suggested', at(MON, '23:45'));
    expect(signoffDecision(input(at(TUE, '00:00'), { state }))).toMatchObject({
      why: 'too-soon',
      workday: MON,
    });
    expect(signoffDecision(input(at(TUE, '00:15'), { state }))).toMatchObject({
      kind: 'suggest',
      reminder: 1,
      workday: MON,
    });
    expect(signoffDecision(input(at(TUE, '03:59'), { state: null }))).toMatchObject({
      kind: 'suggest',
      workday: MON,
    });
    expect(signoffDecision(input(at(TUE, '04:00'), { state }))).toEqual({
      kind: 'none',
      why: 'not-due',
      workday: TUE,
    });
  });

  it('signs off a night shift (22:00–06:00) on the next morning', () => {
    const times: [LocalDate, string][] = [
      [MON, '23:00'],
      [TUE, '03:59'],
      [TUE, '04:00'],
      [TUE, '05:59'],
      [TUE, '06:00'],
      [TUE, '06:30'],
      [TUE, '07:00'],
      [TUE, '07:30'],
      [TUE, '09:00'],
    ];
    const presence = { firstActive: at(MON, '22:00'), lastActive: at(TUE, '06:00') };
    const { outcomes, state } = run(
      times.map(([d, t]) => at(d, t)),
      { workingHours: nights, presence },
    );
    expect(outcomes).toEqual([
      'none:not-due',
      'none:not-due',
      'none:not-due',
      'none:not-due',
      'suggest:end-of-hours:0',
      'suggest:end-of-hours:1',
      'suggest:end-of-hours:2',
      'none:cap-reached',
      'none:not-due',
    ]);
    expect(state?.workday).toBe(MON);
  });

  it('keeps the local end time on the 2027 Berlin DST days', () => {
    for (const [date, offset] of [
      ['2027-03-28', '+02:00'],
      ['2027-10-31', '+01:00'],
    ] as const) {
      const end = Date.parse(`${date}T17:30:00${offset}`);
      const over = { workingHours: everyDay, presence: { firstActive: end - 6 * 60 * MIN, lastActive: end } };
      expect(signoffDecision(input(end - MIN, over))).toMatchObject({ why: 'not-due', workday: date });
      expect(signoffDecision(input(end, over))).toMatchObject({
        kind: 'suggest',
        reminder: 0,
        workday: date,
      });
    }
  });

  it('does not replay missed suggestions after sleep', () => {
    // Asleep from 17:00 to 21:00: one suggestion on waking if active, and reminders keep their gap.
    const wake = at(MON, '21:00');
    expect(signoffDecision(input(wake, { idleSeconds: 4 * 3600 }))).toMatchObject({ why: 'idle' });
    const { outcomes } = run([wake, wake + MIN, wake + 10 * MIN, wake + 30 * MIN], { idleSeconds: 0 });
    expect(outcomes).toEqual([
      'suggest:end-of-hours:0',
      'none:too-soon',
      'none:too-soon',
      'suggest:end-of-hours:1',
    ]);
    // Asleep through the night: the next morning is a new workday, and nothing is due yet.
    const state = recordSignoff(null, MON, 'suggested', at(MON, '16:59'));
    expect(signoffDecision(input(at(TUE, '09:00'), { state }))).toEqual({
      kind: 'none',
      why: 'not-due',
      workday: TUE,
    });
  });

  it('ignores a state kept for another workday', () => {
    const state: SignoffState = {
      workday: '2027-03-14',
      suggestedAt: [1, 2, 3],
      snoozedUntil: null,
      notToday: true,
      signedOffAt: 4,
    };
    expect(signoffDecision(input(at(MON, '17:30'), { state }))).toMatchObject({
      kind: 'suggest',
      reminder: 0,
    });
  });

  it('is silent on a day off, even on a long weekend day past the cap (#14)', () => {
    const now = at(SAT, '20:00');
    const short = { firstActive: at(SAT, '14:00'), lastActive: now };
    expect(signoffDecision(input(now, { presence: short }))).toEqual({
      kind: 'none',
      why: 'day-off',
      workday: SAT,
    });
    // Ten hours of weekend work: past the 9-hour cap, and still no prompt.
    const long = { firstActive: at(SAT, '10:00'), lastActive: now };
    expect(signoffDecision(input(now, { presence: long }))).toEqual({
      kind: 'none',
      why: 'day-off',
      workday: SAT,
    });
    // With hours on Saturday the same day is a workday again: the long-day rule fires before its end.
    const before = at(SAT, '17:00');
    const longBefore = { firstActive: at(SAT, '07:30'), lastActive: before };
    expect(signoffDecision(input(before, { presence: longBefore }))).toMatchObject({ why: 'day-off' });
    expect(signoffDecision(input(before, { presence: longBefore, workingHours: everyDay }))).toMatchObject({
      kind: 'suggest',
      reason: 'long-day',
      workday: SAT,
    });
  });

  it('is silent on a holiday, past the end of hours and past the long-day cap (#14)', () => {
    const holidays = [{ from: MON, to: MON, note: 'Bank holiday' }];
    const now = at(MON, '20:00');
    const long = { firstActive: at(MON, '09:00'), lastActive: now };
    expect(signoffDecision(input(now, { presence: long, holidays }))).toEqual({
      kind: 'none',
      why: 'day-off',
      workday: MON,
    });
    // Not even during a focus block (nothing is held), and the day after is a workday again.
    expect(signoffDecision(input(now, { presence: long, holidays, focusRunning: true }))).toMatchObject({
      kind: 'none',
      why: 'day-off',
    });
    expect(signoffDecision(input(at(TUE, '17:30'), { holidays }))).toMatchObject({
      kind: 'suggest',
      reason: 'end-of-hours',
      workday: TUE,
    });
  });

  it('keeps a night shift’s workday past midnight when the next date is a holiday', () => {
    // Monday 22:00–06:00; Tuesday a holiday. Tuesday 06:00 is the end of Monday's hours.
    const holidays = [{ from: TUE, to: TUE }];
    expect(signoffDecision(input(at(TUE, '06:00'), { workingHours: nights, holidays }))).toMatchObject({
      kind: 'suggest',
      reason: 'end-of-hours',
      workday: MON,
    });
  });
});

describe('signoffDecision properties', () => {
  const clock = fc.integer({ min: 0, max: 24 * 60 - 1 }).map((m) => {
    const hh = String(Math.floor(m / 60)).padStart(2, '0');
    const mm = String(m % 60).padStart(2, '0');
    return `${hh}:${mm}`;
  });
  const range = fc
    .tuple(clock, clock)
    .filter(([a, b]) => a !== b)
    .map(([start, end]) => ({ start, end }));
  const hours = fc
    .tuple(...WEEKDAYS.map(() => fc.option(range, { nil: null })))
    .map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i] ?? null])) as WorkingHours);
  const step = fc.record({
    advanceMinutes: fc.oneof(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 600 })),
    idleSeconds: fc.constantFrom(0, 0, 0, 30, 299, 300, 3600),
    focusRunning: fc.boolean(),
    answer: fc.constantFrom('ignore', 'ignore', 'ignore', 'snooze', 'not-today', 'sign-off'),
  });

  it('never suggests more than 3 times in a workday, nor when idle, in focus or on a day off', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'),
        hours,
        clock,
        fc.integer({ min: Date.parse('2027-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
        fc.array(step, { minLength: 1, maxLength: 120 }),
        (zone, workingHours, dayBoundary, start, steps) => {
          let now = start;
          let state: SignoffState | null = null;
          const presence = new Map<LocalDate, { firstActive: number; lastActive: number }>();
          const shown = new Map<LocalDate, number[]>();
          for (const s of steps) {
            now += s.advanceMinutes * MIN;
            const workday = signoffWorkdayOf(now, { zone, workingHours, dayBoundary });
            if (s.idleSeconds < 300) {
              const p = presence.get(workday);
              presence.set(workday, { firstActive: p?.firstActive ?? now, lastActive: now });
            }
            const d = signoffDecision({
              now,
              zone,
              workingHours,
              dayBoundary,
              idleSeconds: s.idleSeconds,
              presence: presence.get(workday) ?? { firstActive: null, lastActive: null },
              focusRunning: s.focusRunning,
              state,
            });
            expect(d.workday).toBe(workday);
            // Nothing at all on a day off: not even a held suggestion.
            if (workingHours[weekdayOf(workday)] === null) expect(d).toMatchObject({ why: 'day-off' });
            if (d.kind !== 'suggest') continue;
            expect(s.idleSeconds).toBeLessThan(300);
            expect(s.focusRunning).toBe(false);
            const times = [...(shown.get(workday) ?? []), now];
            shown.set(workday, times);
            expect(times.length).toBeLessThanOrEqual(3);
            expect(d.reminder).toBe(times.length - 1);
            if (times.length > 1) expect(now - (times.at(-2) as number)).toBeGreaterThanOrEqual(15 * MIN);
            state = recordSignoff(state, workday, 'suggested', now);
            if (s.answer !== 'ignore') state = recordSignoff(state, workday, s.answer, now);
          }
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});
