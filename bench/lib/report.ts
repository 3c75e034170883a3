/**
 * Timing, statistics and the one output format: one JSON line per figure on stdout.
 * Everything else a benchmark says goes to stderr, so `npm run bench > figures.jsonl` keeps
 * only the figures.
 */

export interface Figure {
  name: string;
  /** The figure, or null when what it measures does not exist yet (see `status`). */
  value: number | null;
  unit: string;
  /** What the issue asks for, as written in BENCHMARKS.md (e.g. "< 0.2"). */
  target?: string;
  pass?: boolean | null;
  /** Anything else that helps read the figure (iterations, p95, data-set size…). */
  [context: string]: unknown;
}

export function emit(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface Sample {
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
  n: number;
}

export function summarize(values: readonly number[]): Sample {
  if (values.length === 0) throw new Error('No samples.');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    // Nearest-rank quantile: the value at rank ceil(q·n).
    const rank = Math.max(1, Math.ceil(q * sorted.length));
    return sorted[rank - 1] as number;
  };
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    median,
    p95: at(0.95),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
    n: sorted.length,
  };
}

/** Runs `fn` `warmup` times unmeasured, then `iterations` times measured; per-call milliseconds. */
export function time(fn: (i: number) => unknown, options: { warmup: number; iterations: number }): Sample {
  for (let i = 0; i < options.warmup; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    const start = process.hrtime.bigint();
    fn(options.warmup + i);
    samples.push(msSince(start));
  }
  return summarize(samples);
}

/** `time` for work that returns a promise (an IPC dispatch): each call is awaited inside its sample. */
export async function timeAsync(
  fn: (i: number) => Promise<unknown>,
  options: { warmup: number; iterations: number },
): Promise<Sample> {
  for (let i = 0; i < options.warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    const start = process.hrtime.bigint();
    await fn(options.warmup + i);
    samples.push(msSince(start));
  }
  return summarize(samples);
}

/** Rounds for printing: enough significant digits to compare runs, no float noise. */
export function round(value: number, digits = 3): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const factor = 10 ** Math.max(0, digits - 1 - magnitude);
  return Math.round(value * factor) / factor;
}

/** The usual context of a timed figure. */
export function timing(sample: Sample): Record<string, number> {
  return { p95: round(sample.p95), min: round(sample.min), iterations: sample.n };
}
