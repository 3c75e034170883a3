import type { EventEmitter } from 'node:events';
import net from 'node:net';
import * as dbusNative from '@homebridge/dbus-native';

/** A method call: who, where, what, and its arguments with their D-Bus signature. */
export interface BusCall {
  destination: string;
  path: string;
  interface: string;
  member: string;
  signature?: string;
  body?: unknown[];
}

/** A signal to listen for; the bus daemon delivers only the ones that match. */
export interface SignalRule {
  /**
   * Who may send it: a well-known name (its owner at the time, as the daemon tells) or a unique
   * name. Signals from anyone else are dropped, those sent straight to Keel included.
   */
  sender?: string;
  /** The signal's first argument, when it is a string (the daemon's NameOwnerChanged). */
  arg0?: string;
  path: string;
  interface: string;
  member: string;
}

/**
 * An interface a test (or, later, Keel) serves: methods as `[in signature, out signature]`,
 * properties and signals by signature. The implementation object holds methods and property values
 * under the same names.
 */
export interface ExportedInterface {
  name: string;
  methods?: Record<string, [string, string]>;
  properties?: Record<string, string>;
  signals?: Record<string, [string]>;
}

/** The bus answered with an error (`dbusName` is e.g. org.freedesktop.DBus.Error.ServiceUnknown). */
export class DbusError extends Error {
  constructor(
    readonly dbusName: string,
    message: string,
  ) {
    super(message ? `${dbusName}: ${message}` : dbusName);
    this.name = 'DbusError';
  }
}

/** A connection to a session bus, promise-based, over @homebridge/dbus-native. */
export interface SessionBus {
  /**
   * Calls a method; resolves to all of its return values. Like every call below, rejects with
   * DbusTimeoutError when no answer came within the connection's limit (SessionBusOptions).
   */
  call(message: BusCall): Promise<unknown[]>;
  /** A property's value through org.freedesktop.DBus.Properties.Get, the variant unwrapped. */
  getProperty(destination: string, path: string, iface: string, property: string): Promise<unknown>;
  /** The method names an object's interface lists when introspected (empty if it lists none). */
  methodsOf(destination: string, path: string, iface: string): Promise<Set<string>>;
  /** Subscribes to a signal; resolves, once the daemon has the match rule, to an unsubscribe. */
  onSignal(rule: SignalRule, handler: (...args: unknown[]) => void): Promise<() => void>;
  /** Serves `implementation` as `description` at `path` on this connection. */
  exportObject(path: string, description: ExportedInterface, implementation: object): void;
  /** Sends a signal from an exported object. */
  emitSignal(path: string, iface: string, member: string, signature: string, args: unknown[]): void;
  /** Asks the daemon for a well-known name; resolves to its reply code (1: primary owner). */
  requestName(name: string, flags?: number): Promise<number>;
  /** Called once when the connection fails or ends; every pending call has been rejected by then. */
  onClose(listener: (error?: Error) => void): void;
  close(): void;
}

/** The part of @homebridge/dbus-native that Keel uses (its own typings cover less of it). */
interface NativeReplyError {
  name?: string;
  message?: unknown;
}
type NativeCallback = (error: NativeReplyError | null | undefined, ...values: unknown[]) => void;
interface NativeInterface {
  $methods?: Record<string, string>;
}
interface NativeMessage {
  type?: number;
  body?: unknown;
  sender?: string;
}
interface NativeBus {
  connection: EventEmitter & { end(): void };
  sendError(message: NativeMessage, errorName: string, errorText: string): void;
  signals: EventEmitter;
  invoke(message: BusCall, callback: NativeCallback): void;
  invokeDbus(message: Omit<BusCall, 'destination' | 'path' | 'interface'>, callback: NativeCallback): void;
  mangle(path: string, iface: string, member: string): string;
  exportInterface(implementation: object, path: string, description: ExportedInterface): void;
  sendSignal(path: string, iface: string, member: string, signature: string, args: unknown[]): void;
  getService(name: string): {
    getObject(
      path: string,
      callback: (error: NativeReplyError | null, object?: { proxy: Record<string, NativeInterface> }) => void,
    ): void;
  };
}
interface NativeModule {
  createClient(options: { stream: net.Socket }): NativeBus;
  messageType: { methodCall: number };
}
const native = dbusNative as unknown as NativeModule;

