import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ianaZone, instantToWall, wallToInstant } from '../../src-main/core/ics/zones';
import { propertyRuns } from '../support/thorough';
import { expectedInstant, intlOffset, intlWall, nextTransition } from './zones-intl';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONES = Intl.supportedValuesOf('timeZone');
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2037, 0, 1);

/** A zone, and a transition of it (found by Intl) from a random instant of 1970–2037, if any. */
const zoneAndTransition = fc
  .record({ zone: fc.constantFrom(...ZONES), from: fc.integer({ min: FROM, max: TO }) })
  .map(({ zone, from }) => ({ zone, from, transition: nextTransition(zone, from, 2 * 365 * DAY) }));

describe('wallToInstant with the runtime zones (property, checked against Intl)', () => {
  it('reads wall times around DST and other changes as RFC 5545 says, in every zone', () => {
    fc.assert(
      fc.property(
        zoneAndTransition,
        fc.integer({ min: -4 * 3600, max: 4 * 3600 }),
        ({ zone, from, transition }, seconds) => {
          const z = ianaZone(zone)!;
          if (!transition) {
            // A zone without changes in reach: every wall time has exactly one instant.
            const wall = Math.floor(from / 1000) * 1000 + intlOffset(from, zone) + seconds * 1000;
            const instant = wallToInstant(wall, z);
            expect(intlWall(instant, zone)).toBe(wall);
            return;
          }
          // Only a transition with no other change within two days is a single transition.
          fc.pre(intlOffset(transition.at - 2 * DAY, zone) === transition.before);
          fc.pre(intlOffset(transition.at + 2 * DAY, zone) === transition.after);
          const wall = transition.at + transition.before + seconds * 1000;
          const instant = wallToInstant(wall, z);
          expect(instant).toBe(expectedInstant(wall, transition));
          const shown = intlWall(instant, zone);
          const skipped = transition.after > transition.before && shown !== wall;
          if (skipped) {
            // Read with the offset before the gap: it shows as far after the gap as it was written.
            expect(shown - wall).toBe(transition.after - transition.before);
          } else {
            expect(shown).toBe(wall);
            // A repeated wall time is its first occurrence: the instant one change earlier is not it.
            const gap = transition.before - transition.after;
            if (gap > 0) expect(intlWall(instant - gap, zone)).not.toBe(wall);
          }
          expect(instantToWall(instant, z)).toBe(shown);
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('finds one instant for a time of day far from any change (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, at) => {
        const instant = Math.floor(at / 1000) * 1000;
        fc.pre(intlOffset(instant - DAY, zone) === intlOffset(instant + DAY, zone));
        expect(wallToInstant(intlWall(instant, zone), ianaZone(zone)!)).toBe(instant);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('covers ambiguous and skipped times: the generator reaches both', () => {
    // A sanity check on the property above: around a real transition both kinds occur.
    const spring = nextTransition('Europe/Berlin', Date.UTC(2027, 2, 1), 60 * DAY)!;
    const autumn = nextTransition('Europe/Berlin', Date.UTC(2027, 9, 1), 60 * DAY)!;
    expect([spring.before, spring.after]).toEqual([HOUR, 2 * HOUR]);
    expect([autumn.before, autumn.after]).toEqual([2 * HOUR, HOUR]);
  });
});
