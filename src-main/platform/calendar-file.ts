/**
 * Reads the user's calendar file and turns it into occurrences, the same way in the worker
 * (platform/calendar-worker.ts) and in process (platform/calendar-parser.ts): the file checks
 * come first and cost nothing, so a device, a pipe or a huge file is refused before any byte is
 * parsed.
 *
 * Reading never blocks on what is not a file (services/ports/regular-file.ts, which the data
 * import shares): the path is stat()ed and anything but a regular file refused; it is then opened
 * with O_NONBLOCK and fstat()ed again, and at most MAX_CALENDAR_BYTES + 1 bytes are ever read,
 * however large the file claims or grows to be.
 */
import fs from 'node:fs';
import { KeelError } from '../core/errors';
import { INVALID_CALENDAR_MESSAGE, MAX_CALENDAR_MB } from '../core/ics/read';
import type { CalendarReadOptions, CalendarStats, Occurrence } from '../core/ics/types';
import type {
  CalendarParseFailure,
  CalendarParseOutcome,
  CalendarParseRequest,
} from '../services/ports/calendar-parser';
import {
  errorProblem,
  readRegularFile,
  statProblem,
  type RegularFileProblem,
} from '../services/ports/regular-file';

/** A 20 MB export (years of a busy work calendar) must pass; 50 MB leaves room and no more. */
export const MAX_CALENDAR_BYTES = MAX_CALENDAR_MB * 1024 * 1024;

/** What calendar reading (core/ics/read.ts) offers: passed in, so tests can stand in for it. */
export interface CalendarReader<Parsed = unknown> {
  readCalendar(text: string, options?: CalendarReadOptions): Parsed;
  occurrencesBetween(
    calendar: Parsed,
    from: number,
    to: number,
    zone: string,
  ): { occurrences: Occurrence[]; stats: CalendarStats };
}

export interface FileRefusal {
  ok: false;
  failure: CalendarParseFailure;
  message: string;
}

export type FileRead = { ok: true; text: string; file: { size: number; mtimeMs: number } } | FileRefusal;

const fail = (failure: CalendarParseFailure, message: string): FileRefusal => ({
  ok: false,
  failure,
  message,
});

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${Math.max(1, Math.round(bytes / MB))} MB`;

function tooBig(bytes: number) {
  const limit = megabytes(MAX_CALENDAR_BYTES);
  const size = megabytes(bytes);
  // 50.2 MB would read "50 MB" against a limit of 50 MB: say "over" instead.
  const described = Math.round(bytes / MB) > Math.round(MAX_CALENDAR_BYTES / MB) ? size : `over ${limit}`;
  return fail('too-big', `The calendar file is ${described}; Keel reads calendar files of up to ${limit}.`);
}

/** The file named is not there (any more). */
export const MISSING_CALENDAR_MESSAGE =
  'Keel could not find the calendar file; it may have been moved or deleted.';

/** One true sentence for each reason a file is not read (no path, no errno text). */
function refusal(problem: RegularFileProblem): FileRefusal {
  switch (problem.reason) {
    case 'missing':
      return fail('unreadable', MISSING_CALENDAR_MESSAGE);
    case 'denied':
      return fail('unreadable', 'Keel is not allowed to read the calendar file.');
    case 'directory':
      return fail('not-a-file', 'The calendar path names a folder, not a file.');
    case 'not-a-file':
      return fail(
        'not-a-file',
        'The calendar path names a device or a pipe, not an ordinary file; Keel reads only ordinary files.',
      );
    case 'too-big':
      return tooBig(problem.size);
    case 'refused-head':
      return fail('not-a-calendar', INVALID_CALENDAR_MESSAGE);
    default:
      return fail('unreadable', 'Keel could not read the calendar file.');
  }
}

/** UTF-16, by its byte-order mark (a few Windows tools write that). */
const isUtf16 = (b: Buffer) =>
  b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

/** A NUL byte in the first 4 KB of what is not UTF-16: a binary file; no text calendar holds one. */
const looksBinary = (head: Buffer) => !isUtf16(head) && head.includes(0);

/** Text from bytes: UTF-8 with or without a byte-order mark, or UTF-16 by its mark. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // TextDecoder drops a leading byte-order mark and reads broken sequences as U+FFFD.
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * The file's size, or why it is refused by its stat alone (not a regular file, too big): for the
 * host to answer the plainest refusals without starting a worker, and to size the worker's limits.
 */
export async function sizeOf(filePath: string): Promise<FileRefusal | { ok: true; size: number }> {
  try {
    const stat = await fs.promises.stat(filePath);
    const problem = statProblem(stat, MAX_CALENDAR_BYTES);
    return problem ? refusal(problem) : { ok: true, size: stat.size };
  } catch (error) {
    return refusal(errorProblem(error));
  }
}

/**
 * The file's text, or why Keel will not read it. Never throws, never blocks on a non-file: the
 * reading is services/ports/regular-file.ts's, shared with the data import.
 */
export function readCalendarFile(filePath: string, limit = MAX_CALENDAR_BYTES): FileRead {
  const read = readRegularFile(filePath, limit, { refuseHead: looksBinary });
  if (!read.ok) return refusal(read);
  return { ok: true, text: decode(read.bytes), file: { size: read.size, mtimeMs: read.mtimeMs } };
}

/**
 * The whole parse: the file, then the calendar, then its occurrences in the window. Never throws:
 * a KeelError('invalid_input') from reading is a file that is not a calendar (its own sentence),
 * anything else thrown a file Keel could not read.
 */
export function parseCalendarFile<Parsed>(
  request: CalendarParseRequest,
  reader: CalendarReader<Parsed>,
  limit = MAX_CALENDAR_BYTES,
): CalendarParseOutcome {
  const read = readCalendarFile(request.filePath, limit);
  if (!read.ok) return read;
  try {
    const calendar = reader.readCalendar(read.text, { addresses: request.addresses });
    const { occurrences, stats } = reader.occurrencesBetween(
      calendar,
      request.from,
      request.to,
      request.zone,
    );
    return { ok: true, occurrences, stats, file: read.file };
  } catch (error) {
    if (error instanceof KeelError && error.code === 'invalid_input') {
      return fail('not-a-calendar', error.message);
    }
    return fail('unreadable', 'Keel could not read the calendar file because of a problem inside Keel.');
  }
}
