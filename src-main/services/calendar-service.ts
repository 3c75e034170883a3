import path from 'node:path';
import type { Clock, TimerHandle, Timers } from '../core/clock';
import { systemTimers } from '../core/clock';
import { KeelError } from '../core/errors';
import { meetingsOf, type Meeting } from '../core/ics-import';
import type { CalendarStats, Occurrence } from '../core/ics/types';
import { addLocalDays, localDateOf, startOfLocalDate, toLocalIso } from '../core/time';
import type { Settings } from '../core/settings';
import type { CalendarStatus } from '../shared/dto';
import { Emitter } from './events';
import type { MeetingSource } from './focus-service';
import type { CalendarParseRequest, CalendarParserPort, FileWatchPort } from './ports';
import { calendarNotes, dayOffOffers } from '../core/ics/notes';
import { CALENDAR_READER_VERSION } from '../core/ics/version';
import { planPauses } from '../core/focus-plan';
import { focusPlanToIcs } from '../core/ics-export';
import type { ExportResult } from '../shared/dto';
import type { FileDialogPort } from './ports';

/** Where the imported file's path is remembered between runs (the caller backs it). */
export interface CalendarFileStore {
  get(): string | null;
  set(filePath: string | null): void;
}

/** What was read, when, for which window and with which settings (storage/calendar-repo.ts). */
export interface CalendarSnapshot {
  filePath: string;
  size: number;
  mtimeMs: number;
  /** The window whose occurrences are kept. */
  from: number;
  to: number;
  readAt: number;
  stats: CalendarStats;
  /** The zone and addresses the file was read with: either changing means reading again. */
  readingKey: string;
}

/** The occurrences of the window Keel looks at, kept so nothing re-parses to answer. */
export interface CalendarCache {
  snapshot(): CalendarSnapshot | null;
  replace(snapshot: CalendarSnapshot, occurrences: readonly Occurrence[]): void;
  between(from: number, to: number): Occurrence[];
  clear(): void;
  /** Another process may have written the cache: measure it again. */
  forgetMeasures(): void;
}

/**
 * The last read that failed, kept so a file that cannot be read (gone, too big, too slow) is not
 * read again and again — by every CLI command, or by a loop of questions — until it changes.
 */
export interface CalendarFailure {
  filePath: string;
  /** The file as it was when the read failed; null when it was gone. */
  size: number | null;
  mtimeMs: number | null;
  readingKey: string;
  message: string;
}

export interface CalendarServiceDeps {
  parser: CalendarParserPort;
  cache: CalendarCache;
  /** Size and modification time, or null when the file is gone (a cheap freshness check). */
  stat(filePath: string): Promise<{ size: number; mtimeMs: number } | null>;
  watch: FileWatchPort;
  clock: Clock;
  settings: {
    get(): Pick<Settings, 'zone' | 'calendar' | 'holidays' | 'workingHours' | 'focusPlan' | 'focusPauses'>;
  };
  store: CalendarFileStore;
  /** Where the last failed read is remembered (beside the file's path). */
  failures: { get(): CalendarFailure | null; set(failure: CalendarFailure | null): void };
  /** This install's id, made once and kept: the exported events' UIDs carry it. */
  installId: () => string;
  /** Debounce timers; the process's own by default, a ManualClock in tests. */
  timers?: Timers;
  debounceMs?: number;
}

export const CALENDAR_DEBOUNCE_MS = 500;
export const UPCOMING_DAYS = 28;
/** The window kept: five weeks back (this week's and last month's figures) and half a year on. */
export const WINDOW_PAST_DAYS = 35;
export const WINDOW_FUTURE_DAYS = 190;
/** Read again once the window ends sooner than this, so the agenda never runs off its end. */
export const REFRESH_FUTURE_DAYS = 120;
/** What the worker says when the file has gone (platform/calendar-file.ts words it). */
export const UNREADABLE_FILE_MESSAGE =
  'Keel could not find the calendar file; it may have been moved or deleted.';

/**
 * The imported calendar. The file is parsed in a worker (the parser port), never on the thread
 * that draws the window or answers the tray; what it yields for the window Keel looks at is kept
 * in SQLite, so status, agenda and notifications answer from there, synchronously. A file is read
 * again only when it changed, when the window moved on, or when the zone or the user's addresses
 * changed. A failed read keeps the last good occurrences and says why.
 */
export class CalendarService implements MeetingSource {
  readonly onDidChange = new Emitter<CalendarStatus>();

  private filePath: string | null = null;
  private error: string | null = null;
  private reading = false;
  private unwatch: (() => void) | null = null;
  private debounce: TimerHandle | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  /** Bumped by import and clear, so a slow read that finishes afterwards is dropped. */
  private generation = 0;
  /** Bumped whenever the cache changes: meetings are memoised per range until then. */
  private version = 0;
  /** The kept read (its readAt) a moving window last asked to refresh. */
  private refreshTriedFor: number | null = null;
  private memo: { from: number; to: number; version: number; tentative: string; meetings: Meeting[] } | null =
    null;

  private readonly timers: Timers;
  private readonly debounceMs: number;

