import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  connectSessionBus,
  type SessionBus,
  type SessionBusOptions,
} from '../../../src-main/platform/dbus/session-bus';
import { tempDir } from '../../helpers/temp';

/**
 * Whether a private session bus can run here: Debian's `dbus` package (dbus-daemon). CI installs
 * it (.ci/run); where it is missing the tests that need it are skipped and say why in their name.
 */
export const hasDaemon = process.platform === 'linux' && spawnSync('dbus-daemon', ['--version']).status === 0;
export const skipReason = hasDaemon
  ? ''
  : ' (skipped: no dbus-daemon on this machine; install Debian\'s "dbus" package, as CI does)';

/** A `dbus-daemon --session` of its own on a socket in a temporary folder, and its connections. */
export interface PrivateBus {
  address: string;
  /** A new connection to this bus, closed by `stop`. */
  connect(options?: SessionBusOptions): SessionBus;
  /**
   * Resolves once no call made on this bus's connections awaits its answer, and what the answers
   * set off (Keel's next call included) has run: a barrier before asserting that nothing happened.
   */
  quiet(): Promise<void>;
  /**
   * A barrier for signals: every open connection of this bus pings `service` (D-Bus delivers one
   * sender's messages in order, so its answer comes after every signal `service` sent before),
   * then `quiet`.
   */
  roundTrip(service: string): Promise<void>;
  /** Ends the daemon alone, as a crashed or logged-out session would. */
  killDaemon(): void;
  stop(): void;
}

/** `listen` is the daemon's address; by default a socket file in a fresh temporary folder. */
export async function startPrivateBus(listen?: string): Promise<PrivateBus> {
  const address = listen ?? `unix:path=${path.join(tempDir('keel-dbus-'), 'bus')}`;
  const daemon: ChildProcess = spawn(
    'dbus-daemon',
    ['--session', '--nofork', '--print-address', `--address=${address}`],
    // Its stderr only complains that a sandbox cannot raise the fd limit.
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const printed = await new Promise<string>((resolve, reject) => {
    daemon.once('error', reject);
    daemon.once('exit', (code) => reject(new Error(`dbus-daemon exited early (${code})`)));
    daemon.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()));
  });
  const connections: SessionBus[] = [];
  const open = new Set<SessionBus>();
  const calls = inFlight();
  const quiet = calls.quiet;
  return {
    address: printed,
    connect(options) {
      const bus = counted(connectSessionBus(printed, options), calls.track);
      connections.push(bus);
      open.add(bus);
      bus.onClose(() => open.delete(bus));
      return bus;
    },
    quiet,
    async roundTrip(service) {
      const ping = {
        destination: service,
        path: '/',
        interface: 'org.freedesktop.DBus.Peer',
        member: 'Ping',
      };
      await Promise.all(
        [...open].map((bus) =>
          bus.call(ping).catch((error: unknown) => {
            // A connection closed meanwhile hears nothing more; any other failure is the test's.
            if (open.has(bus)) throw error;
          }),
        ),
      );
      await quiet();
    },
    killDaemon() {
      daemon.kill('SIGKILL');
    },
    stop() {
      for (const bus of connections.splice(0)) bus.close();
      daemon.kill('SIGTERM');
    },
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Counts calls awaiting their answers; `quiet` waits for none, a turn of the event loop later. */
function inFlight() {
  let pending = 0;
  const wake: (() => void)[] = [];
  const track = <T>(call: Promise<T>): Promise<T> => {
    pending++;
    return call.finally(() => {
      if (--pending === 0) wake.splice(0).forEach((resolve) => resolve());
    });
  };
  const quiet = async (): Promise<void> => {
    // A turn first: every promise continuation has run, so a call about to be made has been.
    await nextTurn();
    while (pending > 0) {
      await new Promise<void>((resolve) => wake.push(resolve));
      await nextTurn();
    }
  };
  return { track, quiet };
}

/** `bus` with each call, property read, introspection and subscription counted while in flight. */
function counted(bus: SessionBus, track: <T>(call: Promise<T>) => Promise<T>): SessionBus {
  return {
    ...bus,
    call: (message) => track(bus.call(message)),
    getProperty: (...args) => track(bus.getProperty(...args)),
    methodsOf: (...args) => track(bus.methodsOf(...args)),
    onSignal: (...args) => track(bus.onSignal(...args)),
    requestName: (...args) => track(bus.requestName(...args)),
  };
}
