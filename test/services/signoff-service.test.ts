import { describe, expect, it } from 'vitest';
import { SINCE_THE_BEGINNING } from '../../src-main/core/rules';
import { instantAt } from '../../src-main/core/time';
import { englishCreepSummary } from '../helpers/creep-summary';
import { makeServices } from '../helpers/services';

const zone = 'Europe/Berlin';
// 2027-03-15 is a Monday.
const at = (hhmm: string, date = '2027-03-15') => instantAt(date, hhmm, zone);
const NO_ANSWERS = { done: '', unfinished: [], firstTomorrow: '', energy: null, quiet: false };

function setup(start = at('17:40')) {
  return makeServices(start, zone);
}

describe('SignoffService', () => {
  it('records the ritual and says "Signed off at"; signing off again edits the answers, not the time', () => {
    const { services, clock } = setup();
    const first = services.signoff.submit({
      ...NO_ANSWERS,
      done: 'Shipped the importer',
      unfinished: [{ item: 'Flaky test', plan: '10:00 with Sam' }],
      firstTomorrow: 'Review Ana’s PR',
      energy: 2,
    });
    expect(first.signedOff).toEqual({
      workday: '2027-03-15',
      signedOffAt: '2027-03-15T17:40:00+01:00',
      signedOffTime: '17:40',
      done: 'Shipped the importer',
      unfinished: [{ item: 'Flaky test', plan: '10:00 with Sam' }],
      firstTomorrow: 'Review Ana’s PR',
      energy: 2,
      quietUntil: null,
    });
    clock.advanceTo(at('18:05'));
    const edited = services.signoff.submit({ ...NO_ANSWERS, done: 'Shipped the importer, and docs' });
    expect(edited.signedOff).toMatchObject({
      signedOffTime: '17:40',
      done: 'Shipped the importer, and docs',
    });
    expect(edited.signedOff?.firstTomorrow).toBeNull();
  });

  it('an explicit time sets the sign-off time and its workday; the future is refused and nothing is written', () => {
    const { services } = setup(at('10:00', '2027-03-16'));
    services.signoff.submit(NO_ANSWERS, at('00:30', '2027-03-16'));
    expect(services.signoff.day('2027-03-15').signedOff).toBe('2027-03-16T00:30:00+01:00');
    expect(() => services.signoff.submit(NO_ANSWERS, at('12:00', '2027-03-16'))).toThrow(
      'A sign-off cannot be in the future.',
    );
    expect(services.signoff.day('2027-03-16').signedOff).toBeNull();
  });

  it('quiet until the next working start skips the weekend and holidays', () => {
    const { services } = setup(at('17:40', '2027-03-19')); // Friday
    services.settings.set('holidays', [{ from: '2027-03-22', to: '2027-03-22', note: 'Day off' }]);
    const status = services.signoff.submit({ ...NO_ANSWERS, quiet: true });
    expect(status.signedOff?.quietUntil).toBe('2027-03-23T09:00:00+01:00');
    expect(services.signoff.activeQuietUntil()).toBe(at('09:00', '2027-03-23'));
  });

  it('the next workday carries over the first thing and the unfinished things, Friday to Monday', () => {
    const { services, clock } = setup(at('17:40', '2027-03-19'));
    services.signoff.submit({
      ...NO_ANSWERS,
      firstTomorrow: 'Deploy the fix',
      unfinished: [{ item: 'Docs', plan: 'after stand-up' }],
    });
    clock.advanceTo(at('08:30', '2027-03-22'));
    expect(services.signoff.status().carriedOver).toEqual({
      workday: '2027-03-19',
      firstTomorrow: 'Deploy the fix',
      unfinished: [{ item: 'Docs', plan: 'after stand-up' }],
    });
    // A week later the last working day (Friday 26) has no sign-off: nothing, never an older one.
    clock.advanceTo(at('08:30', '2027-03-29'));
    expect(services.signoff.status().carriedOver).toBeNull();
  });

  describe('carries over only the last working day’s sign-off', () => {
    const signOff = (services: ReturnType<typeof setup>['services'], date: string, firstTomorrow: string) =>
      services.signoff.submit({ ...NO_ANSWERS, firstTomorrow }, at('17:40', date));
    const carried = (services: ReturnType<typeof setup>['services']) =>
      services.signoff.status().carriedOver?.workday ?? null;

    it('not an older one when the last working day has none, nor one written on the weekend', () => {
      const { services } = setup(at('08:30', '2027-03-22')); // Monday
      signOff(services, '2027-03-18', 'Thursday’s plan');
      signOff(services, '2027-03-20', 'Saturday’s plan');
      expect(carried(services)).toBeNull();
      signOff(services, '2027-03-19', 'Friday’s plan');
      expect(services.signoff.status().carriedOver?.firstTomorrow).toBe('Friday’s plan');
    });

    it('skips a holiday, by the rules in force on it', () => {
      const { services } = setup(at('08:30', '2027-03-22'));
      signOff(services, '2027-03-18', 'Thursday’s plan');
      // A holiday set today, from today, leaves last Friday a working day as it was then.
      services.settings.set('holidays', [{ from: '2027-03-19', to: '2027-03-19', note: 'Bridge day' }]);
      expect(carried(services)).toBeNull();
      // The same holiday in force since the beginning: Thursday was the last working day.
      services.settings.set('holidays', [{ from: '2027-03-19', to: '2027-03-19', note: 'Bridge day' }], {
        from: SINCE_THE_BEGINNING,
      });
      expect(carried(services)).toBe('2027-03-18');
    });

    it('by the working hours in force on each day', () => {
      const { services } = setup(at('08:30', '2027-03-23')); // Tuesday
      signOff(services, '2027-03-19', 'Friday’s plan');
      expect(carried(services)).toBeNull(); // Monday 22 was a working day without a sign-off.
      // Mondays off from the beginning, and working Mondays again from today: Monday 22 was off.
      const hours = services.settings.get().workingHours;
      services.settings.set('workingHours', { ...hours, mon: null }, { from: SINCE_THE_BEGINNING });
      services.settings.set('workingHours', hours);
      expect(services.settings.get().workingHours.mon).not.toBeNull();
      expect(carried(services)).toBe('2027-03-19');
    });

    it('looks back two weeks at most, and carries nothing into a day off', () => {
      const { services, clock } = setup(at('08:30', '2027-04-06')); // Tuesday after three weeks off
      signOff(services, '2027-03-12', 'Before the break');
      services.settings.set('holidays', [{ from: '2027-03-15', to: '2027-04-05', note: 'Away' }], {
        from: SINCE_THE_BEGINNING,
      });
      expect(carried(services)).toBeNull();
      signOff(services, '2027-04-02', 'Friday’s plan'); // worked on a holiday: not a working day
      expect(carried(services)).toBeNull();
      // Saturday after a signed-off Friday: a day off, nothing carried.
      clock.jumpTo(at('10:00', '2027-04-10'));
      signOff(services, '2027-04-09', 'Friday’s plan');
      expect(carried(services)).toBeNull();
      clock.jumpTo(at('08:30', '2027-04-12'));
      expect(carried(services)).toBe('2027-04-09');
    });
  });

  it('presence widens first/last active by the OS idle time and ignores nonsense', () => {
    const { services, clock } = setup(at('09:10'));
    services.signoff.samplePresence(600); // last input 09:00
    clock.advanceTo(at('12:00'));
    services.signoff.samplePresence(0);
    services.signoff.samplePresence(-5);
    services.signoff.samplePresence(Number.NaN);
    services.signoff.samplePresence(30 * 24 * 3600);
    expect([services.signoff.status().firstActive, services.signoff.status().lastActive]).toEqual([
      '09:00',
      '12:00',
    ]);
    // A sample arriving late (an earlier instant) never narrows the span.
    clock.advanceTo(at('12:10'));
    services.signoff.samplePresence(3 * 3600);
    expect([services.signoff.status().firstActive, services.signoff.status().lastActive]).toEqual([
      '09:00',
      '12:00',
    ]);
  });

  it('work after midnight counts towards the workday before the day boundary', () => {
    const { services, clock } = setup(at('08:00'));
    clock.advanceTo(at('23:00'));
    services.signoff.samplePresence(0);
    clock.advanceTo(at('01:30', '2027-03-16'));
    services.signoff.samplePresence(0);
    const monday = services.signoff.day('2027-03-15');
    expect([monday.firstActive, monday.lastActive, monday.late]).toEqual([
      '2027-03-15T23:00:00+01:00',
      '2027-03-16T01:30:00+01:00',
      true,
    ]);
  });

  it('a first start late in the evening is not a late evening, nor a missed sign-off', () => {
    const { services, clock } = setup(at('22:55'));
    services.signoff.samplePresence(0);
    clock.advanceTo(at('23:40'));
    services.signoff.samplePresence(0);
    clock.advanceTo(at('10:00', '2027-03-16'));
    const monday = services.signoff.day('2027-03-15');
    expect([monday.lastActive, monday.late, monday.counted]).toEqual([
      '2027-03-15T23:40:00+01:00',
      false,
      true,
    ]);
    const creep = services.signoff.creep(1);
    expect([creep.lateEvenings, creep.daysWithoutSignoff]).toEqual([0, 0]);
    expect(englishCreepSummary(creep)).not.toMatch(/sign-off/);
    // Nor a point on "when your workdays ended" at 23:40: Keel did not see that day end.
    expect(creep.weeks.map((w) => w.medianLastActive)).toEqual([null]);
    // Nor "your evenings stayed your own": no evening has been seen to end yet.
    expect(englishCreepSummary(creep)).toBe(
      'No workday has ended since Keel started counting, so there is nothing to look back on yet.',
    );
    expect(services.signoff.day('2027-03-12').counted).toBe(false);
  });

  it('does not greet a first start after the end of hours with "Time to sign off?"; the next evening it does', () => {
    const { services, clock } = setup(at('22:55'));
    services.signoff.samplePresence(0);
    expect(services.signoff.decide(0, false)).toMatchObject({ kind: 'none', why: 'not-due' });
    clock.advanceTo(at('17:31', '2027-03-16'));
    services.signoff.samplePresence(0);
    expect(services.signoff.decide(0, false)).toMatchObject({ kind: 'suggest', reason: 'end-of-hours' });
  });

  it('the agenda plans a sign-off at each end of hours, except days signed off, set aside or on holiday', () => {
    const { services } = setup(at('17:00'));
    services.settings.set('holidays', [{ from: '2027-03-17', to: '2027-03-17' }]);
    services.signoff.respond('not-today');
    const events = services.agenda
      .between(at('00:00'), at('00:00', '2027-03-20'))
      .filter((e) => e.kind === 'signoff');
    expect(events.map((e) => e.id)).toEqual([
      'signoff:2027-03-16',
      'signoff:2027-03-18',
      'signoff:2027-03-19',
    ]);
    services.signoff.submit(NO_ANSWERS);
    expect(services.signoff.status().notToday).toBe(true);
  });

  it('status shows an unanswered suggestion until it is answered or three hours old', () => {
    const { services, clock } = setup(at('17:30'));
    services.signoff.samplePresence(0);
    services.signoff.markSuggested('2027-03-15');
    expect(services.signoff.status().suggested).toEqual({
      reason: 'end-of-hours',
      at: '2027-03-15T17:30:00+01:00',
    });
    services.signoff.respond('snooze');
    expect(services.signoff.status()).toMatchObject({
      suggested: null,
      snoozedUntil: '2027-03-15T17:45:00+01:00',
    });
    clock.advanceTo(at('17:45'));
    services.signoff.markSuggested('2027-03-15');
    expect(services.signoff.status().suggested?.at).toBe('2027-03-15T17:45:00+01:00');
    clock.advanceTo(at('20:45'));
    expect(services.signoff.status().suggested).toBeNull();
  });

  it('creep over the last weeks starts on a Monday and ends today', () => {
    const { services } = setup(at('12:00', '2027-03-24')); // Wednesday
    const stats = services.signoff.creep(4);
    expect([stats.from, stats.to, stats.weeks.length]).toEqual(['2027-03-01', '2027-03-24', 4]);
  });
});