/** A unix socket a D-Bus address names: a file (`unix:path=`) or a Linux abstract name (`unix:abstract=`). */
export type BusSocket = { kind: 'path'; name: string } | { kind: 'abstract'; name: string };

/** Every unix socket of a `;`-separated D-Bus address list, in its order (TCP and the rest left out). */
export function busSockets(address: string): BusSocket[] {
  const sockets: BusSocket[] = [];
  for (const entry of address.split(';')) {
    const colon = entry.indexOf(':');
    if (colon < 0 || entry.slice(0, colon) !== 'unix') continue;
    const params = new Map<string, string>();
    for (const pair of entry.slice(colon + 1).split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) params.set(pair.slice(0, eq), unescapeValue(pair.slice(eq + 1)));
    }
    const pathValue = params.get('path');
    const abstract = params.get('abstract');
    if (pathValue) sockets.push({ kind: 'path', name: pathValue });
    else if (abstract) sockets.push({ kind: 'abstract', name: abstract });
  }
  return sockets;
}

/**
 * Whether this Node reaches another program's abstract socket: libuv before 1.48 (Node 20) pads
 * the name to the full address length, so it reaches only its own; Node 22 (libuv 1.48) and the
 * app's Electron do.
 */
export function reachesAbstractSockets(uv: string = process.versions.uv): boolean {
  const [major = 0, minor = 0] = uv.split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 48);
}

/**
 * The socket for a D-Bus address: the first unix one of a `;`-separated list, but a file socket
 * before an abstract one where this Node cannot reach abstract sockets. The library would
 * `require` a native module for abstract sockets, which Node's own `net` reaches on Linux; and TCP
 * buses are not used for a desktop session.
 */
export function socketFor(address: string, uv: string = process.versions.uv): net.Socket {
  const sockets = busSockets(address);
  const usable = reachesAbstractSockets(uv) ? sockets : sockets.filter((s) => s.kind === 'path');
  const socket = usable[0] ?? sockets[0];
  if (!socket) throw new Error('The session bus address is not one Keel can use.');
  return net.createConnection(socket.kind === 'path' ? socket.name : `\0${socket.name}`);
}

/** D-Bus addresses escape bytes as %XX. */
function unescapeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function toError(error: NativeReplyError | Error): Error {
  if (error instanceof Error) return error;
  return new DbusError(error.name ?? 'org.freedesktop.DBus.Error.Failed', String(error.message ?? ''));
}

/** A variant arrives as `[signature, [value]]`. */
function unwrapVariant(variant: unknown): unknown {
  if (Array.isArray(variant) && variant.length === 2 && Array.isArray(variant[1])) return variant[1][0];
  return undefined;
}

function matchRule(rule: SignalRule): string {
  const parts = [
    `type='signal'`,
    `path='${rule.path}'`,
    `interface='${rule.interface}'`,
    `member='${rule.member}'`,
  ];
  if (rule.sender) parts.push(`sender='${rule.sender}'`);
  if (rule.arg0) parts.push(`arg0='${rule.arg0}'`);
  return parts.join(',');
}

const DAEMON = 'org.freedesktop.DBus';
const DAEMON_PATH = '/org/freedesktop/DBus';
type CallDaemon = (member: string, signature: string, body: unknown[]) => Promise<unknown[]>;

