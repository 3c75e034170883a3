import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DbusError,
  DbusTimeoutError,
  reachesAbstractSockets,
  socketFor,
} from '../../src-main/platform/dbus/session-bus';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

const NAME = 'org.example.Keel.Probe';
const PATH = '/org/example/Probe';

/** A small service: a method, a property, a method that fails, and a signal. */
class Probe extends EventEmitter {
  Mood = 'calm';
  Echo(text: string, count: number): string {
    return text.repeat(count);
  }
  Fail(): never {
    throw Object.assign(new Error('not today'), { dbusName: 'org.example.Keel.Error.Refused' });
  }
  stalls = 0;
  Stall(): Promise<never> {
    this.stalls++;
    return new Promise(() => undefined);
  }
}

async function serveProbe(bus: PrivateBus) {
  const server = bus.connect();
  const probe = new Probe();
  server.exportObject(
    PATH,
    {
      name: NAME,
      methods: { Echo: ['su', 's'], Fail: ['', ''], Stall: ['', ''] },
      properties: { Mood: 's' },
      signals: { Changed: ['su'] },
    },
    probe,
  );
  expect(await server.requestName(NAME, 0)).toBe(1);
  return { server, probe };
}

const call = (member: string, signature?: string, body?: unknown[]) => ({
  destination: NAME,
  path: PATH,
  interface: NAME,
  member,
  signature,
  body,
});

describe.skipIf(!hasDaemon)(`the session bus adapter on a private dbus-daemon${skipReason}`, () => {
  let bus: PrivateBus | undefined;
  afterEach(() => bus?.stop());

  it('calls methods, reads properties, lists methods, and receives signals', async () => {
    bus = await startPrivateBus();
    const { server } = await serveProbe(bus);
    const client = bus.connect();
    expect(await client.call(call('Echo', 'su', ['ab', 3]))).toEqual(['ababab']);
    expect(await client.getProperty(NAME, PATH, NAME, 'Mood')).toBe('calm');
    expect([...(await client.methodsOf(NAME, PATH, NAME))].sort()).toEqual(['Echo', 'Fail', 'Stall']);

    const received: unknown[][] = [];
    const stop = await client.onSignal(
      { sender: NAME, path: PATH, interface: NAME, member: 'Changed' },
      (...args) => received.push(args),
    );
    server.emitSignal(PATH, NAME, 'Changed', 'su', ['busy', 2]);
    await expect.poll(() => received).toEqual([['busy', 2]]);
    stop();
    server.emitSignal(PATH, NAME, 'Changed', 'su', ['calm', 3]);
    await client.call(call('Echo', 'su', ['x', 1])); // a round trip: the signal would have come first
    expect(received).toEqual([['busy', 2]]);
  });

  it("rejects with the service's D-Bus error name", async () => {
    bus = await startPrivateBus();
    await serveProbe(bus);
    const failure = await bus
      .connect()
      .call(call('Fail'))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DbusError);
    expect((failure as DbusError).dbusName).toBe('org.example.Keel.Error.Refused');
    const missing = await bus
      .connect()
      .call({ ...call('Echo'), destination: 'org.example.Nobody' })
      .catch((e: unknown) => e);
    expect((missing as DbusError).dbusName).toBe('org.freedesktop.DBus.Error.ServiceUnknown');
  });

  it('rejects a pending call at once when the bus goes away, and says it closed', async () => {
    bus = await startPrivateBus();
    const { probe } = await serveProbe(bus);
    const client = bus.connect();
    let closedWith: unknown = 'open';
    client.onClose((error) => (closedWith = error));
    const pending = client.call(call('Stall'));
    await expect.poll(() => probe.stalls).toBe(1); // the call is with the service, unanswered
    const started = Date.now();
    bus.killDaemon();
    await expect(pending).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(closedWith).not.toBe('open');
    await expect(client.call(call('Echo', 'su', ['a', 1]))).rejects.toThrow();
  });

  it('rejects a call that gets no answer within the time limit, and keeps working', async () => {
    bus = await startPrivateBus();
    await serveProbe(bus);
    const client = bus.connect({ timeoutMs: 300 });
    const started = Date.now();
    await expect(client.call(call('Stall'))).rejects.toBeInstanceOf(DbusTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await client.call(call('Echo', 'su', ['a', 2]))).toEqual(['aa']);
  });

  it('answers a malformed call from another program with an error, and keeps working', async () => {
    bus = await startPrivateBus();
    await serveProbe(bus);
    const keel = bus.connect();
    await keel.requestName('org.example.Keel.Client', 0);
    const stranger = bus.connect();
    const calls = [
      // No arguments at all: the library read the first one from nothing and threw.
      {
        destination: 'org.example.Keel.Client',
        path: '/',
        interface: 'org.freedesktop.DBus.Properties',
        member: 'Get',
      },
      // A property the exported object does not declare: the library could not marshal the reply.
      { ...call('Get', 'ss', [NAME, 'Nonexistent']), interface: 'org.freedesktop.DBus.Properties' },
    ];
    for (const malformed of calls) {
      const answer = await Promise.race([
        stranger.call(malformed).then(
          () => 'answered',
          (e: unknown) => (e instanceof DbusError ? e.dbusName : String(e)),
        ),
        new Promise((resolve) => setTimeout(() => resolve('no answer'), 2_000)),
      ]);
      expect(answer).toMatch(/^org\.freedesktop\.DBus\.Error\./);
    }
    expect(await keel.getProperty(NAME, PATH, NAME, 'Mood')).toBe('calm');
    expect(await stranger.call(call('Echo', 'su', ['ok', 1]))).toEqual(['ok']);
  });

  it('connects to an abstract socket address (the library alone would need a native module)', async (ctx) => {
    bus = await startPrivateBus(`unix:abstract=/tmp/keel-test-${randomUUID()}`);
    expect(bus.address).toMatch(/^unix:abstract=/);
    const probe = socketFor(bus.address);
    const reached = await new Promise<boolean>((resolve) => {
      probe.once('connect', () => resolve(true)).once('error', () => resolve(false));
      setTimeout(() => resolve(false), 2_000);
    });
    probe.destroy();
    // Node 20's net pads an abstract name to the full address length (libuv's uv_pipe_connect),
    // so it reaches its own abstract sockets but not another program's; run where Node can.
    ctx.skip(!reached, `this Node (${process.version}) cannot reach another program's abstract socket`);
    await serveProbe(bus);
    expect(await bus.connect().getProperty(NAME, PATH, NAME, 'Mood')).toBe('calm');
  });
});

