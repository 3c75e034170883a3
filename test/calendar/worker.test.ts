// The calendar worker (platform/calendar-parser.ts + calendar-worker.ts) on hostile files: each
// is refused with its own sentence, quickly, and the worker never takes the test process with it.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVALID_CALENDAR_MESSAGE } from '../../src-main/core/ics/read';
import {
  calendarWorkerFile,
  InProcessCalendarParser,
  MAX_CALENDAR_BYTES,
  WorkerCalendarParser,
  workerLimitsFor,
} from '../../src-main/platform/calendar-parser';
import type { CalendarWorkerInput } from '../../src-main/platform/calendar-worker';
import type {
  CalendarParseOutcome,
  CalendarParseRequest,
  CalendarParserPort,
} from '../../src-main/services/ports/calendar-parser';
import { calendarWorkerBundle, timeBound, workerParser } from '../helpers/calendar-worker';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '../..');
const FROM = Date.parse('2027-03-01T00:00:00Z');
const TO = Date.parse('2027-04-01T00:00:00Z');

const request = (filePath: string): CalendarParseRequest => ({
  filePath,
  from: FROM,
  to: TO,
  zone: 'Europe/Berlin',
  addresses: ['ada@example.com'],
});

/** A small calendar: two meetings in March 2027, one in May. */
const SMALL = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Keel tests//EN',
  'BEGIN:VEVENT',
  'UID:a@test',
  'DTSTART:20270308T090000Z',
  'DTEND:20270308T093000Z',
  'SUMMARY:Planning',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:b@test',
  'DTSTART:20270301T130000Z',
  'DTEND:20270301T140000Z',
  'SUMMARY:Design review',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:c@test',
  'DTSTART:20270503T090000Z',
  'DTEND:20270503T100000Z',
  'SUMMARY:Later',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** Runs a parse and measures it; fails the test if the promise rejects (the port never throws). */
async function timed(parser: CalendarParserPort, filePath: string) {
  const started = performance.now();
  const outcome = await parser.parse(request(filePath));
  return { outcome, ms: performance.now() - started };
}

function failureOf(outcome: CalendarParseOutcome) {
  if (outcome.ok) throw new Error('expected a failure, got a calendar');
  return outcome;
}

function fifo(dir: string): string {
  const file = path.join(dir, 'calendar.ics');
  execFileSync('mkfifo', [file]);
  return file;
}

const unix = process.platform !== 'win32';

let bundle = '';
beforeAll(async () => {
  bundle = await calendarWorkerBundle();
}, 60_000);

