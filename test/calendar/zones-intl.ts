/**
 * An independent reading of the runtime's zones for the zone tests: offsets from the wall-clock
 * fields Intl.DateTimeFormat prints (its date and time, not the "GMT+01:00" text zones.ts parses), and
 * transitions found by bisection on them. Shared by test/calendar/zones*.test.ts and
 * test/core/time-dst*.test.ts.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  return format;
}

const SHOWN = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

/** The wall clock Intl shows in `zone` at `instant` (whole seconds), as ms read as if UTC. */
export function intlWall(instant: number, zone: string): number {
  // format() and a pattern: half the time of formatToParts, and this runs thousands of times.
  const m = SHOWN.exec(formatFor(zone).format(instant));
  if (!m) throw new Error(`Unexpected Intl output for ${zone}`);
  const year = m[4] === 'BC' ? 1 - Number(m[3]) : Number(m[3]);
  const d = new Date(0);
  d.setUTCFullYear(year, Number(m[1]) - 1, Number(m[2]));
  d.setUTCHours(Number(m[5]), Number(m[6]), Number(m[7]), 0);
  return d.getTime();
}

/** The zone's UTC offset at `instant` by Intl (to the second). */
export function intlOffset(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return intlWall(whole, zone) - whole;
}

export interface Transition {
  /** The first instant (whole second) with the new offset. */
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

/** The first change of offset after `from` and within `within` ms, by Intl; null if none. */
export function nextTransition(
  zone: string,
  from: number,
  within: number,
  step = 28 * 86_400_000,
): Transition | null {
  let lo = from;
  const first = intlOffset(lo, zone);
  for (let hi = from + step; hi <= from + within; lo = hi, hi += step) {
    if (intlOffset(hi, zone) === first) continue;
    // The offset differs at hi: bisect to the second.
    let a = lo;
    let b = hi;
    while (b - a > 1000) {
      const mid = Math.floor((a + b) / 2000) * 1000;
      if (intlOffset(mid, zone) === first) a = mid;
      else b = mid;
    }
    return { at: b, before: intlOffset(b - 1000, zone), after: intlOffset(b, zone) };
  }
  return null;
}

/**
 * What RFC 5545 §3.3.5 makes of wall time `wall` near a single transition: a time the change skips
 * is read with the offset before it, a time it repeats is its first occurrence (also the offset
 * before it), any other time has one instant.
 */
export function expectedInstant(wall: number, t: Transition): number {
  // Up to the later of the two readings of the change's instant, a wall time is before the change,
  // skipped by it or repeated by it: each is read with the offset before.
  return wall < t.at + Math.max(t.before, t.after) ? wall - t.before : wall - t.after;
}
