import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app';

const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);

function setup(start = at('08:00')) {
  const made = makeApp(start);
  made.app.start();
  const titles = () => made.notifier.shown.map((n) => n.title);
  return { ...made, titles };
}

describe('app: focus blocks', () => {
  it('warns, starts and ends a planned block with the promised notifications and tray states', () => {
    const { clock, tray, notifier, services, titles } = setup();
    clock.advanceTo(at('08:55'));
    expect(titles()).toEqual(['Focus block at 09:00']);
    expect(notifier.shown[0]?.actions?.map((a) => a.label)).toEqual(['Skip this one', 'Start now']);
    clock.advanceTo(at('09:00'));
    expect(titles()).toEqual(['Focus block at 09:00', 'Focus until 11:00']);
    expect(tray.state).toBe('focus');
    expect(tray.menu[0]).toMatchObject({ label: 'Focus until 11:00 · 2 hrs left' });
    clock.advanceTo(at('09:30'));
    services.focus.interrupt('meeting');
    clock.advanceTo(at('11:00'));
    expect(titles().at(-1)).toBe('2 hrs protected, 1 interruption');
    expect(tray.state).toBe('idle');
    expect(tray.stateHistory).toEqual(['after-hours', 'focus', 'idle']);
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
    expect(titles()).toEqual(['Focus until 11:00', '2 hrs protected, no interruptions', 'Quick check']);
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
    expect(titles()).toEqual(['1 hr, 15 mins protected, no interruptions']);
  });
});
describe('app: a running block whose plan changed', () => {
  it('still ends on time when the plan is emptied while it runs, and held prompts then arrive', () => {
    const { clock, services, tray, titles } = setup(at('09:30'));
    expect(services.focus.running()?.occurrenceId).toBe('focus:2027-03-15@09:00');
    services.settings.set('focusPlan', []);
    clock.advanceTo(at('11:00'));
    expect(services.focus.running()).toBeUndefined();
    expect(tray.state).toBe('idle');
    expect(titles().at(-1)).toBe('1 hr, 30 mins protected, no interruptions');
  });
});
