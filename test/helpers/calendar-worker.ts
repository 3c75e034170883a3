import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import {
  WorkerCalendarParser,
  type WorkerCalendarParserOptions,
} from '../../src-main/platform/calendar-parser';

const ROOT = path.resolve(__dirname, '../..');

let built: Promise<string> | null = null;

/**
 * The calendar worker bundled from the sources, as scripts/build.mjs bundles it, once per test
 * process: `<temp>/worker/calendar-worker.cjs`, so `<temp>/main` stands for dist/main. The folder
 * goes when the process exits.
 */
export function calendarWorkerBundle(): Promise<string> {
  built ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-calendar-worker-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    const outfile = path.join(dir, 'worker', 'calendar-worker.cjs');
    await build({
      absWorkingDir: ROOT,
      entryPoints: ['src-main/platform/calendar-worker.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
    });
    return outfile;
  })();
  return built;
}

/** A parser running the real worker bundle (limits and timeout as given, Keel's otherwise). */
export async function workerParser(options: WorkerCalendarParserOptions = {}): Promise<WorkerCalendarParser> {
  return new WorkerCalendarParser({ workerFile: await calendarWorkerBundle(), ...options });
}

/**
 * A time bound for "answered in under `ms`" on a machine that may be running other work: `ms` as
 * long as there are no more runnable tasks than cores (an idle machine, or `npm test`'s usual
 * load), and stretched by the overload beyond that (wall time under contention grows with it).
 * Still far below what the bounds guard against: hostile files that took 30 s to minutes.
 */
export function timeBound(ms: number): number {
  return ms * Math.max(1, os.loadavg()[0]! / os.availableParallelism());
}
