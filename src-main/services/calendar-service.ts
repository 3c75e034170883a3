import path from 'node:path';
import type { Clock, TimerHandle, Timers } from '../core/clock';
import { KeelError } from '../core/errors';
import { planPauses } from '../core/focus-plan';
import { focusPlanToIcs } from '../core/ics-export';
import { meetingsBetween, parseMeetings, type Meeting, type ParsedCalendar } from '../core/ics-import';
import { toLocalIso } from '../core/time';
import type { FileWatchPort } from './ports';
import { systemTimers } from '../core/clock';
import type { FileDialogPort } from './ports';
import type { CalendarStatus, ExportResult } from '../shared/dto';
import { Emitter } from './events';
import type { MeetingSource } from './focus-service';
import type { SettingsService } from './settings-service';

/** Where the imported file's path is remembered between runs (the caller backs it). */
export interface CalendarFileStore {
  get(): string | null;
  set(filePath: string | null): void;
}

export interface CalendarServiceDeps {
  readFile(filePath: string): Promise<string>;
  watch: FileWatchPort;
  clock: Clock;
  settings: Pick<SettingsService, 'get'>;
  store: CalendarFileStore;
  /** This install's id, made once and kept: the exported events' UIDs carry it. */
  installId: () => string;
  /** Debounce timers; the process's own by default, a ManualClock in tests. */
  timers?: Timers;
  debounceMs?: number;
}

export const CALENDAR_DEBOUNCE_MS = 500;
export const UPCOMING_DAYS = 28;
export const IMPORT_UNREADABLE_MESSAGE = 'Keel could not open that file.';
export const UNREADABLE_FILE_MESSAGE =
  'Keel could not read the calendar file; it may have been moved or deleted.';

/**
 * The imported calendar: parsed once, re-read when the file changes, and asked synchronously for
 * meetings by the focus service. A failed re-read keeps the last good calendar and reports why.
 */
export class CalendarService implements MeetingSource {
  readonly onDidChange = new Emitter<CalendarStatus>();

  private filePath: string | null = null;
  private calendar: ParsedCalendar | null = null;
  private lastReadAt: number | null = null;
  private error: string | null = null;
  private unwatch: (() => void) | null = null;
  private debounce: TimerHandle | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  /** Bumped by import and clear, so a slow read that finishes afterwards is dropped. */
  private generation = 0;
  /** The last query, since the agenda asks for the same range several times per refresh. */
  private memo: {
    from: number;
    to: number;
    zone: string;
    calendar: ParsedCalendar;
    meetings: Meeting[];
  } | null = null;

  private readonly timers: Timers;
  private readonly debounceMs: number;

  constructor(private readonly deps: CalendarServiceDeps) {
    this.timers = deps.timers ?? systemTimers;
    this.debounceMs = deps.debounceMs ?? CALENDAR_DEBOUNCE_MS;
  }

  /** Imports a file the user chose. A file Keel cannot read or parse changes nothing and throws. */
  async importFrom(filePath: string): Promise<CalendarStatus> {
    const generation = this.generation;
    const text = await this.read(filePath).catch((error: unknown) => {
      throw new KeelError('not_found', IMPORT_UNREADABLE_MESSAGE, { cause: error });
    });
    const calendar = parseMeetings(text);
    // A clear() or another import finished while this one was reading: that one wins.
    if (generation !== this.generation) return this.status();
    this.generation++;
    this.stopWatching();
    this.filePath = filePath;
    this.deps.store.set(filePath);
    this.accept(calendar);
    this.startWatching(filePath);
    return this.changed();
  }

  /** At start-up: re-reads the remembered file. Never throws; a problem shows up as `error`. */
  async load(): Promise<CalendarStatus> {
    const stored = this.deps.store.get();
    if (!stored) return this.status();
    this.stopWatching();
    this.filePath = stored;
    // Watch even when the read fails, so the file coming back (a synced folder) is picked up.
    this.startWatching(stored);
    await this.reread(++this.generation);
    return this.status();
  }

  /**
   * Another process (the `keel` CLI) imported or cleared a calendar while Keel ran: follow what
   * it stored. Nothing happens when the stored file is the one already loaded.
   */
  async followStore(): Promise<void> {
    const stored = this.deps.store.get();
    if (stored === this.filePath) return;
    if (stored) {
      // Another file: its meetings, not the last one's, even if it cannot be read.
      this.calendar = null;
      this.memo = null;
      await this.load();
      return;
    }
    this.forget();
    this.changed();
  }

