import { describe, expect, it } from 'vitest';
import {
  CLI_CHANNELS,
  createCliHandlers,
  dispatchCli,
  type CliChannel,
  type CliHandlers,
} from '../../src-main/ipc/cli-contract';
import { buildApi, CHANNELS, contract } from '../../src-main/ipc/contract';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';

const check = { workload: 3, energy: 3, sustainable: 'yes' };
const monday = Date.parse('2027-03-15T07:00:00Z');

/** Payloads of the wrong shape, per CLI channel. */
const BAD: Record<CliChannel, unknown[]> = {
  'checkin:addAt': [
    undefined,
    {},
    check,
    { ...check, at: '2027-03-15T08:00' },
    { ...check, at: -1 },
    { ...check, at: 1.5 },
    { ...check, workload: 9, at: monday },
    { ...check, at: monday, path: '/etc/passwd' },
    { ...check, at: Date.parse('2027-03-16T08:00:00Z') },
  ],
  'signoff:submitAt': [
    undefined,
    {},
    { done: 'x' },
    { at: monday, energy: 6 },
    { at: monday, firstTomorrow: 'a\nb' },
    { at: monday, extra: 1 },
    { at: Date.parse('2027-03-16T08:00:00Z') },
  ],
  'agreement:write': [undefined, {}, { format: 'pdf' }, { format: 'md', out: '/etc/passwd' }],
  'agreement:writeStatus': [undefined, null, { format: 'md' }],
  'signoff:day': [undefined, { date: '2027-02-30' }, { date: 20270315 }, { date: '2027-03-15', x: 1 }],
  'calendar:conflicts': [
    undefined,
    {},
    { from: '2027-03-15' },
    { from: '2027-03-15', to: '2027-02-30' },
    { from: 20270315, to: '2027-03-16' },
    { from: '2027-03-15', to: '2027-03-16', file: '/etc/passwd' },
    // Valid shapes the handler refuses: the end before the start, more than ten years.
    { from: '2027-03-16', to: '2027-03-15' },
    { from: '2027-01-01', to: '2037-01-31' },
  ],
  'talk:moveTo': [
    undefined,
    {},
    { id: 'abcd1234' },
    { id: 'abcd1234', to: 0 },
    { id: 'abcd1234', to: 1.5 },
    { id: 'abcd1234', to: '2' },
    { id: '../x', to: 1 },
    { id: 'abcd1234', to: 1, direction: 'up' },
  ],
  'summary:write': [
    undefined,
    {},
    { from: '2027-03-01', to: '2027-03-14' },
    { from: '2027-03-01', to: '2027-03-14', format: 'pdf' },
    { from: '2027-03-14', to: '2027-03-01', format: 'md' },
    { from: '2027-03-01', to: '2027-03-14', format: 'md', sections: ['secrets'] },
    { from: '2027-03-01', to: '2027-03-14', format: 'md', path: '/etc/passwd' },
  ],
  'update:write': [
    undefined,
    {},
    { format: 'pdf' },
    { from: '2027-03-01', format: 'md' },
    { from: '2027-03-07', to: '2027-03-01', format: 'md' },
    { from: '2027-01-01', to: '2027-03-01', format: 'text' },
    { format: 'md', path: '/etc/passwd' },
  ],
};

function setup() {
  const { services, clock } = makeServices(monday, 'Europe/Berlin');
  const written: { name: string; content: string }[] = [];
  const handlers = createCliHandlers(services, {
    saveFile: async ({ defaultName, content }) => {
      written.push({ name: defaultName, content: String(content) });
      return defaultName;
    },
  });
  return { services, clock, handlers, written };
}

