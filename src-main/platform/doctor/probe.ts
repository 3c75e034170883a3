import type { ProbeResult } from '../../shared/desktop-probes';
import type { SessionBus } from '../dbus/session-bus';
import type { CommandRunner } from '../dnd/command-runner';

/** What a probe may look at. Nothing here writes: a probe only reads. */
export interface ProbeContext {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The session bus, connected on first use; null where there is none (no address, not Linux, or
   * nothing answers there: bus-probes.ts's noSessionBus says why).
   */
  bus(): Promise<SessionBus | null>;
  /** The system bus (logind), likewise; null where nothing answers. */
  systemBus(): Promise<SessionBus | null>;
  /** A connection of the probe's own (closed when the probes are done); null without a bus. */
  openBus(): SessionBus | null;
  /** Runs a desktop command (gsettings) with a time limit. */
  runner: CommandRunner;
  /** Keel's data folder (not created by looking). */
  dataDir: string;
}

/** A probe's finding, without its id and label (the probe has those). */
export type Finding = Omit<ProbeResult, 'id' | 'label'>;

/**
 * One signal Keel depends on. To add one (presence, notifications…), write a `Probe` and list it
 * in `DESKTOP_PROBES` (platform/doctor/probes.ts): `keel doctor` and Settings show it at once. A
 * probe that throws or takes too long is reported as "not available" with a plain sentence.
 */
export interface Probe {
  id: string;
  label: string;
  run(context: ProbeContext): Promise<Finding>;
}

export const works = (detail: string): Finding => ({ state: 'works', detail });
export const limited = (detail: string, action?: string): Finding => ({
  state: 'limited',
  detail,
  ...(action ? { action } : {}),
});
export const notAvailable = (detail: string, action: string): Finding => ({
  state: 'not-available',
  detail,
  action,
});

/** The session's kind and desktop (desktop-session.ts, shared with presence and the shortcut offer). */
export { desktopNames, isGnome, isKde, sessionType } from '../desktop-session';
