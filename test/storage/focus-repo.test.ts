import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { focusTotals } from '../../src-main/core/day-figures';
import { INTERRUPTION_KINDS } from '../../src-main/core/focus';
import { openDatabase } from '../../src-main/storage/database';
import { FocusRepo } from '../../src-main/storage/focus-repo';
import { propertyRuns } from '../support/thorough';
import { tempDir } from '../helpers/temp';

const DATES = ['2027-03-15', '2027-03-16', '2027-03-17'];
const BASE = Date.parse('2027-03-15T08:00:00Z');

const sessionArb = fc.record({
  date: fc.constantFrom(...DATES),
  startMs: fc.integer({ min: 0, max: 3 * 86_400_000 }),
  plannedMs: fc.integer({ min: 1, max: 4 * 3_600_000 }),
  // null: still running (only the last one may be), otherwise how long it ran before ending.
  ranMs: fc.option(fc.integer({ min: 0, max: 5 * 3_600_000 }), { nil: null }),
  interruptions: fc.array(fc.constantFrom(...INTERRUPTION_KINDS), { maxLength: 4 }),
});

describe('FocusRepo.focusByDate', () => {
  it('counts a running block in whole minutes (now is bound as a number, not an integer)', () => {
    const db = openDatabase(path.join(tempDir(), 'keel.db'));
    const repo = new FocusRepo(db);
    repo.start({
      kind: 'adhoc',
      occurrenceId: null,
      startedAt: BASE,
      plannedEnd: BASE + 2,
      localDate: '2027-03-15',
      zone: 'UTC',
    });
    expect(repo.focusByDate('2027-03-15', '2027-03-15', BASE + 1).get('2027-03-15')?.protectedMinutes).toBe(
      0,
    );
    db.close();
  });

  it('sums what core/day-figures focusTotals sums from the rows, date by date (property)', () => {
    fc.assert(
      fc.property(
        fc.array(sessionArb, { maxLength: 12 }),
        fc.integer({ min: 0, max: 4 * 86_400_000 }),
        (sessions, nowOffset) => {
          const db = openDatabase(path.join(tempDir(), 'keel.db'));
          const repo = new FocusRepo(db);
          const now = BASE + nowOffset;
          sessions.forEach((s, i) => {
            const startedAt = BASE + s.startMs;
            const created = repo.start({
              kind: 'adhoc',
              occurrenceId: null,
              startedAt,
              plannedEnd: startedAt + s.plannedMs,
              localDate: s.date,
              zone: 'UTC',
            });
            for (const kind of s.interruptions) repo.interrupt(created.id, startedAt, kind, null, s.date);
            const running = s.ranMs === null && i === sessions.length - 1;
            if (!running) repo.end(created.id, startedAt + Math.min(s.ranMs ?? 0, s.plannedMs), 'completed');
          });
          const byDate = repo.focusByDate(DATES[0] as string, DATES[2] as string, now);
          for (const date of DATES) {
            const oracle = focusTotals(
              repo.sessionsBetween(date, date),
              repo.interruptionsBetween(date, date),
              now,
            );
            const got = byDate.get(date) ?? {
              protectedMinutes: 0,
              interruptions: { meeting: 0, chat: 0, incident: 0, other: 0 },
            };
            expect(got).toEqual(oracle);
          }
          db.close();
        },
      ),
      { numRuns: propertyRuns(25) },
    );
  });
});
