import { describe, expect, it } from 'vitest';
import type { CheckinInput } from '../../src-main/core/checkin';
import { instantAt } from '../../src-main/core/time';
import { makeApp } from '../helpers/app';
import { makeServices } from '../helpers/services';

const zone = 'Europe/Berlin';
// 2027-03-15 is a Monday.
const at = (hhmm: string, date = '2027-03-15') => instantAt(date, hhmm, zone);
const CHECK: CheckinInput = {
  workload: 4,
  energy: 2,
  sustainable: 'mostly' as const,
  stretched: ['meetings'],
  shareable: false,
};

describe('CheckinService', () => {
  it('adds, edits (keeping the time), lists by date and deletes by a unique id prefix', () => {
    const { services, clock } = makeServices(at('16:05'), zone);
    const added = services.checkin.add({ ...CHECK, note: 'Too many syncs', shareable: true });
    expect(added).toMatchObject({
      date: '2027-03-15',
      time: '16:05',
      workloadLabel: expect.any(String),
      stretched: [{ id: 'meetings', label: 'Meetings' }],
      note: 'Too many syncs',
      shareable: true,
      edited: false,
    });
    clock.advanceTo(at('18:00'));
    services.checkin.update(added.id, { ...CHECK, workload: 3, shareable: false });
    const [listed] = services.checkin.list('2027-03-15', '2027-03-15');
    expect(listed).toMatchObject({
      id: added.id,
      time: '16:05',
      workload: 3,
      note: null,
      shareable: false,
      edited: true,
    });
    expect(services.checkin.delete(added.id.slice(0, 8))).toEqual({ deleted: added.id });
    expect(services.checkin.list('2027-03-01', '2027-03-31')).toEqual([]);
    expect(() => services.checkin.delete(added.id)).toThrow(`No check-in has the id "${added.id}".`);
  });

  it('a shareable flag without a note is dropped: only notes can be shared', () => {
    const { services } = makeServices(at('16:05'), zone);
    expect(services.checkin.add({ ...CHECK, shareable: true }).shareable).toBe(false);
  });

  it('the default cadence is weekly on the working day before the one-on-one, at 16:00', () => {
    const { services } = makeServices(at('09:00'), zone);
    services.settings.set('oneOnOne', { weekday: 'mon', time: '11:00' });
    expect(services.checkin.form().cadence).toEqual({
      mode: 'weekly',
      text: expect.stringMatching(/Friday at 16:00/),
      isDefault: true,
    });
    const prompts = services.agenda
      .between(at('00:00'), at('00:00', '2027-03-29'))
      .filter((e) => e.kind === 'check');
    expect(prompts.map((e) => e.id)).toEqual(['check:2027-03-19@16:00', 'check:2027-03-26@16:00']);
  });

  it('a prompt is dropped when skipped or already checked that day, and moved an hour when snoozed', () => {
    const { services, clock } = makeServices(at('09:00'), zone);
    services.settings.set('checkins', {
      ...services.settings.get().checkins,
      cadence: { mode: 'daily', time: '16:00' },
    });
    const prompts = () =>
      services.agenda
        .between(at('00:00'), at('00:00', '2027-03-19'))
        .filter((e) => e.kind === 'check')
        .map((e) => [e.id, new Date(e.start).toISOString()]);
    services.checkin.answerPrompt('check:2027-03-16@16:00', 'skip');
    services.checkin.add(CHECK); // Monday, 09:00
    clock.advanceTo(at('16:00', '2027-03-17'));
    services.checkin.answerPrompt('check:2027-03-17@16:00', 'snooze');
    expect(prompts()).toEqual([
      ['check:2027-03-17@16:00', new Date(at('17:00', '2027-03-17')).toISOString()],
      ['check:2027-03-18@16:00', new Date(at('16:00', '2027-03-18')).toISOString()],
    ]);
  });

  it('questionnaires: off until turned on, scored, and WHO-5 adds a calm note when low', () => {
    const { services, clock } = makeServices(at('10:00'), zone);
    expect(() => services.checkin.answerQuestionnaire('who5', [3, 3, 3, 3, 3])).toThrow(
      'Turn on the WHO-5 Well-Being Index in Settings first.',
    );
    services.settings.set('checkins', { ...services.settings.get().checkins, who5: true, burnout: true });
    expect(services.checkin.form().questionnaires.map((q) => [q.kind, q.enabled, q.due])).toEqual([
      ['burnout', true, true],
      ['who5', true, true],
    ]);
    const good = services.checkin.answerQuestionnaire('who5', [4, 3, 3, 3, 3]);
    expect([good.score, good.note]).toEqual([64, null]);
    expect(services.checkin.form().questionnaires.find((q) => q.kind === 'who5')?.due).toBe(false);
    clock.advanceTo(at('10:00', '2027-03-29'));
    const drop = services.checkin.answerQuestionnaire('who5', [3, 3, 3, 2, 2]);
    expect(drop.score).toBe(52);
    expect(drop.note?.reason).toBe('drop');
    expect(drop.disclaimer).toBe('This is a self-reflection aid, not a diagnosis.');
    const burnout = services.checkin.answerQuestionnaire('burnout', [3]);
    expect(burnout.interpretation).toMatch(/symptoms of burnout/);
    expect(services.checkin.trends('4w').who5.map((p) => p.score)).toEqual([64, 52]);
  });

  it('trends: weekly averages, sustainability counts and stretched tags over the range', () => {
    const { services, clock } = makeServices(at('10:00', '2027-03-01'), zone);
    for (const [date, workload] of [
      ['2027-03-01', 2 as const],
      ['2027-03-08', 3],
      ['2027-03-15', 4],
      ['2027-03-16', 5],
    ] as const) {
      clock.advanceTo(at('10:00', date));
      services.checkin.add({ ...CHECK, workload, stretched: workload > 3 ? ['deadlines', 'meetings'] : [] });
    }
    const trends = services.checkin.trends('4w');
    expect(trends.weeks.map((w) => [w.weekStart, w.count, w.avgWorkload])).toEqual([
      ['2027-02-22', 0, null],
      ['2027-03-01', 1, 2],
      ['2027-03-08', 1, 3],
      ['2027-03-15', 2, 4.5],
    ]);
    expect(trends.workloadDirection).toBe('rising');
    expect(trends.tags.map((t) => [t.id, t.count])).toEqual([
      ['deadlines', 2],
      ['meetings', 2],
    ]);
  });
});

