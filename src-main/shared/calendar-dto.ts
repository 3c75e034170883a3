/** What the window and the CLI learn about the imported calendar. */
import type { CalendarSkipped } from '../core/ics/types';

export type { CalendarSkipped } from '../core/ics/types';

export interface CalendarStatus {
  /** The imported file's name (never its full path: the window does not need it). */
  file: string | null;
  /** Meetings found in the next four weeks. */
  upcomingMeetings: number;
  lastReadAt: string | null;
  /** One sentence when the file could not be read or parsed (Keel keeps what it read before). */
  error: string | null;
  /** A read is under way (in the background; the window stays usable). */
  reading: boolean;
  /** What the last read skipped or left out, counted; each caller words it (calendarNotesIn). */
  skipped: CalendarSkipped;
  /** All-day absences in the calendar on what Keel counts as working days: offered as days off. */
  daysOff: { date: string; title: string }[];
}

/** `keel calendar conflicts`: each planned block in a range with the meetings on it. */
export interface CalendarConflictsDto {
  from: string;
  to: string;
  zone: string;
  /** The imported file's name, or null when no calendar is imported. */
  calendar: string | null;
  blocks: {
    date: string;
    start: string;
    end: string;
    startTime: string;
    endTime: string;
    meetings: MeetingDto[];
  }[];
  /** Blocks with at least one meeting. */
  conflicts: number;
  /** Why the imported file could not be read last time (main's sentence), or null. */
  error: string | null;
  /** What the read behind this range skipped or left out, counted (calendarNotesIn words it). */
  skipped: CalendarSkipped;
}

/**
 * A meeting from the imported calendar. Tentative ones are shown as such; whether they warn
 * (notifications, "until the next meeting") is the user's calendar setting.
 */
export interface MeetingDto {
  title: string;
  start: string;
  end: string;
  status: 'busy' | 'tentative' | 'out-of-office';
  /** Whether it warns (busy and out of office always; tentative as the user chose). */
  warns: boolean;
}
