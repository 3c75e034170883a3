import { describe, expect, it } from 'vitest';
import { makeRuntime } from '../helpers/runtime';

const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);

function setup(start = at('08:00')) {
  const made = makeRuntime(start);
  made.runtime.start();
  const titles = () => made.notifier.shown.map((n) => n.title);
  return { ...made, titles };
}

describe('runtime: focus blocks', () => {
  it('warns, starts and ends a planned block with the promised notifications and tray states', () => {
    const { clock, tray, notifier, services, titles } = setup();
    clock.advanceTo(at('08:55'));
    expect(titles()).toEqual(['Focus block at 09:00']);
    expect(notifier.shown[0]?.actions?.map((a) => a.label)).toEqual(['Skip this one', 'Start now']);
    clock.advanceTo(at('09:00'));
    expect(titles()).toEqual(['Focus block at 09:00', 'Focus until 11:00']);
    expect(tray.state).toBe('focus');
    expect(tray.menu[0]).toMatchObject({ label: 'Focus until 11:00 · 2 h left' });
    clock.advanceTo(at('09:30'));
    services.focus.interrupt('meeting');
    clock.advanceTo(at('11:00'));
    expect(titles().at(-1)).toBe('2 h protected, 1 interruption');
    expect(tray.state).toBe('idle');
    expect(tray.stateHistory).toEqual(['after-hours', 'focus', 'idle']);
  });

  it('refreshes the time left at most every 15 minutes while a block runs', () => {
    const { clock, tray } = setup(at('08:59'));
    clock.advanceTo(at('09:00'));
    const before = clock.firedCount;
    clock.advanceTo(at('10:43'));
    // The presence samples (09:14, 09:29 … 10:59, four an hour) also refresh the tray: no timer
    // of its own, no per-second polling.
    expect(tray.menu[0]).toMatchObject({ label: 'Focus until 11:00 · 31 min left' });
    clock.advanceTo(at('10:59'));
    expect(clock.firedCount - before).toBe(8);
    expect(tray.menu[0]).toMatchObject({ label: 'Focus until 11:00 · 1 min left' });
  });

  it('"Skip this one" on the pre-warning skips the block; "Start now" starts it early', () => {
    const skip = setup();
    skip.clock.advanceTo(at('08:55'));
    skip.notifier.act(skip.notifier.shown[0]!.id, 'skip');
    skip.clock.advanceTo(at('10:00'));
    expect(skip.titles()).toEqual(['Focus block at 09:00']);
    expect(skip.tray.state).toBe('idle');

    const early = setup();
    early.clock.advanceTo(at('08:55'));
    early.notifier.act(early.notifier.shown[0]!.id, 'start');
    expect(early.tray.state).toBe('focus');
    expect(early.titles()).toEqual(['Focus block at 09:00', 'Focus until 11:00']);
    early.clock.advanceTo(at('09:00'));
    expect(early.titles()).toHaveLength(2);
  });

  it('clicking a focus notification opens the Focus view', () => {
    const { clock, notifier, shell } = setup();
    clock.advanceTo(at('09:00'));
    notifier.act(notifier.shown[1]!.id);
    expect(shell.shown).toEqual(['focus']);
  });

  it('holds other prompts during a block and delivers them when it ends', () => {
    const { clock, services, titles } = setup();
    const promptAt = at('10:00');
    services.agenda.addSource({
      name: 'test-prompts',
      eventsBetween: (from, to) =>
        promptAt >= from && promptAt < to
          ? [{ id: 'check-1', kind: 'check', title: 'Quick check-in', start: promptAt }]
          : [],
    });
    services.settings.set('focusWarningMinutes', 0);
    clock.advanceTo(at('10:30'));
    expect(titles()).toEqual(['Focus until 11:00']);
    clock.advanceTo(at('11:00'));
    expect(titles()).toEqual(['Focus until 11:00', '2 h protected, no interruptions', 'Quick check']);
  });

  it('sends nothing for a block slept through, and takes up a block it wakes inside of, quietly', () => {
    const { clock, power, tray, titles } = setup(at('08:00'));
    clock.jumpTo(at('11:30'));
    power.emit('resume');
    expect(titles()).toEqual([]);
    expect(tray.state).toBe('idle');
    clock.jumpTo(at('14:45'));
    power.emit('resume');
    expect(titles()).toEqual([]);
    expect(tray.state).toBe('focus');
    clock.advanceTo(at('16:00'));
    expect(titles()).toEqual(['1 h 15 min protected, no interruptions']);
  });

  it('ad-hoc blocks from the tray, interruptions from the tray, and the end of an ad-hoc block', () => {
    const { clock, tray, services, shell, titles } = setup(at('12:00'));
    tray.select('focus:start:25');
    expect(tray.state).toBe('focus');
    expect(titles()).toEqual(['Focus until 12:25']);
    tray.select('focus:interrupt:chat');
    expect(shell.shown).toEqual(['focus']);
    expect(services.focus.status().running?.interruptions).toBe(1);
    clock.advanceTo(at('12:25'));
    expect(titles()).toEqual(['Focus until 12:25', '25 min protected, 1 interruption']);
    expect(tray.state).toBe('idle');
  });

  it('explains a tray action that cannot be done, in one notification', () => {
    const { tray, services, notifier } = setup(at('20:00', '2027-03-19'));
    services.settings.set('focusPlan', []);
    const before = notifier.shown.length;
    tray.select('focus:start:next');
    expect(notifier.shown.slice(before).map((n) => [n.title, n.body])).toEqual([
      ['Keel', 'Nothing is planned in the next 8 hours; pick a length instead.'],
    ]);
  });

  it('pushes focus changes to the window', () => {
    const { tray, pushed } = setup(at('12:00'));
    tray.select('focus:start:50');
    expect(pushed).toContainEqual({ type: 'changed', topics: ['focus', 'status', 'agenda'] });
  });
});

