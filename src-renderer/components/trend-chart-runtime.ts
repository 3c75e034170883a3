/**
 * The part of TrendChart that needs chart.js. TrendChart loads this module with a dynamic
 * import, so chart.js lands in its own chunk, fetched only when a chart is on screen. Only the
 * pieces a line chart over weeks uses are registered, so the rest of chart.js is tree-shaken.
 */
import {
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

/** Everything the chart draws, already resolved to concrete colours and numbers. */
export interface TrendChartSpec {
  labels: string[];
  series: { label: string; values: (number | null)[]; color: string }[];
  /** A dashed horizontal line, e.g. the usual end of working hours. */
  reference: { label: string; value: number; color: string } | null;
  axis: { min: number; max: number; step: number };
  /** Tick, tooltip and table text for a value. */
  format: (value: number) => string;
  /** A tooltip's line for a series' value ("Workload: 3.5"), in the window's language. */
  tooltip: (series: string, value: string) => string;
  colors: { text: string; muted: string; grid: string; surface: string; border: string };
  font: string;
  reducedMotion: boolean;
}

export interface TrendChartHandle {
  update(spec: TrendChartSpec): void;
  destroy(): void;
}

/** The series as chart.js datasets, and the reference line (dashed) when there is one. */
function datasetsOf(spec: TrendChartSpec): ChartDataset<'line', (number | null)[]>[] {
  const dense = spec.labels.length > 20;
  const datasets: ChartDataset<'line', (number | null)[]>[] = spec.series.map((s) => ({
    label: s.label,
    data: s.values,
    borderColor: s.color,
    backgroundColor: s.color,
    pointBackgroundColor: spec.colors.surface,
    pointBorderColor: s.color,
    pointBorderWidth: 2,
    pointRadius: dense ? 2 : 3.5,
    pointHoverRadius: dense ? 4 : 5,
    borderWidth: 2,
    tension: 0.25,
    spanGaps: false,
    // Points on a fixed axis's edge (a rating of 5) are drawn whole, not cut in half.
    clip: false,
  }));
  if (spec.reference) {
    datasets.push({
      label: spec.reference.label,
      data: spec.labels.map(() => spec.reference?.value ?? null),
      borderColor: spec.reference.color,
      borderDash: [5, 5],
      borderWidth: 1.5,
      pointRadius: 0,
      pointHoverRadius: 0,
      pointHitRadius: 0,
      tension: 0,
    });
  }
  return datasets;
}

function configOf(spec: TrendChartSpec): ChartConfiguration<'line', (number | null)[], string> {
  const datasets = datasetsOf(spec);
  return {
    type: 'line',
    data: { labels: spec.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: spec.reducedMotion ? false : { duration: 240 },
      interaction: { mode: 'index', intersect: false },
      font: { family: spec.font },
      layout: { padding: { top: 4, right: 4 } },
      scales: {
        x: {
          grid: { display: false },
          border: { color: spec.colors.border },
          ticks: {
            color: spec.colors.muted,
            maxRotation: 0,
            autoSkipPadding: 12,
            font: { family: spec.font },
          },
        },
        y: {
          min: spec.axis.min,
          max: spec.axis.max,
          grid: { color: spec.colors.grid },
          border: { display: false },
          ticks: {
            color: spec.colors.muted,
            stepSize: spec.axis.step,
            font: { family: spec.font },
            callback: (value) => spec.format(Number(value)),
          },
        },
      },
      plugins: {
        tooltip: {
          backgroundColor: spec.colors.surface,
          titleColor: spec.colors.text,
          bodyColor: spec.colors.text,
          borderColor: spec.colors.border,
          borderWidth: 1,
          padding: 10,
          boxPadding: 4,
          titleFont: { family: spec.font },
          bodyFont: { family: spec.font },
          callbacks: {
            label: (item) =>
              item.parsed.y === null
                ? ''
                : spec.tooltip(item.dataset.label ?? '', spec.format(item.parsed.y)),
          },
        },
      },
    },
  };
}

/** Draws a line chart on `context`; `update` redraws it with new data or colours in place. */
export function createTrendChart(context: CanvasRenderingContext2D, spec: TrendChartSpec): TrendChartHandle {
  const chart = new Chart(context, configOf(spec));
  return {
    update(next) {
      const config = configOf(next);
      chart.data = config.data;
      if (config.options) chart.options = config.options;
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