/**
 * The unique name that owns each well-known name a subscription expects its signals from. The
 * daemon applies a match rule's sender to broadcast signals only: a signal sent straight to Keel
 * (as dunst sends ActionInvoked) reaches it whatever the rule says, from any program on the bus.
 * So a signal counts only when it comes from the name's owner, as the daemon tells it (GetNameOwner,
 * then NameOwnerChanged, which only the daemon itself can send).
 */
function nameOwners(bus: NativeBus, callDaemon: CallDaemon, senderOf: () => string | undefined) {
  const owners = new Map<string, { owner?: string }>();
  const watching = new Map<string, Promise<{ owner?: string }>>();
  bus.signals.on(bus.mangle(DAEMON_PATH, DAEMON, 'NameOwnerChanged'), (body: unknown[] | undefined) => {
    const [name, , owner] = body ?? [];
    const entry = typeof name === 'string' ? owners.get(name) : undefined;
    if (entry && senderOf() === DAEMON) entry.owner = typeof owner === 'string' && owner ? owner : undefined;
  });
  const watch = async (name: string): Promise<{ owner?: string }> => {
    const entry: { owner?: string } = {};
    owners.set(name, entry);
    const member = 'NameOwnerChanged';
    await callDaemon('AddMatch', 's', [
      matchRule({ sender: DAEMON, path: DAEMON_PATH, interface: DAEMON, member, arg0: name }),
    ]);
    // No owner yet (a server the bus starts on demand): NameOwnerChanged will tell.
    const [owner] = await callDaemon('GetNameOwner', 's', [name]).catch(() => []);
    if (typeof owner === 'string') entry.owner = owner;
    return entry;
  };
  return (name: string): Promise<{ owner?: string }> => {
    if (name.startsWith(':')) return Promise.resolve({ owner: name });
    let watched = watching.get(name);
    if (!watched) {
      watched = watch(name);
      watching.set(name, watched);
      watched.catch(() => watching.delete(name));
    }
    return watched;
  };
}

/** A call that had no answer within the connection's time limit. */
export class DbusTimeoutError extends Error {
  constructor(member: string, timeoutMs: number) {
    super(`${member}: no answer on the session bus within ${timeoutMs} ms.`);
    this.name = 'DbusTimeoutError';
  }
}

export interface SessionBusOptions {
  /**
   * How long a call may wait for its answer before it rejects with `DbusTimeoutError` (default
   * libdbus's 25 s). A service that took the name but never answers must not hang Keel. The one
   * time limit of Keel's D-Bus adapters: whoever opens a connection sets it (presence 2 s, the
   * notifier and do-not-disturb 5 s, keel doctor 2 s), and every call on it, subscriptions and
   * property reads included, keeps to it; the timer alone keeps no process alive.
   */
  timeoutMs?: number;
}

/** Pending calls and close listeners of one connection: a close rejects every pending call. */
function track(bus: NativeBus, timeoutMs: number) {
  const pending = new Set<(error: Error) => void>();
  const closeListeners: ((error?: Error) => void)[] = [];
  let closed: { error?: Error; reason: Error } | null = null;

  const finish = (error?: Error): void => {
    if (closed) return;
    closed = { error, reason: error ?? new Error('The session bus connection closed.') };
    for (const reject of [...pending]) reject(closed.reason);
    pending.clear();
    for (const listener of closeListeners.splice(0)) listener(error);
  };
  bus.connection.on('error', (error: Error) => finish(error));
  bus.connection.on('end', () => finish());

  const send = (invoke: (callback: NativeCallback) => void, member: string): Promise<unknown[]> =>
    new Promise<unknown[]>((resolve, reject) => {
      if (closed) return reject(closed.reason);
      const timer = setTimeout(() => settle(new DbusTimeoutError(member, timeoutMs), []), timeoutMs);
      // A pending call alone must not keep a process (the `keel` command) alive.
      timer.unref?.();
      const settle = (error: Error | null, values: unknown[]) => {
        clearTimeout(timer);
        pending.delete(fail);
        if (error) reject(error);
        else resolve(values);
      };
      const fail = (error: Error) => settle(error, []);
      pending.add(fail);
      invoke((error, ...values) => settle(error ? toError(error) : null, values));
    });

  const onClose = (listener: (error?: Error) => void): void => {
    if (closed) listener(closed.error);
    else closeListeners.push(listener);
  };
  return { send, finish, onClose, isClosed: () => closed !== null };
}

