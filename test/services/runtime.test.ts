import { describe, expect, it } from 'vitest';
import { makeRuntime } from '../helpers/runtime';

function setup(startIso: string) {
  const made = makeRuntime(Date.parse(startIso));
  // These tests are about the runtime itself; focus blocks have their own tests.
  made.services.settings.set('focusPlan', []);
  return made;
}

describe('KeelRuntime', () => {
  it('builds the tray: state, tooltip and a menu with Open and Quit', () => {
    const { runtime, tray, shell } = setup('2027-03-15T09:00:00Z'); // Monday 10:00 Berlin
    runtime.start();
    expect(tray.state).toBe('idle');
    const labels = tray.menu.flatMap((i) => (i.type === 'item' ? [i.label] : []));
    expect(labels).toContain('Open Keel');
    expect(labels).toContain('Quit Keel');
    tray.select('open');
    expect(shell.shown).toEqual([undefined]);
    tray.select('quit');
    expect(shell.quitRequested).toBe(true);
  });

  it('shows the after-hours state outside working hours and on days off', () => {
    const evening = setup('2027-03-15T19:00:00Z'); // Monday 20:00 Berlin
    evening.runtime.start();
    expect(evening.tray.state).toBe('after-hours');
    const sunday = setup('2027-03-21T10:00:00Z');
    sunday.runtime.start();
    expect(sunday.tray.state).toBe('after-hours');
  });

  it('re-plans and tells the window when settings change', () => {
    const { runtime, services, pushed, tray } = setup('2027-03-15T19:00:00Z');
    runtime.start();
    services.settings.set('workingHours', {
      ...services.settings.get().workingHours,
      mon: { start: '18:00', end: '23:00' },
    });
    expect(tray.state).toBe('idle');
    expect(pushed).toContainEqual({ type: 'changed', topics: ['settings', 'focus', 'status', 'agenda'] });
  });

  it('listens for resume while running and lets go when stopped', () => {
    const { runtime, power } = setup('2027-03-15T09:00:00Z');
    runtime.start();
    expect(power.listenerCount('resume')).toBe(1);
    runtime.stop();
    expect(power.listenerCount('resume')).toBe(0);
  });

  it('delivers a due agenda event as a notification and clicking it opens the window', () => {
    const { runtime, services, clock, notifier, shell } = setup('2027-03-15T09:00:00Z');
    const at = Date.parse('2027-03-15T09:30:00Z');
    services.agenda.addSource({
      name: 'one',
      eventsBetween: (from, to) =>
        at >= from && at < to ? [{ id: 'e1', kind: 'check', title: 'Quick check', start: at }] : [],
    });
    runtime.start();
    clock.advanceTo(at);
    expect(notifier.shown.map((n) => n.title)).toEqual(['Quick check']);
    notifier.act(notifier.shown[0]!.id);
    expect(shell.shown).toEqual(['checks']);
  });
});
