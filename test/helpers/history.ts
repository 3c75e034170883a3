import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import fs from 'node:fs';
import fc from 'fast-check';
import { ManualClock } from '../../src-main/core/clock';
import { INTERRUPTION_KINDS, type InterruptionKind } from '../../src-main/core/focus';
import type { DatedKey } from '../../src-main/core/rules';
import { addLocalDays, instantAt, localDateOf, WEEKDAYS, type LocalDate } from '../../src-main/core/time';
import { createServices, type Services } from '../../src-main/services';
import { tempDir } from './temp';

/**
 * Random histories for the property tests of per-day figures: presence samples, sign-offs at
 * random times, focus blocks started, taken up and stopped, interruptions, check-ins, and dated
 * rule changes "from today", each after a random advance of the clock, replayed on real services
 * over a temp database. Dates inside rule values are offsets from the history's first date, so a
 * shrunk counterexample stays readable.
 */

/** Zones with DST both ways, half and quarter hours, and big jumps either side of UTC. */
export const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'UTC',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Pacific/Honolulu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'America/Sao_Paulo',
] as const;

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const quarter = (min: number, max: number) => fc.integer({ min: min / 15, max: max / 15 }).map((q) => q * 15);

/** Dates as day offsets from the history's first date. */
export interface RangeAt {
  from: number;
  length: number;
  note?: string;
}

export type RuleSpec =
  | { key: Exclude<DatedKey, 'holidays' | 'focusPauses'>; value: unknown }
  | { key: 'holidays' | 'focusPauses'; ranges: RangeAt[] };

const hoursArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 3,
    arbitrary: fc
      .record({ start: quarter(5 * 60, 13 * 60), length: quarter(2 * 60, 14 * 60) })
      // Hours past midnight end on the next date (a 22:00–06:00 night is in reach).
      .map(({ start, length }) => ({ start: hhmm(start), end: hhmm((start + length) % (24 * 60)) })),
  },
);

const planArb = fc
  .array(
    fc.record({
      weekday: fc.constantFrom(...WEEKDAYS),
      start: quarter(0, 23 * 60),
      length: quarter(15, 4 * 60),
    }),
    { maxLength: 8 },
  )
  .map((blocks) => {
    const kept: { weekday: string; start: number; end: number }[] = [];
    for (const b of blocks) {
      const end = Math.min(b.start + b.length, 24 * 60 - 1);
      if (kept.some((k) => k.weekday === b.weekday && k.start < end && b.start < k.end)) continue;
      kept.push({ weekday: b.weekday, start: b.start, end });
    }
    return kept.map((k) => ({ weekday: k.weekday, start: hhmm(k.start), end: hhmm(k.end) }));
  });

const rangesArb = fc.array(
  fc.record(
    {
      from: fc.integer({ min: -20, max: 70 }),
      length: fc.integer({ min: 1, max: 12 }),
      note: fc.constantFrom('Trip', 'Off'),
    },
    { requiredKeys: ['from', 'length'] },
  ),
  { maxLength: 3 },
);

/** One dated rule and a value for it. */
export const ruleArb: fc.Arbitrary<RuleSpec> = fc.oneof(
  fc.record({ key: fc.constant('zone' as const), value: fc.constantFrom(...ZONES) }),
  fc.record({ key: fc.constant('dayBoundary' as const), value: quarter(0, 6 * 60).map(hhmm) }),
  fc.record({
    key: fc.constant('workingHours' as const),
    value: fc
      .tuple(...WEEKDAYS.map(() => hoursArb))
      .map((h) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, h[i] ?? null]))),
  }),
  fc.record({ key: fc.constant('focusPlan' as const), value: planArb }),
  fc.record({ key: fc.constantFrom('holidays' as const, 'focusPauses' as const), ranges: rangesArb }),
  fc.record({
    key: fc.constant('checkins' as const),
    value: fc.record({
      cadence: fc.oneof(
        fc.constant(null),
        fc.record({ mode: fc.constant('daily'), time: quarter(8 * 60, 18 * 60).map(hhmm) }),
        fc.record({
          mode: fc.constant('weekly'),
          weekday: fc.constantFrom(...WEEKDAYS),
          time: fc.constant('16:00'),
        }),
        fc.constant({ mode: 'signoff' }),
        fc.constant({ mode: 'manual' }),
      ),
      customTags: fc.constant([]),
      burnout: fc.boolean(),
      who5: fc.boolean(),
    }),
  }),
  fc.record({
    key: fc.constant('oneOnOne' as const),
    value: fc.option(fc.record({ weekday: fc.constantFrom(...WEEKDAYS), time: fc.constant('10:00') }), {
      nil: null,
    }),
  }),
);

/** The value `rule` stores, its dates counted from `firstDate`. */
export function ruleValue(rule: RuleSpec, firstDate: LocalDate): unknown {
  if ('ranges' in rule) {
    return rule.ranges.map((r) => ({
      from: addLocalDays(firstDate, r.from),
      to: addLocalDays(firstDate, r.from + r.length - 1),
      ...(r.note === undefined ? {} : { note: r.note }),
    }));
  }
  return rule.value;
}

