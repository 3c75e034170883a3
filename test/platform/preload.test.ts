import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, STATE_CHANNEL, type KeelApi } from '../../src-main/ipc/contract';
import { type StateEvent } from '../../src-main/shared/state';
import { FakeContextBridge, FakeIpcRenderer } from '../../src-main/preload/fakes/fake-ipc-renderer';
import { API_KEY, createKeelApi, exposeKeelApi } from '../../src-main/preload/keel-api';

const ROOT = path.resolve(__dirname, '../..');
const BUNDLE = path.join(ROOT, 'dist/preload/preload.cjs');

/** Calls `keel.<domain>.<verb>(input)` by channel name. */
function call(api: unknown, channel: string, input?: unknown): Promise<unknown> {
  const [domain = '', verb = ''] = channel.split(':');
  const group = (api as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>)[domain];
  const method = group?.[verb];
  if (!method) throw new Error(`window.keel has no ${domain}.${verb}`);
  return method(input);
}

describe('createKeelApi', () => {
  it('has one method per contract channel, each invoking exactly that channel', async () => {
    const ipc = new FakeIpcRenderer((channel) => ({ ok: true, value: channel }));
    const api = createKeelApi(ipc);
    for (const channel of CHANNELS) {
      expect(await call(api, channel, {})).toEqual({ ok: true, value: channel });
    }
    expect(ipc.invocations.map((i) => i.channel)).toEqual(CHANNELS);
    expect(ipc.invocations.every((i) => i.args.length === 1)).toBe(true);
  });

  it('sends {} when a method is called without input', async () => {
    const ipc = new FakeIpcRenderer();
    await createKeelApi(ipc).app.status();
    expect(ipc.invocations).toEqual([{ channel: 'app:status', args: [{}] }]);
  });

  it('delivers only the payload of state events, until unsubscribed', () => {
    const ipc = new FakeIpcRenderer();
    const api = createKeelApi(ipc);
    const seen: unknown[] = [];
    const off = api.onState((event) => seen.push(event));
    expect(ipc.listenerCount(STATE_CHANNEL)).toBe(1);

    const event: StateEvent = { type: 'navigate', view: 'settings' };
    ipc.emit(STATE_CHANNEL, event);
    ipc.emit('some:other', { type: 'changed', topics: [] });
    off();
    ipc.emit(STATE_CHANNEL, event);

    expect(seen).toEqual([event]);
    expect(ipc.listenerCount(STATE_CHANNEL)).toBe(0);
  });

  it('is frozen and has no generic invoke', () => {
    const api = createKeelApi(new FakeIpcRenderer());
    expect(Object.isFrozen(api)).toBe(true);
    expect('invoke' in api).toBe(false);
    expect('ipcRenderer' in api).toBe(false);
  });
});

describe('exposeKeelApi', () => {
  it('exposes window.keel and nothing else', () => {
    const bridge = new FakeContextBridge();
    exposeKeelApi(bridge, new FakeIpcRenderer());
    expect([...bridge.exposed.keys()]).toEqual([API_KEY]);
    expect(API_KEY).toBe('keel');
  });
});

describe('the built preload (dist/preload/preload.cjs)', () => {
  let code = '';

  beforeAll(() => {
    // `npm test` builds before vitest; build here only when run on its own.
    if (!fs.existsSync(BUNDLE)) execFileSync(process.execPath, ['scripts/build.mjs', 'main'], { cwd: ROOT });
    code = fs.readFileSync(BUNDLE, 'utf8');
  }, 60_000);

  it('is CommonJS: no import or export statements, no dynamic import', () => {
    // Bundled libraries mention `import()` in comments; only code counts.
    const source = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    expect(source).not.toMatch(/^\s*import\s*[\w{*'"]/m);
    expect(source).not.toMatch(/^\s*export\s/m);
    expect(source).not.toMatch(/\bimport\s*\(/);
    expect(source).not.toMatch(/\bimport\.meta\b/);
    expect(code.startsWith('"use strict";')).toBe(true);
  });

  it("requires only 'electron' (a sandboxed preload can load nothing else)", () => {
    const required = new Set([...code.matchAll(/\brequire\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2]));
    expect([...required]).toEqual(['electron']);
  });

  it('runs in a bare context and exposes exactly window.keel, wired to the contract channels', async () => {
    const bridge = new FakeContextBridge();
    const ipc = new FakeIpcRenderer((channel) => ({ ok: true, value: channel }));
    const requested: string[] = [];
    const sandbox = {
      require: (name: string) => {
        requested.push(name);
        if (name !== 'electron') throw new Error(`module not found: ${name}`);
        return { contextBridge: bridge, ipcRenderer: ipc };
      },
      module: { exports: {} },
      exports: {},
    };
    vm.runInNewContext(code, sandbox, { filename: BUNDLE });

    expect(requested).toEqual(['electron']);
    expect([...bridge.exposed.keys()]).toEqual(['keel']);
    const api = bridge.exposed.get('keel') as KeelApi;
    for (const channel of CHANNELS) expect(await call(api, channel)).toEqual({ ok: true, value: channel });
    const seen: unknown[] = [];
    api.onState((event) => seen.push(event));
    ipc.emit(STATE_CHANNEL, { type: 'changed', topics: ['status'] });
    expect(seen).toEqual([{ type: 'changed', topics: ['status'] }]);
  });
});
