/**
 * One cold start of Keel's core, in a fresh process (spawned by figures/cold-start.ts):
 * load the modules, open the database (the native addon, WAL, migrations checked), start the
 * runtime (it plans the agenda and arms its one timer) and answer the window's Today calls.
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

  const [{ ManualClock }, { createHandlers }, { createServices }, { KeelRuntime }, recording, today, world] =
    await Promise.all([
      import('../src-main/core/clock'),
      import('../src-main/ipc/handlers'),
      import('../src-main/services'),
      import('../src-main/services/runtime'),
      import('../src-main/platform/recording'),
      import('./lib/today'),
      import('./lib/world'),
    ]);
  const loadMs = lap();

  const clock = new ManualClock(world.NOW);
  const services = createServices({
    dataDir,
    clock,
    version: 'bench',
    systemZone: () => world.ZONE,
    timers: clock,
  });
  const openMs = lap();

  const runtime = new KeelRuntime({
    services,
    clock,
    timers: clock,
    tray: new recording.RecordingTray(),
    notifier: new recording.RecordingNotifier(() => clock.now()),
    power: new recording.FakePower(),
    shell: new recording.RecordingShell(),
    push: () => undefined,
  });
  runtime.start();
  const runtimeMs = lap();

  await today.todayViewData(createHandlers(services), world.TODAY);
  const todayMs = lap();

  runtime.stop();
  services.close();
  process.stdout.write(`${JSON.stringify({ bootMs, loadMs, openMs, runtimeMs, todayMs })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
