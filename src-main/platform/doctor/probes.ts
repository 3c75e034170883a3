/** The probes `keel doctor` and Settings → This computer run, in the order they are shown. */
import type { DesktopReport, ProbeResult } from '../../shared/desktop-probes';
import { connectSessionBus, type SessionBus } from '../dbus/session-bus';
import { createCommandRunner, type CommandRunner } from '../dnd/command-runner';
import { isUnixDesktop, nameHasOwner, notificationsProbe, trayProbe } from './bus-probes';
import { systemBusAddress } from '../linux-presence/sources';
import { idleProbe, lockProbe } from './presence-probes';
import type { Probe, ProbeContext } from './probe';
import { dataFolderProbe, desktopProbe, dndProbe, sessionProbe } from './session-probes';
import { shortcutProbe } from './shortcut';

/** Add a probe here (see `Probe` in probe.ts); its id must be new. */
export const DESKTOP_PROBES: readonly Probe[] = [
  sessionProbe,
  desktopProbe,
  idleProbe,
  lockProbe,
  notificationsProbe,
  trayProbe,
  dndProbe,
  shortcutProbe,
  dataFolderProbe,
];

export interface RunProbesOptions {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  dataDir: string;
  runner?: CommandRunner;
  /** How long one probe may take (a stuck service must not hang `keel doctor`). */
  probeTimeoutMs?: number;
  probes?: readonly Probe[];
}

const PROBE_FAILED =
  'Keel could not find out (the desktop did not answer in time or answered something unexpected).';
const PROBE_FAILED_ACTION = 'Run keel doctor again; if it stays so, paste this report into a bug report.';

/** One probe, with a time limit; a failure is a finding too. */
async function runOne(probe: Probe, context: ProbeContext, timeoutMs: number): Promise<ProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    const finding = await Promise.race([probe.run(context), late]);
    return { id: probe.id, label: probe.label, ...finding };
  } catch {
    return {
      id: probe.id,
      label: probe.label,
      state: 'not-available',
      detail: PROBE_FAILED,
      action: PROBE_FAILED_ACTION,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs every probe (one after another: they share one bus connection, and a desktop is asked
 * little) and closes what they opened. Never throws; creates no file and no folder.
 */
export async function runDesktopProbes(options: RunProbesOptions): Promise<ProbeResult[]> {
  const timeoutMs = options.probeTimeoutMs ?? 3_000;
  const opened: SessionBus[] = [];
  const unix = isUnixDesktop(options.platform);
  const connect = (address: string | undefined): SessionBus | null => {
    if (!address || !unix) return null;
    try {
      const bus = connectSessionBus(address, { timeoutMs: Math.min(2_000, timeoutMs) });
      opened.push(bus);
      return bus;
    } catch {
      return null;
    }
  };
  // A bus that answers one call, or none: a socket nobody listens on fails here, once.
  const answering = async (bus: SessionBus | null): Promise<SessionBus | null> =>
    bus &&
    nameHasOwner(bus, 'org.freedesktop.DBus').then(
      () => bus,
      () => null,
    );
  let session: Promise<SessionBus | null> | undefined;
  let system: Promise<SessionBus | null> | undefined;
  const openBus = () => connect(options.env.DBUS_SESSION_BUS_ADDRESS);
  const context: ProbeContext = {
    platform: options.platform,
    env: options.env,
    dataDir: options.dataDir,
    runner: options.runner ?? createCommandRunner({ timeoutMs: 2_000 }),
    bus: () => (session ??= answering(openBus())),
    systemBus: () => (system ??= answering(connect(systemBusAddress(options.env)))),
    openBus,
  };
  try {
    const results: ProbeResult[] = [];
    for (const probe of options.probes ?? DESKTOP_PROBES)
      results.push(await runOne(probe, context, timeoutMs));
    return results;
  } finally {
    for (const bus of opened) bus.close();
  }
}

/** The whole report: `keel doctor --json` prints it, Settings → This computer shows and copies it. */
export async function desktopReport(options: RunProbesOptions & { version: string }): Promise<DesktopReport> {
  const probes = await runDesktopProbes(options);
  return { version: options.version, platform: options.platform, probes };
}
