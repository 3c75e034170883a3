import type { DesktopReport } from '../../shared/desktop-probes';

/**
 * What Keel can see on this desktop (platform/doctor's probes, as `keel doctor` runs them), for
 * Settings → This computer. Main gives the real probes; the preview and the tests a fake.
 */
export interface DesktopProbesPort {
  /** Runs every probe (a few seconds at most); never throws for what the desktop lacks. */
  report(): Promise<DesktopReport>;
}
