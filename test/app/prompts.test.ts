import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { promptKey, Prompts, type PromptId, type PromptsDeps } from '../../src-main/app/prompts';
import { RecordingNotifier, RecordingShell } from '../../src-main/platform/recording';
import { makeApp } from '../helpers/app';

/** Prompts on recording ports, with services that record what the buttons asked of them. */
function unit() {
  const clock = new ManualClock(Date.parse('2027-03-15T09:00:00Z'));
  const notifier = new RecordingNotifier(() => clock.now());
  const shell = new RecordingShell();
  const calls: string[] = [];
  let quiet = false;
  let due: string[] = [];
  const services = {
    focus: {
      skip: (id: string) => calls.push(`skip ${id}`),
      startPlanned: (id: string) => calls.push(`start ${id}`),
    },
    checkin: {
      answerPrompt: (id: string, action: string) => calls.push(`${action} ${id}`),
      dueQuestionnaires: () => due,
    },
    signoff: {
      respond: (action: string) => {
        if (action === 'not-today') throw new Error('the database is busy');
        calls.push(`signoff ${action}`);
      },
    },
  } as unknown as PromptsDeps['services'];
  const prompts = new Prompts({ notifier, shell, services, clock, quietTime: () => quiet });
  const stop = prompts.start();
  return {
    prompts,
    notifier,
    shell,
    calls,
    stop,
    setQuiet: (q: boolean) => (quiet = q),
    setDue: (d: string[]) => (due = d),
  };
}

describe('prompt ids', () => {
  it('each kind has its own stable key: an agenda moment keeps its own id', () => {
    const ids: [PromptId, string][] = [
      [{ kind: 'focus-warning', occurrenceId: 'focus:2027-03-15@09:00' }, 'focus:2027-03-15@09:00#warn'],
      [{ kind: 'check-prompt', eventId: 'check:2027-03-15' }, 'check:2027-03-15#start'],
      [{ kind: 'focus-start', sessionId: 7 }, 'focus-start:7'],
      [{ kind: 'focus-end', sessionId: 7 }, 'focus-end:7'],
      [{ kind: 'signoff', workday: '2027-03-15', reminder: 1 }, 'signoff:2027-03-15#1'],
      [{ kind: 'notice', topic: 'backup', at: 42 }, 'backup:42'],
    ];
    for (const [id, key] of ids) expect(promptKey(id)).toBe(key);
    expect(new Set(ids.map(([id]) => promptKey(id))).size).toBe(ids.length);
  });
});

