import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expandFocusPlan,
  occurrenceAt,
  occurrencesOn,
  planPauses,
  type FocusPause,
  type FocusRule,
} from '../../src-main/core/focus-plan';
import { fixedRules, RuleBook, type RulesView } from '../../src-main/core/rules';
import { defaultSettings, settingSchemas, type Settings } from '../../src-main/core/settings';
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
import type { Holiday, WorkingHours } from '../../src-main/core/working-hours';
import { propertyRuns } from '../support/thorough';

const plan = defaultSettings('UTC').focusPlan;
const range = (fromDate: string, toDate: string, zone: string): [number, number] => [
  instantAt(fromDate, '00:00', zone),
  instantAt(addLocalDays(toDate, 1), '00:00', zone),
];

const nineToFive = { start: '09:00', end: '17:30' };
/** Hours on every day, so a weekend block is planned. */
const EVERY_DAY: WorkingHours = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: nineToFive,
  sun: nineToFive,
};

/** Keel's default settings in `zone` (Monday–Friday hours) with `plan` and `extra`. */
const planSettings = (
  rules: readonly FocusRule[],
  zone: string,
  extra: Partial<Settings> = {},
): Settings => ({
  ...defaultSettings(zone),
  focusPlan: [...rules],
  ...extra,
});
const planIn = (rules: readonly FocusRule[], zone: string, extra: Partial<Settings> = {}): RulesView =>
  fixedRules(planSettings(rules, zone, extra));
/** The plan with hours on every day: nothing is dropped for a day off. */
const everyDay = (rules: readonly FocusRule[], zone: string, extra: Partial<Settings> = {}): RulesView =>
  planIn(rules, zone, { workingHours: EVERY_DAY, ...extra });

describe('expandFocusPlan', () => {
  it('keeps 09:00–11:00 local across the 2027 US DST changes', () => {
    const zone = 'America/New_York';
    const spring = expandFocusPlan(planIn(plan, zone), ...range('2027-03-12', '2027-03-15', zone));
    expect(spring.map((o) => `${toLocalIso(o.start, zone)}/${toLocalIso(o.end, zone)}`)).toEqual([
      '2027-03-12T09:00:00-05:00/2027-03-12T11:00:00-05:00',
      '2027-03-12T14:00:00-05:00/2027-03-12T16:00:00-05:00',
      '2027-03-15T09:00:00-04:00/2027-03-15T11:00:00-04:00',
      '2027-03-15T14:00:00-04:00/2027-03-15T16:00:00-04:00',
    ]);
    const autumn = expandFocusPlan(planIn(plan, zone), ...range('2027-11-05', '2027-11-08', zone));
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
    const [spring] = expandFocusPlan(everyDay(weekend, zone), ...range('2027-03-28', '2027-03-28', zone));
    expect(spring && toLocalIso(spring.start, zone)).toBe('2027-03-28T10:00:00+02:00');
    const [autumn] = expandFocusPlan(everyDay(weekend, zone), ...range('2027-10-31', '2027-10-31', zone));
    expect(autumn && toLocalIso(autumn.start, zone)).toBe('2027-10-31T10:00:00+01:00');
    expect(autumn && autumn.end - autumn.start).toBe(2 * 3_600_000);
  });

  it('shortens or drops a block that falls in a DST gap', () => {
    const zone = 'Europe/Berlin';
    const night: FocusRule[] = [
      { weekday: 'sun', start: '02:00', end: '03:00' },
      { weekday: 'sun', start: '03:00', end: '04:00' },
    ];
    const occ = expandFocusPlan(everyDay(night, zone), ...range('2027-03-28', '2027-03-28', zone));
    expect(occ.map((o) => `${clockTimeOf(o.start, zone)}-${clockTimeOf(o.end, zone)}`)).toEqual([
      '03:00-04:00',
    ]);
  });

  it('skips paused dates', () => {
    const pauses: FocusPause[] = [{ from: '2027-03-16', to: '2027-03-17', note: 'Offsite' }];
    const occ = expandFocusPlan(
      planIn(plan, 'UTC', { focusPauses: pauses }),
      ...range('2027-03-15', '2027-03-19', 'UTC'),
    );
    expect([...new Set(occ.map((o) => o.date))]).toEqual(['2027-03-15', '2027-03-18', '2027-03-19']);
  });

  it('includes a block that started before the range and ends inside it', () => {
    const zone = 'UTC';
    const rules = planIn(plan, zone);
    const occ = expandFocusPlan(
      rules,
      Date.parse('2027-03-15T10:00:00Z'),
      Date.parse('2027-03-15T10:30:00Z'),
    );
    expect(occ.map((o) => o.id)).toEqual(['focus:2027-03-15@09:00']);
    expect(occurrenceAt(rules, Date.parse('2027-03-15T10:59:59Z'))?.id).toBe('focus:2027-03-15@09:00');
    expect(occurrenceAt(rules, Date.parse('2027-03-15T11:00:00Z'))).toBeUndefined();
  });

  it('follows the zone when the user travels: same local times, other instants', () => {
    const tokyo = expandFocusPlan(
      planIn(plan, 'Asia/Tokyo'),
      ...range('2027-03-15', '2027-03-15', 'Asia/Tokyo'),
    );
    const berlin = expandFocusPlan(
      planIn(plan, 'Europe/Berlin'),
      ...range('2027-03-15', '2027-03-15', 'Europe/Berlin'),
    );
    expect(tokyo.map((o) => clockTimeOf(o.start, 'Asia/Tokyo'))).toEqual(['09:00', '14:00']);
    expect(berlin.map((o) => clockTimeOf(o.start, 'Europe/Berlin'))).toEqual(['09:00', '14:00']);
    expect(berlin[0]!.start - tokyo[0]!.start).toBe(8 * 3_600_000);
  });
});