describe.each([
  ['in a worker', () => workerParser()],
  ['in process', async () => new InProcessCalendarParser()],
])('reading a calendar file %s', (_how, makeParser) => {
  it('reads a calendar: the occurrences in the window, sorted, and the file it read', async () => {
    const file = path.join(tempDir(), 'work.ics');
    fs.writeFileSync(file, `\uFEFF${SMALL}`);
    const { outcome } = await timed(await makeParser(), file);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.occurrences.map((o) => [o.uid, new Date(o.start).toISOString(), o.title])).toEqual([
      ['b@test', '2027-03-01T13:00:00.000Z', 'Design review'],
      ['a@test', '2027-03-08T09:00:00.000Z', 'Planning'],
    ]);
    const stat = fs.statSync(file);
    expect(outcome.file).toEqual({ size: stat.size, mtimeMs: stat.mtimeMs });
    expect(outcome.stats.events).toBe(3);
  });

  it.runIf(unix)('refuses /dev/zero as not a file, at once', async () => {
    const { outcome, ms } = await timed(await makeParser(), '/dev/zero');
    expect(failureOf(outcome)).toEqual({
      ok: false,
      failure: 'not-a-file',
      message: expect.stringMatching(/not an ordinary file/),
    });
    expect(ms).toBeLessThan(timeBound(1000));
  });

  it.runIf(unix)('refuses a FIFO without opening it for reading (that would wait for a writer)', async () => {
    const { outcome, ms } = await timed(await makeParser(), fifo(tempDir()));
    expect(failureOf(outcome).failure).toBe('not-a-file');
    expect(ms).toBeLessThan(timeBound(1000));
  });

  it.runIf(unix)('refuses a link to /dev/zero: what the link points at counts', async () => {
    const link = path.join(tempDir(), 'calendar.ics');
    fs.symlinkSync('/dev/zero', link);
    const { outcome } = await timed(await makeParser(), link);
    expect(failureOf(outcome).failure).toBe('not-a-file');
  });

  it('refuses a folder with its own sentence', async () => {
    const { outcome } = await timed(await makeParser(), tempDir());
    expect(failureOf(outcome)).toMatchObject({
      failure: 'not-a-file',
      message: expect.stringMatching(/folder/),
    });
  });

  it('says a missing file may have been moved or deleted', async () => {
    const { outcome } = await timed(await makeParser(), path.join(tempDir(), 'gone.ics'));
    expect(failureOf(outcome)).toMatchObject({
      failure: 'unreadable',
      message: expect.stringMatching(/moved or deleted/),
    });
  });

  it('refuses a 60 MB file by its size, naming the limit, before reading it', async () => {
    const file = path.join(tempDir(), 'huge.ics');
    // Sparse: 60 MB by its size, nothing on disk; the size alone must refuse it.
    fs.writeFileSync(file, SMALL);
    fs.truncateSync(file, 60 * 1024 * 1024);
    const { outcome, ms } = await timed(await makeParser(), file);
    expect(failureOf(outcome)).toEqual({
      ok: false,
      failure: 'too-big',
      message: 'The calendar file is 60 MB; Keel reads calendar files of up to 50 MB.',
    });
    expect(ms).toBeLessThan(timeBound(1000));
  });

  it('refuses a binary file (a PNG) as not a calendar', async () => {
    const { outcome, ms } = await timed(await makeParser(), path.join(ROOT, 'assets/icon.png'));
    expect(failureOf(outcome)).toMatchObject({
      failure: 'not-a-calendar',
      message: INVALID_CALENDAR_MESSAGE,
    });
    expect(ms).toBeLessThan(timeBound(1000));
  });

  it('refuses 45 MB of random bytes as not a calendar, in under a second', async () => {
    const file = path.join(tempDir(), 'random.ics');
    fs.writeFileSync(file, crypto.randomBytes(45 * 1024 * 1024));
    const { outcome, ms } = await timed(await makeParser(), file);
    expect(failureOf(outcome).failure).toBe('not-a-calendar');
    expect(ms).toBeLessThan(timeBound(1000));
  });

  it('refuses a text file that is not a calendar with the reader’s sentence', async () => {
    const { outcome } = await timed(await makeParser(), path.join(ROOT, 'README.md'));
    expect(failureOf(outcome)).toEqual({
      ok: false,
      failure: 'not-a-calendar',
      message: INVALID_CALENDAR_MESSAGE,
    });
  });
});

describe('reading the bytes', () => {
  it('reads a UTF-16 file by its byte-order mark', async () => {
    const file = path.join(tempDir(), 'utf16.ics');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SMALL, 'utf16le')]));
    const outcome = await new InProcessCalendarParser().parse(request(file));
    expect(outcome.ok && outcome.occurrences.map((o) => o.title)).toEqual(['Design review', 'Planning']);
  });

  it.runIf(process.platform === 'linux')(
    'stops at the limit however small the file says it is (a /proc file has size 0)',
    async () => {
      expect(fs.statSync('/proc/self/status').size).toBe(0);
      const outcome = await new InProcessCalendarParser(undefined, 100).parse(request('/proc/self/status'));
      expect(failureOf(outcome).failure).toBe('too-big');
    },
  );

  it.runIf(unix)(
    'never waits on a FIFO, even inside the worker (a file swapped after the host looked)',
    async () => {
      // The host refuses a FIFO by its stat before starting a worker; here the worker itself is
      // given one, as if the path had been replaced between the two.
      const file = fifo(tempDir());
      const input: CalendarWorkerInput = { request: request(file) };
      const started = performance.now();
      const outcome = await new Promise<CalendarParseOutcome>((resolve, reject) => {
        const worker = new Worker(bundle, { workerData: input });
        worker.once('message', (message: CalendarParseOutcome) => {
          resolve(message);
          void worker.terminate();
        });
        worker.once('error', reject);
      });
      expect(failureOf(outcome).failure).toBe('not-a-file');
      expect(performance.now() - started).toBeLessThan(timeBound(1000));
    },
  );
});

describe('the worker’s limits', () => {
  it('grow with the file: a small hostile file fails fast, the largest file allowed has room', () => {
    const small = workerLimitsFor(400);
    expect(small.resourceLimits.maxOldGenerationSizeMb).toBe(128);
    expect(small.timeoutMs).toBe(10_000);
    const twenty = workerLimitsFor(20 * 1024 * 1024);
    expect(twenty.resourceLimits.maxOldGenerationSizeMb).toBe(608);
    expect(twenty.timeoutMs).toBe(30_000);
    expect(workerLimitsFor(MAX_CALENDAR_BYTES).resourceLimits.maxOldGenerationSizeMb).toBe(1024);
  });
});

