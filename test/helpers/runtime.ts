import type { StateEvent } from '../../src-main/shared/state';
import {
  FakePower,
  RecordingNotifier,
  RecordingShell,
  RecordingTray,
} from '../../src-main/platform/recording';
import { KeelRuntime } from '../../src-main/services/runtime';
import { makeServices } from './services';

/**
 * The runtime on real services (a real SQLite file, Berlin) with every desktop port recorded and
 * a hand-driven clock that is also its timers. Not started: tests adjust settings first.
 */
export function makeRuntime(start: number, options: Parameters<typeof makeServices>[2] = {}) {
  const { services, clock, dataDir } = makeServices(start, 'Europe/Berlin', options);
  const tray = new RecordingTray();
  const notifier = new RecordingNotifier(() => clock.now());
  const power = new FakePower();
  const shell = new RecordingShell();
  const pushed: StateEvent[] = [];
  const runtime = new KeelRuntime({
    services,
    clock,
    timers: clock,
    tray,
    notifier,
    power,
    shell,
    push: (e) => pushed.push(e),
  });
  return { services, clock, dataDir, tray, notifier, power, shell, pushed, runtime };
}