  constructor(private readonly deps: CalendarServiceDeps) {
    this.timers = deps.timers ?? systemTimers;
    this.debounceMs = deps.debounceMs ?? CALENDAR_DEBOUNCE_MS;
  }

  /** Imports a file the user chose. A file Keel cannot read changes nothing and throws why. */
  async importFrom(filePath: string): Promise<CalendarStatus> {
    const generation = this.generation;
    const request = this.request(filePath);
    const outcome = await this.deps.parser.parse(request);
    if (!outcome.ok) {
      throw new KeelError(outcome.failure === 'unreadable' ? 'not_found' : 'invalid_input', outcome.message);
    }
    // A clear() or another import finished while this one was reading: that one wins.
    if (generation !== this.generation) return this.status();
    this.generation++;
    this.stopWatching();
    this.filePath = filePath;
    this.deps.store.set(filePath);
    this.keep(request, outcome);
    this.startWatching(filePath);
    return this.changed();
  }

  /**
   * At start-up (and for each CLI command that shows meetings): follows the remembered file,
   * reading it again only if it changed or the kept window no longer fits. Never throws; a
   * problem shows up as `error`, and Keel runs on with what it kept.
   */
  async load(): Promise<CalendarStatus> {
    const stored = this.deps.store.get();
    if (!stored) return this.status();
    this.stopWatching();
    this.filePath = stored;
    // Watch even when the read fails, so the file coming back (a synced folder) is picked up.
    this.startWatching(stored);
    await this.readIfStale(stored);
    return this.status();
  }

  /**
   * Reads the file again unless what is kept still holds: the same file (size, modification
   * time), read with the same settings and reader, for a window that still fits — or the same
   * file already failed with these settings (its sentence stays until the file changes).
   */
  private async readIfStale(filePath: string): Promise<void> {
    const stat = await this.deps.stat(filePath).catch(() => null);
    const snapshot = this.deps.cache.snapshot();
    const key = this.readingKey();
    if (
      snapshot &&
      snapshot.filePath === filePath &&
      snapshot.readingKey === key &&
      this.windowFits(snapshot) &&
      stat !== null &&
      stat.size === snapshot.size &&
      stat.mtimeMs === snapshot.mtimeMs
    ) {
      this.error = null;
      return;
    }
    const failed = this.deps.failures.get();
    if (
      failed &&
      failed.filePath === filePath &&
      failed.readingKey === key &&
      failed.size === (stat?.size ?? null) &&
      failed.mtimeMs === (stat?.mtimeMs ?? null)
    ) {
      this.error = failed.message;
      return;
    }
    await this.reread(++this.generation);
  }

  /**
   * Another process (the `keel` CLI) imported or cleared a calendar while Keel ran: follow what
   * it stored. Nothing happens when the stored file is the one already loaded.
   */
  async followStore(): Promise<void> {
    const stored = this.deps.store.get();
    // The other process may have replaced the kept occurrences (with another zone, say).
    this.deps.cache.forgetMeasures();
    this.cacheChanged();
    if (stored !== null && stored === this.filePath) {
      await this.readIfStale(stored);
      this.changed();
      return;
    }
    if (stored) {
      await this.load();
      this.changed();
      return;
    }
    this.forget();
    this.changed();
  }

  /** The zone or the user's addresses changed: occurrences read with the old ones are wrong. */
  async settingsChanged(): Promise<void> {
    const filePath = this.filePath;
    const snapshot = this.deps.cache.snapshot();
    this.memo = null;
    if (!filePath || !snapshot || snapshot.readingKey === this.readingKey()) return;
    await this.reread(++this.generation);
  }

  /** Forgets the imported calendar and stops watching its file. */
  clear(): CalendarStatus {
    this.forget();
    this.deps.store.set(null);
    this.deps.cache.clear();
    this.cacheChanged();
    return this.changed();
  }

  status(): CalendarStatus {
    const now = this.deps.clock.now();
    const snapshot = this.filePath === null ? null : this.deps.cache.snapshot();
    const settings = this.deps.settings.get();
    const upcoming =
      this.filePath === null ? [] : this.deps.cache.between(now, now + UPCOMING_DAYS * 86_400_000);
    return {
      file: this.filePath === null ? null : baseName(this.filePath),
      upcomingMeetings: meetingsOf(upcoming, settings.calendar).length,
      lastReadAt: snapshot ? toLocalIso(snapshot.readAt, settings.zone) : null,
      error: this.error,
      reading: this.reading,
      notes: snapshot ? calendarNotes(snapshot.stats) : [],
      daysOff:
        this.filePath === null
          ? []
          : dayOffOffers(this.deps.cache.between(now, now + WINDOW_FUTURE_DAYS * 86_400_000), settings, now),
    };
  }

  /** Meetings from the kept window (synchronous: the focus service and reactor ask often). */
  meetingsBetween(from: number, to: number): Meeting[] {
    if (this.filePath === null) return [];
    const tentative = this.deps.settings.get().calendar.tentative;
    const m = this.memo;
    if (m && m.from === from && m.to === to && m.version === this.version && m.tentative === tentative) {
      return [...m.meetings];
    }
    this.refreshIfWindowEnding();
    const meetings = meetingsOf(this.deps.cache.between(from, to), { tentative });
    this.memo = { from, to, version: this.version, tentative, meetings };
    return [...meetings];
  }

