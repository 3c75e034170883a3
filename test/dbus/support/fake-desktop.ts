import type { SessionBus } from '../../../src-main/platform/dbus/session-bus';
import type { PrivateBus } from './private-bus';

/**
 * Small fakes of the desktop services Keel reads presence from, each declaring the signatures of
 * the real interface (sources in src-main/platform/linux-presence/interfaces.ts), written out here
 * on their own so a wrong signature in Keel's calls shows.
 */

async function serve(bus: PrivateBus, name: string): Promise<SessionBus> {
  const server = bus.connect();
  if ((await server.requestName(name, 0)) !== 1) throw new Error(`could not own ${name}`);
  return server;
}

/** GNOME/mutter data/dbus-interfaces/org.gnome.Mutter.IdleMonitor.xml. */
export class FakeMutterIdleMonitor {
  static readonly path = '/org/gnome/Mutter/IdleMonitor/Core';
  static readonly iface = 'org.gnome.Mutter.IdleMonitor';
  lastInputAt: number;
  /** Broken like some sessions: the idle time reads 0 and no watch fires. */
  broken = false;
  getIdletimeCalls = 0;
  readonly idleWatches = new Map<number, number>();
  readonly activeWatches = new Set<number>();
  private nextId = 1;
  private server: SessionBus | undefined;

  constructor(private readonly now: () => number) {
    this.lastInputAt = now();
  }

  async start(bus: PrivateBus): Promise<this> {
    this.server = await serve(bus, 'org.gnome.Mutter.IdleMonitor');
    const methods = {
      GetIdletime: () => {
        this.getIdletimeCalls++;
        return this.broken ? 0 : this.now() - this.lastInputAt;
      },
      AddIdleWatch: (interval: number) => {
        const id = this.nextId++;
        this.idleWatches.set(id, Number(interval));
        return id;
      },
      AddUserActiveWatch: () => {
        const id = this.nextId++;
        this.activeWatches.add(id);
        return id;
      },
      RemoveWatch: (id: number) => {
        this.idleWatches.delete(id);
        this.activeWatches.delete(id);
      },
      ResetIdletime: () => undefined,
    };
    this.server.exportObject(
      FakeMutterIdleMonitor.path,
      {
        name: FakeMutterIdleMonitor.iface,
        methods: {
          GetIdletime: ['', 't'],
          AddIdleWatch: ['t', 'u'],
          AddUserActiveWatch: ['', 'u'],
          RemoveWatch: ['u', ''],
          ResetIdletime: ['', ''],
        },
        signals: { WatchFired: ['u'] },
      },
      methods,
    );
    return this;
  }

  /** Mutter's timer: the idle watches whose interval has passed since the last input fire. */
  fireIdleWatches(): void {
    if (this.broken) return;
    for (const [id, interval] of this.idleWatches) {
      if (this.now() - this.lastInputAt >= interval) this.fire(id);
    }
  }

  /** A key press: the active watches fire once and are gone. */
  input(): void {
    this.lastInputAt = this.now();
    for (const id of [...this.activeWatches]) {
      this.activeWatches.delete(id);
      if (!this.broken) this.fire(id);
    }
  }

  private fire(id: number): void {
    this.server?.emitSignal(FakeMutterIdleMonitor.path, FakeMutterIdleMonitor.iface, 'WatchFired', 'u', [id]);
  }
}

/** KDE/kscreenlocker interface.h (org.freedesktop.ScreenSaver), at /org/freedesktop/ScreenSaver. */
export class FakeScreenSaver {
  static readonly path = '/org/freedesktop/ScreenSaver';
  static readonly iface = 'org.freedesktop.ScreenSaver';
  lastInputAt: number;
  active = false;
  broken = false;
  idleCalls = 0;
  /** A GetSessionIdleTime that never answers. */
  stall = false;
  private server: SessionBus | undefined;

  constructor(private readonly now: () => number) {
    this.lastInputAt = now();
  }

  async start(bus: PrivateBus): Promise<this> {
    this.server = await serve(bus, 'org.freedesktop.ScreenSaver');
    const idle = () => Math.floor((this.now() - this.lastInputAt) / 1000);
    this.server.exportObject(
      FakeScreenSaver.path,
      {
        name: FakeScreenSaver.iface,
        methods: {
          Lock: ['', ''],
          SimulateUserActivity: ['', ''],
          SetActive: ['b', 'b'],
          GetActive: ['', 'b'],
          GetActiveTime: ['', 'u'],
          GetSessionIdleTime: ['', 'u'],
          Inhibit: ['ss', 'u'],
          UnInhibit: ['u', ''],
        },
        signals: { ActiveChanged: ['b'] },
      },
      {
        Lock: () => this.setActive(true),
        SimulateUserActivity: () => (this.lastInputAt = this.now()),
        SetActive: (on: boolean) => (this.setActive(on), true),
        GetActive: () => this.active,
        GetActiveTime: () => 0,
        GetSessionIdleTime: () => {
          this.idleCalls++;
          if (this.stall) return new Promise(() => undefined);
          return this.broken ? 0 : idle();
        },
        Inhibit: () => 1,
        UnInhibit: () => undefined,
      },
    );
    return this;
  }

  setActive(on: boolean): void {
    this.active = on;
    this.server?.emitSignal(FakeScreenSaver.path, FakeScreenSaver.iface, 'ActiveChanged', 'b', [on]);
  }
}

/** systemd's org.freedesktop.login1(5): the Manager's GetSession and one session object. */
export class FakeLogind {
  static readonly sessionPath = '/org/freedesktop/login1/session/_32';
  static readonly iface = 'org.freedesktop.login1.Session';
  private server: SessionBus | undefined;
  private readonly session = { Id: '32', LockedHint: false };

  async start(bus: PrivateBus): Promise<this> {
    this.server = await serve(bus, 'org.freedesktop.login1');
    this.server.exportObject(
      '/org/freedesktop/login1',
      { name: 'org.freedesktop.login1.Manager', methods: { GetSession: ['s', 'o'] } },
      { GetSession: (id: string) => `/org/freedesktop/login1/session/_${id}` },
    );
    const description = {
      name: FakeLogind.iface,
      properties: { Id: 's', LockedHint: 'b' },
      signals: { Lock: [''] as [string], Unlock: [''] as [string] },
    };
    this.server.exportObject(FakeLogind.sessionPath, description, this.session);
    this.server.exportObject('/org/freedesktop/login1/session/auto', description, this.session);
    return this;
  }

  /** The desktop's locker sets LockedHint (PropertiesChanged, as logind announces it). */
  setLockedHint(locked: boolean): void {
    this.session.LockedHint = locked;
    this.server?.emitSignal(
      FakeLogind.sessionPath,
      'org.freedesktop.DBus.Properties',
      'PropertiesChanged',
      'sa{sv}as',
      [FakeLogind.iface, [['LockedHint', ['b', locked]]], []],
    );
  }

  /** `loginctl lock-session` / `unlock-session`. */
  signal(member: 'Lock' | 'Unlock'): void {
    this.server?.emitSignal(FakeLogind.sessionPath, FakeLogind.iface, member, '', []);
  }
}
