import type { SessionBus } from '../../../src-main/platform/dbus/session-bus';
import { FakeNotificationServer } from './fake-notification-server';
import type { PrivateBus } from './private-bus';

/**
 * Small fakes of the desktop services Keel reads, one per real interface, each on a connection of
 * its own under the service's well-known name. Each declares the real interface's members and
 * signatures, written out here from the owners' sources (not from Keel's
 * src-main/platform/linux-presence/interfaces.ts), so a wrong name or signature in Keel's calls
 * shows. A method the fake has no use for answers as a quiet real service would.
 * The notification server is big enough for a file of its own (fake-notification-server.ts).
 */

async function serve(bus: PrivateBus, name: string): Promise<SessionBus> {
  const server = bus.connect();
  if ((await server.requestName(name, 0)) !== 1) throw new Error(`could not own ${name}`);
  return server;
}

/** A clock that stands still at now: a fake's idle time stays what the test said. */
const frozen = (): (() => number) => {
  const t = Date.now();
  return () => t;
};

/**
 * GNOME/mutter data/dbus-interfaces/org.gnome.Mutter.IdleMonitor.xml: GetIdletime() → t (ms),
 * AddIdleWatch(t interval) → u, AddUserActiveWatch() → u, RemoveWatch(u), ResetIdletime(),
 * signal WatchFired(u).
 */
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
      ResetIdletime: () => this.input(),
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

/**
 * KDE/kscreenlocker dbus/org.freedesktop.ScreenSaver.xml, at /org/freedesktop/ScreenSaver: Lock(),
 * SimulateUserActivity(), GetActive() → b, GetActiveTime() → u, GetSessionIdleTime() → u (s),
 * SetActive(b) → b, Inhibit(ss) → u, UnInhibit(u), Throttle(ss) → u, UnThrottle(u),
 * signal ActiveChanged(b).
 */
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
    let cookie = 0;
    this.server.exportObject(
      FakeScreenSaver.path,
      {
        name: FakeScreenSaver.iface,
        methods: {
          Lock: ['', ''],
          SimulateUserActivity: ['', ''],
          GetActive: ['', 'b'],
          GetActiveTime: ['', 'u'],
          GetSessionIdleTime: ['', 'u'],
          SetActive: ['b', 'b'],
          Inhibit: ['ss', 'u'],
          UnInhibit: ['u', ''],
          Throttle: ['ss', 'u'],
          UnThrottle: ['u', ''],
        },
        signals: { ActiveChanged: ['b'] },
      },
      {
        Lock: () => this.setActive(true),
        SimulateUserActivity: () => void (this.lastInputAt = this.now()),
        GetActive: () => this.active,
        GetActiveTime: () => 0,
        GetSessionIdleTime: () => {
          this.idleCalls++;
          if (this.stall) return new Promise(() => undefined);
          return this.broken ? 0 : idle();
        },
        SetActive: (on: boolean) => (this.setActive(on), true),
        Inhibit: () => ++cookie,
        UnInhibit: () => undefined,
        Throttle: () => ++cookie,
        UnThrottle: () => undefined,
      },
    );
    return this;
  }

  /** The screen locks (true) or unlocks: ActiveChanged. */
  setActive(on: boolean): void {
    this.active = on;
    this.server?.emitSignal(FakeScreenSaver.path, FakeScreenSaver.iface, 'ActiveChanged', 'b', [on]);
  }
}

/**
 * systemd's org.freedesktop.login1(5): the Manager's GetSession(s) → o and one session object with
 * some of org.freedesktop.login1.Session's properties (Id s, Name s, Active b, IdleHint b,
 * LockedHint b), its Lock(), Unlock() and SetLockedHint(b) methods (logind's answers to them: the
 * Lock/Unlock signals, a PropertiesChanged) and signals Lock(), Unlock(). The session is also at
 * /org/freedesktop/login1/session/auto, as logind resolves it for the caller.
 */
export class FakeLogind {
  static readonly sessionPath = '/org/freedesktop/login1/session/_32';
  static readonly iface = 'org.freedesktop.login1.Session';
  private server: SessionBus | undefined;
  private readonly session = {
    Id: '32',
    Name: 'keel-tester',
    Active: true,
    IdleHint: false,
    LockedHint: false,
    Lock: () => this.signal('Lock'),
    Unlock: () => this.signal('Unlock'),
    SetLockedHint: (locked: boolean) => this.setLockedHint(locked),
  };

