import type { MessageId } from '../../src-main/shared/i18n/catalog';
import { WEEKDAYS } from '../../src-main/shared/vocabulary';
import { windowFormat, windowMessage } from '../i18n/window-locale';
import type { Cadence, FocusRule, OneOnOne, RuleChange, Weekday, WorkingHours } from '../api/types';
import { formatRange, formatShortDate, weekdayName } from './format';
import { formatTime } from './time';

export { weekdayName };

/**
 * Words for rules that take effect on a date: when a change applies from, and what it sets, as
 * one short phrase ("working hours Mon–Fri 08:00–16:00"). Pure: values are main's answers.
 */

/** "Fri, Jan 1, 2027" / "Fr., 1. Jan. 2027" for a `YYYY-MM-DD` date. */
export function formatDateWithYear(date: string): string {
  const short = formatShortDate(date);
  return short === date ? date : windowFormat().day(date, { year: true, weekday: 'short', month: 'short' });
}

/** "time zone", "working hours": a dated setting's name (vocab), for inside a sentence. */
export function datedKeyLabel(key: RuleChange['key']): string {
  return windowMessage(`vocab.dated.${key}` as MessageId);
}

/** "Mon–Fri", "Mon, Tue, Thu": weekdays in week order, three or more in a row as a span. */
export function weekdaysText(days: readonly Weekday[]): string {
  const short = (d: Weekday) => weekdayName(d, 'short');
  const indices = WEEKDAYS.map((d, i) => (days.includes(d) ? i : -1)).filter((i) => i >= 0);
  const parts: string[] = [];
  for (let i = 0; i < indices.length;) {
    let j = i;
    while (j + 1 < indices.length && (indices[j + 1] as number) === (indices[j] as number) + 1) j++;
    const first = WEEKDAYS[indices[i] as number] as Weekday;
    const last = WEEKDAYS[indices[j] as number] as Weekday;
    if (j - i >= 2) parts.push(`${short(first)}–${short(last)}`);
    else for (let k = i; k <= j; k++) parts.push(short(WEEKDAYS[indices[k] as number] as Weekday));
    i = j + 1;
  }
  return windowFormat().list(parts);
}

/** Days grouped by the same text, in week order of each group's first day: "Mon–Thu 09:00–17:30". */
function groupedByDay(textOf: (day: Weekday) => string | null): string[] {
  const groups = new Map<string, Weekday[]>();
  for (const day of WEEKDAYS) {
    const text = textOf(day);
    if (text === null) continue;
    groups.set(text, [...(groups.get(text) ?? []), day]);
  }
  return [...groups].map(([text, days]) =>
    windowMessage('settings.rules.daysWith', { days: weekdaysText(days), text }),
  );
}

function hoursText(hours: WorkingHours): string {
  const parts = groupedByDay((day) => {
    const range = hours[day];
    return range ? formatRange(range) : null;
  });
  return parts.length === 0
    ? windowMessage('settings.rules.hoursNone')
    : windowMessage('settings.rules.hours', { days: windowFormat().list(parts) });
}

function planText(plan: readonly FocusRule[]): string {
  const parts = groupedByDay((day) => {
    const blocks = plan
      .filter((r) => r.weekday === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map(formatRange);
    return blocks.length === 0 ? null : windowFormat().list(blocks);
  });
  return parts.length === 0
    ? windowMessage('settings.rules.planNone')
    : windowMessage('settings.rules.plan', { days: windowFormat().list(parts) });
}

/** "Mon 14 Apr – Fri 18 Apr (Offsite), Mon 2 Jun" and "and 2 more" past three. */
function rangesText(
  kind: 'focusPauses' | 'holidays',
  ranges: readonly { from: string; to: string; note?: string }[],
): string {
  if (ranges.length === 0) return windowMessage('settings.rules.rangesNone', { kind });
  const shown = ranges.slice(0, 3).map((r) => {
    const dates =
      r.from === r.to
        ? formatShortDate(r.from)
        : windowMessage('settings.rules.span', { from: formatShortDate(r.from), to: formatShortDate(r.to) });
    return r.note === undefined ? dates : windowMessage('settings.rules.withNote', { dates, note: r.note });
  });
  if (ranges.length > 3) shown.push(windowMessage('settings.rules.rangesMore', { count: ranges.length - 3 }));
  return windowMessage('settings.rules.ranges', { kind, list: windowFormat().list(shown) });
}

function cadenceText(cadence: Cadence | null): string {
  if (cadence === null) return windowMessage('settings.rules.cadenceDefault');
  switch (cadence.mode) {
    case 'daily':
      return windowMessage('settings.rules.cadenceDaily', { time: formatTime(cadence.time) });
    case 'weekly':
      return windowMessage('settings.rules.cadenceWeekly', {
        weekday: weekdayName(cadence.weekday),
        time: formatTime(cadence.time),
      });
    case 'signoff':
      return windowMessage('settings.rules.cadenceSignoff');
    case 'manual':
      return windowMessage('settings.rules.cadenceManual');
  }
}

function oneOnOneText(oneOnOne: OneOnOne | null): string {
  return oneOnOne === null
    ? windowMessage('settings.rules.oneOnOneNone')
    : windowMessage('settings.rules.oneOnOne', {
        weekday: weekdayName(oneOnOne.weekday),
        time: formatTime(oneOnOne.time),
      });
}

/** What a change sets, as one phrase: "working hours Mon–Fri 08:00–16:00", "time zone Europe/Lisbon". */
export function changeText(change: RuleChange): string {
  switch (change.key) {
    case 'zone':
      return windowMessage('settings.rules.zone', { zone: change.value });
    case 'dayBoundary':
      return windowMessage('settings.rules.dayBoundary', { time: formatTime(change.value) });
    case 'workingHours':
      return hoursText(change.value);
    case 'focusPlan':
      return planText(change.value);
    case 'focusPauses':
      return rangesText('focusPauses', change.value);
    case 'holidays':
      return rangesText('holidays', change.value);
    case 'checkins':
      return cadenceText(change.value.cadence);
    case 'oneOnOne':
      return oneOnOneText(change.value);
  }
}
