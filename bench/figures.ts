/**
 * The benchmarks' entry, bundled by bench/run.mjs and run once per figure group in its own
 * process: `node figures.cjs <group> <dataset dir> <repo root>`. Figures go to stdout as JSON
 * lines, the rest to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateDataset } from './lib/dataset';
import { emit, log } from './lib/report';
import { calendarImportFigures } from './figures/calendar-import';
import { checkinAppendFigures } from './figures/checkin-append';
import { coldStartFigure } from './figures/cold-start';
import { memoryFigure } from './figures/memory';
import { recurFigures } from './figures/recur';
import { firstRenderFigure, rendererSizeFigures } from './figures/renderer';
import { summaryFigures } from './figures/summary';
import { wakeupFigures } from './figures/wakeups';
import { DATA_FROM, DATA_TO } from './lib/world';

export const GROUPS = [
  'dataset',
  'append',
  'summary',
  'cold',
  'wakeups',
  'renderer',
  'memory',
  'calendar',
  'recur',
] as const;
type Group = (typeof GROUPS)[number];

async function run(group: Group, baseDir: string, root: string): Promise<void> {
  const bundleDir = __dirname;
  switch (group) {
    case 'dataset': {
      fs.mkdirSync(baseDir, { recursive: true });
      const { generateMs, ...counts } = generateDataset(baseDir);
      emit({
        name: 'dataset_generate',
        value: generateMs,
        unit: 'ms',
        from: DATA_FROM,
        to: DATA_TO,
        ...counts,
      });
      return;
    }
    case 'append':
      return checkinAppendFigures(baseDir);
    case 'summary':
      return summaryFigures(baseDir);
    case 'cold':
      return coldStartFigure(baseDir, bundleDir);
    case 'wakeups':
      return wakeupFigures(baseDir);
    case 'renderer':
      rendererSizeFigures(root);
      return firstRenderFigure(root, baseDir);
    case 'memory':
      return memoryFigure(baseDir, bundleDir);
    case 'calendar':
      return calendarImportFigures(bundleDir, path.dirname(baseDir));
    case 'recur':
      return recurFigures();
  }
}

const [group, baseDir, root] = process.argv.slice(2);
if (!GROUPS.includes(group as Group) || !baseDir || !root) {
  log(`usage: figures.cjs <${GROUPS.join('|')}> <dataset dir> <repo root>`);
  process.exit(2);
}
run(group as Group, path.resolve(baseDir), path.resolve(root)).catch((error: unknown) => {
  log(`${group} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
