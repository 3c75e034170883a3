import { describe, expect, it } from 'vitest';
import type { AgendaEvent, AgendaSource } from '../../src-main/core/agenda';
import { instantAt } from '../../src-main/core/time';
import { AgendaScheduler, DELIVERY_GRACE_MS } from '../../src-main/services/scheduler';
import { makeServices } from '../helpers/services';

const zone = 'Europe/Berlin';
/** A daily event at a local time, as later capabilities will add. */
function daily(hhmm: string): AgendaSource {
  return {
    name: `daily-${hhmm}`,
    eventsBetween(from, to) {
      const out: AgendaEvent[] = [];
      for (let t = from - 86_400_000 * 2; t < to + 86_400_000; t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        const start = instantAt(date, hhmm, zone);
        if (start >= from && start < to)
          out.push({ id: `${date}@${hhmm}`, kind: 'check', title: hhmm, start });
      }
      return out;
    },
  };
}

function setup() {
  const { services, clock } = makeServices(Date.parse('2027-03-15T07:00:00Z'), zone); // 08:00 Berlin
  // Only the test's own events: no focus plan.
  services.settings.set('focusPlan', []);
  services.settings.set('workingHours', {
    mon: null,
    tue: null,
    wed: null,
    thu: null,
    fri: null,
    sat: null,
    sun: null,
  });
  services.agenda.addSource(daily('09:00'));
  services.agenda.addSource(daily('17:00'));
  const due: string[] = [];
  const missed: string[] = [];
  const scheduler = new AgendaScheduler(services.agenda, clock, clock, {
    onDue: (m) => due.push(m.event.id),
    onMissed: (m) => missed.push(m.event.id),
  });
  return { services, clock, scheduler, due, missed };
}

describe('AgendaScheduler', () => {
  it('a handler that re-plans while moments are delivered gets each moment once, and one timer stays armed', () => {
    const { services, clock } = setup();
    const due: string[] = [];
    const scheduler: AgendaScheduler = new AgendaScheduler(services.agenda, clock, clock, {
      // A focus block starting re-plans from inside its own delivery.
      onDue: (m) => {
        due.push(m.event.id);
        scheduler.replan();
      },
    });
    scheduler.start();
    clock.advanceTo(Date.parse('2027-03-16T08:00:00Z')); // Tuesday 09:00 Berlin
    expect(due).toEqual(['2027-03-15@09:00', '2027-03-15@17:00', '2027-03-16@09:00']);
    expect(clock.pendingCount()).toBe(1);
  });

  it('arms exactly one timer, for the next event, and fires it on time', () => {
    const { clock, scheduler, due } = setup();
    scheduler.start();
    expect(clock.pendingCount()).toBe(1);
    expect(scheduler.nextMoment?.id).toBe('2027-03-15@09:00#start');
    clock.advanceTo(Date.parse('2027-03-15T07:59:59Z'));
    expect(due).toEqual([]);
    clock.advanceTo(Date.parse('2027-03-15T08:00:00Z'));
    expect(due).toEqual(['2027-03-15@09:00']);
    expect(clock.pendingCount()).toBe(1);
    expect(scheduler.nextMoment?.id).toBe('2027-03-15@17:00#start');
  });

  it('wakes only once per event over a day (no polling)', () => {
    const { clock, scheduler, due } = setup();
    scheduler.start();
    const before = clock.firedCount;
    clock.advanceBy(24 * 3_600_000);
    expect(due).toEqual(['2027-03-15@09:00', '2027-03-15@17:00']);
    expect(clock.firedCount - before).toBe(2);
  });

  it('does not replay events that passed while the machine slept', () => {
    const { clock, scheduler, due, missed } = setup();
    scheduler.start();
    // Asleep from 08:00 to 18:00 local: the timer could not fire.
    clock.jumpTo(Date.parse('2027-03-15T17:00:00Z'));
    scheduler.replan(); // what the runtime does on resume
    expect(due).toEqual([]);
    expect(missed).toEqual(['2027-03-15@09:00', '2027-03-15@17:00']);
    expect(scheduler.nextMoment?.id).toBe('2027-03-16@09:00#start');
  });

  it('still delivers an event that is only moments late on wake-up', () => {
    const { clock, scheduler, due, missed } = setup();
    scheduler.start();
    clock.jumpTo(Date.parse('2027-03-15T08:00:00Z') + DELIVERY_GRACE_MS - 1);
    scheduler.replan();
    expect(due).toEqual(['2027-03-15@09:00']);
    expect(missed).toEqual([]);
  });

  it('re-plans from the new time when the clock is set back, and stops cleanly', () => {
    const { clock, scheduler, due } = setup();
    scheduler.start();
    clock.advanceTo(Date.parse('2027-03-15T08:30:00Z'));
    expect(due).toEqual(['2027-03-15@09:00']);
    clock.jumpTo(Date.parse('2027-03-15T07:30:00Z'));
    scheduler.replan();
    expect(scheduler.nextMoment?.id).toBe('2027-03-15@09:00#start');
    scheduler.stop();
    expect(clock.pendingCount()).toBe(0);
  });
});
