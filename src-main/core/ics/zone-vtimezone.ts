import { allProps, firstProp, parseDateTime, type Component } from './content';
import { ObservanceRule, parseYearlyRule } from './zone-rule';
import type { Zone } from './zone-types';

/*
 * A zone from a file's own VTIMEZONE (RFC 5545 §3.6.5), for TZIDs nobody can resolve. Each
 * STANDARD or DAYLIGHT observance says "from each of these onsets on, the offset is TZOFFSETTO";
 * its onsets are its DTSTART, its RDATEs and the instances of its RRULE, each a wall time read in
 * TZOFFSETFROM. At an instant the latest onset at or before it decides; before the first onset of
 * all, the earliest observance's TZOFFSETFROM holds. (ical.js drops an observance's DTSTART when
 * it has RDATEs, which put truncated iCalcreator exports 1–2 h off.)
 *
 * Cheap and hostile-safe: the component is read only when an offset is first asked for, onsets are
 * worked out one year at a time and remembered (a bounded number of years), and a rule this module
 * does not follow (anything but a yearly rule, see zone-rule.ts) is ignored, so "FREQ=MINUTELY
 * from 1601" costs one onset, not millions.
 */

/** Offsets of a day or more are not offsets (RFC 5545 allows hours 00–23). */
const MAX_OFFSET_MS = 86_400_000;
/** Observances whose RRULE is followed; further ones keep their DTSTART and RDATEs only. */
const MAX_RULES = 64;
const YEAR_CACHE_MAX = 64;

interface Observance {
  readonly from: number;
  readonly to: number;
  /** DTSTART and RDATEs as instants. */
  readonly onsets: number[];
  readonly rule: ObservanceRule | null;
}

/** The offset in force from `start` of a year, and the changes inside it, ascending. */
interface YearOffsets {
  readonly start: number;
  readonly at: number[];
  readonly offset: number[];
}

/** Null when the component is no VTIMEZONE or has no observance with an offset and a DTSTART. */
export function vtimezoneZone(component: Component): Zone | null {
  if (component.name !== 'VTIMEZONE' || !component.children.some(isReadableObservance)) return null;
  let state: ZoneState | undefined;
  return {
    id: firstProp(component, 'TZID')?.value ?? '',
    offsetAt(instant: number): number {
      state ??= ZoneState.read(component);
      return state.offsetAt(instant);
    },
  };
}

/** The cheap check behind null: RDATEs and RRULEs are read only when an offset is asked for. */
function isReadableObservance(child: Component): boolean {
  return (
    (child.name === 'STANDARD' || child.name === 'DAYLIGHT') &&
    utcOffset(firstProp(child, 'TZOFFSETTO')?.value) !== null &&
    parseDateTime(firstProp(child, 'DTSTART')?.value ?? '') !== null
  );
}

class ZoneState {
  private readonly years = new Map<number, YearOffsets>();

  private constructor(
    private readonly observances: readonly Observance[],
    /** Every DTSTART and RDATE with the offset it brings, ascending (ties: document order). */
    private readonly fixedAt: readonly number[],
    private readonly fixedOffset: readonly number[],
    /** The offset before the earliest onset. */
    private readonly initial: number,
  ) {}

  /** Only for a component with a readable observance (see isReadableObservance). */
  static read(component: Component): ZoneState {
    const observances: Observance[] = [];
    let rules = 0;
    for (const child of component.children) {
      if (!isReadableObservance(child)) continue;
      const observance = readObservance(child, rules < MAX_RULES);
      if (!observance) continue;
      if (observance.rule) rules++;
      observances.push(observance);
    }
    const fixed: { at: number; offset: number; from: number }[] = [];
    for (const o of observances) for (const at of o.onsets) fixed.push({ at, offset: o.to, from: o.from });
    fixed.sort((a, b) => a.at - b.at);
    const initial = fixed[0]?.from ?? observances[0]!.from;
    return new ZoneState(
      observances,
      fixed.map((f) => f.at),
      fixed.map((f) => f.offset),
      initial,
    );
  }

