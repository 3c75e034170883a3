import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import { ManualClock } from '../../src-main/core/clock';
import type { StateEvent } from '../../src-main/shared/state';
import { createKeelApp, type KeelAdapters, type KeelProblem } from '../../src-main/app/create-keel-app';
import {
  FakePower,
  RecordingAutostart,
  RecordingNotifier,
  RecordingShell,
  RecordingTray,
} from '../../src-main/platform/recording';
import type { DndController } from '../../src-main/services/ports';
import { tempDir } from './temp';

export interface MakeAppOptions {
  dndController?: DndController;
  dataDir?: string;
  /** Keep a new data file's first run open (by default the user went through it). */
  welcome?: boolean;
  /** Adapters to use instead of the recording ones (e.g. Electron's, on fakes). */
  adapters?: Partial<
    Pick<
      KeelAdapters,
      'tray' | 'notifier' | 'power' | 'externalChanges' | 'screenLockReported' | 'desktopProbes' | 'languages'
    >
  >;
}

/** A British English desktop (24-hour clock), as most of these tests' Berlin user has. */
export const BRITISH_DESKTOP = { preferred: () => ['en-GB'], regional: () => 'en-GB' };

/**
 * The app as every root builds it (createKeelApp) on a real SQLite file in a temp folder, Berlin,
 * on a British English desktop (notifications and the tray in en-GB, 24-hour times; a test may
 * give other `languages`), with every desktop port recorded and a hand-driven clock that is also its timers. Not started:
 * tests adjust settings first.
 */
export function makeApp(start: number, options: MakeAppOptions = {}) {
  const clock = new ManualClock(start);
  const dataDir = options.dataDir ?? tempDir();
  const tray = new RecordingTray();
  const notifier = new RecordingNotifier(() => clock.now());
  const power = new FakePower();
  const shell = new RecordingShell();
  const autostart = new RecordingAutostart();
  const pushed: StateEvent[] = [];
  const problems: KeelProblem[] = [];
  const app = createKeelApp({
    data: { dataDir, version: '0.0.0-test', systemZone: () => 'Europe/Berlin' },
    clock,
    timers: clock,
    tray,
    notifier,
    power,
    shell,
    autostart,
    calendarParser: new InProcessCalendarParser(),
    languages: BRITISH_DESKTOP,
    ...(options.dndController ? { dnd: options.dndController } : {}),
    ...options.adapters,
    push: (e) => pushed.push(e),
    onProblem: (what) => problems.push(what),
  });
  const { services } = app;
  if (!options.welcome && services.welcome.pending()) services.welcome.finish();
  return { app, services, clock, dataDir, tray, notifier, power, shell, autostart, pushed, problems };
}
