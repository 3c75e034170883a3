import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildApi,
  CHANNELS,
  contract,
  type Channel,
  type IpcResult,
  type KeelApi,
} from '../../src-main/ipc/contract';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers, type Handlers } from '../../src-main/ipc/handlers';
import { isTrustedSender } from '../../src-main/ipc/sender';
import { KeelError } from '../../src-main/core/errors';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';
import { propertyRuns } from '../support/thorough';

/** Payloads of the wrong shape, per channel. */
const BAD: Record<Channel, unknown[]> = {
  'app:status': [undefined, null, 42, 'x', [], { extra: true }],
  'app:quit': [null, 'now', { now: true }],
  'today:card': [null, 3, 'monday', { date: '2027-03-15' }],
  'desktop:probes': [null, 7, { probe: 'idle' }],
  'desktop:copyReport': [null, 'text', { text: 'anything' }],
  'desktop:shortcutOffer': [null, 'add', { answer: 'add' }],
  'desktop:shortcutAnswer': [
    null,
    {},
    { answer: 'steal' },
    { answer: 'copy', text: 'rm -rf ~' },
    { answer: 'add', binding: '<Super>f' },
  ],
  'desktop:idleTrust': [null, 1, { trusted: false }],
  'welcome:status': [null, 1, { show: 'none' }],
  'welcome:finish': [null, 'done', { show: 'none' }],
  'settings:get': [undefined, null, 'theme', { key: 'theme' }],
  'settings:set': [
    undefined,
    null,
    {},
    { key: 'theme' },
    { key: 'theme', value: 'purple' },
    { key: 'zone', value: 'Mars/Base' },
    { key: 'nope', value: 1 },
    { key: 'workingHours', value: { mon: { start: '9', end: '17:00' } } },
    { key: 'focusPlan', value: [{ weekday: 'mon', start: '11:00', end: '10:00' }] },
    { key: 'theme', value: 'dark', extra: 1 },
    { key: '__proto__', value: {} },
    // Only rules that take effect on a date take one: the service's sentence, nothing written.
    { key: 'theme', value: 'dark', from: '2027-04-01' },
    { key: 'workingHours', value: { mon: null }, from: '2027-04-01' },
    { key: 'zone', value: 'Europe/Lisbon', from: '2027-02-30' },
    { key: 'zone', value: 'Europe/Lisbon', from: '0000-01-01' },
    { key: 'zone', value: 'Europe/Lisbon', from: 20270401 },
  ],
  'settings:changes': [undefined, null, 'zone', { key: 'zone' }],
  'settings:cancelChange': [
    undefined,
    {},
    { key: 'zone' },
    { from: '2027-04-01' },
    { key: 'theme', from: '2027-04-01' },
    { key: 'nope', from: '2027-04-01' },
    { key: 'zone', from: '2027-13-01' },
    { key: 'zone', from: '0000-01-01' },
    { key: 'zone', from: '2027-04-01', extra: 1 },
  ],
  'agenda:list': [
    undefined,
    {},
    { from: '2027-01-01' },
    { from: '2027-02-30', to: '2027-03-01' },
    { from: '2027-03-02', to: '2027-03-01' },
    { from: 20270101, to: 20270102 },
    { from: '2027-03-15', to: '9999-12-31' },
    { from: '2027-01-01', to: '2028-01-02' },
  ],
  'focus:status': [undefined, null, { running: true }],
  'focus:start': [
    undefined,
    {},
    { minutes: 0 },
    { minutes: 4 },
    { minutes: 481 },
    { minutes: 25.5 },
    { minutes: '25' },
    { until: 'later' },
    { minutes: 25, until: 'next' },
  ],
  'focus:stop': [undefined, 'now', { force: true }],
  'focus:interrupt': [
    undefined,
    {},
    { kind: 'boss' },
    { kind: 'chat', note: 'x'.repeat(501) },
    { kind: 'chat', extra: 1 },
  ],
  'focus:leaveOff': [
    undefined,
    {},
    { text: '' },
    { text: '   ' },
    { text: 'a\nb' },
    { text: 'x'.repeat(281) },
    { text: 42 },
  ],
  'focus:skip': [
    undefined,
    {},
    { occurrenceId: '' },
    { occurrenceId: 'focus:tomorrow' },
    { occurrenceId: "'; DROP TABLE x" },
  ],
  'dnd:status': [undefined, null, { enabled: true }],
  'focus:exportIcs': [undefined, { path: '/etc/passwd' }, 'keel.ics'],
  'calendar:status': [undefined, { file: 'x' }],
  'calendar:import': [undefined, { path: '/etc/passwd' }, '/tmp/cal.ics'],
  'calendar:clear': [undefined, null, 7],
  'signoff:status': [undefined, null, { workday: '2027-01-01' }],
  'signoff:submit': [
    undefined,
    null,
    { done: 42 },
    { done: 'x'.repeat(2001) },
    { firstTomorrow: 'a\nb' },
    { energy: 0 },
    { energy: 6 },
    { energy: 2.5 },
    { unfinished: [{ item: 'Review' }] },
    { unfinished: [{ item: '', plan: 'later' }] },
    { unfinished: Array.from({ length: 11 }, () => ({ item: 'a', plan: 'b' })) },
    { quiet: 'yes' },
    { at: '2027-01-01T17:00' },
  ],
  'signoff:respond': [undefined, {}, { action: 'sign-off' }, { action: 'later' }],
  'signoff:creep': [undefined, {}, { weeks: 0 }, { weeks: 53 }, { weeks: 4.5 }, { weeks: '4' }],
  'checkin:form': [undefined, null, { range: '4w' }],
  'checkin:add': [
    undefined,
    {},
    { workload: 3, energy: 3 },
    { workload: 0, energy: 3, sustainable: 'yes' },
    { workload: 3, energy: 6, sustainable: 'yes' },
    { workload: 3.5, energy: 3, sustainable: 'yes' },
    { workload: '3', energy: 3, sustainable: 'yes' },
    { workload: 3, energy: 3, sustainable: 'maybe' },
    { workload: 3, energy: 3, sustainable: 'yes', stretched: ['<script>'] },
    { workload: 3, energy: 3, sustainable: 'yes', stretched: Array.from({ length: 13 }, (_, i) => `t${i}`) },
    { workload: 3, energy: 3, sustainable: 'yes', note: 'x'.repeat(2001) },
    { workload: 3, energy: 3, sustainable: 'yes', at: '2027-01-01T10:00' },
  ],
  'checkin:update': [
    undefined,
    { id: 'nope!', workload: 3, energy: 3, sustainable: 'yes' },
    { id: '0123abcd', workload: 9, energy: 3, sustainable: 'yes' },
  ],
  'checkin:delete': [undefined, {}, { id: '' }, { id: "1' OR 1=1" }, { id: 42 }],
  'checkin:list': [
    undefined,
    {},
    { from: '2027-01-02', to: '2027-01-01' },
    { from: '2020-01-01', to: '2027-01-01' },
  ],
  'checkin:trends': [undefined, {}, { range: 'decade' }],
  'talk:add': [undefined, {}, { text: '' }, { text: '   ' }, { text: 'x'.repeat(501) }, { text: 7 }],
  'talk:list': [undefined, null, { includeDiscussed: 'yes' }, { all: true }],
  'talk:discussed': [undefined, { id: 'abcd1234' }, { id: '../x', discussed: true }],
  'talk:delete': [undefined, {}, { id: '' }, { id: 'drop table' }],
  'talk:edit': [undefined, { id: 'abcd1234' }, { id: 'abcd1234', text: '  ' }, { id: '../x', text: 'x' }],
  'talk:move': [
    undefined,
    { id: 'abcd1234' },
    { id: 'abcd1234', direction: 'left' },
    { id: '', direction: 'up' },
  ],
  'summary:options': [
    undefined,
    null,
    42,
    { from: '2027-01-02', to: '2027-01-01' },
    { from: 'x', to: 'y' },
    { from: '2027-01-01' },
  ],
  'summary:preview': [
    undefined,
    {},
    { choices: { from: '2027-01-01', to: '2027-01-14' } },
    { choices: { from: '2027-01-01', to: '2027-01-14' }, format: 'pdf' },
    { choices: { from: '2027-01-14', to: '2027-01-01' }, format: 'md' },
    { choices: { from: '2025-01-01', to: '2027-01-01' }, format: 'md' },
    { choices: { from: '2027-01-01', to: '2027-01-14', sections: ['secrets'] }, format: 'md' },
    { choices: { from: '2027-01-01', to: '2027-01-14', path: '/etc/passwd' }, format: 'md' },
    { choices: { from: '9999-12-31', to: '9999-12-31' }, format: 'md' },
  ],
  'summary:export': [
    undefined,
    { choices: { from: '2027-01-01', to: '2027-01-14' }, format: 'docx' },
    { choices: { from: '2027-01-01', to: '2027-01-14' }, format: 'md', path: '/tmp/x.md' },
  ],
  'summary:copy': [undefined, {}, { choices: { from: '2027-01-01' } }],
  'summary:shares': [undefined, null, { limit: 5 }],
  'update:draft': [null, 42, { from: '2027-03-01' }, { from: '2027-03-07', to: '2027-03-01' }, { week: 1 }],
  'update:save': [
    undefined,
    { from: '2027-03-01', to: '2027-03-07' },
    { from: '2027-03-01', to: '2027-03-07', edits: { shipped: 'all', next: [], blockers: [] } },
    {
      from: '2027-03-01',
      to: '2027-03-07',
      edits: { shipped: [], next: [], blockers: [], focus: false, mood: false, secrets: [] },
    },
    {
      from: '2027-01-01',
      to: '2027-03-07',
      edits: { shipped: [], next: [], blockers: [], focus: false, mood: false },
    },
  ],
  'update:reset': [undefined, {}, { from: '2027-03-07', to: '2027-03-01' }],
  'update:preview': [
    undefined,
    { from: '2027-03-01', to: '2027-03-07' },
    { from: '2027-03-01', to: '2027-03-07', format: 'pdf' },
    { from: '9999-12-31', to: '2027-03-07', format: 'md' },
  ],
  'update:export': [
    undefined,
    { from: '2027-03-01', to: '2027-03-07', format: 'md' },
    { from: '2027-03-01', to: '2027-03-07', format: 'md', contentHash: 'abc' },
    { from: '2027-03-01', to: '2027-03-07', format: 'md', contentHash: 'a'.repeat(64), path: '/tmp/x' },
  ],
  'update:copy': [
    undefined,
    { from: '2027-03-01', to: '2027-03-07', format: 'html', contentHash: 'a'.repeat(64) },
  ],
  'update:offer': [null, 7, { week: '2027-03-01' }],
  'update:answerOffer': [null, 'skip', { answer: 'skip' }],
  'agreement:preview': [undefined, {}, { format: 'pdf' }, { format: 'md', extra: 1 }],
  'agreement:save': [undefined, { format: 'md' }, { format: 'ics', contentHash: 'abc' }],
  'agreement:copy': [undefined, { format: 'ics', contentHash: 'a'.repeat(64) }, { format: 'md' }],
  'agreement:status': [null, 5, { now: 1 }],
  'agreement:copyStatus': [undefined, {}, { contentHash: 'nope' }, { text: 'Working until 17:30' }],
  'agreement:shares': [null, 'all', { kind: 'status' }],
  'checkin:questionnaire': [
    undefined,
    { kind: 'phq9', answers: [1] },
    { kind: 'who5', answers: [1, 2, 3, 4, 5, 5] },
    { kind: 'who5', answers: 'all good' },
  ],
  'data:overview': [undefined, null, { all: true }],
  'data:backupNow': [undefined, null, { path: '/tmp/x.db' }],
  'data:restore': [
    undefined,
    {},
    { id: '' },
    { id: '../keel.db' },
    { id: 'daily-2027-03-15/../../etc/passwd' },
    { id: 'hourly-2027-03-15' },
    { id: 'daily-2027-03-15', extra: 1 },
  ],
  'data:dismissRecovery': [undefined, null, 'yes'],
  'data:export': [undefined, { path: '/tmp/keel.json' }],
  'data:import': [undefined, { path: '/etc/passwd' }, '/tmp/keel.json'],
  'data:deleteAll': [undefined, {}, { confirm: false }, { confirm: 'yes' }, { confirm: 1 }],
  'focus:stats': [
    undefined,
    {},
    { from: '2027-01-02', to: '2027-01-01' },
    { from: '2025-01-01', to: '2027-01-01' },
    { from: '2027-13-01', to: '2027-12-31' },
    { from: '9999-12-31', to: '9999-12-31' },
  ],
};

