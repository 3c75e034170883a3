/**
 * Figure 6 in a fresh process (`node --expose-gc`, spawned by figures/memory.ts): the V8 heap
 * after Keel's services have answered the Today view and built a one-year summary over five years
 * of data, with everything they returned still held (as main holds it until sent). Prints one
 * JSON object (bytes).
 */
import { ManualClock } from '../src-main/core/clock';
import { addLocalDays } from '../src-main/core/time';
import { benchApp } from './lib/app';
import { todayViewData } from './lib/today';
import { NOW, TODAY } from './lib/world';
import { summaryBuilder } from './summary-hook';

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  // Twice: the first pass can leave finalizable objects for the second.
  gc();
  gc();
}

async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: memory.cjs <data dir>');
  collect();
  const before = process.memoryUsage();

  const clock = new ManualClock(NOW);
  // Opened as the app opens it (createKeelApp), not started: the figure is the services' heap.
  const { app, services } = benchApp(dataDir, clock);
  const today = await todayViewData(app.handlers, TODAY);
  const summary = await summaryBuilder(services, addLocalDays(TODAY, -364), TODAY)();
  collect();
  const after = process.memoryUsage();
  const held = [today, summary];

  process.stdout.write(
    `${JSON.stringify({
      before: before.heapUsed,
      after: after.heapUsed,
      heapTotal: after.heapTotal,
      rss: after.rss,
      external: after.external,
      held: held.length,
    })}\n`,
  );
  app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
