import type { DesktopReport } from '../../shared/desktop-probes';
import type { IdleTrust } from '../../shared/dto';

/**
 * What Keel can see on this desktop (platform/doctor's probes, as `keel doctor` runs them), for
 * Settings → This computer. Main gives the real probes; the preview and the tests a fake.
 */
export interface DesktopProbesPort {
  /** Runs every probe (a few seconds at most); never throws for what the desktop lacks. */
  report(): Promise<DesktopReport>;
  /** Whether Keel believes this desktop's idle time now (default: it does). */
  idleTrust?(): IdleTrust;
  /** Each change of `idleTrust` (the verdict flipping, a source found or lost). */
  onIdleTrustChange?(listener: () => void): () => void;
}