describe('where the host finds the worker', () => {
  it('beside its own bundle, and the unpacked copy inside a packaged app', async () => {
    expect(calendarWorkerFile(path.join(path.dirname(path.dirname(bundle)), 'main'))).toBe(bundle);
    expect(calendarWorkerFile('/opt/Keel/resources/app.asar/dist/cli')).toBe(
      '/opt/Keel/resources/app.asar.unpacked/dist/worker/calendar-worker.cjs',
    );
  });
});

describe('the worker', () => {
  it('gives each failure its own sentence', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.ics');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_CALENDAR_BYTES + 1);
    const parser = await workerParser();
    const messages = await Promise.all(
      ['/dev/zero', dir, path.join(dir, 'gone.ics'), big, path.join(ROOT, 'assets/icon.png')].map(
        async (file) => failureOf(await parser.parse(request(file))).message,
      ),
    );
    expect(new Set(messages).size).toBe(messages.length);
    expect(failureOf(await parser.parse(request(big))).message).toBe(
      'The calendar file is over 50 MB; Keel reads calendar files of up to 50 MB.',
    );
  });

  it('that needs more memory than its limit is ended, and says so; the test process is unharmed', async () => {
    const file = path.join(tempDir(), 'busy.ics');
    fs.writeFileSync(file, manyEvents(40_000));
    const before = process.memoryUsage().heapUsed;
    const tight = await workerParser({
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
    });
    // The limit is enough for a worker reading a small calendar: it is the big one that needs more.
    const small = path.join(tempDir(), 'small.ics');
    fs.writeFileSync(small, SMALL);
    expect((await tight.parse(request(small))).ok).toBe(true);
    const outcome = failureOf(await tight.parse(request(file)));
    expect(outcome).toEqual({
      ok: false,
      failure: 'too-much-memory',
      message: 'Keel stopped reading the calendar file because it needed more than 16 MB of memory.',
    });
    // Nothing of the worker's heap came over, and the next parse works.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
    expect((await tight.parse(request(small))).ok).toBe(true);
  });

  it('that takes longer than its deadline is ended, and says so', async () => {
    const file = path.join(tempDir(), 'busy.ics');
    // Reading 40,000 events takes well over 50 ms on any machine.
    fs.writeFileSync(file, manyEvents(40_000));
    const parser = await workerParser({ timeoutMs: 50 });
    const outcome = failureOf(await parser.parse(request(file)));
    expect(outcome).toEqual({
      ok: false,
      failure: 'too-slow',
      message:
        'Keel stopped reading the calendar file after less than a second; it is too large or too complex to read.',
    });
    const small = path.join(tempDir(), 'small.ics');
    fs.writeFileSync(small, SMALL);
    expect((await (await workerParser()).parse(request(small))).ok).toBe(true);
  });

  it('that cannot start is a failure, not an exception', async () => {
    const parser = new WorkerCalendarParser({ workerFile: path.join(tempDir(), 'no-such-worker.cjs') });
    const file = path.join(tempDir(), 'work.ics');
    fs.writeFileSync(file, SMALL);
    expect(failureOf(await parser.parse(request(file))).failure).toBe('unreadable');
  });

  it('reads several files at once, each in its own worker', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'good.ics');
    fs.writeFileSync(good, SMALL);
    const parser = await workerParser();
    const outcomes = await Promise.all([good, '/dev/zero', good].map((f) => parser.parse(request(f))));
    expect(outcomes.map((o) => (o.ok ? o.occurrences.length : o.failure))).toEqual([2, 'not-a-file', 2]);
  });
});

/** `count` one-hour UTC meetings, one a day from 2020, with a long folded description each. */
function manyEvents(count: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Keel tests//EN'];
  const day = Date.parse('2020-01-01T09:00:00Z');
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
  for (let i = 0; i < count; i++) {
    const start = day + i * 86_400_000;
    lines.push(
      'BEGIN:VEVENT',
      `UID:event-${i}@test`,
      `DTSTART:${stamp(start)}`,
      `DTEND:${stamp(start + 3_600_000)}`,
      `SUMMARY:Meeting ${i}`,
      `DESCRIPTION:${'An agenda line that goes on for a while. '.repeat(3)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}
