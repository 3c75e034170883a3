import { wallToInstantWith } from '../time';
import type { WallMs } from './wall';

/*
 * Zones for calendar reading: what a TZID means (zone-names.ts), the runtime's zones (below), a
 * file's own VTIMEZONE for TZIDs nobody can resolve (zone-vtimezone.ts), and the one rule that
 * turns a wall-clock time into an instant (RFC 5545 §3.3.5, shared with Keel's own plan through
 * core/time.ts).
 */

export { resolveTzid } from './zone-names';
export { vtimezoneZone } from './zone-vtimezone';

export type { Zone } from './zone-types';
import type { Zone } from './zone-types';

export const UTC_ZONE: Zone = { id: 'UTC', offsetAt: () => 0 };

const ZONES_MAX = 1_000;
const zones = new Map<string, Zone | null>();

/**
 * The runtime's zone (Intl's time-zone data), memoised per name; null if unknown. Also reads the
 * fixed offsets resolveTzid gives for offsets that are not whole hours ("+05:30").
 */
export function ianaZone(name: string): Zone | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = makeZone(name);
    if (zones.size >= ZONES_MAX) zones.clear();
    zones.set(name, zone);
  }
  return zone;
}

/** RFC 5545 §3.3.5: an ambiguous wall time is its first occurrence; a skipped one uses the offset before the gap (so moves forward by the gap). */
export function wallToInstant(wall: WallMs, zone: Zone): number {
  return wallToInstantWith(wall, (instant) => zone.offsetAt(instant));
}

export function instantToWall(instant: number, zone: Zone): WallMs {
  return instant + zone.offsetAt(instant);
}

const FIXED = /^([+-])(\d{2}):(\d{2})$/;

function makeZone(name: string): Zone | null {
  if (/^(?:etc\/)?utc$/i.test(name)) return UTC_ZONE;
  const fixed = FIXED.exec(name);
  if (fixed) {
    const ms = (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
    if (Number(fixed[2]) > 14 || Number(fixed[3]) > 59) return null;
    const offset = fixed[1] === '-' ? -ms : ms;
    return { id: name, offsetAt: () => offset };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
  } catch {
    return null;
  }
  return new IntlZone(format);
}

const QUARTER_MS = 900_000;
const SPAN_MS = 6 * 3_600_000;
const SECOND_MS = 1_000;
const CACHE_MAX = 100_000;
/** Intl formats dates within ±8.64e15 ms; a day's margin for wallToInstant's probes. */
const LIMIT_MS = 8.64e15 - 2 * 86_400_000;

/**
 * A zone backed by Intl, with offsets remembered per UTC quarter hour (as core/time.ts does); a
 * quarter hour with a change inside it is read to the second. Offsets are parsed from Intl's
 * "GMT-00:44:30" here, not by @date-fns/tz's tzOffset, which gets the sign of offsets between
 * −1 h and 0 wrong (Monrovia until 1972).
 */
class IntlZone implements Zone {
  readonly id: string;
  private readonly cache = new Map<number, number>();
  private readonly spans = new Map<number, number>();

  constructor(private readonly format: Intl.DateTimeFormat) {
    this.id = format.resolvedOptions().timeZone;
  }

  offsetAt(instant: number): number {
    const t = Math.min(Math.max(instant, -LIMIT_MS), LIMIT_MS);
    // First by six-hour span: the same offset at both ends means none changed in between (no
    // zone has changed and changed back within six hours), and a calendar spread over years
    // then costs two Intl calls per span instead of per quarter hour.
    const span = Math.floor(t / SPAN_MS);
    let spanOffset = this.spans.get(span);
    if (spanOffset === undefined) {
      const start = this.read(span * SPAN_MS);
      spanOffset = start === this.read((span + 1) * SPAN_MS - SECOND_MS) ? start : Number.NaN;
      if (this.spans.size >= CACHE_MAX) this.spans.clear();
      this.spans.set(span, spanOffset);
    }
    if (!Number.isNaN(spanOffset)) return spanOffset;
    const quarter = Math.floor(t / QUARTER_MS);
    let offset = this.cache.get(quarter);
    if (offset === undefined) {
      const start = this.read(quarter * QUARTER_MS);
      offset = start === this.read((quarter + 1) * QUARTER_MS - SECOND_MS) ? start : Number.NaN;
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(quarter, offset);
    }
    return Number.isNaN(offset) ? this.read(Math.floor(t / SECOND_MS) * SECOND_MS) : offset;
  }

  private read(instant: number): number {
    const text = this.format.format(instant);
    const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/.exec(text);
    if (!m) return 0;
    const ms = ((Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * SECOND_MS;
    return m[1] === '-' ? -ms : ms;
  }
}
