import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axisFor, TrendChart } from '../../src-renderer/components/TrendChart';
import type { TrendChartSpec } from '../../src-renderer/components/trend-chart-runtime';

// The chart.js half is loaded with a dynamic import; here it is replaced by a recorder, so the
// test sees what would be drawn. (The real chunk is drawn in Chromium by the e2e tests.)
const chart = vi.hoisted(() => ({
  created: [] as TrendChartSpec[],
  updated: [] as TrendChartSpec[],
  destroyed: 0,
}));
vi.mock('../../src-renderer/components/trend-chart-runtime', () => ({
  createTrendChart: (_context: unknown, spec: TrendChartSpec) => {
    chart.created.push(spec);
    return {
      update: (next: TrendChartSpec) => chart.updated.push(next),
      destroy: () => {
        chart.destroyed++;
      },
    };
  },
}));

const clock = (m: number) =>
  `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function Chart({ values = [1060, 1120, null, 1470] }: { values?: (number | null)[] }) {
  return (
    <TrendChart
      title="When your workdays ended, week by week"
      description="The typical time of your last activity. The line has been moving later."
      labels={['17 Feb', '24 Feb', '3 Mar', '10 Mar']}
      rowLabels={['Mon 17 Feb', 'Mon 24 Feb', 'Mon 3 Mar', 'Mon 10 Mar']}
      labelHeader="Week of"
      series={[{ label: 'Typical last activity', values }]}
      reference={{ label: 'Usual end of hours (17:30)', value: 1050 }}
      formatValue={clock}
      step={60}
    />
  );
}

describe('TrendChart with a canvas', () => {
  beforeEach(() => {
    chart.created.length = 0;
    chart.updated.length = 0;
    chart.destroyed = 0;
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as CanvasRenderingContext2D);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('loads the chart lazily and draws the series, the reference line and clock-time ticks', async () => {
    render(<Chart />);
    const image = screen.getByRole('img', { name: 'When your workdays ended, week by week' });
    expect(image.tagName).toBe('CANVAS');
    expect(image).toHaveAccessibleDescription(
      'The typical time of your last activity. The line has been moving later.',
    );
    await waitFor(() => expect(chart.created).toHaveLength(1));
    const spec = chart.created[0] as TrendChartSpec;
    expect(spec.labels).toEqual(['17 Feb', '24 Feb', '3 Mar', '10 Mar']);
    expect(spec.series).toEqual([
      expect.objectContaining({ label: 'Typical last activity', values: [1060, 1120, null, 1470] }),
    ]);
    expect(spec.reference).toEqual(
      expect.objectContaining({ label: 'Usual end of hours (17:30)', value: 1050 }),
    );
    // Whole hours around the data and the reference: 17:00 to 01:00 (the next day).
    expect(spec.axis).toEqual({ min: 1020, max: 1500, step: 60 });
    expect(spec.format(1470)).toBe('00:30');
    expect(screen.getByRole('img').parentElement).not.toHaveAttribute('aria-busy');
  });

  it('keeps the numbers in a table under "Show the numbers"', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Chart />);
    await waitFor(() => expect(chart.created).toHaveLength(1));
    const summary = screen.getByText('Show the numbers');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await user.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
    const table = screen.getByRole('table', { name: 'When your workdays ended, week by week' });
    const rows = [...table.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('th, td')].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Mon 17 Feb', '17:40'],
      ['Mon 24 Feb', '18:40'],
      ['Mon 3 Mar', '–No data'],
      ['Mon 10 Mar', '00:30'],
    ]);
  });

  it('keeps a fixed axis (a 1–5 rating) whatever the values, and redraws when it changes', async () => {
    const props = {
      title: 'Workload and energy, week by week',
      description: 'Weekly averages from 1 to 5.',
      labels: ['3 Mar', '10 Mar'],
      labelHeader: 'Week of',
      series: [{ label: 'Workload', values: [3, 3.5] }],
      step: 1,
    };
    const { rerender } = render(<TrendChart {...props} bounds={{ min: 1, max: 5 }} />);
    await waitFor(() => expect(chart.created).toHaveLength(1));
    expect(chart.created[0]?.axis).toEqual({ min: 1, max: 5, step: 1 });
    rerender(<TrendChart {...props} bounds={{ min: 0, max: 100 }} step={20} />);
    expect(chart.updated.at(-1)?.axis).toEqual({ min: 0, max: 100, step: 20 });
  });

  it('redraws in place when the data or the theme changes, and cleans up', async () => {
    const { rerender, unmount } = render(<Chart />);
    await waitFor(() => expect(chart.created).toHaveLength(1));
    rerender(<Chart />); // same data, new arrays: nothing to redraw
    expect(chart.updated).toHaveLength(0);
    rerender(<Chart values={[1000, 1010, 1020, 1030]} />);
    expect(chart.updated.at(-1)?.series[0]?.values).toEqual([1000, 1010, 1020, 1030]);
    const before = chart.updated.length;
    act(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await waitFor(() => expect(chart.updated.length).toBe(before + 1));
    expect(chart.created).toHaveLength(1);
    unmount();
    expect(chart.destroyed).toBe(1);
  });
});

describe('TrendChart without a canvas', () => {
  it('shows its description and the table instead, without loading chart.js', async () => {
    chart.created.length = 0;
    render(<Chart />);
    await act(() => Promise.resolve());
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/The line has been moving later/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'When your workdays ended, week by week' })).toBeInTheDocument();
    expect(chart.created).toHaveLength(0);
  });
});

describe('axisFor', () => {
  it('pads to whole steps and never collapses to a flat line', () => {
    expect(axisFor([1050, 1060], 60)).toEqual({ min: 960, max: 1140, step: 60 });
    expect(axisFor([3, 3.5, 4.5], undefined)).toEqual({ min: 2.5, max: 5, step: 0.5 });
  });
});
