/**
 * What this desktop lacks, told once (app.noticeOnce): no tray host on Linux, and a focus
 * shortcut that does not reach Keel. Glue over platform/doctor's probes.
 */
import type { KeelApp } from '../app/create-keel-app';
import { runDesktopProbes } from '../platform/doctor/probes';
import { trayAction, trayProbe } from '../platform/doctor/bus-probes';
import { FOCUS_COMMAND, shortcutSteps } from '../platform/doctor/shortcut';
import { isGnome } from '../platform/doctor/probe';

/** A tray host (the GNOME extension) may start a little after Keel at login: look after this. */
export const TRAY_CHECK_DELAY_MS = 20_000;

export interface DesktopNoticeDeps {
  keel: Pick<KeelApp, 'noticeOnce'>;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  dataDir: string;
}

/** On Linux: whether a tray host shows Keel's icon; if not, once, what to install. */
export async function tellIfNoTrayHost(deps: DesktopNoticeDeps): Promise<boolean> {
  if (deps.platform === 'darwin' || deps.platform === 'win32') return false;
  const [tray] = await runDesktopProbes({ ...deps, probes: [trayProbe] });
  if (!tray || tray.state === 'works') return false;
  return deps.keel.noticeOnce('no-tray-host', 'Keel has no tray icon on this desktop', trayAction(deps.env));
}

/**
 * The focus shortcut could not be registered: once, how to bind `command` (this install's
 * `keel focus start`, shortcut-offer.ts focusCommandFor) instead.
 */
export function tellShortcutMissing(deps: DesktopNoticeDeps, command = FOCUS_COMMAND): boolean {
  return deps.keel.noticeOnce(
    'no-shortcut',
    'Ctrl+Alt+F does not reach Keel',
    `The desktop or another app keeps it; you can run ${command} from a shortcut of your own. ${shortcutSteps(deps.env, command)}${whereOffered(deps)}`,
  );
}

/** Where the window offers the same again (Settings → This computer's shortcut offer). */
function whereOffered(deps: DesktopNoticeDeps): string {
  if (deps.platform !== 'linux') return '';
  return isGnome(deps.env)
    ? ' Settings → This computer can add it for you.'
    : ' Settings → This computer shows the command to copy.';
}