  offsetAt(instant: number): number {
    const t = Math.min(Math.max(instant, -8.5e15), 8.5e15);
    const year = new Date(t).getUTCFullYear();
    let offsets = this.years.get(year);
    if (!offsets) {
      offsets = this.yearOffsets(year);
      if (this.years.size >= YEAR_CACHE_MAX) this.years.clear();
      this.years.set(year, offsets);
    }
    const i = upperBound(offsets.at, t);
    return i === 0 ? offsets.start : offsets.offset[i - 1]!;
  }

  /** Onsets of UTC year `year`: rule instances of the wall years around it, and the fixed ones. */
  private yearOffsets(year: number): YearOffsets {
    const begin = yearStart(year);
    const end = yearStart(year + 1);
    let lastAt = Number.NEGATIVE_INFINITY;
    let start = this.initial;
    const changes: { at: number; offset: number }[] = [];
    const consider = (at: number, offset: number): void => {
      if (at >= begin && at < end) changes.push({ at, offset });
      else if (at < begin && at >= lastAt) {
        lastAt = at;
        start = offset;
      }
    };
    // Fixed onsets: the last one before the year, then those inside it.
    let i = upperBound(this.fixedAt, begin - 1);
    if (i > 0) consider(this.fixedAt[i - 1]!, this.fixedOffset[i - 1]!);
    for (; i < this.fixedAt.length && this.fixedAt[i]! < end; i++)
      consider(this.fixedAt[i]!, this.fixedOffset[i]!);
    for (const o of this.observances) {
      if (!o.rule) continue;
      const before = o.rule.latestBefore(begin, year);
      if (before !== null) consider(before, o.to);
      for (let y = year - 1; y <= year + 1; y++) for (const at of o.rule.onsetsIn(y)) consider(at, o.to);
    }
    // A stable sort: onsets at the same instant keep the order they were found in.
    changes.sort((a, b) => a.at - b.at);
    return { start, at: changes.map((c) => c.at), offset: changes.map((c) => c.offset) };
  }
}

function yearStart(year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d.getTime();
}

/** The index of the first element greater than `value` in an ascending array. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readObservance(child: Component, followRule: boolean): Observance | null {
  const to = utcOffset(firstProp(child, 'TZOFFSETTO')?.value);
  if (to === null) return null;
  // A missing TZOFFSETFROM is read as "no change" rather than dropping the observance.
  const from = utcOffset(firstProp(child, 'TZOFFSETFROM')?.value) ?? to;
  const start = parseDateTime(firstProp(child, 'DTSTART')?.value ?? '');
  if (!start) return null;
  // DTSTART is local time in TZOFFSETFROM; one written in UTC is taken at its word.
  const startWall = start.utc ? start.wall + from : start.wall;
  const onsets = [startWall - from];
  for (const prop of allProps(child, 'RDATE')) {
    for (const item of prop.value.split(',')) {
      // A PERIOD's start is the onset.
      const value = parseDateTime(item.split('/')[0] ?? '');
      if (value) onsets.push(value.utc ? value.wall : value.wall - from);
    }
  }
  let rule: ObservanceRule | null = null;
  const rrule = firstProp(child, 'RRULE');
  if (followRule && rrule) {
    const parsed = parseYearlyRule(rrule.value, startWall);
    if (parsed) rule = new ObservanceRule(parsed, startWall, from);
  }
  return { from, to, onsets, rule };
}

/** `+0100`, `-0500`, `+053000`; lenient about a colon and a missing sign. Null when unreadable. */
export function utcOffset(value: string | undefined): number | null {
  const m = /^([+-])?(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec((value ?? '').trim());
  if (!m) return null;
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  if (Number(m[3]) > 59 || Number(m[4] ?? 0) > 59 || ms >= MAX_OFFSET_MS) return null;
  return m[1] === '-' ? -ms : ms;
}
