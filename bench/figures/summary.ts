/**
 * Figure 2: building the one-on-one summary for the last two weeks and for the last year, out of
 * five years of data, on services opened as the app opens them (createKeelApp), the way the window's preview asks
 * for it (see bench/summary-hook.ts).
 */
import { ManualClock } from '../../src-main/core/clock';
import { addLocalDays } from '../../src-main/core/time';
import { benchApp } from '../lib/app';
import { emit, log, round, time, timeAsync, timing } from '../lib/report';
import { copyDataset, NOW, removeDir, TODAY } from '../lib/world';
import { SUMMARY_PATH, summaryBuilder, summaryModel } from '../summary-hook';

const PERIODS = [
  { name: 'summary_2w_median', days: 14, target: 2, runs: { warmup: 30, iterations: 300 } },
  { name: 'summary_1y_median', days: 365, target: 5, runs: { warmup: 3, iterations: 25 } },
] as const;

export async function summaryFigures(baseDir: string): Promise<void> {
  log('figure 2: summary build (2 weeks, 1 year)');
  const dataDir = copyDataset(baseDir);
  const clock = new ManualClock(NOW);
  const { app, services } = benchApp(dataDir, clock);
  for (const period of PERIODS) {
    const from = addLocalDays(TODAY, -(period.days - 1));
    const sample = await timeAsync(summaryBuilder(services, from, TODAY), period.runs);
    const model = time(summaryModel(services, from, TODAY), period.runs);
    emit({
      name: period.name,
      value: round(sample.median),
      unit: 'ms',
      target: `< ${period.target}`,
      pass: sample.median < period.target,
      ...timing(sample),
      from,
      to: TODAY,
      path: SUMMARY_PATH,
      model_only_median_ms: round(model.median),
    });
  }
  app.close();
  removeDir(dataDir);
}
