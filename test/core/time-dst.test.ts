import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDayNumber, instantAt, toLocalIso, wallToInstantWith } from '../../src-main/core/time';
import { expectedInstant, intlOffset, intlWall, nextTransition } from '../calendar/zones-intl';
import { propertyRuns } from '../support/thorough';

/*
 * Keel's own plan reads local times by RFC 5545 §3.3.5 in every zone, as calendar reading does: a
 * local time that happens twice is its first occurrence, one that DST skips moves forward by the
 * gap. (Before issue #15 the plan took the second occurrence east of UTC and the first west of it.)
 * Checked against Intl, an implementation independent of core/time.ts.
 */

const DAY = 86_400_000;
const MINUTE = 60_000;
const ZONES = Intl.supportedValuesOf('timeZone');

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** instantAt for a wall time given as ms read as if UTC (whole minutes). */
function instantAtWall(wall: number, zone: string): number {
  const day = Math.floor(wall / DAY);
  return instantAt(dateOfDayNumber(day), hhmm((wall - day * DAY) / MINUTE), zone);
}

describe('instantAt on DST changes', () => {
  it.each([
    ['Europe/Berlin', '2027-10-31', '02:30', '2027-10-31T02:30:00+02:00', 'repeated: the first'],
    ['Europe/Berlin', '2027-03-28', '02:15', '2027-03-28T03:15:00+02:00', 'skipped: forward by the gap'],
    ['America/New_York', '2027-11-07', '01:30', '2027-11-07T01:30:00-04:00', 'repeated: the first'],
    ['America/New_York', '2027-03-14', '02:30', '2027-03-14T03:30:00-04:00', 'skipped: forward by the gap'],
    [
      'Australia/Lord_Howe',
      '2027-04-04',
      '01:45',
      '2027-04-04T01:45:00+11:00',
      'repeated (30 min): the first',
    ],
    ['Australia/Lord_Howe', '2027-10-03', '02:15', '2027-10-03T02:45:00+11:00', 'skipped: forward 30 min'],
    ['Pacific/Chatham', '2027-04-04', '03:00', '2027-04-04T03:00:00+13:45', 'repeated: the first'],
    ['Pacific/Chatham', '2027-09-26', '03:00', '2027-09-26T04:00:00+13:45', 'skipped: forward by the gap'],
    ['Australia/Sydney', '2027-04-04', '02:30', '2027-04-04T02:30:00+11:00', 'repeated: the first'],
    ['Australia/Sydney', '2027-10-03', '02:30', '2027-10-03T03:30:00+11:00', 'skipped: forward by the gap'],
  ])('%s %s %s reads as %s (%s)', (zone, date, time, iso) => {
    expect(toLocalIso(instantAt(date, time, zone), zone)).toBe(iso);
  });

  it('reads local times around every kind of change as RFC 5545 says, in every zone (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2037, 0, 1) }),
        fc.integer({ min: -240, max: 240 }),
        (zone, from, minutes) => {
          const transition = nextTransition(zone, from, 2 * 365 * DAY);
          fc.pre(transition !== null);
          const t = transition!;
          // One change alone, in whole minutes (LMT and Monrovia's −00:44:30 are not: core/time.ts
          // reads offsets in minutes).
          fc.pre(
            intlOffset(t.at - 2 * DAY, zone) === t.before && intlOffset(t.at + 2 * DAY, zone) === t.after,
          );
          fc.pre([t.at, t.before, t.after].every((ms) => ms % MINUTE === 0));
          const wall = t.at + t.before + minutes * MINUTE;
          const instant = instantAtWall(wall, zone);
          expect(instant).toBe(expectedInstant(wall, t));
          const shown = intlWall(instant, zone);
          if (shown !== wall) expect(shown - wall).toBe(t.after - t.before);
        },
      ),
      { numRuns: propertyRuns(1500) },
    );
  });
});

describe('wallToInstantWith', () => {
  /** A zone at `before` until `at`, then `after`. */
  const step = (at: number, before: number, after: number) => (instant: number) =>
    instant < at ? before : after;

  it('takes the first occurrence of a repeated wall time and moves a skipped one forward', () => {
    const at = Date.UTC(2027, 9, 31, 1);
    const fallBack = step(at, 2 * 3_600_000, 3_600_000);
    const repeated = Date.UTC(2027, 9, 31, 2, 30);
    expect(wallToInstantWith(repeated, fallBack)).toBe(repeated - 2 * 3_600_000);
    const springForward = step(at, 3_600_000, 2 * 3_600_000);
    const skipped = Date.UTC(2027, 9, 31, 2, 15);
    expect(wallToInstantWith(skipped, springForward)).toBe(skipped - 3_600_000);
  });

  it('reads a whole skipped day (Samoa, 2011-12-30) with the offset before it', () => {
    const at = Date.UTC(2011, 11, 30, 10);
    const samoa = step(at, -10 * 3_600_000, 14 * 3_600_000);
    const noon = Date.UTC(2011, 11, 30, 12);
    expect(wallToInstantWith(noon, samoa)).toBe(noon + 10 * 3_600_000);
  });
});
