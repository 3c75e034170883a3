/**
 * What Keel can see on this desktop, one signal at a time (`keel doctor`, Settings → This
 * computer). Users paste it into bug reports, so each line says what works, what is limited and why,
 * or what is missing and what to do, in one plain sentence.
 */
export const PROBE_STATES = ['works', 'limited', 'not-available'] as const;
export type ProbeState = (typeof PROBE_STATES)[number];

export interface ProbeResult {
  /** Stable, for scripts: `session`, `desktop`, `idle`, `lock`, `notifications`, `tray`, … */
  id: string;
  /** A short name for people: "Idle time", "Tray". */
  label: string;
  state: ProbeState;
  /** What Keel found: a source and a value, or why it is limited (one sentence). */
  detail: string;
  /** What the user can do about it (one sentence); absent when nothing is needed. */
  action?: string;
}

/** What `keel doctor --json` prints and Settings → This computer copies for a bug report. */
export interface DesktopReport {
  version: string;
  /** Node's platform name: `linux`, `darwin`, `win32`. */
  platform: string;
  probes: ProbeResult[];
}

/** The report as `keel doctor --json` prints it, byte for byte (what "Copy for a bug report" copies). */
export function desktopReportJson(report: DesktopReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
