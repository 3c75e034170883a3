import { describe, expect, it } from 'vitest';
import type { FocusPause, FocusRule } from '../../src-main/core/focus-plan';
import { focusPlanToIcs } from '../../src-main/core/ics-export';
import { instantAt } from '../../src-main/core/time';
import { horizonOf, INSTALL_ID, keelBlocks, reimport, showSpans } from './ics-export-support';

/**
 * Blocks on the nights clocks change: each occurrence a DST change skips, repeats or stretches is
 * exported as an override of its own (RECURRENCE-ID + DTSTART/DTEND), so a calendar shows the
 * instants Keel plans rather than the series' length from its first date.
 */
const now = Date.parse('2027-03-01T12:00:00Z');
const exportPlan = (plan: FocusRule[], zone: string, pauses: FocusPause[] = [], at = now) =>
  focusPlanToIcs(plan, pauses, zone, { now: at, installId: INSTALL_ID });

/** The VEVENT blocks of `ics` whose RECURRENCE-ID is on `date` (YYYYMMDD). */
function overridesOn(ics: string, date: string): string[] {
  return ics
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .filter((e) => new RegExp(`^RECURRENCE-ID;TZID=[^:]+:${date}T`, 'm').test(e));
}
const countOverrides = (ics: string) => (ics.match(/^RECURRENCE-ID/gm) ?? []).length;

/** Keel's plan and the re-imported file over the export's horizon, as readable spans. */
function both(ics: string, plan: FocusRule[], zone: string, pauses: FocusPause[] = [], at = now) {
  const { from, to } = horizonOf(at, zone);
  return {
    keel: showSpans(keelBlocks(plan, pauses, zone, from, to), zone),
    file: showSpans(reimport(ics, from, to, zone), zone),
  };
}