  async start(bus: PrivateBus): Promise<this> {
    this.server = await serve(bus, 'org.freedesktop.login1');
    this.server.exportObject(
      '/org/freedesktop/login1',
      { name: 'org.freedesktop.login1.Manager', methods: { GetSession: ['s', 'o'] } },
      { GetSession: (id: string) => `/org/freedesktop/login1/session/_${id}` },
    );
    const description = {
      name: FakeLogind.iface,
      methods: { Lock: ['', ''], Unlock: ['', ''], SetLockedHint: ['b', ''] } as Record<
        string,
        [string, string]
      >,
      properties: { Id: 's', Name: 's', Active: 'b', IdleHint: 'b', LockedHint: 'b' },
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

/**
 * The StatusNotifierItem spec's watcher, under KDE's name org.kde.StatusNotifierWatcher at
 * /StatusNotifierWatcher: RegisterStatusNotifierItem(s), RegisterStatusNotifierHost(s);
 * properties RegisteredStatusNotifierItems (as), IsStatusNotifierHostRegistered (b),
 * ProtocolVersion (i); signals StatusNotifierItemRegistered(s), StatusNotifierItemUnregistered(s),
 * StatusNotifierHostRegistered(), StatusNotifierHostUnregistered().
 */
export class FakeStatusNotifierWatcher {
  static readonly service = 'org.kde.StatusNotifierWatcher';
  static readonly path = '/StatusNotifierWatcher';
  private server: SessionBus | undefined;
  readonly state = {
    RegisteredStatusNotifierItems: [] as string[],
    IsStatusNotifierHostRegistered: false,
    ProtocolVersion: 0,
    RegisterStatusNotifierItem: (service: string) => {
      this.state.RegisteredStatusNotifierItems.push(service);
      this.emit('StatusNotifierItemRegistered', 's', [service]);
    },
    RegisterStatusNotifierHost: () => {
      this.state.IsStatusNotifierHostRegistered = true;
      this.emit('StatusNotifierHostRegistered', '', []);
    },
  };

  /** `hostRegistered`: a tray (GNOME's AppIndicator extension, KDE's panel) shows the items. */
  constructor(hostRegistered: boolean) {
    this.state.IsStatusNotifierHostRegistered = hostRegistered;
  }

  async start(bus: PrivateBus): Promise<this> {
    const name = FakeStatusNotifierWatcher.service;
    this.server = await serve(bus, name);
    this.server.exportObject(
      FakeStatusNotifierWatcher.path,
      {
        name,
        methods: { RegisterStatusNotifierItem: ['s', ''], RegisterStatusNotifierHost: ['s', ''] },
        properties: {
          RegisteredStatusNotifierItems: 'as',
          IsStatusNotifierHostRegistered: 'b',
          ProtocolVersion: 'i',
        },
        signals: {
          StatusNotifierItemRegistered: ['s'],
          StatusNotifierItemUnregistered: ['s'],
          StatusNotifierHostRegistered: [''],
          StatusNotifierHostUnregistered: [''],
        },
      },
      this.state,
    );
    return this;
  }

  private emit(member: string, signature: string, args: unknown[]): void {
    this.server?.emitSignal(
      FakeStatusNotifierWatcher.path,
      FakeStatusNotifierWatcher.service,
      member,
      signature,
      args,
    );
  }
}

/**
 * xdg-desktop-portal's org.freedesktop.portal.GlobalShortcuts on org.freedesktop.portal.Desktop at
 * /org/freedesktop/portal/desktop: property version (u); CreateSession(a{sv}) → o,
 * BindShortcuts(oa(sa{sv})sa{sv}) → o, ListShortcuts(oa{sv}) → o; signals Activated(osta{sv}),
 * Deactivated(osta{sv}), ShortcutsChanged(oa(sa{sv})). Keel reads only `version` (Electron uses
 * the rest): the methods answer a request handle whose Response never comes.
 */
export class FakeShortcutsPortal {
  static readonly service = 'org.freedesktop.portal.Desktop';
  static readonly path = '/org/freedesktop/portal/desktop';
  static readonly iface = 'org.freedesktop.portal.GlobalShortcuts';

  async start(bus: PrivateBus): Promise<this> {
    const server = await serve(bus, FakeShortcutsPortal.service);
    const request = () => `${FakeShortcutsPortal.path}/request/1_1/keel`;
    server.exportObject(
      FakeShortcutsPortal.path,
      {
        name: FakeShortcutsPortal.iface,
        methods: {
          CreateSession: ['a{sv}', 'o'],
          BindShortcuts: ['oa(sa{sv})sa{sv}', 'o'],
          ListShortcuts: ['oa{sv}', 'o'],
        },
        properties: { version: 'u' },
        signals: { Activated: ['osta{sv}'], Deactivated: ['osta{sv}'], ShortcutsChanged: ['oa(sa{sv})'] },
      },
      { version: 1, CreateSession: request, BindShortcuts: request, ListShortcuts: request },
    );
    return this;
  }
}

// keel doctor's one-line set-ups (each a fake above, started at once).

/** A StatusNotifierWatcher, with or without a host registered. */
export async function serveStatusNotifierWatcher(bus: PrivateBus, hostRegistered: boolean): Promise<void> {
  await new FakeStatusNotifierWatcher(hostRegistered).start(bus);
}

/** A notification server; `capabilities` decides whether it has buttons. */
export async function serveNotifications(
  bus: PrivateBus,
  capabilities: string[],
  information: [string, string, string, string] = ['fake-notifyd', 'Keel tests', '1.2', '1.2'],
): Promise<void> {
  const server = await FakeNotificationServer.start(bus, capabilities);
  server.information = information;
}

/** The freedesktop screensaver (KDE and others): no idle time, not locked. */
export async function serveScreenSaver(bus: PrivateBus): Promise<void> {
  await new FakeScreenSaver(frozen()).start(bus);
}

/** The desktop portal with the GlobalShortcuts interface. */
export async function serveShortcutsPortal(bus: PrivateBus): Promise<void> {
  await new FakeShortcutsPortal().start(bus);
}
