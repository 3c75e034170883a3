/**
 * Figure 6: memory. See bench/memory.ts for what is measured; this spawns it on a fresh copy of
 * the five-year database and reports the median of three processes.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { emit, log, round, summarize } from '../lib/report';
import { copyDataset, removeDir } from '../lib/world';

const RUNS = 3;
const MB = 1_000_000;

interface MemoryRun {
  before: number;
  after: number;
  heapTotal: number;
  rss: number;
  external: number;
}

export function memoryFigure(baseDir: string, bundleDir: string): void {
  log(`figure 6: heap after the Today view and a one-year summary (${RUNS} fresh processes)`);
  const runs: MemoryRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = copyDataset(baseDir);
    const out = execFileSync(process.execPath, ['--expose-gc', path.join(bundleDir, 'memory.cjs'), dataDir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    removeDir(dataDir);
    runs.push(JSON.parse(out.trim()) as MemoryRun);
  }
  const median = (pick: (r: MemoryRun) => number) => summarize(runs.map(pick)).median;
  const heap = median((r) => r.after);
  emit({
    name: 'memory_heap_used',
    value: round(heap / MB),
    unit: 'MB',
    target: '< 50',
    pass: heap / MB < 50,
    services_delta_mb: round(median((r) => r.after - r.before) / MB),
    process_baseline_mb: round(median((r) => r.before) / MB),
    heap_total_mb: round(median((r) => r.heapTotal) / MB),
    rss_mb: round(median((r) => r.rss) / MB),
    external_mb: round(median((r) => r.external) / MB),
    runs: RUNS,
    note: 'V8 heapUsed of a process holding only Keel (modules loaded, services open, results held), after gc; SQLite page cache is native memory (in rss)',
  });
}
