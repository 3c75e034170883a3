import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../i18n/KeelIntl';
import { windowFormat, windowMessage } from '../i18n/window-locale';
import type { TrendChartHandle, TrendChartSpec } from './trend-chart-runtime';
import './TrendChart.css';

/** A value as the window's locale writes numbers ("3.5", "3,5"). */
function plainNumber(value: number): string {
  return windowFormat().number(value);
}

/** One line: a value (or null, a gap) per label. */
export interface TrendSeries {
  label: string;
  values: readonly (number | null)[];
}

export interface TrendChartProps {
  /** The chart's accessible name, e.g. "When your days ended, week by week". */
  title: string;
  /** What the chart shows and its takeaway, in a sentence or two (its accessible description). */
  description: string;
  /** The x axis: one short label per point ("3 Mar"). */
  labels: readonly string[];
  /** The table's row headers, when they say more than the axis ("Week of Mon 3 Mar"). */
  rowLabels?: readonly string[];
  /** The table's first column header ("Week"). */
  labelHeader: string;
  /** The lines, drawn in the palette's order (accent first). */
  series: readonly TrendSeries[];
  /** A dashed horizontal line, e.g. the usual end of working hours. */
  reference?: { label: string; value: number } | null;
  /** Axis, tooltip and table text for a value; numbers as they are by default. */
  formatValue?: (value: number) => string;
  /** Table text for a value, when it needs more words than the axis ("00:40 (after midnight)"). */
  formatCell?: (value: number) => string;
  /** The y axis tick step, in the values' unit. */
  step?: number;
  /** A fixed y axis (a 1–5 rating, a 0–100 score) instead of one fitted to the values. */
  bounds?: { min: number; max: number } | null;
  /** Columns only the table shows, one cell per label. */
  extraColumns?: readonly { header: string; cells: readonly string[] }[];
  className?: string;
}

/** Colour tokens the chart reads through probe elements, so light-dark() resolves per theme. */
const INKS = [
  'series-0',
  'series-1',
  'series-2',
  'reference',
  'text',
  'muted',
  'grid',
  'surface',
  'border',
] as const;
type Ink = (typeof INKS)[number];
const SERIES_INKS = ['series-0', 'series-1', 'series-2'] as const;

type Phase = 'loading' | 'ready' | 'unavailable';

const loadRuntime = () => import('./trend-chart-runtime');

