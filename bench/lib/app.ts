/**
 * The app as every root builds it (createKeelApp), for the benchmarks: recording desktop ports,
 * a hand-driven clock, five years of data in `dataDir`. Not started.
 */
import type { ManualClock, Timers } from '../../src-main/core/clock';
import { createKeelApp } from '../../src-main/app/create-keel-app';
import {
  FakePower,
  RecordingAutostart,
  RecordingNotifier,
  RecordingShell,
  RecordingTray,
} from '../../src-main/platform/recording';
import type { PowerPort } from '../../src-main/services/ports';
import { ZONE } from './world';

/**
 * `timers`: the app's (default: the clock); the services' debounce timers are the clock too.
 * `desktopPower`: presence from elsewhere (Linux presence on a fake Mutter) instead of FakePower.
 */
export function benchApp(
  dataDir: string,
  clock: ManualClock,
  timers: Timers = clock,
  desktopPower?: PowerPort,
) {
  const notifier = new RecordingNotifier(() => clock.now());
  const power = new FakePower();
  const app = createKeelApp({
    data: { dataDir, version: 'bench', systemZone: () => ZONE, timers },
    clock,
    timers,
    tray: new RecordingTray(),
    notifier,
    power: desktopPower ?? power,
    shell: new RecordingShell(),
    autostart: new RecordingAutostart(),
    push: () => undefined,
  });
  return { app, services: app.services, notifier, power };
}
