import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expandFocusPlan,
  occurrenceAt,
  planPauses,
  type FocusPause,
  type FocusRule,
} from '../../src-main/core/focus-plan';
import { defaultSettings, settingSchemas } from '../../src-main/core/settings';
import {
  addLocalDays,
  clockTimeOf,
  instantAt,
  localDateOf,
  minutesOfDay,
  toLocalIso,
  weekdayOf,
  WEEKDAYS,
} from '../../src-main/core/time';
import { propertyRuns } from '../support/thorough';

const plan = defaultSettings('UTC').focusPlan;
const range = (fromDate: string, toDate: string, zone: string): [number, number] => [
  instantAt(fromDate, '00:00', zone),
  instantAt(addLocalDays(toDate, 1), '00:00', zone),
];

describe('expandFocusPlan', () => {
  it('keeps 09:00–11:00 local across the 2027 US DST changes', () => {
    const zone = 'America/New_York';
    const spring = expandFocusPlan(plan, [], ...range('2027-03-12', '2027-03-15', zone), zone);
    expect(spring.map((o) => `${toLocalIso(o.start, zone)}/${toLocalIso(o.end, zone)}`)).toEqual([
      '2027-03-12T09:00:00-05:00/2027-03-12T11:00:00-05:00',
      '2027-03-12T14:00:00-05:00/2027-03-12T16:00:00-05:00',
      '2027-03-15T09:00:00-04:00/2027-03-15T11:00:00-04:00',
      '2027-03-15T14:00:00-04:00/2027-03-15T16:00:00-04:00',
    ]);
    const autumn = expandFocusPlan(plan, [], ...range('2027-11-05', '2027-11-08', zone), zone);
    expect(autumn.map((o) => toLocalIso(o.start, zone))).toEqual([
      '2027-11-05T09:00:00-04:00',
      '2027-11-05T14:00:00-04:00',
      '2027-11-08T09:00:00-05:00',
      '2027-11-08T14:00:00-05:00',
    ]);
  });

  it('keeps local times across the 2027 EU DST changes, including a weekend block', () => {
    const zone = 'Europe/Berlin';
    const weekend: FocusRule[] = [{ weekday: 'sun', start: '10:00', end: '12:00' }];
    const [spring] = expandFocusPlan(weekend, [], ...range('2027-03-28', '2027-03-28', zone), zone);
    expect(spring && toLocalIso(spring.start, zone)).toBe('2027-03-28T10:00:00+02:00');
    const [autumn] = expandFocusPlan(weekend, [], ...range('2027-10-31', '2027-10-31', zone), zone);
    expect(autumn && toLocalIso(autumn.start, zone)).toBe('2027-10-31T10:00:00+01:00');
    expect(autumn && autumn.end - autumn.start).toBe(2 * 3_600_000);
  });

  it('shortens or drops a block that falls in a DST gap', () => {
    const zone = 'Europe/Berlin';
    const night: FocusRule[] = [
      { weekday: 'sun', start: '02:00', end: '03:00' },
      { weekday: 'sun', start: '03:00', end: '04:00' },
    ];
    const occ = expandFocusPlan(night, [], ...range('2027-03-28', '2027-03-28', zone), zone);
    expect(occ.map((o) => `${clockTimeOf(o.start, zone)}-${clockTimeOf(o.end, zone)}`)).toEqual([
      '03:00-04:00',
    ]);
  });

  it('skips paused dates', () => {
    const pauses: FocusPause[] = [{ from: '2027-03-16', to: '2027-03-17', note: 'Offsite' }];
    const occ = expandFocusPlan(plan, pauses, ...range('2027-03-15', '2027-03-19', 'UTC'), 'UTC');
    expect([...new Set(occ.map((o) => o.date))]).toEqual(['2027-03-15', '2027-03-18', '2027-03-19']);
  });

  it('includes a block that started before the range and ends inside it', () => {
    const zone = 'UTC';
    const occ = expandFocusPlan(
      plan,
      [],
      Date.parse('2027-03-15T10:00:00Z'),
      Date.parse('2027-03-15T10:30:00Z'),
      zone,
    );
    expect(occ.map((o) => o.id)).toEqual(['focus:2027-03-15@09:00']);
    expect(occurrenceAt(plan, [], Date.parse('2027-03-15T10:59:59Z'), zone)?.id).toBe(
      'focus:2027-03-15@09:00',
    );
    expect(occurrenceAt(plan, [], Date.parse('2027-03-15T11:00:00Z'), zone)).toBeUndefined();
  });

  it('follows the zone when the user travels: same local times, other instants', () => {
    const tokyo = expandFocusPlan(plan, [], ...range('2027-03-15', '2027-03-15', 'Asia/Tokyo'), 'Asia/Tokyo');
    const berlin = expandFocusPlan(
      plan,
      [],
      ...range('2027-03-15', '2027-03-15', 'Europe/Berlin'),
      'Europe/Berlin',
    );
    expect(tokyo.map((o) => clockTimeOf(o.start, 'Asia/Tokyo'))).toEqual(['09:00', '14:00']);
    expect(berlin.map((o) => clockTimeOf(o.start, 'Europe/Berlin'))).toEqual(['09:00', '14:00']);
    expect(berlin[0]!.start - tokyo[0]!.start).toBe(8 * 3_600_000);
  });
});

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Tehran',
];
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const ruleArb = fc
  .record({
    weekday: fc.constantFrom(...WEEKDAYS),
    start: fc.integer({ min: 0, max: 24 * 4 - 2 }),
    length: fc.integer({ min: 1, max: 24 }),
  })
  .map(({ weekday, start, length }) => {
    const s = start * 15;
    const e = Math.min(s + length * 15, 24 * 60 - 1);
    return { weekday, start: hhmm(s), end: hhmm(e) };
  });