export type Action =
  | { kind: 'presence'; idleSeconds: number }
  | { kind: 'signoff'; backMinutes: number }
  | { kind: 'adhoc'; minutes: number }
  | { kind: 'reconcile' }
  | { kind: 'stop' }
  | { kind: 'interrupt'; what: InterruptionKind }
  | { kind: 'checkin'; backMinutes: number; workload: 1 | 2 | 3 | 4 | 5 }
  | { kind: 'rule'; rule: RuleSpec }
  /** The system's zone changes (a trip): Keel follows it while the user has set none. */
  | { kind: 'travel'; zone: string };

/** What a property may look around: a dated rule's change, or the system's zone changing. */
export type Around = (what: DatedKey | 'system zone', apply: () => void) => void;

/** Advance the clock by `advance` minutes, then do `action`. */
export interface Step {
  advance: number;
  action: Action;
}

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('presence' as const),
      idleSeconds: fc.oneof(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 3 * 86_400 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('signoff' as const),
      backMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * 1440 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('adhoc' as const), minutes: fc.integer({ min: 5, max: 180 }) }),
  },
  { weight: 3, arbitrary: fc.constant({ kind: 'reconcile' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'stop' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('interrupt' as const),
      what: fc.constantFrom(...INTERRUPTION_KINDS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('checkin' as const),
      backMinutes: fc.integer({ min: 0, max: 3 * 1440 }),
      workload: fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rule' as const), rule: ruleArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('travel' as const), zone: fc.constantFrom(...ZONES) }),
  },
);

/** Minutes to the next step: often within the hour, often a few hours, sometimes a night or a weekend. */
const advanceArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 90 }) },
  { weight: 3, arbitrary: fc.integer({ min: 90, max: 12 * 60 }) },
  { weight: 2, arbitrary: fc.integer({ min: 12 * 60, max: 60 * 60 }) },
);

/** Between `minLength` and `maxLength` steps; with the defaults, about six weeks. */
export function stepsArb(minLength = 10, maxLength = 120): fc.Arbitrary<Step[]> {
  return fc.array(fc.record({ advance: advanceArb, action: actionArb }), {
    minLength,
    maxLength,
    size: 'max',
  });
}

/** Where a history starts: a date in 2026–2028 (every DST change of those years is in reach), a time of day, the system's zone. */
export const startArb = fc.record({
  day: fc.integer({ min: 0, max: 3 * 365 }),
  minutes: quarter(6 * 60, 12 * 60),
  systemZone: fc.constantFrom(...ZONES),
});
export type Start = { day: number; minutes: number; systemZone: string };

const CHECK = { energy: 3, sustainable: 'mostly', stretched: [], shareable: false } as const;

/** Real services over a temp database, a hand-driven clock, and the steps replayed on them. */
export class History {
  readonly clock: ManualClock;
  readonly services: Services;
  readonly firstDate: LocalDate;
  readonly dataDir = tempDir('keel-history-');
  /** The operating system's zone: where the history starts, until a trip changes it. */
  systemZone: string;

  constructor(readonly start: Start) {
    this.firstDate = addLocalDays('2026-01-01', start.day);
    this.systemZone = start.systemZone;
    this.clock = new ManualClock(instantAt(this.firstDate, hhmm(start.minutes), start.systemZone));
    this.services = createServices({
      dataDir: this.dataDir,
      clock: this.clock,
      version: '0.0.0-test',
      systemZone: () => this.systemZone,
      calendarParser: new InProcessCalendarParser(),
    });
  }

  /** Today's local date in today's zone. */
  today(): LocalDate {
    return localDateOf(this.clock.now(), this.services.settings.get().zone);
  }

  /**
   * Replays `steps`; `around(what, apply)` is called for each rule change and each change of the
   * system's zone instead of applying it, so a property can look before and after.
   */
  replay(steps: readonly Step[], around: Around = (_, apply) => apply()): void {
    for (const step of steps) {
      this.clock.advanceBy(step.advance * 60_000);
      this.act(step.action, around);
    }
  }

  private act(action: Action, around: Around): void {
    const { signoff, focus, checkin, settings } = this.services;
    const now = this.clock.now();
    switch (action.kind) {
      case 'presence':
        return signoff.samplePresence(action.idleSeconds);
      case 'signoff':
        signoff.submit(
          { done: '', unfinished: [], firstTomorrow: '', energy: null, quiet: false },
          action.backMinutes === 0 ? undefined : now - action.backMinutes * 60_000,
        );
        return;
      case 'adhoc':
        focus.reconcile();
        if (!focus.running()) focus.startAdhoc({ minutes: action.minutes });
        return;
      case 'reconcile':
        return focus.reconcile();
      // The app closes a block at its end and takes up a planned one at its start.
      case 'stop':
        focus.reconcile();
        if (focus.running()) focus.stop();
        return;
      case 'interrupt':
        focus.reconcile();
        if (focus.running()) focus.interrupt(action.what);
        return;
      case 'checkin':
        checkin.add(
          { ...CHECK, stretched: [], workload: action.workload },
          now - action.backMinutes * 60_000,
        );
        return;
      case 'rule':
        return around(action.rule.key, () => {
          settings.set(action.rule.key, ruleValue(action.rule, this.firstDate));
        });
      case 'travel':
        return around('system zone', () => {
          this.systemZone = action.zone;
          settings.reload();
        });
    }
  }

  /** Closes the database and removes its folder (a property may replay hundreds of histories). */
  close(): void {
    this.services.close();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** `fn` on a new history, closed afterwards whatever happens. */
export function withHistory<T>(start: Start, fn: (h: History) => T): T {
  const h = new History(start);
  try {
    return fn(h);
  } finally {
    h.close();
  }
}
