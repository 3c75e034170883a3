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
  return {
    address: printed,
    connect(options) {
      const bus = connectSessionBus(printed, options);
      connections.push(bus);
      return bus;
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
