import { describe, expect, it } from 'vitest';
import { RecordingDndController } from '../../src-main/platform/recording';
import { createServices } from '../../src-main/services';
import { makeApp } from '../helpers/app';

// 2027-03-15 is a Monday; Berlin is UTC+1 until 2027-03-28.
const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);
const NO_ANSWERS = { done: '', unfinished: [], firstTomorrow: '', energy: null, quiet: false };

function setup(
  start = at('16:00'),
  options: Parameters<typeof makeApp>[1] = {},
  before?: (made: ReturnType<typeof makeApp>) => void,
) {
  const made = makeApp(start, options);
  // Focus blocks have their own tests; keep these about the sign-off.
  made.services.settings.set('focusPlan', []);
  before?.(made);
  made.app.start();
  const signoffs = () =>
    made.notifier.shown
      .filter((n) => n.id.startsWith('signoff:'))
      .map((n) => ({ id: n.id, at: new Date(n.at).toISOString(), body: n.body }));
  return { ...made, signoffs };
}

const utc = (hhmm: string, date = '2027-03-15') => new Date(at(hhmm, date)).toISOString();

describe('app: the sign-off suggestion', () => {
  it('asks at the end of hours while the user is active, with Sign off / 15 more minutes / Not today', () => {
    const { clock, notifier, signoffs } = setup();
    clock.advanceTo(at('17:29'));
    expect(signoffs()).toEqual([]);
    clock.advanceTo(at('17:30'));
    expect(signoffs()).toEqual([
      {
        id: 'signoff:2027-03-15#0',
        at: utc('17:30'),
        body: 'Working hours ended at 17:30. A minute to note what got done and what comes first tomorrow.',
      },
    ]);
    const shown = notifier.shown.at(-1);
    expect(shown?.title).toBe('Time to sign off?');
    expect(shown?.actions?.map((a) => a.label)).toEqual(['Sign off', '15 more minutes', 'Not today']);
    expect(shown?.view).toBe('signoff');
  });

  it('snoozed: one reminder 15 minutes later, a last one after 30, then silence all evening', () => {
    const { clock, notifier, signoffs, services } = setup();
    clock.advanceTo(at('17:30'));
    notifier.act('signoff:2027-03-15#0', 'snooze');
    expect(services.signoff.status().snoozedUntil).toBe('2027-03-15T17:45:00+01:00');
    clock.advanceTo(at('17:44'));
    expect(signoffs()).toHaveLength(1);
    clock.advanceTo(at('17:45'));
    expect(signoffs().map((s) => s.at)).toEqual([utc('17:30'), utc('17:45')]);
    clock.advanceTo(at('23:59'));
    expect(signoffs().map((s) => [s.id, s.at])).toEqual([
      ['signoff:2027-03-15#0', utc('17:30')],
      ['signoff:2027-03-15#1', utc('17:45')],
      ['signoff:2027-03-15#2', utc('18:15')],
    ]);
    expect(signoffs()[1]?.body).toBe('Still going? Whenever you are ready, it takes a minute.');
  });

  it('"Not today" means silence until the next workday', () => {
    const { clock, notifier, signoffs, services, power } = setup();
    clock.advanceTo(at('17:30'));
    notifier.act('signoff:2027-03-15#0', 'not-today');
    clock.advanceTo(at('23:59'));
    expect(signoffs().map((s) => s.id)).toEqual(['signoff:2027-03-15#0']);
    expect(services.signoff.status().notToday).toBe(true);
    // The next workday starts afresh (the user took the night off and is back at 09:00).
    power.idle = 10 * 3600;
    clock.advanceTo(at('09:00', '2027-03-16'));
    power.idle = 0;
    clock.advanceTo(at('17:30', '2027-03-16'));
    expect(signoffs().map((s) => s.id)).toEqual(['signoff:2027-03-15#0', 'signoff:2027-03-16#0']);
  });

  it('never asks someone who is idle or away, and asks once they are back', () => {
    const { clock, power, signoffs } = setup();
    power.idle = 20 * 60; // stepped away at 17:10
    clock.advanceTo(at('17:30'));
    clock.advanceTo(at('18:00'));
    expect(signoffs()).toEqual([]);
    power.idle = 0; // back at the desk; the next presence sample notices
    clock.advanceTo(at('18:15'));
    expect(signoffs().map((s) => s.at)).toEqual([utc('18:15')]);
  });

  it('holds the suggestion during a focus block and delivers it when the block ends', () => {
    const { clock, services, signoffs, notifier } = setup(at('17:00'));
    services.focus.startAdhoc({ minutes: 50 });
    clock.advanceTo(at('17:49'));
    expect(signoffs()).toEqual([]);
    clock.advanceTo(at('17:50'));
    expect(signoffs().map((s) => s.at)).toEqual([utc('17:50')]);
    // The block's own end notice comes first.
    const titles = notifier.shown.map((n) => n.title);
    expect(titles.indexOf('Time to sign off?')).toBeGreaterThan(titles.indexOf('50 min protected'));
  });

  it('does not replay a suggestion slept through', () => {
    const { clock, power, signoffs } = setup(at('17:00'));
    power.emit('suspend');
    clock.jumpTo(at('08:30', '2027-03-16'));
    power.emit('resume');
    clock.advanceTo(at('12:00', '2027-03-16'));
    expect(signoffs()).toEqual([]);
  });

  it('suggests on a long day before the end of hours', () => {
    const { clock, signoffs, services } = setup(at('07:00'));
    services.settings.set('signoff', { longDayCapMinutes: 8 * 60, quietAfterSignoff: false });
    clock.advanceTo(at('14:59'));
    expect(signoffs()).toEqual([]);
    clock.advanceTo(at('15:00'));
    expect(signoffs()).toEqual([
      {
        id: 'signoff:2027-03-15#0',
        at: utc('15:00'),
        body: 'You have been at it since 07:00. A good moment to wrap up?',
      },
    ]);
  });

  it('follows a night shift past midnight and the day boundary', () => {
    const night = { start: '22:00', end: '06:00' };
    const { clock, services, signoffs } = setup(at('21:00'), {}, ({ services }) =>
      services.settings.set('workingHours', { ...services.settings.get().workingHours, mon: night }),
    );
    clock.advanceTo(at('06:00', '2027-03-16'));
    expect(signoffs().map((s) => [s.id, s.at])).toEqual([
      ['signoff:2027-03-15#0', utc('06:00', '2027-03-16')],
    ]);
    expect(services.signoff.status().workday).toBe('2027-03-15');
  });
});

