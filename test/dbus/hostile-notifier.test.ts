import net from 'node:net';
import * as dbusNative from '@homebridge/dbus-native';
import { afterEach, describe, expect, it } from 'vitest';
import { busSockets } from '../../src-main/platform/dbus/session-bus';
import { createSwitchingNotifier } from '../../src-main/platform/notify/switching-notifier';
import { RecordingNotifier } from '../../src-main/platform/recording';
import type { KeelNotification } from '../../src-main/services/ports';
import { FakeNotificationServer } from './support/fake-notification-server';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

const NAME = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';
const signOff: KeelNotification = {
  id: 'signoff',
  title: 'Time to sign off?',
  body: 'Your words',
  actions: [{ id: 'not-today', label: 'Not today' }],
};

async function notifierOn(bus: PrivateBus) {
  const electron = new RecordingNotifier();
  const notifier = createSwitchingNotifier({
    platform: 'linux',
    env: { DBUS_SESSION_BUS_ADDRESS: bus.address },
    connect: (_address, options) => bus.connect(options),
    fallback: electron,
    timeoutMs: 2_000,
  });
  expect(await notifier.settled).toBe('server');
  const actions: string[] = [];
  notifier.onAction((id, action) => actions.push(`${id}:${action}`));
  return { notifier, electron, actions };
}

interface RawMessage {
  type: number;
  path: string;
  interface: string;
  member: string;
  destination?: string;
  serial: number;
  signature: string;
  body: unknown[];
}
interface RawClient {
  connection: { message(message: RawMessage): void; end(): void };
  invokeDbus(message: { member: string }, callback: (error: unknown, names: string[]) => void): void;
}

/**
 * Another program of the user's on the same bus: it does not own the server's name, but sends
 * ActionInvoked straight to every connection (a unicast signal needs no match rule).
 */
async function spoofActionInvoked(bus: PrivateBus, id: number, key: string): Promise<void> {
  const native = dbusNative as unknown as {
    createClient(options: { stream: net.Socket }): RawClient;
    messageType: { signal: number };
  };
  const client = native.createClient({ stream: net.createConnection(busSockets(bus.address)[0]!.name) });
  const names = await new Promise<string[]>((resolve, reject) =>
    client.invokeDbus({ member: 'ListNames' }, (error, found) => (error ? reject(error) : resolve(found))),
  );
  for (const [index, destination] of names.filter((n) => n.startsWith(':')).entries()) {
    client.connection.message({
      serial: 1_000 + index,
      type: native.messageType.signal,
      path: PATH,
      interface: NAME,
      member: 'ActionInvoked',
      destination,
      signature: 'us',
      body: [id, key],
    });
  }
  // A round trip to the daemon: the signals above are delivered before its answer.
  await new Promise((resolve) => client.invokeDbus({ member: 'ListNames' }, resolve));
  client.connection.end();
}

describe.skipIf(!hasDaemon)(
  `a notification server in trouble, and programs that pose as one${skipReason}`,
  () => {
    let bus: PrivateBus | undefined;
    afterEach(() => bus?.stop());

    it('does not show words through Electron that were taken back (the screen locked) while Notify failed', async () => {
      bus = await startPrivateBus();
      const server = await FakeNotificationServer.start(bus, ['actions', 'body']);
      const { notifier, electron } = await notifierOn(bus);
      server.failing = true;
      notifier.show(signOff);
      notifier.withdraw('signoff');
      await bus.quiet();
      expect(electron.shown).toEqual([]);
    });

    it('does not show a replaced notification through Electron next to its replacement', async () => {
      bus = await startPrivateBus();
      const server = await FakeNotificationServer.start(bus, ['actions', 'body']);
      const { notifier, electron } = await notifierOn(bus);
      // Only the first Notify fails (the server stumbled once); its error comes after the second went.
      let notifies = 0;
      Object.defineProperty(server, 'failing', { get: () => notifies++ === 0 });
      notifier.show({ ...signOff, body: 'first' });
      notifier.show({ ...signOff, body: 'second' });
      await bus.quiet();
      expect(server.notified.map((n) => n.body)).toEqual(['second']);
      expect(electron.shown).toEqual([]);
    });

    it('takes back the copy Electron showed when the server is back and the same notification comes again', async () => {
      bus = await startPrivateBus();
      const server = await FakeNotificationServer.start(bus, ['actions', 'body']);
      const { notifier, electron } = await notifierOn(bus);
      server.failing = true;
      notifier.show({ ...signOff, body: 'first' });
      await expect.poll(() => electron.shown.map((n) => n.body)).toEqual(['first']);
      server.failing = false;
      notifier.show({ ...signOff, body: 'second' });
      await bus.quiet();
      expect(server.notified.map((n) => n.body)).toEqual(['second']);
      // One sign-off on the desktop, not two.
      expect(electron.withdrawn).toEqual(['signoff']);
    });

    it('takes no button answer from a program that is not the notification server', async () => {
      bus = await startPrivateBus();
      const server = await FakeNotificationServer.start(bus, ['actions', 'body']);
      const { notifier, actions } = await notifierOn(bus);
      notifier.show(signOff);
      await bus.quiet();
      const id = server.last()!.id;
      await spoofActionInvoked(bus, id, 'not-today');
      await bus.roundTrip(NAME);
      expect(actions).toEqual([]);
      // The server's own answer still counts.
      server.invoke(id, 'not-today');
      await expect.poll(() => actions).toEqual(['signoff:not-today']);
    });
  },
);
