import type { BusyStatus, CalendarStats, Occurrence } from '../core/ics/types';
import type { Db } from './database';

/**
 * One read of the user's calendar file: which file (its size and modification time when read),
 * for which window, with which settings, when, and what the read skipped. The occurrences stored
 * with it are good only while all of these still hold; the file itself is the truth.
 */
export interface CalendarSnapshot {
  filePath: string;
  size: number;
  mtimeMs: number;
  /** The window the occurrences were expanded for, [from, to) in epoch ms. */
  from: number;
  to: number;
  readAt: number;
  stats: CalendarStats;
  /** The settings the file was read with (zone, addresses), as the calendar service keys them. */
  readingKey: string;
}

interface SnapshotRow {
  file_path: string;
  size: number;
  mtime_ms: number;
  window_from: number;
  window_to: number;
  read_at: number;
  stats: string;
  reading_key: string;
}

interface OccurrenceRow {
  start: number;
  end: number;
  uid: string;
  title: string;
  status: string;
  all_day: number;
}

const STAT_KEYS = [
  'events',
  'unreadableEvents',
  'skippedLines',
  'droppedSeries',
  'trimmedOccurrences',
] as const satisfies readonly (keyof CalendarStats)[];

/** The stats as stored; a count missing from an older row reads as 0. */
function statsOf(json: string): CalendarStats {
  const parsed = JSON.parse(json) as Partial<Record<keyof CalendarStats, unknown>> | null;
  const out = {} as Record<keyof CalendarStats, number>;
  for (const key of STAT_KEYS) {
    const value = parsed?.[key];
    out[key] = typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }
  return out;
}

const toOccurrence = (r: OccurrenceRow): Occurrence => ({
  uid: r.uid,
  title: r.title,
  start: r.start,
  end: r.end,
  allDay: r.all_day === 1,
  status: r.status as BusyStatus,
});

/**
 * The calendar's expanded occurrences and the snapshot they come from (migration 7): a cache of
 * the user's file, which stays the truth. Not in the export (core/export-format.ts lists what is):
 * an import elsewhere reads the file again. "Delete all my data" empties it with every other user
 * table (it holds meeting titles). A restore brings back the backup's rows with the backup's
 * snapshot, whose file size and time show them out of date unless the file is unchanged.
 */
export class CalendarRepo {
  private readonly q;
  /** The longest occurrence kept (ms), so a query can start its index scan near `from`. */
  private longest: number | null = null;

  constructor(private readonly db: Db) {
    this.q = {
      snapshot: db.prepare<[], SnapshotRow>('SELECT * FROM calendar_snapshot WHERE id = 1'),
      between: db.prepare<[number, number, number, number], OccurrenceRow>(
        // Overlapping [from, to): a zero-length occurrence counts when it starts inside. Ties keep
        // the order the reader gave (rowid follows insertion). No occurrence is longer than
        // `longest`, so none starting before from − longest can overlap: the index scan starts there.
        `SELECT start, "end", uid, title, status, all_day FROM calendar_occurrences
         WHERE start >= ? AND start < ? AND ("end" > ? OR ("end" = start AND start >= ?))
         ORDER BY start, rowid`,
      ),
      longest: db.prepare<[], { longest: number | null }>(
        'SELECT max("end" - start) AS longest FROM calendar_occurrences',
      ),
      deleteOccurrences: db.prepare('DELETE FROM calendar_occurrences'),
      deleteSnapshot: db.prepare('DELETE FROM calendar_snapshot'),
      insertSnapshot: db.prepare<[string, number, number, number, number, number, string, string]>(
        `INSERT INTO calendar_snapshot
           (id, file_path, size, mtime_ms, window_from, window_to, read_at, stats, reading_key)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertOccurrence: db.prepare<[number, number, string, string, string, number]>(
        'INSERT INTO calendar_occurrences (start, "end", uid, title, status, all_day) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  /**
   * Puts a new read in place of the last one, in one transaction: a crash or kill part-way
   * leaves the last read whole, never a mix. Throws (and changes nothing) on a row the table
   * refuses.
   */
  replace(snapshot: CalendarSnapshot, occurrences: readonly Occurrence[]): void {
    this.db
      .transaction(() => {
        this.q.deleteOccurrences.run();
        this.q.deleteSnapshot.run();
        this.q.insertSnapshot.run(
          snapshot.filePath,
          snapshot.size,
          snapshot.mtimeMs,
          snapshot.from,
          snapshot.to,
          snapshot.readAt,
          JSON.stringify(snapshot.stats),
          snapshot.readingKey,
        );
        for (const o of occurrences) {
          this.q.insertOccurrence.run(o.start, o.end, o.uid, o.title, o.status, o.allDay ? 1 : 0);
        }
      })
      .immediate();
    this.longest = null;
  }

  snapshot(): CalendarSnapshot | null {
    const row = this.q.snapshot.get();
    if (!row) return null;
    return {
      filePath: row.file_path,
      size: row.size,
      mtimeMs: row.mtime_ms,
      from: row.window_from,
      to: row.window_to,
      readAt: row.read_at,
      stats: statsOf(row.stats),
      readingKey: row.reading_key,
    };
  }

  /** Occurrences overlapping [from, to), by start. */
  between(from: number, to: number): Occurrence[] {
    // Read afresh when unknown: another process (the CLI) may have replaced the rows.
    this.longest ??= this.q.longest.get()?.longest ?? 0;
    return this.q.between.all(from - this.longest, to, from, from).map(toOccurrence);
  }

  /** Forgets the calendar: no snapshot, no occurrences. */
  clear(): void {
    this.db
      .transaction(() => {
        this.q.deleteOccurrences.run();
        this.q.deleteSnapshot.run();
      })
      .immediate();
    this.longest = null;
  }

  /** Another process may have written the rows (the CLI, a restore): measure them again. */
  forgetMeasures(): void {
    this.longest = null;
  }
}
