import { DATED_KEY_LABELS, WEEKDAY_NAMES, WEEKDAYS } from '../../src-main/shared/vocabulary';
import type { Cadence, FocusRule, OneOnOne, RuleChange, Weekday, WorkingHours } from '../api/types';
import { formatRange, formatShortDate } from './format';
import { formatTime } from './time';

/**
 * Words for rules that take effect on a date: when a change applies from, and what it sets, as
 * one short phrase ("working hours Mon–Fri 08:00–16:00"). Pure: values are main's answers.
 */

/** "Fri 1 Jan 2027" for a `YYYY-MM-DD` date. */
export function formatDateWithYear(date: string): string {
  const short = formatShortDate(date);
  return short === date ? date : `${short} ${date.slice(0, 4)}`;
}

/** "Mon–Fri", "Mon, Tue, Thu": weekdays in week order, three or more in a row as a span. */
export function weekdaysText(days: readonly Weekday[]): string {
  const short = (d: Weekday) => WEEKDAY_NAMES[d].slice(0, 3);
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
  return parts.join(', ');
}

/** Days grouped by the same text, in week order of each group's first day: "Mon–Thu 09:00–17:30". */
function groupedByDay(textOf: (day: Weekday) => string | null): string[] {
  const groups = new Map<string, Weekday[]>();
  for (const day of WEEKDAYS) {
    const text = textOf(day);
    if (text === null) continue;
    groups.set(text, [...(groups.get(text) ?? []), day]);
  }
  return [...groups].map(([text, days]) => `${weekdaysText(days)} ${text}`);
}

function hoursText(hours: WorkingHours): string {
  const parts = groupedByDay((day) => {
    const range = hours[day];
    return range ? formatRange(range) : null;
  });
  return parts.length === 0 ? 'working hours: none, every day off' : `working hours ${parts.join(', ')}`;
}

function planText(plan: readonly FocusRule[]): string {
  const parts = groupedByDay((day) => {
    const blocks = plan
      .filter((r) => r.weekday === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map(formatRange);
    return blocks.length === 0 ? null : blocks.join(' and ');
  });
  return parts.length === 0 ? 'focus plan: no blocks' : `focus plan ${parts.join(', ')}`;
}

/** "Mon 14 Apr – Fri 18 Apr (Offsite), Mon 2 Jun" and "and 2 more" past three. */
function rangesText(label: string, ranges: readonly { from: string; to: string; note?: string }[]): string {
  if (ranges.length === 0) return `${label}: none`;
  const shown = ranges.slice(0, 3).map((r) => {
    const dates =
      r.from === r.to ? formatShortDate(r.from) : `${formatShortDate(r.from)} – ${formatShortDate(r.to)}`;
    return r.note === undefined ? dates : `${dates} (${r.note})`;
  });
  const more = ranges.length > 3 ? ` and ${ranges.length - 3} more` : '';
  return `${label} ${shown.join(', ')}${more}`;
}

function cadenceText(cadence: Cadence | null): string {
  if (cadence === null) return 'check-ins weekly, the working day before the one-on-one';
  switch (cadence.mode) {
    case 'daily':
      return `check-ins every workday at ${formatTime(cadence.time)}`;
    case 'weekly':
      return `check-ins weekly on ${WEEKDAY_NAMES[cadence.weekday]} at ${formatTime(cadence.time)}`;
    case 'signoff':
      return 'check-ins at sign-off';
    case 'manual':
      return 'check-ins: manual only';
  }
}

function oneOnOneText(oneOnOne: OneOnOne | null): string {
  return oneOnOne === null
    ? 'no regular one-on-one'
    : `one-on-one ${WEEKDAY_NAMES[oneOnOne.weekday]}s at ${formatTime(oneOnOne.time)}`;
}

/** What a change sets, as one phrase: "working hours Mon–Fri 08:00–16:00", "time zone Europe/Lisbon". */
export function changeText(change: RuleChange): string {
  switch (change.key) {
    case 'zone':
      return `${DATED_KEY_LABELS.zone} ${change.value}`;
    case 'dayBoundary':
      return `${DATED_KEY_LABELS.dayBoundary} ${change.value}`;
    case 'workingHours':
      return hoursText(change.value);
    case 'focusPlan':
      return planText(change.value);
    case 'focusPauses':
      return rangesText(DATED_KEY_LABELS.focusPauses, change.value);
    case 'holidays':
      return rangesText(DATED_KEY_LABELS.holidays, change.value);
    case 'checkins':
      return cadenceText(change.value.cadence);
    case 'oneOnOne':
      return oneOnOneText(change.value);
  }
}