describe('the CLI-only channels', () => {
  it('have a handler each, and are not the window’s: not in its contract, its preload or its door', async () => {
    const { services, handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual([...CLI_CHANNELS].sort());
    const api = buildApi(
      async () => ({ ok: true, value: null }),
      () => () => undefined,
    );
    const windowHandlers = createHandlers(services);
    for (const channel of CLI_CHANNELS) {
      expect(channel).toMatch(/^[a-z-]+:[a-zA-Z]+$/);
      expect(CHANNELS as readonly string[]).not.toContain(channel);
      expect(Object.prototype.hasOwnProperty.call(contract, channel)).toBe(false);
      const [domain, verb] = channel.split(':') as [string, string];
      expect((api as unknown as Record<string, Record<string, unknown>>)[domain]?.[verb]).toBeUndefined();
      expect(await dispatch(windowHandlers, channel, {})).toEqual({
        ok: false,
        error: { code: 'unknown_channel', message: 'Keel has no such action.' },
      });
    }
  });

  it.each(CLI_CHANNELS)(
    '%s: a payload of the wrong shape gets { code, message } and writes nothing',
    async (channel) => {
      const { services, handlers, written } = setup();
      const before = snapshot(services.db);
      for (const payload of BAD[channel]) {
        const result = await dispatchCli(handlers, channel, payload);
        expect(result.ok, JSON.stringify(payload)).toBe(false);
        if (!result.ok) {
          expect(result.error.code, JSON.stringify(payload)).toBe('invalid_input');
          expect(result.error.message).toMatch(/^[^\n]+[.!?]$/);
          expect(result.error.message).not.toMatch(/at .*\.ts|ZodError|\[object/);
        }
      }
      expect(snapshot(services.db)).toBe(before);
      expect(written).toEqual([]);
    },
  );

  it('words errors as the command line printed them before', async () => {
    const { handlers } = setup();
    expect(await dispatchCli(handlers, 'signoff:submitAt', { at: monday, energy: 6 })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'energy: Rate your energy from 1 to 5.',
        field: { path: ['energy'], message: 'Rate your energy from 1 to 5.' },
      },
    });
    expect(
      await dispatchCli(handlers, 'summary:write', { from: '2027-03-14', to: '2027-03-01', format: 'md' }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The period must end on or after the day it starts.' },
    });
  });

  it('back-dates a check-in and a sign-off, and reads the workday', async () => {
    const { handlers } = setup();
    const at = Date.parse('2027-03-12T15:05:00Z');
    const added = await dispatchCli(handlers, 'checkin:addAt', { ...check, stretched: ['Meetings'], at });
    expect(added).toMatchObject({
      ok: true,
      value: { at: '2027-03-12T16:05:00+01:00', stretched: [{ id: 'meetings' }] },
    });
    const signed = await dispatchCli(handlers, 'signoff:submitAt', { done: 'Shipped', at });
    expect(signed.ok).toBe(true);
    expect(await dispatchCli(handlers, 'signoff:day', { date: '2027-03-12' })).toMatchObject({
      ok: true,
      value: { date: '2027-03-12', signedOff: '2027-03-12T16:05:00+01:00', done: 'Shipped' },
    });
    expect(await dispatchCli(handlers, 'signoff:day', {})).toMatchObject({
      ok: true,
      value: { date: '2027-03-15', signedOff: null },
    });
  });

  it('writes the summary through the outlet and logs the share as the CLI’s; a cancelled write logs nothing', async () => {
    const { services, handlers, written } = setup();
    const choices = { from: '2027-03-01', to: '2027-03-14', format: 'md' } as const;
    expect(await dispatchCli(handlers, 'summary:write', choices)).toEqual({
      ok: true,
      value: { saved: true, fileName: 'keel-one-on-one-2027-03-01-to-2027-03-14.md' },
    });
    expect(written[0]?.content).toMatch(/^# /);
    expect(services.summary.shares()).toMatchObject([{ via: 'cli', format: 'md' }]);
    const cancelled = createCliHandlers(services, { saveFile: async () => null });
    expect(await dispatchCli(cancelled, 'summary:write', { ...choices, format: 'json' })).toEqual({
      ok: true,
      value: { saved: false, fileName: null },
    });
    expect(services.summary.shares()).toHaveLength(1);
  });

  it('refuses unknown channels, including the window’s and prototype keys, and hides a bug’s stack', async () => {
    const { handlers } = setup();
    for (const channel of ['settings:get', 'constructor', '__proto__', 42]) {
      expect(await dispatchCli(handlers, channel, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
    const seen: unknown[] = [];
    const broken: CliHandlers = {
      ...handlers,
      'signoff:day': () => {
        throw new Error('boom at /secret/path.ts:1');
      },
    };
    expect(await dispatchCli(broken, 'signoff:day', {}, (e) => seen.push(e))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Keel; nothing was changed.' },
    });
    expect(seen).toHaveLength(1);
  });
});
