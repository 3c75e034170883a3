/**
 * CalendarParserPort, two ways.
 *
 * `WorkerCalendarParser` (the app and the CLI): each parse runs in a fresh worker thread
 * (dist/worker/calendar-worker.cjs) with a V8 heap limit and a deadline, both sized by the file
 * (`workerLimitsFor`). A calendar is read at
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
import { MAX_CALENDAR_BYTES, parseCalendarFile, sizeOf, type CalendarReader } from './calendar-file';
import type { CalendarWorkerInput } from './calendar-worker';

export { MAX_CALENDAR_BYTES } from './calendar-file';

const MB = 1024 * 1024;

export interface WorkerLimits {
  timeoutMs: number;
  resourceLimits: ResourceLimits;
}

/**
 * What a worker may take to read a file of `bytes`, growing with the file so a small hostile
 * file fails fast and a big honest one has room.
 *
 * Heap: reading holds the text, the content-line tree and the occurrences at once. Measured on
 * 20 MB files (bench/lib/calendar-files.ts, a lean Google-style one): an Exchange-style export
 * needs 128–192 MB of old generation, a lean one 192–256 MB, about 12 MB per MB of file. The
 * limit is twice that plus room for the worker itself: 128 MB + 24 MB per MB of file, at most
 * 1 GB (a 50 MB file, the size limit).
 *
 * Time: a 20 MB export reads in under 5 s on an idle laptop, but the machine may be busy (three
 * times slower on two shared cores); 10 s + 1 s per MB is far beyond an honest file on any
 * machine, and the app never waits on it meanwhile.
 */
export function workerLimitsFor(bytes: number): WorkerLimits {
  const megabytes = bytes / MB;
  return {
    timeoutMs: Math.round(10_000 + 1_000 * megabytes),
    resourceLimits: {
      maxOldGenerationSizeMb: Math.min(1024, Math.round(128 + 24 * megabytes)),
      // The young generation stays V8's own: 8 to 128 MB made no difference to a 20 MB read.
      stackSizeMb: 4,
    },
  };
}

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
  /** Fixed limits instead of `workerLimitsFor` the file's size (tests). */
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

function duration(ms: number): string {
  if (ms < 1000) return 'less than a second';
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

const UNREADABLE = 'Keel could not read the calendar file.';

export class WorkerCalendarParser implements CalendarParserPort {
  private readonly workerFile: string;

  constructor(private readonly options: WorkerCalendarParserOptions = {}) {
    this.workerFile = options.workerFile ?? calendarWorkerFile();
  }

  async parse(request: CalendarParseRequest): Promise<CalendarParseOutcome> {
    // A folder, a device, a pipe or a huge file is refused by its stat alone, without a worker;
    // the worker checks again, on the file it opens.
    const size = await sizeOf(request.filePath);
    if (!size.ok) return size;
    const limits = workerLimitsFor(size.size);
    return this.inWorker(request, {
      timeoutMs: this.options.timeoutMs ?? limits.timeoutMs,
      resourceLimits: this.options.resourceLimits ?? limits.resourceLimits,
    });
  }

  private inWorker(request: CalendarParseRequest, limits: WorkerLimits): Promise<CalendarParseOutcome> {
    return new Promise((resolve) => {
      const input: CalendarWorkerInput = { request: { ...request, addresses: [...request.addresses] } };
      if (this.options.maxBytes !== undefined) input.maxBytes = this.options.maxBytes;
      let worker: Worker;
      try {
        worker = new Worker(this.workerFile, { workerData: input, resourceLimits: limits.resourceLimits });
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
            `Keel stopped reading the calendar file after ${duration(limits.timeoutMs)}; it is too large or too complex to read.`,
          ),
        );
      }, limits.timeoutMs);
      worker.on('message', (outcome: CalendarParseOutcome) => settle(outcome));
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return settle(failure('unreadable', UNREADABLE));
        const heap = limits.resourceLimits.maxOldGenerationSizeMb ?? 0;
        settle(
          failure(
            'too-much-memory',
            `Keel stopped reading the calendar file because it needed more than ${heap} MB of memory.`,
          ),
        );
      });
      worker.on('messageerror', () => settle(failure('unreadable', UNREADABLE)));
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