const planArb = fc.array(ruleArb, { maxLength: 8 }).map((rules) => {
  // Keep a valid plan: drop rules overlapping an earlier one on the same day.
  const kept: FocusRule[] = [];
  for (const r of rules) {
    const clash = kept.some(
      (k) =>
        k.weekday === r.weekday &&
        minutesOfDay(k.start) < minutesOfDay(r.end) &&
        minutesOfDay(r.start) < minutesOfDay(k.end),
    );
    if (!clash && minutesOfDay(r.end) > minutesOfDay(r.start)) kept.push(r);
  }
  return kept;
});
// Any date from 2026 to 2029: every DST change of those years is in reach.
const dateArb = fc.integer({ min: 0, max: 4 * 365 }).map((d) => addLocalDays('2026-01-01', d));

describe('expandFocusPlan properties', () => {
  it('blocks keep their local times, sit on their weekday, never overlap, and cover each date once', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.constantFrom(...ZONES),
        dateArb,
        fc.integer({ min: 1, max: 10 }),
        (rules, zone, first, days) => {
          expect(settingSchemas.focusPlan.safeParse(rules).success).toBe(true);
          const lastDate = addLocalDays(first, days - 1);
          const [from, to] = range(first, lastDate, zone);
          const occ = expandFocusPlan(rules, [], from, to, zone);
          for (let i = 0; i < occ.length; i++) {
            const o = occ[i]!;
            expect(o.end).toBeGreaterThan(o.start);
            expect(o.start).toBeLessThan(to);
            expect(o.end).toBeGreaterThan(from);
            if (i > 0) expect(o.start).toBeGreaterThanOrEqual(occ[i - 1]!.end);
            // Outside a DST gap, the local times are exactly the plan's.
            // The occurrence comes from a rule of its own weekday.
            const rule = rules.find((r) => r.weekday === weekdayOf(o.date) && r.start === o.startTime)!;
            expect(rule).toBeDefined();
            const startOk =
              clockTimeOf(o.start, zone) === rule.start && localDateOf(o.start, zone) === o.date;
            const endOk = clockTimeOf(o.end, zone) === rule.end;
            const gapDay =
              instantAt(addLocalDays(o.date, 1), '00:00', zone) - instantAt(o.date, '00:00', zone) !==
              86_400_000;
            if (!gapDay) {
              expect(startOk).toBe(true);
              expect(endOk).toBe(true);
            }
          }
          // Every (date, rule) pair appears once, except blocks that vanish in a DST gap.
          const ids = occ.map((o) => o.id);
          expect(new Set(ids).size).toBe(ids.length);
          let expected = 0;
          for (let d = first; d <= lastDate; d = addLocalDays(d, 1)) {
            for (const r of rules) {
              if (r.weekday !== weekdayOf(d)) continue;
              if (instantAt(d, r.end, zone) > instantAt(d, r.start, zone)) expected++;
            }
          }
          expect(occ.length).toBe(expected);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe('planPauses', () => {
  it('pauses the plan on holidays as well as on the user’s pauses', () => {
    const offsite = { from: '2027-03-16', to: '2027-03-17', note: 'Offsite' };
    const christmas = { from: '2027-12-24', to: '2027-12-26' };
    expect(planPauses({ focusPauses: [offsite], holidays: [] })).toEqual([offsite]);
    expect(planPauses({ focusPauses: [offsite], holidays: [christmas] })).toEqual([offsite, christmas]);
    const zone = 'Europe/Berlin';
    const plan = defaultSettings(zone).focusPlan;
    const pauses = planPauses({ focusPauses: [], holidays: [christmas] });
    const from = instantAt('2027-12-23', '00:00', zone);
    const to = instantAt('2027-12-28', '00:00', zone);
    expect([...new Set(expandFocusPlan(plan, pauses, from, to, zone).map((o) => o.date))]).toEqual([
      '2027-12-23',
      '2027-12-27',
    ]);
  });
});