describe('app: signing off', () => {
  it('"Sign off" on the notification opens the ritual; a click does too', () => {
    const { clock, notifier, shell } = setup();
    clock.advanceTo(at('17:30'));
    notifier.act('signoff:2027-03-15#0', 'sign-off');
    notifier.act('signoff:2027-03-15#0', 'click');
    expect(shell.shown).toEqual(['signoff', 'signoff']);
  });

  it('quiet until tomorrow: do-not-disturb on, prompts held, all restored at the next working start', async () => {
    const dnd = new RecordingDndController();
    const { clock, services, pushed, app } = setup(at('17:00'), { dndController: dnd });
    const status = services.signoff.submit({ ...NO_ANSWERS, quiet: true });
    expect(status.signedOff?.quietUntil).toBe('2027-03-16T09:00:00+01:00');
    await services.dnd.status();
    expect(dnd.on).toBe(true);
    expect(pushed).toContainEqual({ type: 'changed', topics: ['signoff', 'status', 'agenda'] });
    // A restart in the evening takes the quiet up again rather than forgetting it.
    app.stop();
    app.start();
    await services.dnd.status();
    expect(dnd.on).toBe(true);
    clock.advanceTo(at('08:59', '2027-03-16'));
    await services.dnd.status();
    expect(dnd.on).toBe(true);
    clock.advanceTo(at('09:00', '2027-03-16'));
    await services.dnd.status();
    expect(dnd.on).toBe(false);
  });

  it("a quiet evening drops the next morning's focus heads-up but the block still starts", () => {
    const { clock, services, notifier } = setup(at('17:00'), {}, ({ services }) =>
      services.settings.set('focusPlan', [{ weekday: 'tue', start: '09:00', end: '11:00' }]),
    );
    services.signoff.submit({ ...NO_ANSWERS, quiet: true });
    clock.advanceTo(at('09:00', '2027-03-16'));
    const titles = notifier.shown.map((n) => n.title);
    expect(titles).not.toContain('Focus block at 09:00');
    expect(titles).toContain('Focus until 11:00');
  });

  it('a sign-off written by the CLI is taken up on the next re-plan', async () => {
    const dnd = new RecordingDndController();
    const { services, app, tray } = setup(at('17:00'), { dndController: dnd });
    services.signoff.submit({ ...NO_ANSWERS, quiet: true });
    app.externalChange();
    await services.dnd.status();
    expect(tray.state).toBe('after-hours');
    expect(dnd.on).toBe(true);
  });

  it('a block the CLI starts and stops during a quiet evening leaves do-not-disturb on until morning', async () => {
    const dnd = new RecordingDndController();
    const { services, app, dataDir, clock } = setup(at('17:00'), { dndController: dnd });
    services.settings.set('dnd', { enabled: true });
    services.signoff.submit({ ...NO_ANSWERS, quiet: true });
    const cli = createServices({ dataDir, clock, version: '0.0.0-test', systemZone: () => 'Europe/Berlin' });
    cli.focus.startAdhoc({ minutes: 25 });
    app.externalChange();
    await services.dnd.status();
    cli.focus.stop();
    app.externalChange();
    await services.dnd.status();
    expect(dnd.on).toBe(true);
    clock.advanceTo(at('09:00', '2027-03-16'));
    await services.dnd.status();
    expect(dnd.on).toBe(false);
    cli.close();
  });
});
