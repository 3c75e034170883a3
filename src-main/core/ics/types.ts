/**
 * What calendar reading produces (read.ts), what the worker sends back and what storage keeps.
 */

/**
 * How a meeting occupies its time, as calendar apps show it: `busy` and `out-of-office` warn,
 * `tentative` warns only if the user wants it to, `free` never does; a `cancelled` occurrence is
 * kept only so a comparison can account for it.
 */
export type BusyStatus = 'busy' | 'tentative' | 'out-of-office' | 'free' | 'cancelled';

export interface Occurrence {
  /** The event's UID (a made-up one when it has none; a digest of one over 255 characters). */
  readonly uid: string;
  /** Plain, single-line, bounded (cleanTitle). */
  readonly title: string;
  /** Epoch ms; for all-day events, the start of the first day in the zone asked for. */
  readonly start: number;
  readonly end: number;
  readonly allDay: boolean;
  readonly status: BusyStatus;
}

/** What a read could not use, as counts: each caller words them (shared/i18n/calendar-notes.ts). */
export interface CalendarSkipped {
  /** Events (or overrides) that could not be read: no usable start, a broken rule, and such. */
  unreadableEvents: number;
  /** Lines that were not content lines, and components never closed. */
  skippedLines: number;
  /** Series dropped because their rule is absurd (SECONDLY/MINUTELY, too many a day). */
  droppedSeries: number;
  /** Occurrences beyond the cap for one query (the rest of the range is not shown). */
  trimmedOccurrences: number;
}

/** What a read skipped or dropped, so the user is told instead of meetings vanishing silently. */
export interface CalendarStats {
  /** VEVENTs in the file. */
  readonly events: number;
  /** Events (or overrides) that could not be read: no usable start, a broken rule, and such. */
  readonly unreadableEvents: number;
  /** Lines that were not content lines, and components never closed. */
  readonly skippedLines: number;
  /** Series dropped because their rule is absurd (SECONDLY/MINUTELY, too many a day). */
  readonly droppedSeries: number;
  /** Occurrences beyond the cap for one query (the rest of the range is not shown). */
  readonly trimmedOccurrences: number;
}

export interface CalendarReadOptions {
  /**
   * The user's own addresses (lower case, without `mailto:`): their PARTSTAT on an invitation
   * decides whether it is busy (DECLINED is free, TENTATIVE/NEEDS-ACTION are tentative).
   */
  readonly addresses?: readonly string[];
}
