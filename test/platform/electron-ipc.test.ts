import { describe, expect, it } from 'vitest';
import { FakeIpcMain, type FakeSender } from '../../src-main/electron/fakes/fake-ipc-main';
import { registerIpcHandlers, senderOf, statePusher } from '../../src-main/electron/ipc-main';
import { CHANNELS, STATE_CHANNEL } from '../../src-main/ipc/contract';
import { type StateEvent } from '../../src-main/shared/state';
import { createHandlers, type Handlers } from '../../src-main/ipc/handlers';
import { makeServices } from '../helpers/services';

const PAGE: FakeSender = { url: 'app://keel/index.html', frame: 'main' };

function setup(overrides: Partial<Handlers> = {}) {
  const { services } = makeServices();
  const ipcMain = new FakeIpcMain();
  const refused: string[] = [];
  const unexpected: string[] = [];
  const dispose = registerIpcHandlers(
    ipcMain,
    { ...createHandlers(services), ...overrides },
    {
      onRefused: (channel, sender) => refused.push(`${channel} ${sender.url}`),
      onUnexpected: (_error, channel) => unexpected.push(channel),
    },
  );
  return { services, ipcMain, dispose, refused, unexpected };
}

describe('registerIpcHandlers', () => {
  it('handles exactly the contract channels and removes them on dispose', () => {
    const { ipcMain, dispose, services } = setup();
    expect(ipcMain.channels().sort()).toEqual([...CHANNELS].sort());
    dispose();
    expect(ipcMain.channels()).toEqual([]);
    services.close();
  });

  it('answers the app page in its main frame', async () => {
    const { ipcMain, services } = setup();
    const result = await ipcMain.invoke('app:status', {}, PAGE);
    expect(result).toMatchObject({ ok: true, value: { app: { name: 'Keel', version: '0.0.0-test' } } });
    services.close();
  });

  it.each<[string, FakeSender]>([
    ['a foreign origin', { url: 'https://evil.example/', frame: 'main' }],
    ['a look-alike host', { url: 'app://keel.evil/index.html', frame: 'main' }],
    ['a file:// page', { url: 'file:///tmp/index.html', frame: 'main' }],
    ['a subframe of the app', { url: 'app://keel/index.html', frame: 'sub' }],
    ['a frame that is gone', { url: 'app://keel/index.html', frame: 'gone' }],
  ])('refuses %s with forbidden, before any handler runs', async (_name, sender) => {
    let ran = false;
    const { ipcMain, refused, services } = setup({
      'settings:get': () => {
        ran = true;
        return services.settings.get();
      },
    });
    const result = await ipcMain.invoke('settings:get', {}, sender);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(ran).toBe(false);
    expect(refused).toHaveLength(1);
    services.close();
  });

  it('answers an invalid payload with invalid_input', async () => {
    const { ipcMain, services } = setup();
    const result = await ipcMain.invoke('agenda:list', { from: 'monday', to: '2027-03-20' }, PAGE);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const extra = await ipcMain.invoke('app:status', { sneaky: true }, PAGE);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    services.close();
  });

  it('turns an unexpected error into internal, without a stack, and reports it', async () => {
    const { ipcMain, unexpected, services } = setup({
      'app:status': () => {
        throw new Error('secret internals at /home/me/keel.db');
      },
    });
    const result = await ipcMain.invoke('app:status', {}, PAGE);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(unexpected).toEqual(['app:status']);
    services.close();
  });
});

describe('senderOf', () => {
  it('is not the main frame without a frame', () => {
    const mainFrame = { url: 'app://keel/index.html' };
    // senderOf only compares identities and reads url; the cast stands in for Electron objects.
    const event = { sender: { mainFrame }, senderFrame: null } as unknown as Parameters<typeof senderOf>[0];
    expect(senderOf(event)).toEqual({ url: '', isMainFrame: false });
  });
});

describe('statePusher', () => {
  it('sends state events on the state channel while the window lives', () => {
    const sent: [string, StateEvent][] = [];
    let destroyed = false;
    let present = true;
    const contents = {
      send: (channel: string, event: StateEvent) => void sent.push([channel, event]),
      isDestroyed: () => destroyed,
    };
    const push = statePusher(() => (present ? contents : undefined));
    push({ type: 'changed', topics: ['settings'] });
    destroyed = true;
    push({ type: 'navigate', view: 'today' });
    present = false;
    push({ type: 'navigate', view: 'today' });
    expect(sent).toEqual([[STATE_CHANNEL, { type: 'changed', topics: ['settings'] }]]);
  });
});