describe('the app: check-in prompts', () => {
  it('prompts at the planned time with Check in / In an hour / Skip; snooze asks again an hour later', () => {
    const { app, services, clock, notifier, shell } = makeApp(at('15:00', '2027-03-19'));
    services.settings.set('focusPlan', []);
    app.start();
    clock.advanceTo(at('16:00', '2027-03-19'));
    const prompt = notifier.shown.find((n) => n.title === 'Quick check');
    expect(prompt?.actions?.map((a) => a.label)).toEqual(['Check in', 'In an hour', 'Skip']);
    notifier.act(prompt!.id, 'snooze');
    clock.advanceTo(at('17:00', '2027-03-19'));
    expect(notifier.shown.filter((n) => n.title === 'Quick check')).toHaveLength(2);
    notifier.act(prompt!.id, 'open');
    expect(shell.shown).toEqual(['checkin']);
  });

  it('held during a focus block and not replayed after sleep', () => {
    const { app, services, clock, notifier, power } = makeApp(at('15:30', '2027-03-19'));
    services.settings.set('focusPlan', []);
    app.start();
    services.focus.startAdhoc({ minutes: 50 });
    clock.advanceTo(at('16:19', '2027-03-19'));
    expect(notifier.shown.some((n) => n.title === 'Quick check')).toBe(false);
    clock.advanceTo(at('16:20', '2027-03-19'));
    expect(notifier.shown.filter((n) => n.title === 'Quick check')).toHaveLength(1);
    // Next week the machine sleeps through the prompt.
    power.emit('suspend');
    clock.jumpTo(at('18:00', '2027-03-26'));
    power.emit('resume');
    clock.advanceTo(at('18:30', '2027-03-26'));
    expect(notifier.shown.filter((n) => n.title === 'Quick check')).toHaveLength(1);
  });

  it('the tray offers a quick check and a talking point', () => {
    const { app, tray, shell } = makeApp(at('10:00'));
    app.start();
    tray.select({ kind: 'open', view: 'checkin' });
    tray.select({ kind: 'open', view: 'one-on-one' });
    expect(shell.shown).toEqual(['checkin', 'one-on-one']);
  });

  it('says why the next weekly prompt comes early when its day is a holiday or a day off', () => {
    // Monday 15 March 2027; the default cadence asks on Friday at 16:00.
    const { services } = makeServices(at('10:00'), zone);
    expect(services.checkin.form()).toMatchObject({
      nextPrompt: '2027-03-19T16:00:00+01:00',
      nextPromptMoved: null,
    });
    services.settings.set('holidays', [{ from: '2027-03-19', to: '2027-03-19', note: 'Company day' }]);
    expect(services.checkin.form()).toMatchObject({
      nextPrompt: '2027-03-18T16:00:00+01:00',
      nextPromptMoved: { due: '2027-03-19', weekday: 'fri', holiday: true, note: 'Company day' },
    });
    const hours = services.settings.get().workingHours;
    services.settings.set('holidays', []);
    services.settings.set('workingHours', { ...hours, fri: null });
    expect(services.checkin.form().nextPromptMoved).toEqual({
      due: '2027-03-19',
      weekday: 'fri',
      holiday: false,
      note: null,
    });
  });
});
