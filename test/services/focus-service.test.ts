import { describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import type { FocusChange } from '../../src-main/services/focus-service';
import { makeServices } from '../helpers/services';

// Monday 15 March 2027 in Berlin (UTC+1): default blocks 09:00–11:00 and 14:00–16:00 local.
const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);

function setup(start = at('08:00')) {
  const made = makeServices(start, 'Europe/Berlin');
  const changes: FocusChange['type'][] = [];
  made.services.focus.onDidChange.on((c) => changes.push(c.type));
  return { ...made, focus: made.services.focus, changes };
}

describe('FocusService', () => {
  it('puts planned blocks on the agenda with a pre-warning and an end', () => {
    const { services } = setup();
    const focusMoments = (from: number, to: number) =>
      services.agenda.momentsBetween(from, to).filter((m) => m.event.kind === 'focus');
    const moments = focusMoments(at('08:00'), at('12:00')).map((m) => m.id);
    expect(moments).toEqual([
      'focus:2027-03-15@09:00#warn',
      'focus:2027-03-15@09:00#start',
      'focus:2027-03-15@09:00#end',
    ]);
    const warn = focusMoments(at('08:00'), at('09:00'))[0];
    expect(warn?.at).toBe(at('08:55'));
    services.settings.set('focusWarningMinutes', 0);
    expect(focusMoments(at('08:00'), at('12:00')).map((m) => m.phase)).toEqual(['start', 'end']);
  });

  it('starts a planned block once, and not when skipped', () => {
    const { focus, clock } = setup();
    focus.skip('focus:2027-03-15@09:00');
    clock.jumpTo(at('09:00'));
    expect(focus.startPlanned('focus:2027-03-15@09:00')).toBeUndefined();
    clock.jumpTo(at('14:00'));
    const s = focus.startPlanned('focus:2027-03-15@14:00');
    expect(s).toMatchObject({ kind: 'planned', plannedEnd: at('16:00'), localDate: '2027-03-15' });
    expect(focus.startPlanned('focus:2027-03-15@14:00')).toBeUndefined();
    expect(focus.status().today.map((b) => b.state)).toEqual(['skipped', 'running']);
  });

  it('starts ad-hoc blocks for minutes or until the next block, and refuses a second one', () => {
    const { focus, clock, services } = setup(at('12:00'));
    expect(services.status.status().today.focusRunningUntil).toBeNull();
    const s = focus.startAdhoc({ minutes: 25 });
    expect(s.plannedEnd - s.startedAt).toBe(25 * 60_000);
    expect(services.status.status().today.focusRunningUntil).toBe('12:25');
    expect(() => focus.startAdhoc({ minutes: 50 })).toThrow(
      'A focus block is already running until 12:25; end it first.',
    );
    clock.jumpTo(at('12:10'));
    const stopped = focus.stop();
    expect(stopped).toMatchObject({ endReason: 'stopped', endedAt: at('12:10') });
    const untilNext = focus.startAdhoc({ until: 'next' });
    expect(untilNext.plannedEnd).toBe(at('14:00'));
  });

  it('starting inside a planned block protects that block until its planned end', () => {
    const { focus, clock } = setup();
    clock.jumpTo(at('09:30'));
    const s = focus.startAdhoc({ minutes: 25 });
    expect(s).toMatchObject({
      kind: 'planned',
      occurrenceId: 'focus:2027-03-15@09:00',
      plannedEnd: at('11:00'),
    });
  });

  it('"until next" with nothing planned says so in one sentence', () => {
    const { focus, services } = setup(at('20:00', '2027-03-19'));
    services.settings.set('focusPlan', []);
    expect(() => focus.startAdhoc({ until: 'next' })).toThrow(
      'Nothing is planned in the next 8 hours; pick a length instead.',
    );
  });

  it('counts interruptions and asks for, stores and shows "where I left off"', () => {
    const { focus, clock } = setup();
    clock.jumpTo(at('09:00'));
    focus.startPlanned('focus:2027-03-15@09:00');
    clock.jumpTo(at('09:40'));
    focus.interrupt('chat', '  quick question  ');
    // Logged from the tray: the window asks for the line until it is written.
    expect(focus.status().askLeftOff).toBe(true);
    clock.jumpTo(at('09:41'));
    focus.leaveOff('Reading the RFC, section 4');
    expect(focus.status().askLeftOff).toBe(false);
    clock.jumpTo(at('09:50'));
    focus.interrupt('meeting');
    expect(focus.status().running?.interruptions).toBe(2);
    clock.jumpTo(at('11:00'));
    const ended = focus.completeByEvent('focus:2027-03-15@09:00');
    expect(ended).toMatchObject({ endReason: 'completed', endedAt: at('11:00') });
    expect(focus.status().askLeftOff).toBe(true);
    focus.leaveOff('Refactoring the parser; next: error paths');
    expect(focus.status()).toMatchObject({
      askLeftOff: false,
      leftOff: { text: 'Refactoring the parser; next: error paths' },
    });
    expect(focus.takeCue()).toBe('Refactoring the parser; next: error paths');
    expect(focus.takeCue()).toBeUndefined();
  });

  it('refuses interruptions and stop with nothing running', () => {
    const { focus } = setup();
    expect(() => focus.interrupt('other')).toThrow(KeelError);
    expect(() => focus.stop()).toThrow('No focus block is running.');
  });

  it('reconciles after sleep: an end that passed closes quietly, a block running now starts quietly', () => {
    const { focus, clock } = setup();
    const events: FocusChange[] = [];
    focus.onDidChange.on((c) => events.push(c));
    clock.jumpTo(at('09:00'));
    focus.startPlanned('focus:2027-03-15@09:00');
    // Asleep from 09:10 to 14:30: the 11:00 end and the 14:00 start were never seen.
    clock.jumpTo(at('14:30'));
    focus.reconcile();
    const quiet = events.filter((e) => e.type !== 'started' || e.silent);
    expect(quiet.map((e) => e.type)).toEqual(['ended', 'started']);
    expect(events[1]).toMatchObject({ type: 'ended', silent: true, session: { endedAt: at('11:00') } });
    expect(events[2]).toMatchObject({
      type: 'started',
      silent: true,
      session: { startedAt: at('14:30'), plannedEnd: at('16:00') },
    });
  });

  it('does not restart a block the user ended early', () => {
    const { focus, clock } = setup();
    clock.jumpTo(at('09:00'));
    focus.startPlanned('focus:2027-03-15@09:00');
    clock.jumpTo(at('09:30'));
    focus.stop();
    focus.reconcile();
    expect(focus.running()).toBeUndefined();
    expect(focus.status().today[0]?.state).toBe('done');
  });

  it('keeps blocks off paused days', () => {
    const { focus, services } = setup();
    services.settings.set('focusPauses', [{ from: '2027-03-15', to: '2027-03-16', note: 'Offsite' }]);
    expect(focus.status()).toMatchObject({ today: [], pausedToday: true });
    expect(focus.status().next?.id).toBe('focus:2027-03-17@09:00');
  });

  it('reports planned vs protected minutes and interruptions by kind, per day and week', () => {
    const { focus, clock } = setup();
    clock.jumpTo(at('09:00'));
    focus.startPlanned('focus:2027-03-15@09:00');
    clock.jumpTo(at('09:20'));
    focus.interrupt('incident');
    clock.jumpTo(at('10:30'));
    focus.stop();
    const stats = focus.stats('2027-03-15', '2027-03-21');
    expect(stats.days[0]).toEqual({
      date: '2027-03-15',
      plannedMinutes: 240,
      protectedMinutes: 90,
      interruptions: { meeting: 0, chat: 0, incident: 1, other: 0 },
      counted: true,
      // At 10:30 the morning block has come as far as 10:30; the afternoon one not yet.
      plannedSoFarMinutes: 90,
    });
    expect(stats.weeks).toEqual([
      {
        weekOf: '2027-03-15',
        plannedMinutes: 1200,
        protectedMinutes: 90,
        interruptions: { meeting: 0, chat: 0, incident: 1, other: 0 },
      },
    ]);
    expect(stats.totals).toMatchObject({ plannedMinutes: 1200, plannedSoFarMinutes: 90 });
    // Keel started at 08:00 on this Monday: inside the week.
    expect(stats.countingSince).toBe('2027-03-15');
    expect(focus.stats('2027-03-22', '2027-03-28').countingSince).toBeNull();
  });

  it('a first start at 22:55: the day’s blocks were before Keel started, nothing is planned or due yet', () => {
    const { focus, clock } = setup(at('22:55'));
    expect(focus.status().today.map((b) => [b.startTime, b.state])).toEqual([
      ['09:00', 'before-start'],
      ['14:00', 'before-start'],
    ]);
    const stats = focus.stats('2027-03-15', '2027-03-21');
    expect(stats.days.map((d) => [d.plannedMinutes, d.plannedSoFarMinutes, d.counted])).toEqual([
      [0, 0, true],
      [240, 0, true],
      [240, 0, true],
      [240, 0, true],
      [240, 0, true],
      [0, 0, true],
      [0, 0, true],
    ]);
    expect(stats.totals).toMatchObject({ plannedMinutes: 960, plannedSoFarMinutes: 0 });
    expect(stats.countingSince).toBe('2027-03-15');
    // The week before is none of Keel's business.
    const before = focus.stats('2027-03-08', '2027-03-14');
    expect(
      before.days.every((d) => !d.counted && d.plannedMinutes === 0 && d.plannedSoFarMinutes === 0),
    ).toBe(true);
    expect(before.countingSince).toBeNull();
    // The next day a block nobody started is "not started", once it is over, and no sooner.
    clock.jumpTo(at('10:00', '2027-03-16'));
    expect(focus.status().today.map((b) => b.state)).toEqual(['upcoming', 'upcoming']);
    clock.jumpTo(at('11:00', '2027-03-16'));
    expect(focus.status().today.map((b) => b.state)).toEqual(['not-started', 'upcoming']);
    expect(focus.stats('2027-03-15', '2027-03-21').totals.plannedSoFarMinutes).toBe(120);
  });

  it('a block that ended after Keel started, with no session, is "not started", never "missed"', () => {
    // Keel started at 10:00, inside the morning block; nothing took it up.
    const { focus, clock } = setup(at('10:00'));
    clock.jumpTo(at('12:00'));
    expect(focus.status().today.map((b) => b.state)).toEqual(['not-started', 'upcoming']);
    // Only the hour Keel was there for is planned.
    expect(focus.stats('2027-03-15', '2027-03-15').days[0]).toMatchObject({
      plannedMinutes: 180,
      plannedSoFarMinutes: 60,
    });
  });

  it('the database allows only one running block, even from another process', () => {
    const { focus, services, clock } = setup(at('12:00'));
    focus.startAdhoc({ minutes: 25 });
    clock.jumpTo(at('12:01'));
    expect(() =>
      services.db
        .prepare(
          "INSERT INTO focus_sessions (kind, started_at, planned_end, local_date, zone) VALUES ('adhoc', 1, 2, '2027-03-15', 'UTC')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });
});