describe('no block on a day off (#14)', () => {
  const saturday: FocusRule[] = [
    { weekday: 'fri', start: '10:00', end: '12:00' },
    { weekday: 'sat', start: '10:00', end: '12:00' },
  ];
  // 2027-03-19 is a Friday.
  const dates = (rules: RulesView) =>
    expandFocusPlan(rules, ...range('2027-03-15', '2027-03-21', 'Europe/Berlin')).map((o) => o.id);

  it('does not plan a Saturday block when Saturday has no working hours', () => {
    expect(dates(planIn(saturday, 'Europe/Berlin'))).toEqual(['focus:2027-03-19@10:00']);
    expect(occurrencesOn('2027-03-20', planSettings(saturday, 'Europe/Berlin'))).toEqual([]);
  });

  it('plans it when Saturday has hours', () => {
    const rules = planIn(saturday, 'Europe/Berlin', {
      workingHours: { ...defaultSettings('UTC').workingHours, sat: { start: '10:00', end: '14:00' } },
    });
    expect(dates(rules)).toEqual(['focus:2027-03-19@10:00', 'focus:2027-03-20@10:00']);
  });

  it('plans nothing on a holiday, without planPauses', () => {
    const holidays: Holiday[] = [{ from: '2027-03-16', to: '2027-03-16', note: 'Local holiday' }];
    const rules = planIn(plan, 'UTC', { holidays });
    const occ = expandFocusPlan(rules, ...range('2027-03-15', '2027-03-17', 'UTC'));
    expect([...new Set(occ.map((o) => o.date))]).toEqual(['2027-03-15', '2027-03-17']);
    expect(occurrenceAt(rules, Date.parse('2027-03-16T10:00:00Z'))).toBeUndefined();
    expect(occurrenceAt(rules, Date.parse('2027-03-17T10:00:00Z'))?.id).toBe('focus:2027-03-17@09:00');
  });

  it('plans each date by the plan, pauses and zone in force on it', () => {
    const base = planSettings(plan, 'Europe/Berlin');
    const book = new RuleBook(base, [
      // From Wednesday, one morning block a day; Thursday paused; from Friday, New York.
      {
        key: 'focusPlan',
        from: '2027-03-17',
        value: [
          { weekday: 'wed', start: '08:00', end: '10:00' },
          { weekday: 'thu', start: '08:00', end: '10:00' },
          { weekday: 'fri', start: '08:00', end: '10:00' },
        ],
      },
      { key: 'focusPauses', from: '2027-03-18', value: [{ from: '2027-03-18', to: '2027-03-18' }] },
      { key: 'zone', from: '2027-03-19', value: 'America/New_York' },
    ]);
    const rules: RulesView = { current: book.on('2027-03-15'), on: (d) => book.on(d) };
    const occ = expandFocusPlan(rules, ...range('2027-03-16', '2027-03-19', 'Europe/Berlin'));
    expect(occ.map((o) => `${o.id} ${toLocalIso(o.start, 'Europe/Berlin')}`)).toEqual([
      'focus:2027-03-16@09:00 2027-03-16T09:00:00+01:00',
      'focus:2027-03-16@14:00 2027-03-16T14:00:00+01:00',
      'focus:2027-03-17@08:00 2027-03-17T08:00:00+01:00',
      // Friday's block is at 08:00 in New York, the zone in force that day: 13:00 in Berlin.
      'focus:2027-03-19@08:00 2027-03-19T13:00:00+01:00',
    ]);
  });
});

