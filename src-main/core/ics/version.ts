/**
 * Bumped whenever calendar reading (core/ics/) changes what it makes of a file: occurrences kept
 * from a read by an older Keel are then read again, not served until the file changes.
 */
export const CALENDAR_READER_VERSION = 2;