  /**
   * Occurrences for any range (`keel calendar conflicts`): from the kept window when it covers
   * the range, else read from the file for that range alone (in the worker, not kept).
   */
  async occurrencesBetween(
    from: number,
    to: number,
  ): Promise<{ occurrences: Occurrence[]; complete: boolean }> {
    const filePath = this.filePath;
    if (filePath === null) return { occurrences: [], complete: true };
    const snapshot = this.deps.cache.snapshot();
    if (snapshot && snapshot.from <= from && to <= snapshot.to && !this.error) {
      return { occurrences: this.deps.cache.between(from, to), complete: true };
    }
    const outcome = await this.deps.parser.parse({ ...this.request(filePath), from, to });
    if (!outcome.ok) throw new KeelError('invalid_input', outcome.message);
    return { occurrences: outcome.occurrences, complete: outcome.stats.trimmedOccurrences === 0 };
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

  /** Resolves when any read already under way has finished (tests, orderly shutdown). */
  whenIdle(): Promise<void> {
    return this.inFlight;
  }

  /** Stops watching and drops pending timers (app quit). The remembered path stays. */
  dispose(): void {
    this.generation++;
    this.stopWatching();
  }

  private readingKey(): string {
    const settings = this.deps.settings.get();
    return JSON.stringify({
      reader: CALENDAR_READER_VERSION,
      zone: settings.zone,
      addresses: [...settings.calendar.addresses].sort(),
    });
  }

  private request(filePath: string): CalendarParseRequest {
    const settings = this.deps.settings.get();
    const today = localDateOf(this.deps.clock.now(), settings.zone);
    return {
      filePath,
      from: startOfLocalDate(addLocalDays(today, -WINDOW_PAST_DAYS), settings.zone),
      to: startOfLocalDate(addLocalDays(today, WINDOW_FUTURE_DAYS), settings.zone),
      zone: settings.zone,
      addresses: settings.calendar.addresses,
    };
  }

  private windowFits(snapshot: CalendarSnapshot): boolean {
    const now = this.deps.clock.now();
    const day = 86_400_000;
    return (
      snapshot.from <= now - (WINDOW_PAST_DAYS - 7) * day && snapshot.to >= now + REFRESH_FUTURE_DAYS * day
    );
  }

  /** A long-running app: the kept window moves on before the agenda reaches its end. */
  private refreshIfWindowEnding(): void {
    const snapshot = this.deps.cache.snapshot();
    if (this.reading || !snapshot || this.windowFits(snapshot)) return;
    // Once per kept read: if that read fails, its failure is remembered and answers from then on.
    if (this.refreshTriedFor === snapshot.readAt) return;
    this.refreshTriedFor = snapshot.readAt;
    const filePath = this.filePath;
    if (filePath !== null) void this.readIfStale(filePath).then(() => this.changed());
  }

  private keep(
    request: CalendarParseRequest,
    outcome: Extract<Awaited<ReturnType<CalendarParserPort['parse']>>, { ok: true }>,
  ): void {
    this.deps.cache.replace(
      {
        filePath: request.filePath,
        size: outcome.file.size,
        mtimeMs: outcome.file.mtimeMs,
        from: request.from,
        to: request.to,
        readAt: this.deps.clock.now(),
        stats: outcome.stats,
        readingKey: this.readingKey(),
      },
      outcome.occurrences,
    );
    this.error = null;
    this.deps.failures.set(null);
    this.cacheChanged();
  }

  private reread(generation: number): Promise<void> {
    const filePath = this.filePath;
    if (filePath === null) return this.inFlight;
    const run = this.inFlight.then(async () => {
      if (generation !== this.generation || filePath !== this.filePath) return;
      this.reading = true;
      // The window shows "Reading…" while a read runs (a big file takes a few seconds).
      this.changed();
      const request = this.request(filePath);
      const before = await this.deps.stat(filePath).catch(() => null);
      const outcome = await this.deps.parser.parse(request);
      this.reading = false;
      if (generation !== this.generation || filePath !== this.filePath) return;
      // A bad rewrite (a half-written file, a wrong export) keeps the last good occurrences.
      if (outcome.ok) this.keep(request, outcome);
      else {
        this.error = outcome.message;
        this.deps.failures.set({
          filePath,
          size: before?.size ?? null,
          mtimeMs: before?.mtimeMs ?? null,
          readingKey: this.readingKey(),
          message: outcome.message,
        });
      }
      this.changed();
    });
    this.inFlight = run.catch(() => undefined);
    return this.inFlight;
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

  /** Drops the loaded calendar and its watch; a pending read is outdated by the generation. */
  private forget(): void {
    this.generation++;
    this.stopWatching();
    this.filePath = null;
    this.error = null;
    this.reading = false;
  }

  private cacheChanged(): void {
    this.version++;
    this.memo = null;
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
