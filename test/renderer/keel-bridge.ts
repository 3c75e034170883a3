import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import { isDatedKey, SINCE_THE_BEGINNING } from '../../src-main/core/rules';
/**
 * `window.keel` for renderer tests, served by the real stack: real services on a real SQLite file
 * in a temp folder, the real handler table behind the real `dispatch`, and the real runtime pushing
 * state events. Only the desktop is replaced, by the recording adapters the preview uses, and the
 * clock is a ManualClock the test moves. `window.keel` itself is built by the contract's own
 * `buildApi`, as the preload and the preview build it, so no channel is listed here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import type { HourCycle } from '../../src-main/core/hour-cycle';
import type { Settings } from '../../src-main/core/settings';
import { buildApi, type IpcResult } from '../../src-main/ipc/channels';
import type { Channel, ChannelInput, ChannelOutput, KeelApi } from '../../src-main/ipc/contract';
import type { StateEvent } from '../../src-main/shared/state';
import type { ViewName } from '../../src-main/shared/views';
import { dispatch } from '../../src-main/ipc/dispatch';
import type { Handlers } from '../../src-main/ipc/handlers';
import type { CalendarParserPort, DndController, ShortcutOfferPort } from '../../src-main/services/ports';
import {
  FakeDesktopProbes,
  FakePower,
  RecordingAutostart,
  RecordingDndController,
  RecordingNotifier,
  RecordingShell,
  RecordingTray,
} from '../../src-main/platform/recording';
import { createServices } from '../../src-main/services';
import { createKeelApp } from '../../src-main/app/create-keel-app';
import { databasePath } from '../../src-main/storage/paths';
import { FIRST_START_KEY } from '../../src-main/storage/rule-repo';

/** Tuesday 11 March 2025, 08:40 in Berlin: a working day before its first focus block. */
export const TUESDAY_MORNING = '2025-03-11T08:40:00+01:00';

export interface TestKeelOptions {
  /** Where the clock starts (ISO 8601 with an offset, or epoch ms); TUESDAY_MORNING by default. */
  now?: string | number;
  /** The system's zone, which settings default to. */
  zone?: string;
  /** The system's 12/24-hour choice ('h23' by default, so the tests read "09:00"). */
  hourCycle?: HourCycle | null;
  /** The desktop's do-not-disturb (RecordingDndController, "control", by default). */
  dnd?: DndController;
  /** How calendar files are read (on the test's thread, InProcessCalendarParser, by default). */
  calendarParser?: CalendarParserPort;
  /** The desktop's own shortcut offered in Settings → This computer (none by default). */
  shortcutOffers?: ShortcutOfferPort;
  /** Milliseconds every answer waits, as a slow main process would. */
  delayMs?: number;
  /** When it gives a promise for a channel, that call's answer waits for it (a call held open). */
  hold?: (channel: Channel) => Promise<void> | undefined;
  /** Settings stored (through the settings service) before anything runs. */
  settings?: Partial<Settings>;
  /** An existing data folder (one a closed keel kept), instead of a fresh one. */
  dataDir?: string;
  /**
   * Keel starts for the first time at `now`, so it counts from then. By default a fresh data file
   * is one Keel has counted on since 1970, so a test may seed history at any earlier instant.
   */
  firstRun?: boolean;
  /** Show the first run's welcome (a new data file's); by default it was already gone through. */
  welcome?: boolean;
}

/**
 * The desktop shell as main's is, but recorded: `showWindow(view)` also pushes `navigate` (main
 * sends it to the window), saves land in a real folder, and a PDF "prints" by remembering the HTML.
 */
export class TestShell extends RecordingShell {
  /** The HTML each PDF export printed, in order. */
  readonly printed: string[] = [];
  /** 'unavailable': no Electron to print with, as in the preview (its own sentence). */
  pdf: 'print' | 'unavailable' = 'print';

  constructor(
    saveDir: string,
    private readonly navigate: (view: ViewName) => void,
  ) {
    super(saveDir);
  }

  /** While true, every save dialog is cancelled. */
  cancelSaves = false;

  override async saveFile(options: Parameters<RecordingShell['saveFile']>[0]): Promise<string | null> {
    return this.cancelSaves ? null : super.saveFile(options);
  }

  override showWindow(view?: ViewName): void {
    super.showWindow(view);
    if (view) this.navigate(view);
  }

  // Optional only because the preview's shell takes no argument; the handlers always pass the HTML.
  override async printToPdf(html?: string): Promise<Uint8Array> {
    if (this.pdf === 'unavailable') return super.printToPdf();
    this.printed.push(html ?? '');
    return new TextEncoder().encode('%PDF-1.7\n% Keel test\n');
  }
}

/**
 * An SQLite failure of the environment, as better-sqlite3 throws it (`SQLITE_FULL`: the disk is
 * full; `SQLITE_IOERR_READ`: the disk failed a read). Thrown inside a handler, real `dispatch`
 * turns it into the sentence the user reads.
 */
