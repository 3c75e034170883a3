/** What the window and the CLI learn about the imported calendar. */

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
  /** What the last read skipped or left out, one sentence each ("2 events could not be read…"). */
  notes: string[];
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
  /** What the calendar read skipped or left out, and a read error, one sentence each. */
  notes: string[];
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
