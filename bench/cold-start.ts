/**
 * One cold start of Keel's core, in a fresh process (spawned by figures/cold-start.ts):
 * load the modules, open the database (the native addon, WAL, migrations checked) and build the
 * app (createKeelApp), start it (it plans the agenda and arms its one timer) and answer the
 * window's Today calls.
 * Prints one JSON object with the phases in milliseconds.
 *
 * Modules are imported dynamically so their load is timed apart from the work.
 */
import { performance } from 'node:perf_hooks';

async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: cold-start.cjs <data dir>');
  const bootMs = performance.now();
  let mark = process.hrtime.bigint();
  const lap = () => {
    const now = process.hrtime.bigint();
    const ms = Number(now - mark) / 1e6;
    mark = now;
    return ms;
  };

  const [{ ManualClock }, { benchApp }, today, world] = await Promise.all([
    import('../src-main/core/clock'),
    import('./lib/app'),
    import('./lib/today'),
    import('./lib/world'),
  ]);
  const loadMs = lap();

  const clock = new ManualClock(world.NOW);
  // createKeelApp: the database opened (createServices), the app's parts built, not started.
  const { app } = benchApp(dataDir, clock);
  const openMs = lap();

  app.start();
  const runtimeMs = lap();

  await today.todayViewData(app.handlers, world.TODAY);
  const todayMs = lap();

  app.close();
  process.stdout.write(`${JSON.stringify({ bootMs, loadMs, openMs, runtimeMs, todayMs })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
