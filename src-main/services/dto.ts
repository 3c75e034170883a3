/**
 * Shapes the calendar and do-not-disturb services return across IPC. Declared apart from the
 * services so the contract, the renderer and the services agree on them from the start.
 */

export interface CalendarStatus {
  /** The imported file's name (never its full path: the window does not need it). */
  file: string | null;
  /** Meetings found in the next four weeks. */
  upcomingMeetings: number;
  lastReadAt: string | null;
  /** One sentence when the file could not be read or parsed. */
  error: string | null;
}

export interface DndStatus {
  /** What Keel can do on this desktop. */
  capability: 'control' | 'read-only' | 'unsupported';
  /** e.g. "GNOME", "KDE Plasma", "macOS Shortcuts", "Windows". */
  desktop: string;
  /** For read-only and unsupported desktops: one or two sentences on what to do instead. */
  help: string | null;
  /** The user's setting. */
  enabled: boolean;
  /** Keel has turned do-not-disturb on right now (and will restore it). */
  active: boolean;
}

export interface ExportResult {
  saved: boolean;
  /** The name of the file written (not its folder), or null when the user cancelled. */
  fileName: string | null;
}
