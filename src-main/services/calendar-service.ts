import path from 'node:path';
import { systemTimers, type TimerHandle, type Timers } from '../core/clock';
import { KeelError } from '../core/errors';
import { meetingsOf, type Meeting } from '../core/ics-import';
import { dayOffOffers, NOTHING_SKIPPED, skippedOf } from '../core/ics/notes';
import type { CalendarStats, Occurrence } from '../core/ics/types';
import { CALENDAR_READER_VERSION } from '../core/ics/version';
import { addLocalDays, localDateOf, startOfLocalDate, toLocalIso } from '../core/time';
import type { CalendarStatus, ExportResult } from '../shared/dto';
import type { CalendarServiceDeps, CalendarSnapshot } from './calendar-deps';
import { Emitter } from './events';
import type { MeetingSource } from './focus-service';
import { exportFocusPlan } from './plan-export';
import type { CalendarParseRequest, CalendarParserPort, FileDialogPort } from './ports';

import {
  CALENDAR_DEBOUNCE_MS,
  DAY_MS,
  REFRESH_FUTURE_DAYS,
  UPCOMING_DAYS,
  WINDOW_FUTURE_DAYS,
  WINDOW_PAST_DAYS,
} from './calendar-deps';
export * from './calendar-deps';

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
  /** A refresh the moving window started (its freshness check runs before any read). */
  private refreshing: Promise<void> = Promise.resolve();
  private counts: { key: string; value: { upcoming: number; daysOff: CalendarStatus['daysOff'] } } | null =
    null;
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
    const counts = this.filePath === null ? { upcoming: 0, daysOff: [] } : this.countsAt(now);
    return {
      file: this.filePath === null ? null : baseName(this.filePath),
      upcomingMeetings: counts.upcoming,
      lastReadAt: snapshot ? toLocalIso(snapshot.readAt, settings.zone) : null,
      error: this.error,
      reading: this.reading,
      skipped: snapshot ? skippedOf(snapshot.stats) : NOTHING_SKIPPED,
      daysOff: counts.daysOff,
    };
  }

  /**
   * Meetings in the next four weeks and the days off on offer: from up to half a year of kept
   * occurrences, so remembered until the cache or the settings change, or ten minutes pass.
   */
  private countsAt(now: number): { upcoming: number; daysOff: CalendarStatus['daysOff'] } {
    const settings = this.deps.settings.get();
    const key = JSON.stringify([
      this.version,
      Math.floor(now / 600_000),
      settings.zone,
      settings.calendar,
      settings.holidays,
      settings.workingHours,
    ]);
    if (this.counts?.key === key) return this.counts.value;
    const upcoming = meetingsOf(
      this.deps.cache.between(now, now + UPCOMING_DAYS * DAY_MS),
      settings.calendar,
    );
    const ahead = this.deps.cache.between(now, now + WINDOW_FUTURE_DAYS * DAY_MS);
    const value = { upcoming: upcoming.length, daysOff: dayOffOffers(ahead, settings, now) };
    this.counts = { key, value };
    return value;
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
  ): Promise<{ occurrences: Occurrence[]; stats: CalendarStats | null }> {
    const filePath = this.filePath;
    if (filePath === null) return { occurrences: [], stats: null };
    const snapshot = this.deps.cache.snapshot();
    if (snapshot && snapshot.from <= from && to <= snapshot.to) {
      return { occurrences: this.deps.cache.between(from, to), stats: snapshot.stats };
    }
    const outcome = await this.deps.parser.parse({ ...this.request(filePath), from, to });
    if (!outcome.ok) throw new KeelError('invalid_input', outcome.message);
    return { occurrences: outcome.occurrences, stats: outcome.stats };
  }

  /** Writes the focus plan as .ics where the user chooses (services/plan-export.ts). */
  exportPlan(shell: Pick<FileDialogPort, 'saveFile'>, locale?: string | null): Promise<ExportResult> {
    return exportFocusPlan(this.deps, shell, locale);
  }

  /** Resolves when any read already under way has finished (tests, orderly shutdown). */
  async whenIdle(): Promise<void> {
    await this.refreshing;
    await this.inFlight;
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
    if (filePath !== null) this.refreshing = this.readIfStale(filePath).then(() => void this.changed());
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
