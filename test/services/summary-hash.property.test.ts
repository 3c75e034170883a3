import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src-main/core/summary-text';
import { richFingerprint } from '../../src-main/services/summary-service';
import type { SummarySection } from '../../src-main/core/summary-sections';
import { instantAt } from '../../src-main/core/time';
import { makeServices } from '../helpers/services';
import { loopSize } from '../support/thorough';

/**
 * Issue #16, item 4: the preview's fingerprints are the SHA-256 of exactly what each format would
 * write; they change whenever what leaves changes, and only then. Random sequences of changes on
 * real services: each one that must change the summary (a talking point added or discussed, a
 * check-in in the period) changes both fingerprints; each one that must not (time passing within
 * the day, a check-in outside the period, nothing at all) leaves them as they were. Whether a step
 * changes the summary is decided from the step itself, never from the hash.
 */

const RUNS = loopSize('summary fingerprints: random changes', 12, 150);
const zone = 'Europe/Berlin';
const CHOICES = {
  from: '2027-03-02',
  to: '2027-03-15',
  sections: ['trends', 'stretched', 'talkingPoints', 'notes'] as SummarySection[],
};
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type Step =
  | { kind: 'point'; text: string }
  | { kind: 'discuss' }
  | { kind: 'checkIn'; workload: 1 | 2 | 3 | 4 | 5 }
  | { kind: 'later'; minutes: number }
  | { kind: 'outside'; workload: 1 | 2 | 3 | 4 | 5 }
  | { kind: 'nothing' };

const rating = fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
    .filter((t) => oneLine(t).length > 0)
    .map((text) => ({ kind: 'point' as const, text })),
  fc.constant({ kind: 'discuss' as const }),
  rating.map((workload) => ({ kind: 'checkIn' as const, workload })),
  fc.integer({ min: 1, max: 60 }).map((minutes) => ({ kind: 'later' as const, minutes })),
  rating.map((workload) => ({ kind: 'outside' as const, workload })),
  fc.constant({ kind: 'nothing' as const }),
);

describe('the preview fingerprints follow what leaves, and nothing else', () => {
  it('change with the document, stay otherwise (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const { services, clock } = makeServices(instantAt('2027-03-15', '09:00', zone), zone);
        try {
          services.talkingPoints.add('First point');
          let seen = services.summary.preview(CHOICES, 'md');
          for (const s of steps) {
            // Does this step change what leaves? Decided from the step, not from the hash.
            let changes = true;
            if (s.kind === 'point') services.talkingPoints.add(s.text);
            else if (s.kind === 'discuss') {
              const [open] = services.talkingPoints.list();
              if (open) services.talkingPoints.setDiscussed(open.id, true);
              else changes = false;
            } else if (s.kind === 'checkIn')
              services.checkin.add({
                workload: s.workload,
                energy: 3,
                sustainable: 'yes',
                stretched: [],
                shareable: false,
              });
            else if (s.kind === 'outside') {
              const back = clock.now();
              clock.jumpTo(instantAt('2027-02-20', '10:00', zone));
              services.checkin.add({
                workload: s.workload,
                energy: 3,
                sustainable: 'yes',
                stretched: [],
                shareable: false,
              });
              clock.jumpTo(back);
              changes = false;
            } else if (s.kind === 'later') {
              clock.advanceBy(s.minutes * 60_000); // at most 8 h in all: still the same day
              changes = false;
            } else changes = false;
            const now = services.summary.preview(CHOICES, 'md');
            const html = services.summary.preview(CHOICES, 'html');
            const text = services.summary.preview(CHOICES, 'text');
            expect(now.hashes).toEqual({
              md: sha256(now.text),
              text: sha256(text.text),
              html: sha256(html.text),
              rich: richFingerprint(html.text, text.text),
            });
            expect(html.hashes).toEqual(now.hashes);
            if (changes) {
              expect(now.text).not.toBe(seen.text);
              expect(now.hashes.md).not.toBe(seen.hashes.md);
              expect(now.hashes.html).not.toBe(seen.hashes.html);
              expect(now.hashes.text).not.toBe(seen.hashes.text);
              expect(now.hashes.rich).not.toBe(seen.hashes.rich);
            } else {
              expect(now.hashes).toEqual(seen.hashes);
            }
            seen = now;
          }
        } finally {
          services.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
