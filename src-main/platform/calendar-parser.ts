/**
 * CalendarParserPort, two ways.
 *
 * `WorkerCalendarParser` (the app and the CLI): each parse runs in a fresh worker thread
 * (dist/worker/calendar-worker.cjs) with a V8 heap limit and a deadline. A calendar is read at
 * start-up and when its file changes, a few times a day: starting a worker (~30 ms) each time
 * costs nothing worth saving, and a fresh worker holds no memory between reads and can be ended
 * without losing anything. Out of memory, too slow or crashed, the worker alone dies; the caller
 * gets a failure with one sentence, never an exception.
 *
 * `InProcessCalendarParser` (unit tests of services): the same file checks and the same reading
 * code (platform/calendar-file.ts), on the caller's thread, without limits.
 */
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { occurrencesBetween, readCalendar } from '../core/ics/read';
import type {
  CalendarParseFailure,
  CalendarParseOutcome,
  CalendarParseRequest,
  CalendarParserPort,
} from '../services/ports/calendar-parser';
import { MAX_CALENDAR_BYTES, parseCalendarFile, type CalendarReader } from './calendar-file';
import type { CalendarWorkerInput } from './calendar-worker';

export { MAX_CALENDAR_BYTES } from './calendar-file';

/**
 * A 20 MB export reads in under 5 s on a slow laptop; three times that is a file Keel cannot
 * handle, not a slow disk.
 */
export const CALENDAR_PARSE_TIMEOUT_MS = 15_000;

/**
 * The worker's V8 heap. Reading a 50 MB file (the size limit) holds its text, the content-line
 * tree and the occurrences at once; bench/ measures what a 20 MB export needs.
 */
export const CALENDAR_WORKER_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 1024,
  maxYoungGenerationSizeMb: 64,
  stackSizeMb: 4,
};

/**
 * Where the worker's bundle is: dist/worker/, beside the bundle this code is in (dist/main or
 * dist/cli). In the packaged app dist/ is inside app.asar; electron-builder.yml unpacks the worker
 * next to it (app.asar.unpacked), because a worker thread loads its file with Node's own file
 * reading, which Electron's asar support does not reach in every mode (ELECTRON_RUN_AS_NODE).
 */
export function calendarWorkerFile(bundleDir: string = __dirname): string {
  const file = path.join(bundleDir, '..', 'worker', 'calendar-worker.cjs');
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

export interface WorkerCalendarParserOptions {
  /** The worker bundle; `calendarWorkerFile()` by default. */
  workerFile?: string;
  timeoutMs?: number;
  resourceLimits?: ResourceLimits;
  /** A smaller size limit, for tests. */
  maxBytes?: number;
}

const failure = (kind: CalendarParseFailure, message: string): CalendarParseOutcome => ({
  ok: false,
  failure: kind,
  message,
});

const mb = (value = 0) => (value >= 1024 && value % 1024 === 0 ? `${value / 1024} GB` : `${value} MB`);

export class WorkerCalendarParser implements CalendarParserPort {
  private readonly workerFile: string;
  private readonly timeoutMs: number;
  private readonly limits: ResourceLimits;

  constructor(private readonly options: WorkerCalendarParserOptions = {}) {
    this.workerFile = options.workerFile ?? calendarWorkerFile();
    this.timeoutMs = options.timeoutMs ?? CALENDAR_PARSE_TIMEOUT_MS;
    this.limits = options.resourceLimits ?? CALENDAR_WORKER_LIMITS;
  }

  parse(request: CalendarParseRequest): Promise<CalendarParseOutcome> {
    return new Promise((resolve) => {
      const input: CalendarWorkerInput = { request: { ...request, addresses: [...request.addresses] } };
      if (this.options.maxBytes !== undefined) input.maxBytes = this.options.maxBytes;
      let worker: Worker;
      try {
        worker = new Worker(this.workerFile, { workerData: input, resourceLimits: this.limits });
      } catch {
        resolve(failure('unreadable', 'Keel could not start reading the calendar file.'));
        return;
      }
      let settled = false;
      const settle = (outcome: CalendarParseOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
        // Frees the worker's heap now rather than when it gets round to exiting.
        void worker.terminate();
      };
      const timer = setTimeout(() => {
        settle(
          failure(
            'too-slow',
            `Keel stopped reading the calendar file after ${Math.round(this.timeoutMs / 1000)} seconds; it is too large or too complex to read.`,
          ),
        );
      }, this.timeoutMs);
      worker.on('message', (outcome: CalendarParseOutcome) => settle(outcome));
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          settle(
            failure(
              'too-much-memory',
              `Keel stopped reading the calendar file because it needed more than ${mb(this.limits.maxOldGenerationSizeMb)} of memory.`,
            ),
          );
          return;
        }
        settle(failure('unreadable', 'Keel could not read the calendar file because reading it failed.'));
      });
      worker.on('messageerror', () =>
        settle(failure('unreadable', 'Keel could not read the calendar file because reading it failed.')),
      );
      worker.on('exit', () =>
        settle(
          failure('unreadable', 'Keel could not read the calendar file because reading it stopped early.'),
        ),
      );
    });
  }
}

/** Same checks and reading, on this thread, without limits: for tests of the services. */
export class InProcessCalendarParser implements CalendarParserPort {
  constructor(
    private readonly reader: CalendarReader = { readCalendar, occurrencesBetween } as CalendarReader,
    private readonly maxBytes = MAX_CALENDAR_BYTES,
  ) {}

  async parse(request: CalendarParseRequest): Promise<CalendarParseOutcome> {
    return parseCalendarFile(request, this.reader, this.maxBytes);
  }
}