describe('runtime: working hours', () => {
  it('switches the tray to and from after-hours at the edges of the working day, without polling', () => {
    const { clock, tray, services, power } = setup(at('06:00', '2027-03-20')); // Saturday
    power.idle = 3600; // away all weekend
    services.settings.set('focusPlan', []);
    expect(tray.state).toBe('after-hours');
    const before = clock.firedCount;
    clock.advanceTo(at('09:00', '2027-03-22')); // Monday 09:00
    expect(tray.state).toBe('idle');
    clock.advanceTo(at('17:30', '2027-03-22'));
    expect(tray.state).toBe('after-hours');
    // Over two and a half days: Monday's start and end (the planned sign-off at the same instant
    // shares that wake-up), the day's backup once after start-up, and four presence samples an hour.
    const presence = (at('17:30', '2027-03-22') - at('06:00', '2027-03-20')) / (15 * 60_000);
    expect(clock.firedCount - before).toBe(2 + 1 + presence);
  });
});

describe('runtime: the global focus shortcut', () => {
  it('starts a 50-minute block, or opens the Focus view when one runs', () => {
    const { runtime, titles, shell } = setup(at('12:00'));
    runtime.onFocusShortcut();
    expect(titles()).toEqual(['Focus until 12:50']);
    runtime.onFocusShortcut();
    expect(shell.shown).toEqual(['focus']);
    expect(titles()).toHaveLength(1);
  });
});

describe('runtime: a running block whose plan changed', () => {
  it('still ends on time when the plan is emptied while it runs, and held prompts then arrive', () => {
    const { clock, services, tray, titles } = setup(at('09:30'));
    expect(services.focus.running()?.occurrenceId).toBe('focus:2027-03-15@09:00');
    services.settings.set('focusPlan', []);
    clock.advanceTo(at('11:00'));
    expect(services.focus.running()).toBeUndefined();
    expect(tray.state).toBe('idle');
    expect(titles().at(-1)).toBe('1 h 30 min protected, no interruptions');
  });
});