describe('occurrencesOn', () => {
  it('reads the rules’ zone by default and another zone when given, each remembered apart', () => {
    const rules = planSettings(plan, 'Europe/Berlin');
    const berlin = occurrencesOn('2027-03-15', rules);
    const tokyo = occurrencesOn('2027-03-15', rules, 'Asia/Tokyo');
    expect(berlin.map((o) => toLocalIso(o.start, 'Europe/Berlin'))).toEqual([
      '2027-03-15T09:00:00+01:00',
      '2027-03-15T14:00:00+01:00',
    ]);
    expect(tokyo.map((o) => toLocalIso(o.start, 'Asia/Tokyo'))).toEqual([
      '2027-03-15T09:00:00+09:00',
      '2027-03-15T14:00:00+09:00',
    ]);
    expect(occurrencesOn('2027-03-15', rules)).toEqual(berlin);
    expect(occurrencesOn('2027-03-15', rules, 'Europe/Berlin')).toEqual(berlin);
  });

  it('is empty on a paused date, a holiday and a weekend day without hours', () => {
    const rules = planSettings(plan, 'UTC', {
      focusPauses: [{ from: '2027-03-16', to: '2027-03-16' }],
      holidays: [{ from: '2027-03-17', to: '2027-03-17' }],
    });
    expect(occurrencesOn('2027-03-15', rules)).toHaveLength(2);
    for (const date of ['2027-03-16', '2027-03-17', '2027-03-20', '2027-03-21'])
      expect(occurrencesOn(date, rules)).toEqual([]);
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

const spanArb = fc
  .tuple(dateArb, fc.integer({ min: 0, max: 4 }))
  .map(([from, length]) => ({ from, to: addLocalDays(from, length) }));
const daysOffArb = fc.subarray([...WEEKDAYS], { maxLength: 3 });

describe('expandFocusPlan properties', () => {
  it('blocks keep their local times, sit on their weekday, never overlap, and cover each working, unpaused date once', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.constantFrom(...ZONES),
        dateArb,
        fc.integer({ min: 1, max: 10 }),
        daysOffArb,
        fc.array(spanArb, { maxLength: 3 }),
        fc.array(spanArb, { maxLength: 3 }),
        (rules, zone, first, days, daysOff, focusPauses, holidays) => {
          expect(settingSchemas.focusPlan.safeParse(rules).success).toBe(true);
          const workingHours = { ...EVERY_DAY };
          for (const d of daysOff) workingHours[d] = null;
          const inForce = planSettings(rules, zone, { workingHours, focusPauses, holidays });
          const lastDate = addLocalDays(first, days - 1);
          const [from, to] = range(first, lastDate, zone);
          const occ = expandFocusPlan(fixedRules(inForce), from, to);
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
          const within = (d: string, spans: readonly { from: string; to: string }[]) =>
            spans.some((p) => p.from <= d && d <= p.to);
          for (let d = first; d <= lastDate; d = addLocalDays(d, 1)) {
            if (daysOff.includes(weekdayOf(d)) || within(d, focusPauses) || within(d, holidays)) continue;
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
  it('pauses the plan on holidays as well as on the user’s pauses, as the calendar export reads it', () => {
    const offsite = { from: '2027-03-16', to: '2027-03-17', note: 'Offsite' };
    const christmas = { from: '2027-12-24', to: '2027-12-26' };
    expect(planPauses({ focusPauses: [offsite], holidays: [] })).toEqual([offsite]);
    expect(planPauses({ focusPauses: [offsite], holidays: [christmas] })).toEqual([offsite, christmas]);
    const zone = 'Europe/Berlin';
    const plan = defaultSettings(zone).focusPlan;
    const from = instantAt('2027-12-23', '00:00', zone);
    const to = instantAt('2027-12-28', '00:00', zone);
    const datesOf = (rules: RulesView) => [...new Set(expandFocusPlan(rules, from, to).map((o) => o.date))];
    // The holidays as pauses plan the same blocks as the holidays themselves.
    const pauses = planPauses({ focusPauses: [], holidays: [christmas] });
    expect(datesOf(planIn(plan, zone, { focusPauses: [...pauses] }))).toEqual(['2027-12-23', '2027-12-27']);
    expect(datesOf(planIn(plan, zone, { holidays: [christmas] }))).toEqual(['2027-12-23', '2027-12-27']);
  });
});