/** Whether this page can draw on a canvas at all (jsdom, for one, cannot). */
function canvasSupported(): boolean {
  try {
    return typeof document !== 'undefined' && document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/**
 * The canvas's chart: created once chart.js has loaded (or "unavailable" without a canvas or the
 * chunk), redrawn when the data or the theme changes, destroyed with the component.
 */
function useChartCanvas(dataKey: string, formatValue: (value: number) => string) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const inksRef = useRef<HTMLSpanElement>(null);
  const chartRef = useRef<TrendChartHandle | null>(null);
  const [phase, setPhase] = useState<Phase>(() => (canvasSupported() ? 'loading' : 'unavailable'));
  const theme = useThemeVersion();

  // Redraw only when what is drawn changed; the effects read the data back from the key, and
  // call the latest formatter at draw time.
  const latest = useRef({ dataKey, formatValue });
  useEffect(() => {
    latest.current = { dataKey, formatValue };
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d') ?? null;
    if (!canvas || !context) return;
    let live = true;
    loadRuntime().then(
      (runtime) => {
        if (!live) return;
        try {
          chartRef.current = runtime.createTrendChart(context, specNow(canvas, inksRef.current, latest));
          setPhase('ready');
        } catch {
          setPhase('unavailable');
        }
      },
      () => {
        if (live) setPhase('unavailable');
      },
    );
    return () => {
      live = false;
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    const canvas = canvasRef.current;
    if (chart && canvas) chart.update(specNow(canvas, inksRef.current, latest));
  }, [dataKey, theme]);

  return { canvasRef, inksRef, phase };
}

/**
 * A small line chart of values over time (weeks), drawn with chart.js loaded on demand. It is
 * an image with a name and a description for assistive technology, and its numbers are always in
 * a table (under "Show the numbers"). Where there is no canvas (tests, a failed chunk) the table
 * is shown instead. Colours come from the design tokens and follow the theme.
 */
export function TrendChart({
  title,
  description,
  labels,
  rowLabels,
  labelHeader,
  series,
  reference = null,
  formatValue = plainNumber,
  formatCell,
  step,
  bounds = null,
  extraColumns = [],
  className,
}: TrendChartProps) {
  const descriptionId = useId();
  const t = useMessages();
  // Callers pass fresh arrays on every render: what is drawn is compared as this key.
  const dataKey = JSON.stringify({ labels, series, reference, step, bounds } satisfies DrawnData);
  const { canvasRef, inksRef, phase } = useChartCanvas(dataKey, formatValue);

  const table = (
    <TrendTable
      caption={title}
      labelHeader={labelHeader}
      rowLabels={rowLabels ?? labels}
      series={series}
      extraColumns={extraColumns}
      format={formatCell ?? formatValue}
    />
  );

  return (
    <figure className={['trend-chart', className ?? ''].filter(Boolean).join(' ')}>
      <span ref={inksRef} className="trend-chart__inks" aria-hidden="true">
        {INKS.map((ink) => (
          <span key={ink} className={`trend-chart__ink trend-chart__ink--${ink}`} />
        ))}
      </span>
      {phase === 'unavailable' ? (
        <>
          <figcaption className="trend-chart__fallback">{description}</figcaption>
          {table}
        </>
      ) : (
        <>
          <div className="trend-chart__canvas" aria-busy={phase === 'loading' || undefined}>
            <canvas ref={canvasRef} role="img" aria-label={title} aria-describedby={descriptionId} />
          </div>
          <p id={descriptionId} className="visually-hidden">
            {description}
          </p>
          <Legend series={series} reference={reference} />
          <details className="trend-chart__details">
            <summary className="trend-chart__summary">{t('checkin.chart.showNumbers')}</summary>
            {table}
          </details>
        </>
      )}
    </figure>
  );
}

function Legend({
  series,
  reference,
}: {
  series: readonly TrendSeries[];
  reference: { label: string; value: number } | null;
}) {
  if (series.length < 2 && reference === null) return null;
  return (
    <ul className="trend-chart__legend" aria-hidden="true">
      {series.map((s, i) => (
        <li key={s.label} className={`trend-chart__key trend-chart__key--series-${i % SERIES_INKS.length}`}>
          {s.label}
        </li>
      ))}
      {reference !== null && (
        <li className="trend-chart__key trend-chart__key--reference">{reference.label}</li>
      )}
    </ul>
  );
}

function TrendTable({
  caption,
  labelHeader,
  rowLabels,
  series,
  extraColumns,
  format,
}: {
  caption: string;
  labelHeader: string;
  rowLabels: readonly string[];
  series: readonly TrendSeries[];
  extraColumns: readonly { header: string; cells: readonly string[] }[];
  format: (value: number) => string;
}) {
  const t = useMessages();
  return (
    // A long table scrolls inside its box; the box takes focus so the keyboard can scroll it.
    <div
      className="trend-chart__table-wrap"
      role="region"
      aria-label={t('checkin.chart.numbers', { caption })}
      tabIndex={0}
    >
      <table className="trend-chart__table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
            {extraColumns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowLabels.map((label, row) => (
            <tr key={`${label}-${row}`}>
              <th scope="row">{label}</th>
              {series.map((s) => {
                const value = s.values[row];
                return (
                  <td key={s.label} className="tabular">
                    {value === null || value === undefined ? <NoData /> : format(value)}
                  </td>
                );
              })}
              {extraColumns.map((c) => (
                <td key={c.header} className="tabular">
                  {c.cells[row] ?? <NoData />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NoData() {
  const t = useMessages();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('checkin.chart.noData')}</span>
    </>
  );
}

/** A number that changes whenever the colours may have: the theme setting or the OS scheme. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const scheme =
      typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    scheme?.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      scheme?.removeEventListener('change', bump);
    };
  }, []);
  return version;
}

function readInks(container: HTMLElement): Record<Ink, string> {
  const colors = {} as Record<Ink, string>;
  for (const ink of INKS) {
    const probe = container.querySelector(`.trend-chart__ink--${ink}`);
    colors[ink] = probe ? getComputedStyle(probe).color : 'currentColor';
  }
  return colors;
}

/** The y axis: the values (and reference) with a little room, on whole steps. */
export function axisFor(
  values: readonly number[],
  step: number | undefined,
): { min: number; max: number; step: number } {
  const low = values.length > 0 ? Math.min(...values) : 0;
  const high = values.length > 0 ? Math.max(...values) : 1;
  const unit = step ?? niceStep(high - low);
  let min = Math.floor((low - unit / 4) / unit) * unit;
  let max = Math.ceil((high + unit / 4) / unit) * unit;
  if (max - min < unit * 2) {
    min -= unit;
    max += unit;
  }
  return { min, max, step: unit };
}

function niceStep(span: number): number {
  if (span <= 0) return 1;
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * magnitude;
}

interface DrawnData {
  labels: readonly string[];
  series: readonly TrendSeries[];
  reference: { label: string; value: number } | null;
  step?: number | undefined;
  bounds?: { min: number; max: number } | null;
}

/** The spec for the latest data, in the tokens' colours as they are now. */
function specNow(
  canvas: HTMLCanvasElement,
  inks: HTMLElement | null,
  latest: { current: { dataKey: string; formatValue: (value: number) => string } },
): TrendChartSpec {
  const data = JSON.parse(latest.current.dataKey) as DrawnData;
  const format = (value: number) => latest.current.formatValue(value);
  return specOf(data, format, inks ? readInks(inks) : FALLBACK_INKS, getComputedStyle(canvas).fontFamily);
}

const FALLBACK_INKS = Object.fromEntries(INKS.map((ink) => [ink, 'currentColor'])) as Record<Ink, string>;

function specOf(
  props: DrawnData,
  format: (value: number) => string,
  inks: Record<Ink, string>,
  font: string,
): TrendChartSpec {
  const values = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (props.reference) values.push(props.reference.value);
  const reducedMotion =
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return {
    labels: [...props.labels],
    series: props.series.map((s, i) => ({
      label: s.label,
      values: [...s.values],
      color: inks[SERIES_INKS[i % SERIES_INKS.length] as Ink],
    })),
    reference: props.reference ? { ...props.reference, color: inks.reference } : null,
    axis: props.bounds
      ? { ...props.bounds, step: props.step ?? niceStep(props.bounds.max - props.bounds.min) }
      : axisFor(values, props.step),
    format,
    tooltip: (label, value) => windowMessage('checkin.chart.tooltip', { label, value }),
    colors: {
      text: inks.text,
      muted: inks.muted,
      grid: inks.grid,
      surface: inks.surface,
      border: inks.border,
    },
    font,
    reducedMotion,
  };
}