/** The address a socket tried to reach, from its connection error (no one listens at either). */
const triedAddress = (socket: ReturnType<typeof socketFor>) =>
  new Promise<string>((resolve) =>
    socket.once('error', (e: NodeJS.ErrnoException & { address?: string }) => resolve(e.address ?? '')),
  );

describe('session bus addresses', () => {
  it('takes a file socket before an abstract one on a Node that cannot reach abstract sockets', async () => {
    const address = `unix:abstract=/tmp/keel-nobody-${randomUUID()};unix:path=/nonexistent/keel-bus`;
    expect(await triedAddress(socketFor(address, '1.46.0'))).toBe('/nonexistent/keel-bus');
    expect(await triedAddress(socketFor(address, '1.48.0'))).toMatch(/^\0\/tmp\/keel-nobody-/);
    expect(reachesAbstractSockets('1.46.0')).toBe(false);
    expect(reachesAbstractSockets('1.48.0')).toBe(true);
    expect(reachesAbstractSockets('2.0.0')).toBe(true);
  });

  it('takes the first unix address it can use and refuses the rest in one sentence', () => {
    expect(() => socketFor('tcp:host=example.org,port=1234')).toThrow(
      'The session bus address is not one Keel can use.',
    );
    expect(() => socketFor('unix:tmpdir=/tmp')).toThrow('not one Keel can use');
    expect(() => socketFor('')).toThrow('not one Keel can use');
    const socket = socketFor('tcp:host=example.org,port=1;unix:path=/nonexistent/keel%20bus,guid=1');
    socket.on('error', () => undefined);
    expect(socket.connecting).toBe(true);
    socket.destroy();
  });
});
