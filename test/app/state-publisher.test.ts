import { describe, expect, it } from 'vitest';
import { StatePublisher, TOPICS_AFTER } from '../../src-main/app/state-publisher';
import { STATE_TOPICS, type StateEvent } from '../../src-main/shared/state';
import { Emitter } from '../../src-main/services/events';
import { makeApp } from '../helpers/app';

const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);

function setup(start: number, { plan = true } = {}) {
  const made = makeApp(start);
  if (!plan) made.services.settings.set('focusPlan', []);
  made.app.start();
  return made;
}

describe('state publisher: the table', () => {
  it("pushes each source's topics, and only known topics", () => {
    const pushed: StateEvent[] = [];
    const publisher = new StatePublisher((e) => pushed.push(e));
    for (const source of Object.keys(TOPICS_AFTER) as (keyof typeof TOPICS_AFTER)[])
      publisher.publish(source);
    expect(pushed).toHaveLength(Object.keys(TOPICS_AFTER).length);
    for (const event of pushed) {
      expect(event.type).toBe('changed');
      if (event.type === 'changed') for (const topic of event.topics) expect(STATE_TOPICS).toContain(topic);
    }
    expect(pushed[Object.keys(TOPICS_AFTER).indexOf('replaced')]).toEqual({
      type: 'changed',
      topics: [...STATE_TOPICS],
    });
  });

  it("follows every service's change event, and stops when its disposers run", () => {
    const pushed: StateEvent[] = [];
    const emitters = {
      settings: new Emitter<unknown>(),
      focus: new Emitter<unknown>(),
      signoff: new Emitter<unknown>(),
      checkin: new Emitter<unknown>(),
      summary: new Emitter<unknown>(),
      talkingPoints: new Emitter<unknown>(),
      weeklyUpdate: new Emitter<unknown>(),
      calendar: new Emitter<unknown>(),
      data: new Emitter<unknown>(),
    };
    const services = {
      settings: { onDidChange: emitters.settings },
      focus: { onDidChange: emitters.focus },
      signoff: { onDidChange: emitters.signoff },
      checkin: { onDidChange: emitters.checkin },
      summary: { onDidChange: emitters.summary },
      talkingPoints: { onDidChange: emitters.talkingPoints },
      weeklyUpdate: { onDidChange: emitters.weeklyUpdate },
      calendar: { onDidChange: emitters.calendar },
      data: { onReplaced: emitters.data },
    } as unknown as Parameters<StatePublisher['follow']>[0];
    const disposers = new StatePublisher((e) => pushed.push(e)).follow(services);
    for (const emitter of Object.values(emitters)) emitter.emit(undefined);
    expect(pushed.map((e) => (e.type === 'changed' ? e.topics : []))).toEqual([
      [...TOPICS_AFTER.settings],
      [...TOPICS_AFTER.focus],
      [...TOPICS_AFTER.signoff],
      [...TOPICS_AFTER.checkin],
      [...TOPICS_AFTER.summary],
      [...TOPICS_AFTER.talkingPoints],
      [...TOPICS_AFTER.weeklyUpdate],
      [...TOPICS_AFTER.calendar],
      [...STATE_TOPICS],
    ]);
    for (const dispose of disposers) dispose();
    for (const emitter of Object.values(emitters)) emitter.emit(undefined);
    expect(pushed).toHaveLength(9);
  });
});

describe('state publisher: in the running app', () => {
  it('re-plans and tells the window when settings change', () => {
    const { services, pushed, tray } = setup(Date.parse('2027-03-15T19:00:00Z'), { plan: false });
    services.settings.set('workingHours', {
      ...services.settings.get().workingHours,
      mon: { start: '18:00', end: '23:00' },
    });
    expect(tray.state).toBe('idle');
    expect(pushed).toContainEqual({ type: 'changed', topics: ['settings', 'focus', 'status', 'agenda'] });
  });

  it('pushes focus changes to the window', () => {
    const { tray, pushed } = setup(at('12:00'));
    tray.select({ kind: 'focus-start', minutes: 50 });
    expect(pushed).toContainEqual({ type: 'changed', topics: ['focus', 'status', 'agenda'] });
  });

  it('tells the window when working hours begin, and when do-not-disturb changed', async () => {
    const { clock, pushed, services } = setup(at('08:00'), { plan: false });
    clock.advanceTo(at('09:00'));
    expect(pushed).toContainEqual({ type: 'changed', topics: ['status', 'signoff'] });
    pushed.length = 0;
    services.focus.startAdhoc({ minutes: 25 });
    await services.dnd.status();
    expect(pushed).toContainEqual({ type: 'changed', topics: ['dnd'] });
  });
});