export function sqliteError(code: string): Error {
  return new Database.SqliteError(`simulated ${code}`, code);
}

/** A do-not-disturb Keel controls on `desktop` (recorded, as the preview's), e.g. "GNOME". */
export function controlledDnd(desktop: string): RecordingDndController {
  return Object.defineProperty(new RecordingDndController(), 'desktop', { value: desktop });
}

interface Failure {
  error: Error;
  times: number;
}

/** The error the next call to `channel` fails with, if it is to fail. */
function take(failures: Map<Channel, Failure>, channel: Channel): Error | undefined {
  const failure = failures.get(channel);
  if (!failure) return undefined;
  failure.times -= 1;
  if (failure.times <= 0) failures.delete(channel);
  return failure.error;
}

export interface RecordedCall {
  channel: Channel;
  input: unknown;
}

export type TestKeel = ReturnType<typeof createTestKeel>;

/**
 * A migrated, empty data file, made once per test worker and copied into each new data folder:
 * opening a copy skips the migrations (about a third of the cost of a fresh keel).
 */
let template: string | undefined;
function migratedTemplate(): string {
  if (template && fs.existsSync(template)) return template;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-renderer-template-'));
  const services = createServices({ dataDir: dir, clock: new ManualClock(0), version: '0.0.0-test' });
  // One file, no WAL beside it: a plain copy is then the whole database.
  services.db.pragma('wal_checkpoint(TRUNCATE)');
  services.db.pragma('journal_mode = DELETE');
  services.close();
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  template = databasePath(dir);
  return template;
}

/** Leaves a data file as Keel has never started on it: the next start is its first. */
function forgetFirstStart(file: string): void {
  const db = new Database(file);
  try {
    db.prepare('DELETE FROM settings WHERE key = ?').run(FIRST_START_KEY);
  } finally {
    db.close();
  }
}

const open = new Set<{ close(): void; unexpected: unknown[] }>();
/** Folders of keels closed with `keepFiles`, removed once the test is over. */
const kept: string[] = [];

