import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbusNotificationsBus, UnknownCookieError } from '../../src-main/platform/dnd/notifications-bus';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from '../dbus/support/private-bus';

/** A Plasma-like notification server: counting cookies, the `inhibitions` capability. */
class FakePlasmaNotifications {
  readonly calls: string[] = [];
  private readonly cookies = new Set<number>();
  private next = 1;

  get Inhibited(): boolean {
    return this.cookies.size > 0;
  }

  Inhibit(desktopEntry: string, reason: string, hints: unknown[]): number {
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

/** A server without inhibitions (GNOME's, say): no Inhibit/UnInhibit, no `Inhibited`. */
class FakeGnomeNotifications {
  GetCapabilities(): string[] {
    return ['body', 'actions'];
  }
}

const NAME = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';

describe.skipIf(!hasDaemon)(`DbusNotificationsBus on a private dbus-daemon${skipReason}`, () => {
  let bus: PrivateBus;

  beforeEach(async () => {
    bus = await startPrivateBus();
  });

  afterEach(() => bus.stop());

  async function startPlasma(): Promise<FakePlasmaNotifications> {
    const server = bus.connect();
    const notifications = new FakePlasmaNotifications();
    server.exportObject(
      PATH,
      {
        name: NAME,
        methods: { Inhibit: ['ssa{sv}', 'u'], UnInhibit: ['u', ''], GetCapabilities: ['', 'as'] },
        properties: { Inhibited: 'b' },
      },
      notifications,
    );
    expect(await server.requestName(NAME, 0)).toBe(1);
    return notifications;
  }

  it('inhibits, reads Inhibited, and releases its own cookie', async () => {
    const server = await startPlasma();
    const dnd = new DbusNotificationsBus({ connect: bus.connect });
    expect(await dnd.hasInhibit()).toBe(true);
    expect(await dnd.inhibited()).toBe(false);
    const cookie = await dnd.inhibit();
    expect(cookie).toBe(1);
    expect(await dnd.inhibited()).toBe(true);
    await dnd.uninhibit(cookie);
    expect(await dnd.inhibited()).toBe(false);
    expect(server.calls).toEqual(['Inhibit keel-desktop Focus block []', 'UnInhibit 1']);
  });

  it("refuses to release a cookie this connection does not hold (it may be another app's)", async () => {
    const server = await startPlasma();
    const dnd = new DbusNotificationsBus({ connect: bus.connect });
    await expect(dnd.uninhibit(1)).rejects.toBeInstanceOf(UnknownCookieError);
    const cookie = await dnd.inhibit();
    dnd.disconnect(); // closing the connection is what releases it on a real server
    await expect(dnd.uninhibit(cookie)).rejects.toBeInstanceOf(UnknownCookieError);
    expect(server.calls).toEqual(['Inhibit keel-desktop Focus block []']);
  });

  it('says inhibitions are unsupported when no notification server is on the bus', async () => {
    const dnd = new DbusNotificationsBus({ connect: bus.connect, timeoutMs: 2_000 });
    expect(await dnd.hasInhibit()).toBe(false);
    expect(await dnd.inhibited()).toBeNull();
    await expect(dnd.inhibit()).rejects.toThrow();
  });

  it('says inhibitions are unsupported by a server without the calls, and does not call Inhibit', async () => {
    const server = bus.connect();
    server.exportObject(
      PATH,
      { name: NAME, methods: { GetCapabilities: ['', 'as'] } },
      new FakeGnomeNotifications(),
    );
    await server.requestName(NAME, 0);
    const dnd = new DbusNotificationsBus({ connect: bus.connect, timeoutMs: 2_000 });
    expect(await dnd.hasInhibit()).toBe(false);
    await expect(dnd.inhibit()).rejects.toThrow('does not support inhibitions');
  });

  it('forgets its cookies when the bus goes away, and works again on a new bus', async () => {
    await startPlasma();
    let closed: Promise<void> = Promise.resolve();
    const connect = () => {
      const connection = bus.connect();
      closed = new Promise((resolve) => connection.onClose(() => resolve()));
      return connection;
    };
    const dnd = new DbusNotificationsBus({ connect, timeoutMs: 2_000 });
    const cookie = await dnd.inhibit();
    bus.killDaemon(); // the session's bus is gone, and every inhibition with it
    await closed;
    await expect(dnd.uninhibit(cookie)).rejects.toBeInstanceOf(UnknownCookieError);
    bus.stop();
    bus = await startPrivateBus();
    const server = await startPlasma();
    expect(await dnd.inhibit()).toBe(1);
    expect(server.calls).toEqual(['Inhibit keel-desktop Focus block []']);
  });
});

describe('DbusNotificationsBus without a session bus address', () => {
  it('refuses at once, and neither falls back to X11 nor leaves an unhandled rejection', async () => {
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    delete process.env.DBUS_SESSION_BUS_ADDRESS;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const dnd = new DbusNotificationsBus();
      expect(await dnd.hasInhibit()).toBe(false);
      expect(await dnd.inhibited()).toBeNull();
      await expect(dnd.inhibit()).rejects.toThrow('No session bus address.');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });
});