describe('focus-plan export across DST changes', () => {
  it('gives a block that straddles spring forward its real length (New York, 01:00–04:00 is 2 h)', () => {
    const plan: FocusRule[] = [{ weekday: 'sun', start: '01:00', end: '04:00' }];
    const ics = exportPlan(plan, 'America/New_York');
    const [spring] = overridesOn(ics, '20270314');
    expect(spring).toContain('RECURRENCE-ID;TZID=America/New_York:20270314T010000\r\n');
    expect(spring).toContain('DTSTART;TZID=America/New_York:20270314T010000\r\n');
    expect(spring).toContain('DTEND;TZID=America/New_York:20270314T040000\r\n');
    // The series keeps its 3 h; only the two nights of change differ, within the horizon.
    expect(ics).toContain('DTEND;TZID=America/New_York:20270307T040000\r\n');
    expect(countOverrides(ics)).toBe(2);
    const { keel, file } = both(ics, plan, 'America/New_York');
    expect(file).toEqual(keel);
    expect(file).toContain('2027-03-14T01:00:00-05:00 → 2027-03-14T04:00:00-04:00');
    expect(file).toContain('2027-03-21T01:00:00-04:00 → 2027-03-21T04:00:00-04:00');
  });

  it('writes a repeated start in UTC, where the block starts as Keel plans it (fall back)', () => {
    const plan: FocusRule[] = [{ weekday: 'sun', start: '01:00', end: '04:00' }];
    const ics = exportPlan(plan, 'America/New_York');
    const [fall] = overridesOn(ics, '20271107');
    const start = instantAt('2027-11-07', '01:00', 'America/New_York');
    // 01:00 happens twice that night; a wall time would leave the choice to each client.
    expect(fall).toContain(`DTSTART:${new Date(start).toISOString().replace(/[-:]|\.\d+/g, '')}\r\n`);
    expect(fall).toContain('DTEND;TZID=America/New_York:20271107T040000\r\n');
    const { keel, file } = both(ics, plan, 'America/New_York');
    expect(file).toEqual(keel);
  });

  it('moves a start inside the gap forward by the gap, and drops a block the gap swallows', () => {
    const plan: FocusRule[] = [
      { weekday: 'sun', start: '02:15', end: '04:00' },
      { weekday: 'sat', start: '10:00', end: '11:00' },
      { weekday: 'sun', start: '02:30', end: '03:00' },
    ];
    const ics = exportPlan(plan, 'America/New_York');
    const [moved] = overridesOn(ics, '20270314').filter((e) => e.includes('0215-0400'));
    expect(moved).toContain('DTSTART;TZID=America/New_York:20270314T031500\r\n');
    expect(moved).toContain('DTEND;TZID=America/New_York:20270314T040000\r\n');
    // 02:30–03:00 does not exist that night (Keel plans nothing): an EXDATE, not an override.
    expect(ics).toContain('EXDATE;TZID=America/New_York:20270314T023000\r\n');
    const { keel, file } = both(ics, plan, 'America/New_York');
    expect(file).toEqual(keel);
    expect(file).toContain('2027-03-14T03:15:00-04:00 → 2027-03-14T04:00:00-04:00');
    expect(file.filter((s) => s.startsWith('2027-03-14T03:30'))).toEqual([]);
  });

  it('handles the half-hour shift of Lord Howe both ways', () => {
    const zone = 'Australia/Lord_Howe';
    const plan: FocusRule[] = [{ weekday: 'sun', start: '01:45', end: '02:45' }];
    const ics = exportPlan(plan, zone);
    // 5 April: 01:30–02:00 happens twice; 4 October: 02:00–02:30 is skipped.
    expect(overridesOn(ics, '20270404')).toHaveLength(1);
    expect(overridesOn(ics, '20271003')).toHaveLength(1);
    expect(countOverrides(ics)).toBe(2);
    const { keel, file } = both(ics, plan, zone);
    expect(file).toEqual(keel);
    expect(file).toContain('2027-10-03T01:45:00+10:30 → 2027-10-03T02:45:00+11:00');
  });

  it('gives the series its length as DURATION when its first block is itself irregular', () => {
    const plan: FocusRule[] = [{ weekday: 'sun', start: '01:00', end: '04:00' }];
    const saturday = Date.parse('2027-03-27T12:00:00Z'); // Berlin springs forward on the 28th
    const ics = exportPlan(plan, 'Europe/Berlin', [], saturday);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270328T010000\r\nDURATION:PT3H\r\n');
    expect(overridesOn(ics, '20270328')).toHaveLength(1);
    const { keel, file } = both(ics, plan, 'Europe/Berlin', [], saturday);
    expect(file).toEqual(keel);
    expect(file[0]).toBe('2027-03-28T01:00:00+01:00 → 2027-03-28T04:00:00+02:00');
    expect(file[1]).toBe('2027-04-04T01:00:00+02:00 → 2027-04-04T04:00:00+02:00');
  });

  it('pauses a night of change with an EXDATE and no override, and writes none past the horizon', () => {
    const plan: FocusRule[] = [{ weekday: 'sun', start: '01:00', end: '04:00' }];
    const pauses: FocusPause[] = [{ from: '2027-03-14', to: '2027-03-14' }];
    const ics = exportPlan(plan, 'America/New_York', pauses);
    expect(ics).toContain('EXDATE;TZID=America/New_York:20270314T010000\r\n');
    expect(overridesOn(ics, '20270314')).toEqual([]);
    // The horizon ends 2 March 2028, before the 2028 changes.
    expect(countOverrides(ics)).toBe(1);
    const { keel, file } = both(ics, plan, 'America/New_York', pauses);
    expect(file).toEqual(keel);
  });

  it('leaves blocks away from the change alone: no override on an ordinary day', () => {
    const plan: FocusRule[] = [
      { weekday: 'sun', start: '09:00', end: '11:00' },
      { weekday: 'sun', start: '04:00', end: '05:00' },
      { weekday: 'sun', start: '00:00', end: '00:59' },
    ];
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const ics = exportPlan(plan, zone);
      expect(countOverrides(ics)).toBe(0);
      const { keel, file } = both(ics, plan, zone);
      expect(file).toEqual(keel);
    }
  });
});
