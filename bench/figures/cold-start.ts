/**
 * Figure 3: core cold start. Each run is a new Node process on a fresh copy of the five-year
 * database (copied before the process starts, so the OS file cache is warm, as after a reboot
 * and a first launch it would not be). The figure is open + runtime start + the Today calls:
 * everything main does before the window can show Today, apart from loading code. Loading the
 * modules and Node's own start are reported beside it (Electron's are different again).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { emit, log, round, summarize } from '../lib/report';
import { copyDataset, removeDir } from '../lib/world';

const RUNS = 9;

interface ColdRun {
  bootMs: number;
  loadMs: number;
  openMs: number;
  runtimeMs: number;
  todayMs: number;
}

export function coldStartFigure(baseDir: string, bundleDir: string): void {
  log(`figure 3: core cold start (${RUNS} fresh processes)`);
  const runs: ColdRun[] = [];
  // One unmeasured run first: the first process after a build pays for reading the bundle from disk.
  for (let i = 0; i < RUNS + 1; i++) {
    const dataDir = copyDataset(baseDir);
    const out = execFileSync(process.execPath, [path.join(bundleDir, 'cold-start.cjs'), dataDir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    removeDir(dataDir);
    if (i > 0) runs.push(JSON.parse(out.trim()) as ColdRun);
  }
  const total = summarize(runs.map((r) => r.openMs + r.runtimeMs + r.todayMs));
  const median = (pick: (r: ColdRun) => number) => round(summarize(runs.map(pick)).median);
  emit({
    name: 'cold_start_median',
    value: round(total.median),
    unit: 'ms',
    target: '< 50',
    pass: total.median < 50,
    p95: round(total.p95),
    min: round(total.min),
    runs: RUNS,
    open_ms: median((r) => r.openMs),
    runtime_start_ms: median((r) => r.runtimeMs),
    today_calls_ms: median((r) => r.todayMs),
    module_load_ms: median((r) => r.loadMs),
    node_boot_ms: median((r) => r.bootMs),
    note: 'open (createKeelApp: createServices with the native addon, WAL, migrations check; the app parts built) + app.start (agenda planned, one timer armed) + Today calls via dispatch; module load and Node boot not included',
  });
}