/**
 * Any program of the user's can call this connection. The library reads a call's arguments without
 * checking they are there and throws from its socket handler, which would be an uncaught
 * exception in Keel's main process: give every call an argument list, and answer a call that
 * still throws with a D-Bus error instead of letting it escape.
 */
function guardIncomingCalls(bus: NativeBus, delivering: (sender: string | undefined) => void): void {
  for (const handler of bus.connection.listeners('message') as ((message: NativeMessage) => void)[]) {
    bus.connection.off('message', handler);
    bus.connection.on('message', (message: NativeMessage) => {
      const isCall = message.type === native.messageType.methodCall;
      if (isCall && !Array.isArray(message.body)) message.body = [];
      // Signal listeners run within `handler`: they can ask who sent this one.
      delivering(message.sender);
      try {
        handler(message);
      } catch {
        if (isCall) bus.sendError(message, 'org.freedesktop.DBus.Error.InvalidArgs', 'Malformed call.');
      } finally {
        delivering(undefined);
      }
    });
  }
}

/** Opens a connection to the session bus at `address` (the handshake runs in the background). */
export function connectSessionBus(address: string, options: SessionBusOptions = {}): SessionBus {
  const bus = native.createClient({ stream: socketFor(address) });
  let sender: string | undefined;
  guardIncomingCalls(bus, (from) => (sender = from));
  const { send, finish, onClose, isClosed } = track(bus, options.timeoutMs ?? 25_000);
  const call = (message: BusCall) => send((callback) => bus.invoke({ ...message }, callback), message.member);
  const callDaemon = (member: string, signature: string, body: unknown[]) =>
    send((callback) => bus.invokeDbus({ member, signature, body }, callback), member);
  const ownerOf = nameOwners(bus, callDaemon, () => sender);

  return {
    call,
    async getProperty(destination, path, iface, property) {
      const properties = 'org.freedesktop.DBus.Properties';
      const [variant] = await call({
        destination,
        path,
        interface: properties,
        member: 'Get',
        signature: 'ss',
        body: [iface, property],
      });
      return unwrapVariant(variant);
    },
    async methodsOf(destination, path, iface) {
      const [object] = await send(
        (callback) => bus.getService(destination).getObject(path, (error, found) => callback(error, found)),
        'Introspect',
      );
      const proxy = (object as { proxy?: Record<string, NativeInterface> } | undefined)?.proxy;
      return new Set(Object.keys(proxy?.[iface]?.$methods ?? {}));
    },
    async onSignal(rule, handler) {
      const from = rule.sender ? await ownerOf(rule.sender) : undefined;
      const rawRule = matchRule(rule);
      await callDaemon('AddMatch', 's', [rawRule]);
      const key = bus.mangle(rule.path, rule.interface, rule.member);
      const listener = (body: unknown[] | undefined) => {
        if (from && (from.owner === undefined || sender !== from.owner)) return;
        handler(...(body ?? []));
      };
      bus.signals.on(key, listener);
      return () => {
        bus.signals.off(key, listener);
        if (!isClosed()) callDaemon('RemoveMatch', 's', [rawRule]).catch(() => undefined);
      };
    },
    exportObject: (path, description, implementation) =>
      bus.exportInterface(implementation, path, description),
    emitSignal: (path, iface, member, signature, args) =>
      bus.sendSignal(path, iface, member, signature, args),
    async requestName(name, flags = 0) {
      const [code] = await callDaemon('RequestName', 'su', [name, flags]);
      return Number(code);
    },
    onClose,
    close() {
      finish();
      bus.connection.end();
    },
  };
}
