import { afterEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../src-main/core/time';
import { createServices, type Services } from '../../src-main/services';
import { History } from '../helpers/history';
import { makeServices } from '../helpers/services';

/**
 * Counterexamples the property tests of issue #14 found (test/services/*.property.test.ts), kept
 * as fixed cases. `it.fails` marks one that is still open: it passes while the bug is there, and
 * fails (so it must become an `it`) once it is fixed.
 */

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

const berlin = (hhmm: string, date: string) => instantAt(date, hhmm, 'Europe/Berlin');

describe('where counting starts is the same in every process and under every rule change', () => {
  it('a first start late on Monday: Monday is not a late evening, here, in another process, or after a settings change', () => {
    // Found as: the first day was 'first' in the running app and 'counted' once the settings were
    // read again: the counting start was cached before the first presence sample was written.
    const { services, clock, dataDir } = makeServices(berlin('22:55', '2027-03-15'), 'Europe/Berlin');
    open.push(services);
    services.signoff.samplePresence(0);
    clock.advanceTo(berlin('23:40', '2027-03-15'));
    services.signoff.samplePresence(0);
    clock.advanceTo(berlin('10:00', '2027-03-16'));
    const monday = services.figures.day('2027-03-15');
    expect([monday.counting, monday.late, monday.missedSignoff]).toEqual(['first', false, false]);
    const other = createServices({ dataDir, clock, version: 't', systemZone: () => 'Europe/Berlin' });
    open.push(other);
    expect(other.figures.day('2027-03-15')).toEqual(monday);
    services.settings.set('theme', 'dark');
    expect(services.figures.day('2027-03-15')).toEqual(monday);
    expect([services.settings.countingFrom(), other.settings.countingFrom()]).toEqual([
      berlin('22:55', '2027-03-15'),
      berlin('22:55', '2027-03-15'),
    ]);
    // A check-in dated two days back: Keel counts that whole date, in every process at once.
    services.checkin.add(
      { workload: 3, energy: 3, sustainable: 'yes', stretched: [], shareable: false },
      berlin('12:00', '2027-03-14'),
    );
    expect([services.settings.countingFrom(), other.settings.countingFrom()]).toEqual([
      berlin('00:00', '2027-03-14'),
      berlin('00:00', '2027-03-14'),
    ]);
    expect(services.figures.day('2027-03-15').counting).toBe('counted');
  });

  it('a new zone on day one does not count the day before Keel started', () => {
    // Found as: Honolulu, first start 2026-01-01 08:30, the zone set to Asia/Kolkata 90 minutes
    // later (in force from 2026-01-01, already the 2nd in Kolkata): 2025-12-31 became Keel's
    // first day, with 240 minutes of focus planned.
    const h = new History({ day: 0, minutes: 8 * 60 + 30, systemZone: 'Pacific/Honolulu' });
    open.push(h);
    h.replay([{ advance: 0, action: { kind: 'presence', idleSeconds: 0 } }]);
    h.clock.advanceBy(90 * 60_000);
    const before = h.services.figures.day('2025-12-31');
    h.services.settings.set('zone', 'Asia/Kolkata');
    expect(h.services.settings.book().changesOf('zone')).toEqual([
      { from: '2026-01-01', value: 'Asia/Kolkata' },
    ]);
    expect(h.services.figures.day('2025-12-31')).toEqual(before);
    expect([before.counting, before.plannedFocusMinutes]).toEqual(['before', 0]);
  });

  it('a trip east does not change where counting started', () => {
    // Found (on the way to the fix) as: Berlin, first start Thursday 2026-01-01 06:00, a trip to
    // Honolulu the next day: read in Honolulu the first start fell on the 31st, and the 1st became
    // a whole counted day. Eastwards it happened before the fix too: the 1st began in Tokyo's
    // midnight, and the 31st became Keel's first day.
    const h = new History({ day: 0, minutes: 6 * 60, systemZone: 'Europe/Berlin' });
    open.push(h);
    h.replay([
      { advance: 12 * 60, action: { kind: 'presence', idleSeconds: 0 } },
      { advance: 12 * 60, action: { kind: 'presence', idleSeconds: 0 } },
    ]);
    h.clock.advanceBy(14 * 60 * 60_000);
    const [wednesday, thursday] = h.services.figures.days('2025-12-31', '2026-01-01');
    expect([wednesday?.counting, thursday?.counting]).toEqual(['before', 'first']);
    for (const zone of ['Pacific/Honolulu', 'Asia/Tokyo']) {
      h.replay([{ advance: 0, action: { kind: 'travel', zone } }]);
      expect(h.services.figures.day('2026-01-01'), zone).toEqual(thursday);
    }
    // The 31st, with nothing recorded, is read in the system's zone: in Tokyo it ended before
    // Keel first started. (In Honolulu the first start falls on the 31st, 19:00 there.)
    expect(h.services.figures.day('2025-12-31').counting).toBe('before');
  });
});

describe('known bug: the current workday reads yesterday by today’s working hours', () => {
  const week = (hours: { start: string; end: string }) => ({
    ...{ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    ...{ sat: null, sun: null },
  });

  function nightShift(): Services {
    const { services, clock } = makeServices(berlin('08:00', '2027-03-15'), 'Europe/Berlin');
    open.push(services);
    services.settings.set('workingHours', week({ start: '22:00', end: '06:00' }));
    clock.advanceTo(berlin('22:30', '2027-03-15'));
    services.signoff.samplePresence(0);
    clock.advanceTo(berlin('05:00', '2027-03-16'));
    services.signoff.samplePresence(0);
    return services;
  }

  // Monday's hours run to 06:00 on Tuesday, so at 05:00 Monday is still the workday. New hours
  // from Tuesday on were read for Monday too (signoffWorkdayOf was given today's settings), so
  // Monday ended at once and became a missed sign-off. A property found it as a moved current
  // workday; each workday's own hours now decide where it ends.
  it('new working hours from today leave last night’s workday running', () => {
    const services = nightShift();
    const monday = services.figures.day('2027-03-15');
    expect(services.signoff.workdayAt()).toBe('2027-03-15');
    services.settings.set('workingHours', week({ start: '09:00', end: '17:00' }));
    expect(services.settings.book().changesOf('workingHours').at(-1)?.from).toBe('2027-03-16');
    expect(services.signoff.workdayAt()).toBe('2027-03-15');
    expect(services.figures.day('2027-03-15')).toEqual(monday);
  });
});