afterEach(() => {
  const bugs = [...open].flatMap((keel) => keel.unexpected);
  for (const keel of [...open]) keel.close();
  for (const dir of kept.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  // A call that ended in a bug (not a sentence for the user) fails the test that made it.
  if (bugs.length > 0) throw new AggregateError(bugs, 'A call to main failed unexpectedly.');
});

/**
 * Everything a renderer test talks to, wired in one place, as every root wires it:
 * `createKeelApp` with a recording desktop, the real `dispatch`, and `api` for
 * `window.keel`. The app is not started until `start()` (the render helpers call it), so a test can seed
 * history at earlier instants without timers firing on the way.
 */
export function createTestKeel(options: TestKeelOptions = {}) {
  const start = typeof options.now === 'number' ? options.now : Date.parse(options.now ?? TUESDAY_MORNING);
  const zone = options.zone ?? 'Europe/Berlin';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-renderer-'));
  const dataDir = options.dataDir ?? path.join(dir, 'data');
  if (!options.dataDir) {
    fs.mkdirSync(dataDir);
    fs.copyFileSync(migratedTemplate(), databasePath(dataDir));
    if (options.firstRun) forgetFirstStart(databasePath(dataDir));
  }
  const clock = new ManualClock(start);
  const dnd = options.dnd ?? new RecordingDndController();

  const listeners = new Set<(event: StateEvent) => void>();
  const pushed: StateEvent[] = [];
  let closed = false;
  /** Calls and pushes on their way (see `busy`). */
  let inFlight = 0;
  // Main's pushes cross a process boundary: they arrive later, and as copies.
  const push = (event: StateEvent): void => {
    pushed.push(event);
    inFlight++;
    queueMicrotask(() => {
      inFlight--;
      if (closed) return;
      for (const listener of [...listeners]) listener(structuredClone(event));
    });
  };
  const tray = new RecordingTray();
  const notifier = new RecordingNotifier(() => clock.now());
  const power = new FakePower();
  const desktopProbes = new FakeDesktopProbes();
  const shell = new TestShell(path.join(dir, 'saved'), (view) => push({ type: 'navigate', view }));
  // The app as every root builds it; not started until the render helpers call `start()`.
  const app = createKeelApp({
    data: {
      dataDir,
      version: '0.0.0-test',
      systemZone: () => zone,
      systemHourCycle: () => (options.hourCycle === undefined ? 'h23' : options.hourCycle),
      timers: clock,
    },
    clock,
    timers: clock,
    tray,
    notifier,
    power,
    shell,
    autostart: new RecordingAutostart(),
    dnd,
    desktopProbes,
    ...(options.shortcutOffers ? { shortcutOffers: options.shortcutOffers } : {}),
    calendarParser: options.calendarParser ?? new InProcessCalendarParser(),
    push,
  });
  const { services } = app;
  if (!options.welcome && services.welcome.pending()) services.welcome.finish();

  // A test's settings are the user's rules since the beginning, so travelling back in time with
  // `keel.at` keeps them.
  for (const [key, value] of Object.entries(options.settings ?? {})) {
    services.settings.set(key as keyof Settings, value, isDatedKey(key) ? { from: SINCE_THE_BEGINNING } : {});
  }

  // The real handler table; a test may make the next call of one channel throw (e.g. a full disk).
  const real = app.handlers;
  const failures = new Map<Channel, Failure>();
  const handlers = Object.fromEntries(
    Object.entries(real).map(([channel, handler]) => [
      channel,
      (input: unknown) => {
        const failure = take(failures, channel as Channel);
        if (failure) throw failure;
        return (handler as (input: unknown) => unknown)(input);
      },
    ]),
  ) as unknown as Handlers;

  const calls: RecordedCall[] = [];
  const rejections = new Map<Channel, Failure>();
  const unexpected: unknown[] = [];
  const api = buildApi<KeelApi>(
    async (channel, input): Promise<IpcResult<unknown>> => {
      calls.push({ channel, input: structuredClone(input) });
      const rejection = take(rejections, channel);
      if (rejection) throw rejection;
      inFlight++;
      try {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        const held = options.hold?.(channel);
        if (held) await held;
        // A window still asking after the test ended gets no answer (the data folder is gone).
        if (closed) return new Promise<never>(() => undefined);
        const result = await dispatch(handlers, channel, structuredClone(input), (error) =>
          unexpected.push(error),
        );
        return structuredClone(result);
      } finally {
        inFlight--;
      }
    },
    (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  );

  let started = false;
  const keel = {
    api,
    services,
    clock,
    dataDir,
    app,
    shell,
    tray,
    notifier,
    power,
    dnd,
    /** What Settings → This computer is told about the desktop (set `next` to change it). */
    desktopProbes,
    /** Every state event the app pushed, in order. */
    pushed,
    /** Every call the window made, in order, with a copy of its input. */
    calls,
    /** Writes a file in this test's temp folder (a calendar or an export to choose); returns its path. */
    writeFile(name: string, content: string): string {
      const file = path.join(dir, 'files', name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    },
    /** Calls that ended in a bug (not a user-facing sentence); a test expects none. */
    unexpected,
    listenerCount: () => listeners.size,
    /** Whether a call or a push is still on its way to the window. */
    busy: () => inFlight > 0,
    /** The inputs of the window's calls to one channel, in order. */
    callsTo(channel: Channel): unknown[] {
      return calls.filter((c) => c.channel === channel).map((c) => c.input);
    },
    /** Starts the app (once): timers, presence, pushes. */
    start(): void {
      if (started) return;
      started = true;
      app.start();
    },
    /** Calls a channel through the same door as the window, unrecorded; throws its sentence. */
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const result = await dispatch(handlers, channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as ChannelOutput<C>;
    },
    /** Stores settings through `settings:set`, one key at a time. */
    async settings(patch: Partial<Settings>): Promise<void> {
      for (const [key, value] of Object.entries(patch)) {
        await keel.call('settings:set', { key, value } as ChannelInput<'settings:set'>);
      }
    },
    /** Runs `seed` with the clock at `instant`, then puts the clock back (no timer fires). */
    async at<T>(instant: string | number, seed: () => T | Promise<T>): Promise<T> {
      const back = clock.now();
      clock.jumpTo(typeof instant === 'number' ? instant : Date.parse(instant));
      try {
        return await seed();
      } finally {
        clock.jumpTo(back);
      }
    },
    /**
     * The next `times` calls to `channel` (every call until `heal`, by default) throw `error`
     * inside main, before its handler does anything.
     */
    fail(channel: Channel, error: Error, times = Infinity): void {
      failures.set(channel, { error, times });
    },
    /** Only the next call to `channel` throws `error` inside main. */
    failNext(channel: Channel, error: Error): void {
      keel.fail(channel, error, 1);
    },
    /** Calls to `channel` never reach main (until `heal`): the bridge itself throws. */
    reject(channel: Channel, error: Error, times = Infinity): void {
      rejections.set(channel, { error, times });
    },
    /** `channel` works again. */
    heal(channel: Channel): void {
      failures.delete(channel);
      rejections.delete(channel);
    },
    /** Makes the database refuse every write (SQLite's query_only), as a read-only folder does. */
    readOnly(on: boolean): void {
      services.db.pragma(`query_only = ${on ? 'ON' : 'OFF'}`);
    },
    /** Stops everything; `keepFiles` leaves the data folder for another keel until the test ends. */
    close({ keepFiles = false } = {}): void {
      if (closed) return;
      closed = true;
      open.delete(keel);
      app.close();
      if (keepFiles) kept.push(dir);
      else fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  open.add(keel);
  return keel;
}