  /** Forgets the imported calendar and stops watching its file. */
  clear(): CalendarStatus {
    this.forget();
    this.deps.store.set(null);
    return this.changed();
  }

  /** Drops the loaded calendar and its watch; a pending re-read is outdated by the generation. */
  private forget(): void {
    this.generation++;
    this.stopWatching();
    this.filePath = null;
    this.calendar = null;
    this.lastReadAt = null;
    this.error = null;
    this.memo = null;
  }

  status(): CalendarStatus {
    const now = this.deps.clock.now();
    return {
      file: this.filePath === null ? null : baseName(this.filePath),
      upcomingMeetings: this.meetingsBetween(now, now + UPCOMING_DAYS * 86_400_000).length,
      lastReadAt:
        this.lastReadAt === null ? null : toLocalIso(this.lastReadAt, this.deps.settings.get().zone),
      error: this.error,
    };
  }

  meetingsBetween(from: number, to: number): Meeting[] {
    const calendar = this.calendar;
    if (!calendar) return [];
    const zone = this.deps.settings.get().zone;
    const m = this.memo;
    if (m && m.from === from && m.to === to && m.zone === zone && m.calendar === calendar)
      return [...m.meetings];
    const meetings = meetingsBetween(calendar, from, to, zone);
    this.memo = { from, to, zone, calendar, meetings };
    return [...meetings];
  }

  /** Resolves when any re-read already under way has finished (tests, orderly shutdown). */
  whenIdle(): Promise<void> {
    return this.inFlight;
  }

  /** Writes the focus plan as .ics where the user chooses. */
  async exportPlan(shell: Pick<FileDialogPort, 'saveFile'>): Promise<ExportResult> {
    const settings = this.deps.settings.get();
    // Blocks on a weekday without working hours are never planned, so they are not exported.
    const plan = settings.focusPlan.filter((rule) => settings.workingHours[rule.weekday] !== null);
    const content = focusPlanToIcs(plan, planPauses(settings), settings.zone, {
      now: this.deps.clock.now(),
      installId: this.deps.installId(),
    });
    const fileName = await shell.saveFile({
      defaultName: 'keel-focus.ics',
      content,
      filters: [{ name: 'Calendar', extensions: ['ics'] }],
    });
    return { saved: fileName !== null, fileName };
  }

  /** Stops watching and drops pending timers (app quit). The remembered path stays. */
  dispose(): void {
    this.generation++;
    this.stopWatching();
  }

  private read(filePath: string): Promise<string> {
    return this.deps.readFile(filePath);
  }

  private accept(calendar: ParsedCalendar): void {
    this.calendar = calendar;
    this.memo = null;
    this.lastReadAt = this.deps.clock.now();
    this.error = null;
  }

  private reread(generation: number): Promise<void> {
    const filePath = this.filePath;
    if (filePath === null) return this.inFlight;
    const run = this.inFlight.then(async () => {
      let outcome: { calendar: ParsedCalendar } | { error: string };
      try {
        outcome = { calendar: parseMeetings(await this.read(filePath)) };
      } catch (error) {
        outcome = {
          error:
            error instanceof KeelError && error.code === 'invalid_input'
              ? error.message
              : UNREADABLE_FILE_MESSAGE,
        };
      }
      if (generation !== this.generation || filePath !== this.filePath) return;
      // A bad rewrite (a half-written file, a wrong export) keeps the last good calendar.
      if ('calendar' in outcome) this.accept(outcome.calendar);
      else this.error = outcome.error;
      this.changed();
    });
    this.inFlight = run;
    return run;
  }

  private startWatching(filePath: string): void {
    this.unwatch = this.deps.watch.watch(filePath, () => {
      if (this.debounce !== null) this.timers.clearTimeout(this.debounce);
      const generation = this.generation;
      this.debounce = this.timers.setTimeout(() => {
        this.debounce = null;
        void this.reread(generation);
      }, this.debounceMs);
    });
  }

  private stopWatching(): void {
    this.unwatch?.();
    this.unwatch = null;
    if (this.debounce !== null) this.timers.clearTimeout(this.debounce);
    this.debounce = null;
  }

  private changed(): CalendarStatus {
    const status = this.status();
    this.onDidChange.emit(status);
    return status;
  }
}

/** The file's name without its folder, for either path style (a path stored on another OS). */
function baseName(filePath: string): string {
  return path.win32.basename(filePath);
}
