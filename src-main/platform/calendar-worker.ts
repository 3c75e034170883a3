/**
 * The calendar worker's entry (bundled alone as dist/worker/calendar-worker.cjs): reads the file
 * named in workerData, parses it and posts one CalendarParseOutcome back. The host
 * (platform/calendar-parser.ts) gives it its memory limit and ends it when it takes too long;
 * nothing here needs to guard against either.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CalendarParseRequest } from '../services/ports/calendar-parser';
import { parseCalendarFile } from './calendar-file';
import { occurrencesBetween, readCalendar } from '../core/ics/read';

/** What the host sends: the request, and a smaller size limit in tests. */
export interface CalendarWorkerInput {
  request: CalendarParseRequest;
  maxBytes?: number;
}

const input = workerData as CalendarWorkerInput;
parentPort?.postMessage(
  parseCalendarFile(input.request, { readCalendar, occurrencesBetween }, input.maxBytes),
);
