/**
 * What the preview runs: the real app on the recording adapters, the event streams its pushes
 * go to, and (with a test clock only) what the test endpoints do and show.
 */
import { envLanguages, envRegional } from '../shared/i18n/locale';
import type http from 'node:http';
import path from 'node:path';
import { ManualClock, systemClock, systemTimers, type Clock, type Timers } from '../core/clock';
import type { StateEvent } from '../shared/state';
import { createKeelApp } from '../app/create-keel-app';
import { watchDatabaseFiles } from '../platform/database-watch';
import { databasePath } from '../storage/paths';
import { nodeFileWatch } from '../platform/file-watch';
import { WorkerCalendarParser } from '../platform/calendar-parser';
import {
  FakeDesktopProbes,
  RecordingAutostart,
  RecordingDndController,
  RecordingNotifier,
  RecordingShell,
  RecordingTray,
} from '../platform/recording';
import type { PowerEvent, TrayCommand } from '../services/ports';
import { version } from '../version';
import { PreviewPresence } from './presence';

/** The app on recording adapters, and the event streams its pushes go to. */
export function previewDesk(options: { dataDir: string; testClockStart?: number }) {
  const manual = options.testClockStart !== undefined ? new ManualClock(options.testClockStart) : undefined;
  const clock: Clock = manual ?? systemClock;
  const timers: Timers = manual ?? systemTimers;
  const streams = new Set<http.ServerResponse>();
  const push = (event: StateEvent) => {
    for (const res of streams) res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  const desk = {
    manual,
    clock,
    streams,
    push,
    /**
     * The language the page was opened in (`?locale=`), as the app's main and window share one:
     * main's sentences the window shows (a refusal, what a probe found) are said in it.
     */
    page: { language: null as string | null },
    dnd: new RecordingDndController(),
    tray: new RecordingTray(),
    notifier: new RecordingNotifier(() => clock.now()),
    // A make-believe user at the keyboard in working hours and away outside them (presence.ts).
    power: new PreviewPresence(clock),
    shell: new RecordingShell(path.join(options.dataDir, 'exports')),
    // Start at login is recorded, never applied to this machine.
    autostart: new RecordingAutostart(),
    // A browser has no desktop to look at: Settings → This computer shows an example.
    desktopProbes: new FakeDesktopProbes(),
  };
  const app = createKeelApp({
    data: { dataDir: options.dataDir, version },
    clock,
    timers,
    tray: desk.tray,
    notifier: desk.notifier,
    power: desk.power,
    // Notifications and the tray speak as a desktop with this process's LANG would (the CLI's
    // rule), or the page's language when it was opened in one.
    languages: {
      preferred: () => [...(desk.page.language ? [desk.page.language] : []), ...envLanguages(process.env)],
      regional: () => envRegional(process.env),
    },
    // Notifications are only recorded here, never on a lock screen: the lock counts as known (open).
    screenLockReported: true,
    shell: desk.shell,
    autostart: desk.autostart,
    dnd: desk.dnd,
    desktopProbes: desk.desktopProbes,
    fileWatch: nodeFileWatch,
    calendarParser: new WorkerCalendarParser(),
    // `keel` commands on the same data folder show up in the browser without a reload. Real
    // timers for the debounce: file events are real even when the test clock stands still.
    externalChanges: { trigger: watchDatabaseFiles(databasePath(options.dataDir)), timers: systemTimers },
    push,
    onProblem: (what, error) => console.error('[keel preview]', what, error),
  });
  desk.power.follow(app.services.settings);
  return { ...desk, app };
}

export type Desk = ReturnType<typeof previewDesk>;

/** What the fakes recorded (test clock only). */
export function recorded(desk: Desk): unknown {
  const { clock, notifier, tray, shell, dnd, autostart } = desk;
  return {
    now: clock.now(),
    notifications: notifier.shown,
    tray: { state: tray.state, tooltip: tray.tooltip, menu: tray.menu, stateHistory: tray.stateHistory },
    shell: {
      shown: shell.shown,
      quitRequested: shell.quitRequested,
      saved: shell.saved.map((f) => f.path),
      copied: shell.copied,
    },
    dnd: { on: dnd.on, history: dnd.history },
    autostart: { enabled: autostart.enabled, history: autostart.history },
  };
}

export function testAction(desk: Desk, m: ManualClock, pathname: string, body: unknown): unknown {
  const b = (body ?? {}) as Record<string, unknown>;
  const { power, shell, tray, notifier } = desk;
  switch (pathname) {
    case '/__keel/test/clock': {
      // `advanceTo` lets timers fire on the way; `sleepTo` jumps as a suspended machine does.
      if (typeof b.advanceTo === 'string') m.advanceTo(Date.parse(b.advanceTo));
      else if (typeof b.advanceMs === 'number') m.advanceBy(b.advanceMs);
      else if (typeof b.sleepTo === 'string') {
        power.emit('suspend');
        m.jumpTo(Date.parse(b.sleepTo));
        power.emit('resume');
      } else
        return {
          ok: false,
          error: { code: 'invalid_input', message: 'Give advanceTo, advanceMs or sleepTo.' },
        };
      desk.push({ type: 'changed', topics: ['status', 'agenda', 'signoff'] });
      return { ok: true, value: { now: m.now() } };
    }
    case '/__keel/test/choose-file':
      // What the next "open file" dialog returns (null: the user cancels).
      shell.nextChosenFile = typeof b.path === 'string' ? b.path : null;
      return { ok: true, value: null };
    case '/__keel/test/power':
      // `idleSeconds`: what the OS reports as the time since the last input from now on; null
      // hands it back to the working-hours schedule (presence.ts).
      if (typeof b.idleSeconds === 'number' || b.idleSeconds === null) power.pin(b.idleSeconds);
      if (typeof b.event === 'string') power.emit(b.event as PowerEvent);
      return { ok: true, value: null };
    case '/__keel/test/tray':
      // The menu item carrying this command (`{ command: { kind: 'open' } }`); none: an error.
      tray.select(b.command as TrayCommand);
      return { ok: true, value: null };
    case '/__keel/test/notification':
      notifier.act(String(b.id), typeof b.action === 'string' ? b.action : 'click');
      return { ok: true, value: null };
    default:
      return { ok: false, error: { code: 'not_found', message: 'No such test endpoint.' } };
  }
}