describe('prompts: the route table', () => {
  it('gives each kind its buttons and its view', () => {
    const { prompts, notifier } = unit();
    const shown = (id: PromptId) => {
      prompts.show({ id, title: 't', body: 'b' });
      const n = notifier.shown.at(-1)!;
      return [n.view, n.actions?.map((a) => a.label) ?? []];
    };
    expect(shown({ kind: 'focus-warning', occurrenceId: 'f' })).toEqual([
      'focus',
      ['Skip this one', 'Start now'],
    ]);
    expect(shown({ kind: 'check-prompt', eventId: 'c' })).toEqual([
      'checkin',
      ['Check in', 'In an hour', 'Skip'],
    ]);
    expect(shown({ kind: 'signoff', workday: '2027-03-15', reminder: 0 })).toEqual([
      'signoff',
      ['Sign off', '15 more minutes', 'Not today'],
    ]);
    expect(shown({ kind: 'focus-start', sessionId: 1 })).toEqual(['focus', []]);
    expect(shown({ kind: 'focus-end', sessionId: 1 })).toEqual(['focus', []]);
    expect(shown({ kind: 'notice', topic: 'tray', at: 1 })).toEqual(['focus', []]);
    for (const topic of ['recovery', 'backup', 'dnd', 'autostart'] as const) {
      expect(shown({ kind: 'notice', topic, at: 1 })).toEqual(['settings', []]);
    }
  });

  it('routes each button to its service with the typed id, and a click to the view', () => {
    const { prompts, notifier, shell, calls } = unit();
    const show = (id: PromptId) => prompts.show({ id, title: 't', body: 'b' });
    show({ kind: 'focus-warning', occurrenceId: 'focus:1' });
    show({ kind: 'check-prompt', eventId: 'check:1' });
    show({ kind: 'signoff', workday: '2027-03-15', reminder: 2 });
    notifier.act('focus:1#warn', 'skip');
    notifier.act('focus:1#warn', 'start');
    notifier.act('check:1#start', 'snooze');
    notifier.act('check:1#start', 'skip');
    notifier.act('signoff:2027-03-15#2', 'snooze');
    // An answer that cannot be saved is dropped, not thrown into the notifier.
    expect(() => notifier.act('signoff:2027-03-15#2', 'not-today')).not.toThrow();
    // A button a kind does not have does nothing.
    notifier.act('focus:1#warn', 'snooze');
    expect(calls).toEqual([
      'skip focus:1',
      'start focus:1',
      'snooze check:1',
      'skip check:1',
      'signoff snooze',
    ]);
    notifier.act('check:1#start', 'open');
    notifier.act('signoff:2027-03-15#2', 'sign-off');
    notifier.act('focus:1#warn');
    // A notification Keel no longer knows (long gone) opens the window as it is.
    notifier.act('unknown:1');
    expect(shell.shown).toEqual(['checkin', 'signoff', 'focus', undefined]);
  });

  it('stops routing once stopped', () => {
    const { prompts, notifier, shell, stop } = unit();
    prompts.show({ id: { kind: 'focus-start', sessionId: 1 }, title: 't', body: 'b' });
    stop();
    notifier.act('focus-start:1');
    expect(shell.shown).toEqual([]);
  });
});

describe('prompts: holding', () => {
  it('holds offered prompts in quiet time and delivers them, in order, once it is over', () => {
    const { prompts, notifier, setQuiet } = unit();
    setQuiet(true);
    prompts.offer({ id: { kind: 'check-prompt', eventId: 'a' }, title: 'first', body: '' });
    prompts.offer({ id: { kind: 'check-prompt', eventId: 'b' }, title: 'second', body: '' });
    prompts.releaseHeld();
    expect(notifier.shown).toEqual([]);
    setQuiet(false);
    prompts.releaseHeld();
    expect(notifier.shown.map((n) => n.title)).toEqual(['first', 'second']);
    prompts.releaseHeld();
    expect(notifier.shown).toHaveLength(2);
  });

  it('names the questionnaires due with a check-in prompt', () => {
    const { prompts, notifier, setDue } = unit();
    prompts.offerCheckPrompt('c1');
    setDue(['who5']);
    prompts.offerCheckPrompt('c2');
    setDue(['who5', 'burnout']);
    prompts.offerCheckPrompt('c3');
    const base = 'How does the workload feel? Twenty seconds, just for you.';
    expect(notifier.shown.map((n) => [n.id, n.body])).toEqual([
      ['c1#start', base],
      ['c2#start', `${base} The WHO-5 is due too.`],
      ['c3#start', `${base} The WHO-5 and the burnout question are due too.`],
    ]);
  });
});

describe('prompts: in the running app', () => {
  function setup(start: number) {
    const made = makeApp(start);
    // These tests are about the prompts themselves; focus blocks have their own tests.
    made.services.settings.set('focusPlan', []);
    return made;
  }

  it('delivers a due agenda event as a notification and clicking it opens the window', () => {
    const { app, services, clock, notifier, shell } = setup(Date.parse('2027-03-15T09:00:00Z'));
    const at = Date.parse('2027-03-15T09:30:00Z');
    services.agenda.addSource({
      name: 'one',
      eventsBetween: (from, to) =>
        at >= from && at < to ? [{ id: 'e1', kind: 'check', title: 'Quick check', start: at }] : [],
    });
    app.start();
    clock.advanceTo(at);
    expect(notifier.shown.map((n) => n.title)).toEqual(['Quick check']);
    notifier.act(notifier.shown[0]!.id);
    expect(shell.shown).toEqual(['checkin']);
  });
});
