/**
 * Figure 7 (issue #15): importing the user's calendar file through the worker, as the app and the
 * CLI do (platform/calendar-parser.ts, the worker bundled beside this script by bench/run.mjs):
 * realistic Exchange-style exports of 1, 5 and 20 MB (time per MB and per 10,000 events), and
 * the hostile files, each refused or trimmed. Times are wall clock from parse() to its answer,
 * worker start-up included; the window is the one the calendar service keeps (35 days back,
 * 190 on).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WorkerCalendarParser } from '../../src-main/platform/calendar-parser';
import type { CalendarParseOutcome } from '../../src-main/services/ports/calendar-parser';
import {
  manyZonesCalendar,
  minutelyZoneCalendar,
  OWNER,
  realisticCalendar,
  undefinedZonesCalendar,
} from '../lib/calendar-files';
import { emit, log, round, summarize, msSince } from '../lib/report';

const DAY = 86_400_000;
const NOW = Date.parse('2027-03-15T09:00:00Z');
const FROM = NOW - 35 * DAY;
const TO = NOW + 190 * DAY;
const MB = 1024 * 1024;

/** Sizes of the realistic exports, in MB; the last is the "20 MB in under 5 s". */
const SIZES = [1, 5, 20] as const;
const RUNS = { warmup: 1, iterations: 5 };

/**
 * Parses `filePath` `warmup + iterations` times: wall time per parse, and the CPU time of the
 * whole process meanwhile (the worker, its garbage collection and its start; this thread only
 * waits), which other work on a busy machine does not inflate.
 */
async function measure(parser: WorkerCalendarParser, filePath: string, runs = RUNS) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let last: CalendarParseOutcome | null = null;
  for (let i = 0; i < runs.warmup + runs.iterations; i++) {
    const used = process.cpuUsage();
    const start = process.hrtime.bigint();
    last = await parser.parse({ filePath, from: FROM, to: TO, zone: 'Europe/Berlin', addresses: [OWNER] });
    if (i < runs.warmup) continue;
    wall.push(msSince(start));
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  const sample = summarize(wall);
  return {
    sample,
    ok: last?.ok === true,
    context: {
      p95: round(sample.p95),
      min: round(sample.min),
      cpu_median_ms: round(summarize(cpu).median),
      iterations: sample.n,
      ...(last ? what(last) : {}),
    },
  };
}

const what = (outcome: CalendarParseOutcome) =>
  outcome.ok
    ? {
        outcome: 'read',
        occurrences: outcome.occurrences.length,
        dropped_series: outcome.stats.droppedSeries,
        trimmed: outcome.stats.trimmedOccurrences,
        unreadable_events: outcome.stats.unreadableEvents,
      }
    : { outcome: outcome.failure, message: outcome.message };

async function realisticFigures(parser: WorkerCalendarParser, dir: string): Promise<void> {
  for (const size of SIZES) {
    const generated = realisticCalendar(size * MB);
    const file = path.join(dir, `export-${size}mb.ics`);
    fs.writeFileSync(file, generated.text);
    const { sample, ok, context } = await measure(parser, file);
    const target = size === 20 ? { target: '< 5000', pass: sample.median < 5000 && ok } : {};
    emit({
      name: `calendar_import_${size}mb_median`,
      value: round(sample.median),
      unit: 'ms',
      ...target,
      ...context,
      bytes: generated.bytes,
      events: generated.events,
    });
    if (size !== 20) continue;
    emit({
      name: 'calendar_import_ms_per_mb',
      value: round(sample.median / (generated.bytes / MB)),
      unit: 'ms/MB',
      bytes: generated.bytes,
    });
    emit({
      name: 'calendar_import_ms_per_10k_events',
      value: round(sample.median / (generated.events / 10_000)),
      unit: 'ms/10k events',
      events: generated.events,
    });
  }
}

/**
 * The hostile files of the issue, three reads each: each answered (refused, or read with the
 * absurd part dropped) within 1 s.
 */
async function hostileFigures(parser: WorkerCalendarParser, dir: string): Promise<void> {
  const write = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const huge = write('huge.ics', '');
  fs.truncateSync(huge, 60 * MB);
  const fifo = path.join(dir, 'fifo.ics');
  const files: [string, string | null][] = [
    ['minutely_vtimezone', write('minutely.ics', minutelyZoneCalendar())],
    ['5000_vtimezones', write('zones.ics', manyZonesCalendar(5000))],
    ['undefined_tzids', write('undefined.ics', undefinedZonesCalendar(5000))],
    ['60mb', huge],
    ['dev_zero', process.platform === 'win32' ? null : '/dev/zero'],
    ['fifo', process.platform === 'win32' ? null : (execFileSync('mkfifo', [fifo]), fifo)],
  ];
  for (const [name, file] of files) {
    if (file === null) continue;
    const { sample, context } = await measure(parser, file, { warmup: 0, iterations: 3 });
    emit({
      name: `calendar_hostile_${name}`,
      value: round(sample.median),
      unit: 'ms',
      target: '< 1000',
      pass: sample.median < 1000,
      ...context,
    });
  }
}

export async function calendarImportFigures(bundleDir: string, workDir: string): Promise<void> {
  log('figure 7: calendar import through the worker (1, 5, 20 MB; hostile files)');
  const parser = new WorkerCalendarParser({ workerFile: path.join(bundleDir, 'calendar-worker.cjs') });
  const dir = fs.mkdtempSync(path.join(workDir, 'calendar-'));
  try {
    await realisticFigures(parser, dir);
    await hostileFigures(parser, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
