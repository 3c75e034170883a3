import { describe, expect, it } from 'vitest';
import { TOPICS_AFTER } from '../../src-main/app/state-publisher';
import { defaultSettings } from '../../src-main/core/settings';
import { SINCE_THE_BEGINNING } from '../../src-main/core/rules';
import type { IpcResult } from '../../src-main/ipc/contract';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import type { RuleChangeDto } from '../../src-main/shared/dto';
import { RuleRepo } from '../../src-main/storage/rule-repo';
import { makeApp } from '../helpers/app';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';

/** Monday 15 March 2027, 09:00 in Berlin. */
const MONDAY = Date.parse('2027-03-15T08:00:00Z');
const HOURS = defaultSettings('Europe/Berlin').workingHours;
const SHORT_FRIDAYS = { ...HOURS, fri: { start: '09:00', end: '13:00' } };
const FOUR_DAYS = { ...HOURS, fri: null };

function setup() {
  const { services, clock } = makeServices(MONDAY);
  const handlers = createHandlers(services);
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
  return { services, clock, call };
}

function valueOf<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('settings:set with a date', () => {
  it('stores a change of a dated rule from the date given; today keeps the rules in force', async () => {
    const { services, call } = setup();
    const answer = valueOf<{ workingHours: typeof HOURS }>(
      await call('settings:set', { key: 'workingHours', value: SHORT_FRIDAYS, from: '2027-04-01' }),
    );
    // Main answers with the settings in force today: not yet the new hours.
    expect(answer.workingHours).toEqual(HOURS);
    expect(services.settings.on('2027-03-31').workingHours).toEqual(HOURS);
    expect(services.settings.on('2027-04-01').workingHours).toEqual(SHORT_FRIDAYS);
    expect(services.settings.book().changesOf('workingHours')).toEqual([
      { from: '2027-04-01', value: SHORT_FRIDAYS },
    ]);
  });

  it('without a date, stores the change from today', async () => {
    const { services, call } = setup();
    valueOf(await call('settings:set', { key: 'workingHours', value: SHORT_FRIDAYS }));
    expect(services.settings.book().changesOf('workingHours')).toEqual([
      { from: '2027-03-15', value: SHORT_FRIDAYS },
    ]);
    expect(services.settings.get().workingHours).toEqual(SHORT_FRIDAYS);
  });

  it('refuses a date for a setting that takes effect at once, in one sentence, writing nothing', async () => {
    const { services, call } = setup();
    const before = snapshot(services.db);
    expect(await call('settings:set', { key: 'theme', value: 'dark', from: '2027-04-01' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'theme takes effect at once; it has no date.' },
    });
    expect(await call('settings:set', { key: 'zone', value: 'Europe/Lisbon', from: '2027-04-31' })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'from: Use a date written YYYY-MM-DD.',
        field: { path: ['from'], message: 'Use a date written YYYY-MM-DD.' },
      },
    });
    expect(snapshot(services.db)).toBe(before);
  });
});

describe('settings:changes', () => {
  it('lists every change by rule and date, with since-the-beginning as null and how each stands today', async () => {
    const { services, call } = setup();
    new RuleRepo(services.db).set({ key: 'workingHours', from: SINCE_THE_BEGINNING, value: HOURS }, MONDAY);
    services.settings.reload();
    await call('settings:set', { key: 'workingHours', value: FOUR_DAYS, from: '2027-03-01' });
    await call('settings:set', { key: 'workingHours', value: SHORT_FRIDAYS, from: '2027-04-01' });
    await call('settings:set', { key: 'zone', value: 'Europe/Lisbon' });
    await call('settings:set', { key: 'theme', value: 'dark' });

    expect(valueOf<RuleChangeDto[]>(await call('settings:changes', {}))).toEqual([
      { key: 'zone', from: '2027-03-15', value: 'Europe/Lisbon', state: 'in-force' },
      { key: 'workingHours', from: null, value: HOURS, state: 'past' },
      { key: 'workingHours', from: '2027-03-01', value: FOUR_DAYS, state: 'in-force' },
      { key: 'workingHours', from: '2027-04-01', value: SHORT_FRIDAYS, state: 'upcoming' },
    ]);
  });

  it('moves a change from upcoming to in force on its date', async () => {
    const { clock, call } = setup();
    await call('settings:set', {
      key: 'holidays',
      value: [{ from: '2027-04-02', to: '2027-04-05' }],
      from: '2027-03-16',
    });
    const states = async () =>
      valueOf<RuleChangeDto[]>(await call('settings:changes', {})).map((c) => c.state);
    expect(await states()).toEqual(['upcoming']);
    // 23:59 on Monday in Berlin: still Monday.
    clock.jumpTo(Date.parse('2027-03-15T22:59:00Z'));
    expect(await states()).toEqual(['upcoming']);
    clock.jumpTo(Date.parse('2027-03-15T23:00:00Z'));
    expect(await states()).toEqual(['in-force']);
  });

  it('is empty while nothing was changed', async () => {
    const { call } = setup();
    expect(await call('settings:changes', {})).toEqual({ ok: true, value: [] });
  });
});

describe('settings:cancelChange', () => {
  it('withdraws an upcoming change; the rule then stays as it is', async () => {
    const { services, call } = setup();
    await call('settings:set', { key: 'workingHours', value: SHORT_FRIDAYS, from: '2027-04-01' });
    const answer = await call('settings:cancelChange', { key: 'workingHours', from: '2027-04-01' });
    expect(answer.ok).toBe(true);
    expect(services.settings.on('2027-04-01').workingHours).toEqual(HOURS);
    expect(await call('settings:changes', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses a change already in force, and one that does not exist, writing nothing', async () => {
    const { services, call } = setup();
    await call('settings:set', { key: 'workingHours', value: SHORT_FRIDAYS, from: '2027-03-15' });
    const before = snapshot(services.db);
    expect(await call('settings:cancelChange', { key: 'workingHours', from: '2027-03-15' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'That change is already in force; set a new value instead.' },
    });
    expect(await call('settings:cancelChange', { key: 'workingHours', from: '2027-04-01' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no such planned change.' },
    });
    expect(await call('settings:cancelChange', { key: 'theme', from: '2027-04-01' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/^key: Name a rule that takes effect on a date: zone, workingHours, /),
      },
    });
    expect(snapshot(services.db)).toBe(before);
  });
});

describe('the window follows dated changes', () => {
  it('a dated change and its withdrawal push what any settings change pushes', async () => {
    const { app, pushed } = makeApp(MONDAY);
    app.start();
    const call = (channel: string, input: unknown) => dispatch(app.handlers, channel, input);
    const settingsPushes = () =>
      pushed.filter((e) => e.type === 'changed' && e.topics.join() === TOPICS_AFTER.settings.join()).length;
    const before = settingsPushes();
    valueOf(await call('settings:set', { key: 'workingHours', value: SHORT_FRIDAYS, from: '2027-04-01' }));
    expect(settingsPushes()).toBe(before + 1);
    valueOf(await call('settings:cancelChange', { key: 'workingHours', from: '2027-04-01' }));
    expect(settingsPushes()).toBe(before + 2);
    // A refused withdrawal changed nothing and pushes nothing.
    await call('settings:cancelChange', { key: 'workingHours', from: '2027-04-01' });
    expect(settingsPushes()).toBe(before + 2);
    app.close();
  });
});
