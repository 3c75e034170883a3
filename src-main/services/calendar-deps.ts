import type { Clock, Timers } from '../core/clock';
import type { Occurrence } from '../core/ics/types';
import type { Settings } from '../core/settings';
import type { CalendarParserPort, FileWatchPort } from './ports';

/** What the calendar service works with (services/index.ts backs each with storage or the OS). */

/** Where the imported file's path is remembered between runs (the caller backs it). */
export interface CalendarFileStore {
  get(): string | null;
  set(filePath: string | null): void;
}

/** What was read, when, for which window and with which settings (storage/calendar-repo.ts). */
export type { CalendarSnapshot } from '../storage/calendar-repo';
import type { CalendarSnapshot } from '../storage/calendar-repo';

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
export const DAY_MS = 86_400_000;
export const UPCOMING_DAYS = 28;
/** The window kept: five weeks back (this week's and last month's figures) and half a year on. */
export const WINDOW_PAST_DAYS = 35;
export const WINDOW_FUTURE_DAYS = 190;
/** Read again once the window ends sooner than this, so the agenda never runs off its end. */
export const REFRESH_FUTURE_DAYS = 120;
