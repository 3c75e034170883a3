import { expandFocusPlan, type FocusPause, type FocusRule } from '../../src-main/core/focus-plan';
import { FOCUS_EVENT_SUMMARY, PAUSE_HORIZON_DAYS } from '../../src-main/core/ics-export';
import { occurrencesBetween, readCalendar } from '../../src-main/core/ics/read';
import { fixedRules } from '../../src-main/core/rules';
import { defaultSettings } from '../../src-main/core/settings';
import { addLocalDays, localDateOf, startOfLocalDate, toLocalIso, WEEKDAYS } from '../../src-main/core/time';

/** Shared by the export tests: Keel's own plan, and the exported file read back. */

export const INSTALL_ID = '0b7e3c52-6a1d-4f0e-9c4b-2d8f1a6e5b93';

/** An occurrence as two instants, shown in the zone so a failure reads as wall-clock times. */
export type Span = [start: number, end: number];

export const showSpans = (spans: readonly Span[], zone: string): string[] =>
  spans.map(([s, e]) => `${toLocalIso(s, zone)} → ${toLocalIso(e, zone)}`);

/**
 * The dates the export describes exactly: from today (in `zone`) through the horizon date,
 * as instants: midnight starting today to midnight after the horizon's last date.
 */
export function horizonOf(now: number, zone: string): { from: number; to: number } {
  const today = localDateOf(now, zone);
  return {
    from: startOfLocalDate(today, zone),
    to: startOfLocalDate(addLocalDays(today, PAUSE_HORIZON_DAYS + 1), zone),
  };
}

/**
 * Keel's own blocks (core/focus-plan expandFocusPlan) for `plan` paused on `pauses`, in `zone`,
 * overlapping [from, to): every weekday a working day, so the plan alone decides.
 */
export function keelBlocks(
  plan: readonly FocusRule[],
  pauses: readonly FocusPause[],
  zone: string,
  from: number,
  to: number,
): Span[] {
  const base = defaultSettings(zone);
  const hours = { start: '00:00', end: '23:59' };
  const settings = {
    ...base,
    focusPlan: [...plan],
    focusPauses: [...pauses],
    workingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, hours])) as typeof base.workingHours,
  };
  return expandFocusPlan(fixedRules(settings), from, to).map((o): Span => [o.start, o.end]);
}

/**
 * The exported file read back by Keel's calendar reader (core/ics/read): the occurrences
 * overlapping [from, to). Every one must be a busy focus block.
 */
export function reimport(ics: string, from: number, to: number, zone: string): Span[] {
  const { occurrences } = occurrencesBetween(readCalendar(ics), from, to, zone);
  for (const o of occurrences) {
    if (o.status !== 'busy' || o.allDay || o.title !== FOCUS_EVENT_SUMMARY) {
      throw new Error(`Not a busy focus block: ${JSON.stringify(o)}`);
    }
  }
  return occurrences.map((o): Span => [o.start, o.end]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * The file with its zone renamed to one no reader can resolve ("Keel Europe/Berlin"), so a
 * reader has to place every time by the exported VTIMEZONE instead of its own zone data.
 */
export function withUnknownZone(ics: string, zone: string): string {
  return ics
    .replaceAll(`TZID:${zone}\r\n`, `TZID:Keel ${zone}\r\n`)
    .replaceAll(`TZID=${zone}:`, `TZID=Keel ${zone}:`);
}