describe('IPC contract', () => {
  it('covers every channel with a handler', () => {
    const { services } = makeServices();
    expect(Object.keys(createHandlers(services)).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z-]+:[a-zA-Z]+$/);
  });

  it.each(CHANNELS)(
    '%s: a payload of the wrong shape gets { code, message } and writes nothing',
    async (channel) => {
      const { services } = makeServices();
      const handlers = createHandlers(services);
      const before = snapshot(services.db);
      for (const payload of BAD[channel]) {
        const result = await dispatch(handlers, channel, payload);
        expect(result.ok, JSON.stringify(payload)).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_input');
          expect(result.error.message).toMatch(/^[^\n]+[.!?]$/);
          expect(result.error.message).not.toMatch(/at .*\.ts|ZodError|\[object/);
        }
      }
      expect(snapshot(services.db)).toBe(before);
    },
  );

  it('names the setting in the error sentence', async () => {
    const { services } = makeServices();
    const result = await dispatch(createHandlers(services), 'settings:set', {
      key: 'theme',
      value: 'purple',
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'theme: Use system, light or dark.',
        // The path apart, so the window shows the sentence under the control, without the key.
        field: { path: ['theme'], message: 'Use system, light or dark.' },
      },
    });
  });

  it('serves valid calls on every channel', async () => {
    const { services } = makeServices(Date.parse('2027-03-15T08:00:00Z'), 'Europe/Berlin');
    const handlers = createHandlers(services);
    const status = await dispatch(handlers, 'app:status', {});
    expect(status.ok && (status.value as { today: { weekday: string } }).today.weekday).toBe('mon');
    const set = await dispatch(handlers, 'settings:set', { key: 'theme', value: 'dark' });
    expect(set.ok && (set.value as { theme: string }).theme).toBe('dark');
    const get = await dispatch(handlers, 'settings:get', {});
    expect(get.ok && (get.value as { theme: string }).theme).toBe('dark');
    const agenda = await dispatch(handlers, 'agenda:list', { from: '2027-03-15', to: '2027-03-21' });
    expect(agenda.ok).toBe(true);
    const events = (agenda.ok ? agenda.value : []) as { kind: string; start: string; end: string }[];
    // Two focus blocks and the planned sign-off on each of the five workdays.
    expect(events.filter((e) => e.kind === 'focus')).toHaveLength(10);
    expect(events.filter((e) => e.kind === 'signoff').map((e) => e.start)).toEqual(
      ['15', '16', '17', '18', '19'].map((d) => `2027-03-${d}T17:30:00+01:00`),
    );
    expect(events[0]).toMatchObject({
      kind: 'focus',
      start: '2027-03-15T09:00:00+01:00',
      end: '2027-03-15T11:00:00+01:00',
    });
  });

  it('refuses unknown channels, including prototype keys', async () => {
    const { services } = makeServices();
    const handlers = createHandlers(services);
    for (const channel of ['nope:nothing', 'constructor', '__proto__', 'toString', 42, null]) {
      const result = await dispatch(handlers, channel, {});
      expect(result).toEqual({
        ok: false,
        error: { code: 'unknown_channel', message: 'Keel has no such action.' },
      });
    }
  });

  it('never lets an unexpected error or its stack cross the boundary', async () => {
    const { services } = makeServices();
    const seen: unknown[] = [];
    const handlers: Handlers = {
      ...createHandlers(services),
      'app:status': () => {
        throw new Error('SQLITE_IOERR at /secret/path.ts:12');
      },
      'settings:get': () => {
        throw new KeelError('storage', 'Keel cannot write to its data folder.');
      },
    };
    expect(await dispatch(handlers, 'app:status', {}, (e) => seen.push(e))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Keel; nothing was changed.' },
    });
    expect(seen).toHaveLength(1);
    expect(await dispatch(handlers, 'settings:get', {})).toEqual({
      ok: false,
      error: { code: 'storage', message: 'Keel cannot write to its data folder.' },
    });
  });

  it('fuzz: random payloads on every channel never throw, and invalid ones never write', async () => {
    const { services } = makeServices();
    const handlers = createHandlers(services);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.anything(), async (channel, payload) => {
        const valid = contract[channel].input.safeParse(payload).success;
        const before = snapshot(services.db);
        const result: IpcResult<unknown> = await dispatch(handlers, channel, payload);
        if (!valid) {
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
          expect(snapshot(services.db)).toBe(before);
        }
        if (!result.ok) expect(typeof result.error.message).toBe('string');
      }),
      { numRuns: propertyRuns(2000) },
    );
    // Each run snapshots every table; two thousand of them take a few seconds on a busy machine.
  }, 60_000);

  it('buildApi exposes exactly the contract, grouped by domain, plus onState', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi<KeelApi>(
      async (channel, input) => {
        calls.push([channel, input]);
        return { ok: true, value: null };
      },
      () => () => undefined,
    );
    const exposed = Object.entries(api).flatMap(([domain, v]) =>
      typeof v === 'function' ? [domain] : Object.keys(v as object).map((verb) => `${domain}:${verb}`),
    );
    expect(exposed.sort()).toEqual([...CHANNELS, 'onState'].sort());
    await api.app.status();
    await api.settings.set({ key: 'theme', value: 'light' });
    expect(calls).toEqual([
      ['app:status', {}],
      ['settings:set', { key: 'theme', value: 'light' }],
    ]);
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('isTrustedSender', () => {
  it('accepts only the app origin in the main frame', () => {
    expect(isTrustedSender({ url: 'app://keel/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://keel/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://keel.evil/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
