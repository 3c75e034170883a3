import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { interface as dbusInterface, sessionBus, type MessageBus } from 'dbus-next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbusNotificationsBus, UnknownCookieError } from '../../src-main/platform/dnd/notifications-bus';
import { tempDir } from '../helpers/temp';

/** A Plasma-like notification server: counting cookies, the `inhibitions` capability. */
class FakePlasmaNotifications extends dbusInterface.Interface {
  readonly calls: string[] = [];
  private readonly cookies = new Set<number>();
  private next = 1;

  constructor() {
    super('org.freedesktop.Notifications');
  }

  get Inhibited(): boolean {
    return this.cookies.size > 0;
  }

  Inhibit(desktopEntry: string, reason: string, hints: Record<string, unknown>): number {
    this.calls.push(`Inhibit ${desktopEntry} ${reason} ${JSON.stringify(hints)}`);
    const cookie = this.next++;
    this.cookies.add(cookie);
    return cookie;
  }

  UnInhibit(cookie: number): void {
    this.calls.push(`UnInhibit ${cookie}`);
    this.cookies.delete(cookie);
  }

  GetCapabilities(): string[] {
    return ['body', 'actions', 'inhibitions'];
  }
}

FakePlasmaNotifications.configureMembers({
  properties: { Inhibited: { signature: 'b', access: 'read' } },
  methods: {
    Inhibit: { inSignature: 'ssa{sv}', outSignature: 'u' },
    UnInhibit: { inSignature: 'u', outSignature: '' },
    GetCapabilities: { inSignature: '', outSignature: 'as' },
  },
});

const hasDaemon = process.platform === 'linux' && spawnSync('dbus-daemon', ['--version']).status === 0;

describe.skipIf(!hasDaemon)('DbusNotificationsBus on a private dbus-daemon', () => {
  let daemon: ChildProcess | undefined;
  let address = '';
  const buses: { disconnect(): void }[] = [];

  beforeEach(async () => {
    const socket = path.join(tempDir('keel-dbus-'), 'bus');
    daemon = spawn(
      'dbus-daemon',
      ['--session', '--nofork', '--print-address', `--address=unix:path=${socket}`],
      {
        // Its stderr only complains that a sandbox cannot raise the fd limit.
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    address = await new Promise<string>((resolve) =>
      daemon?.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())),
    );
  });

  afterEach(() => {
    for (const bus of buses.splice(0)) bus.disconnect();
    daemon?.kill('SIGTERM');
  });

  const connect = (): MessageBus => {
    const bus = sessionBus({ busAddress: address });
    buses.push(bus);
    return bus;
  };

  async function startServer(): Promise<FakePlasmaNotifications> {
    const server = connect();
    const notifications = new FakePlasmaNotifications();
    server.export('/org/freedesktop/Notifications', notifications);
    await server.requestName('org.freedesktop.Notifications', 0);
    return notifications;
  }

  it('inhibits, reads Inhibited, and releases its own cookie', async () => {
    const server = await startServer();
    const bus = new DbusNotificationsBus({ connect });
    expect(await bus.hasInhibit()).toBe(true);
    expect(await bus.inhibited()).toBe(false);
    const cookie = await bus.inhibit();
    expect(cookie).toBe(1);
    expect(await bus.inhibited()).toBe(true);
    await bus.uninhibit(cookie);
    expect(await bus.inhibited()).toBe(false);
    expect(server.calls).toEqual(['Inhibit keel Focus block {}', 'UnInhibit 1']);
  });

  it("refuses to release a cookie this connection does not hold (it may be another app's)", async () => {
    const server = await startServer();
    const bus = new DbusNotificationsBus({ connect });
    await expect(bus.uninhibit(1)).rejects.toBeInstanceOf(UnknownCookieError);
    const cookie = await bus.inhibit();
    bus.disconnect(); // closing the connection is what releases it on a real server
    await expect(bus.uninhibit(cookie)).rejects.toBeInstanceOf(UnknownCookieError);
    expect(server.calls).toEqual(['Inhibit keel Focus block {}']);
  });

  it('says inhibitions are unsupported when no notification server is on the bus', async () => {
    const bus = new DbusNotificationsBus({ connect, timeoutMs: 2_000 });
    expect(await bus.hasInhibit()).toBe(false);
    expect(await bus.inhibited()).toBeNull();
    await expect(bus.inhibit()).rejects.toThrow();
  });
});
