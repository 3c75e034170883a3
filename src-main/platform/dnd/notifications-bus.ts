import { DESKTOP_ENTRY } from '../desktop-session';
import { connectSessionBus, type SessionBus, type SessionBusOptions } from '../dbus/session-bus';

const SERVICE = 'org.freedesktop.Notifications';
const OBJECT_PATH = '/org/freedesktop/Notifications';

/**
 * The freedesktop notification server's inhibition calls (KDE Plasma implements them). A port so
 * the adapter is tested with a fake and only this file talks D-Bus.
 */
export interface NotificationsBus {
  /** Asks the server to hold notifications; resolves to the cookie that releases it. */
  inhibit(): Promise<number>;
  /**
   * Releases an inhibition. Rejects with `UnknownCookieError` when the cookie is not held (any
   * more), e.g. the connection that took it has closed, which already released it.
   */
  uninhibit(cookie: number): Promise<void>;
  /** Whether the server supports inhibitions; false when the bus or the server is unreachable. */
  hasInhibit(): Promise<boolean>;
  /** The server's `Inhibited` property (anyone's inhibition); null when it cannot be read. */
  inhibited(): Promise<boolean | null>;
}

/** The cookie is not one this connection holds; whatever it inhibited has already ended. */
export class UnknownCookieError extends Error {
  constructor(cookie: number) {
    super(`Notification inhibition ${cookie} is not held by this connection.`);
    this.name = 'UnknownCookieError';
  }
}

/** A method call on the notification server's own interface. */
function notificationsCall(member: string, signature?: string, body?: unknown[]) {
  return { destination: SERVICE, path: OBJECT_PATH, interface: SERVICE, member, signature, body };
}

interface Connected {
  bus: SessionBus;
  /** The methods the server's interface lists (introspected once per connection). */
  methods: Set<string>;
}

export interface DbusNotificationsBusOptions {
  /** Opens the session bus; injectable so a test can point it at a private dbus-daemon. */
  connect?: (options: SessionBusOptions) => SessionBus;
  /** Keel's desktop entry name, shown by the server as who is inhibiting. */
  desktopEntry?: string;
  reason?: string;
  /** How long each call may take (the connection's limit): a stuck bus must not hang a focus block. */
  timeoutMs?: number;
}

/**
 * `NotificationsBus` on the session bus (platform/dbus/session-bus.ts). Connects on first use, so
 * desktops that never use inhibition never open a connection. The server ties each inhibition to the
 * connection that took it and drops it when that connection closes, which is why Keel keeps
 * one connection for the whole run and why a crash needs no restore on these desktops.
 */
export class DbusNotificationsBus implements NotificationsBus {
  private connection: Promise<Connected> | null = null;
  /** The bus behind `connection`, so a late error from an older connection is ignored. */
  private currentBus: SessionBus | null = null;
  /** Cookies taken on the current connection; a cookie from an earlier one is already released. */
  private readonly held = new Set<number>();
  private readonly connect: (options: SessionBusOptions) => SessionBus;
  private readonly desktopEntry: string;
  private readonly reason: string;
  private readonly timeoutMs: number;

  constructor(options: DbusNotificationsBusOptions = {}) {
    this.connect =
      options.connect ??
      ((busOptions) => {
        // Without an address some D-Bus libraries fall back to asking X11 (a module Keel does not
        // ship), and that failure escapes as an unhandled rejection: refuse here instead.
        const address = process.env.DBUS_SESSION_BUS_ADDRESS;
        if (!address) throw new Error('No session bus address.');
        return connectSessionBus(address, busOptions);
      });
    this.desktopEntry = options.desktopEntry ?? DESKTOP_ENTRY;
    this.reason = options.reason ?? 'Focus block';
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  async inhibit(): Promise<number> {
    const { bus, methods } = await this.connected();
    if (!methods.has('Inhibit')) throw new Error('The notification server does not support inhibitions.');
    const [cookie] = await bus.call(
      notificationsCall('Inhibit', 'ssa{sv}', [this.desktopEntry, this.reason, []]),
    );
    if (typeof cookie !== 'number') throw new Error('The notification server answered without a cookie.');
    this.held.add(cookie);
    return cookie;
  }

  async uninhibit(cookie: number): Promise<void> {
    // Cookies are small counters the server reuses for everyone, so releasing one this
    // connection does not hold could end another app's inhibition: refuse instead.
    if (!this.held.has(cookie)) throw new UnknownCookieError(cookie);
    const { bus, methods } = await this.connected();
    if (!methods.has('UnInhibit')) throw new UnknownCookieError(cookie);
    await bus.call(notificationsCall('UnInhibit', 'u', [cookie]));
    this.held.delete(cookie);
  }

  async hasInhibit(): Promise<boolean> {
    try {
      const { bus, methods } = await this.connected();
      if (!methods.has('Inhibit') || !methods.has('UnInhibit')) return false;
      const [capabilities] = await bus.call(notificationsCall('GetCapabilities'));
      if (Array.isArray(capabilities) && capabilities.includes('inhibitions')) return true;
      // Some servers implement the calls without advertising them; the property shows it.
      return (await this.inhibited()) !== null;
    } catch {
      return false;
    }
  }

  async inhibited(): Promise<boolean | null> {
    try {
      const { bus } = await this.connected();
      const value = await bus.getProperty(SERVICE, OBJECT_PATH, SERVICE, 'Inhibited');
      return typeof value === 'boolean' ? value : null;
    } catch {
      return null;
    }
  }

  /** Closes the connection, which also ends any inhibition it holds (used at quit). */
  disconnect(): void {
    const connection = this.connection;
    this.reset();
    void connection?.then(({ bus }) => bus.close()).catch(() => undefined);
  }

  private connected(): Promise<Connected> {
    this.connection ??= this.open().catch((error: unknown) => {
      this.currentBus?.close();
      this.reset();
      throw error;
    });
    return this.connection;
  }

  private async open(): Promise<Connected> {
    const bus = this.connect({ timeoutMs: this.timeoutMs });
    this.currentBus = bus;
    // A failed or ended connection has dropped every inhibition it held, so forget it and
    // reconnect on the next call.
    bus.onClose(() => {
      if (this.currentBus === bus) this.reset();
      bus.close();
    });
    const methods = await bus.methodsOf(SERVICE, OBJECT_PATH, SERVICE);
    return { bus, methods };
  }

  private reset(): void {
    this.connection = null;
    this.currentBus = null;
    this.held.clear();
  }
}
