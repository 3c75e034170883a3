import { afterEach, describe, expect, it } from 'vitest';
import type { SessionBus } from '../../src-main/platform/dbus/session-bus';
import { createSwitchingNotifier } from '../../src-main/platform/notify/switching-notifier';
import { RecordingNotifier } from '../../src-main/platform/recording';
import type { KeelNotification } from '../../src-main/services/ports';
import { FakeNotificationServer } from './support/fake-notification-server';
import { switchingNotifierOn } from './support/linux-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

const note = (id: string): KeelNotification => ({ id, title: `Title ${id}`, body: `Body ${id}` });

/** Keel's notifier on this private bus, with every connection it opens and every button it hears of. */
function switchingOn(bus: PrivateBus, timeoutMs = 2_000) {
  const connections: { bus: SessionBus; closed: boolean }[] = [];
  const { notifier, electron } = switchingNotifierOn(bus, {
    connect: (_address, options) => {
      const connection = { bus: bus.connect(options), closed: false };
      connection.bus.onClose(() => (connection.closed = true));
      connections.push(connection);
      return connection.bus;
    },
    timeoutMs,
  });
  const actions: string[] = [];
  notifier.onAction((id, action) => actions.push(`${id}:${action}`));
  return { notifier, electron, connections, actions };
}

describe.skipIf(!hasDaemon)(`start-up does not wait for the notification server${skipReason}`, () => {
  let bus: PrivateBus | undefined;
  afterEach(() => bus?.stop());

  it('uses Electron until a late server answers, then the server; earlier ones stay answerable', async () => {
    bus = await startPrivateBus();
    const server = await FakeNotificationServer.start(bus, ['actions', 'body']);
    let answer!: () => void;
    server.capabilitiesAnswer = new Promise((resolve) => (answer = resolve));
    const { notifier, electron, connections, actions } = switchingOn(bus);

    notifier.show(note('early'));
    notifier.show(note('again'));
    expect(electron.shown.map((n) => n.id)).toEqual(['early', 'again']);
    answer();
    expect(await notifier.settled).toBe('server');
    notifier.show(note('late'));
    await expect.poll(() => server.notified.map((n) => n.summary)).toEqual(['Title late']);
    expect(electron.shown.map((n) => n.id)).toEqual(['early', 'again']);

    // A click on the one Electron showed reaches Keel once; one on the server's, too.
    electron.act('early', 'click');
    server.invoke(server.last()!.id, 'default');
    await expect.poll(() => actions).toEqual(['early:click', 'late:click']);
    // Taking back the early one asks Electron, which showed it, not the server.
    notifier.withdraw('early');
    expect(electron.withdrawn).toEqual(['early']);
    // Shown again, the one Electron showed before the switch is replaced, not doubled.
    notifier.show(note('again'));
    expect(electron.withdrawn).toEqual(['early', 'again']);
    await expect.poll(() => server.notified.map((n) => n.summary)).toEqual(['Title late', 'Title again']);
    expect(connections.map((c) => c.closed)).toEqual([false]);

    notifier.dispose();
    await expect.poll(() => connections.map((c) => c.closed)).toEqual([true]);
    expect(actions).toEqual(['early:click', 'late:click']);
  });

  it('keeps Electron for good when the server never answers, and closes the connection', async () => {
    bus = await startPrivateBus();
    const server = await FakeNotificationServer.start(bus, ['actions', 'body']);
    server.capabilitiesAnswer = new Promise(() => undefined);
    const { notifier, electron, connections, actions } = switchingOn(bus, 300);
    const started = Date.now();
    notifier.show(note('first'));
    expect(await notifier.settled).toBe('fallback');
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect.poll(() => connections.map((c) => c.closed)).toEqual([true]);
    notifier.show(note('second'));
    notifier.withdraw('first');
    electron.act('second', 'click');
    expect(electron.shown.map((n) => n.id)).toEqual(['first', 'second']);
    expect(electron.withdrawn).toEqual(['first']);
    expect(actions).toEqual(['second:click']);
    expect(server.notified).toEqual([]);
  });
});

describe('the notifier without a session bus', () => {
  it('uses Electron at once and opens nothing without a session bus, or off Linux', async () => {
    for (const [platform, env] of [
      ['linux', {}],
      ['darwin', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }],
    ] as const) {
      const electron = new RecordingNotifier();
      let opened = 0;
      const notifier = createSwitchingNotifier({
        platform,
        env,
        fallback: electron,
        connect: () => {
          opened++;
          throw new Error('not expected');
        },
      });
      notifier.show(note('x'));
      expect(await notifier.settled).toBe('fallback');
      expect(opened).toBe(0);
      expect(electron.shown.map((n) => n.id)).toEqual(['x']);
    }
  });
});
