import { tzOffset } from '@date-fns/tz/tzOffset';
import { teamZoneLabel, zoneCity, type Agreement } from './agreement';
import { NORM_CHANNELS, NORM_LABELS } from './agreement-vocabulary';
import { occurrencesOn, type FocusRule } from './focus-plan';
import type { Block, Line, Span } from './summary-document';
import { summaryDate, textLines } from './summary-text';
import {
  addLocalDays,
  clockTimeOf,
  localDateOf,
  weekdayOf,
  WEEKDAY_NAMES,
  WEEKDAYS,
  type LocalDate,
  type Weekday,
} from './time';
import { workingSpanOn, type WorkingHours } from './working-hours';

/**
 * The working agreement as a format-neutral document (the summary's blocks and spans,
 * summary-document.ts), which agreement-render.ts writes as Markdown and text: the user's hours
 * and focus blocks in their own zone and in each teammate's, how soon they answer per channel,
 * and their note.
 *
 * Decisions:
 * - Times are computed for one real week (the current one), instant by instant, so every day shift
 *   is right: "Mon 09:00–17:30 Berlin = Mon 21:00–Tue 05:30 Auckland". The week is named, and
 *   where a teammate's clocks change on other dates than the user's (EU and US in March and
 *   October, the southern hemisphere), a line says by how much the times move over the year.
 * - The agreement describes the usual week: holidays and focus pauses are left out (the status
 *   line and the .ics carry them); focus blocks only on days with working hours, as Keel plans.
 * - The hours and blocks are Keel's rules in force today, never typed again.
 */

export const AGREEMENT_TITLE = 'Working agreement';

/** What the agreement is built from. */
export interface AgreementData {
  zone: string;
  workingHours: WorkingHours;
  focusPlan: readonly FocusRule[];
  agreement: Agreement;
  /** The Monday of the week whose times are shown. */
  weekOf: LocalDate;
  /** Instants over which a teammate's offset from the user's is checked for changes (a year). */
  now: number;
}

export interface AgreementSection {
  title: string;
  blocks: Block[];
}

export interface AgreementDocument {
  title: string;
  intro: Line;
  sections: AgreementSection[];
}

const t = (text: string): Span => ({ text });
const u = (text: string): Span => ({ text, user: true });
const b = (text: string): Span => ({ text, strong: true });

const dayShort = (date: LocalDate): string => WEEKDAY_NAMES[weekdayOf(date)].slice(0, 3);

/** A place to show times in: the user's own zone first, then each teammate's. */
interface Place {
  zone: string;
  label: string;
}

/** "Mon 09:00–17:30 Berlin", or "Mon 21:00–Tue 05:30 Auckland" across midnight. */
export function spanIn(start: number, end: number, place: Place): string {
  const startDate = localDateOf(start, place.zone);
  const endDate = localDateOf(end, place.zone);
  const endDay = endDate === startDate ? '' : `${dayShort(endDate)} `;
  return `${dayShort(startDate)} ${clockTimeOf(start, place.zone)}–${endDay}${clockTimeOf(end, place.zone)} ${place.label}`;
}

/** One span in every place: "Mon 09:00–17:00 Berlin = Mon 03:00–11:00 New York". */
function spanEverywhere(start: number, end: number, places: readonly Place[]): string {
  return places.map((place) => spanIn(start, end, place)).join(' = ');
}

function placesOf(data: AgreementData): Place[] {
  const own: Place = { zone: data.zone, label: zoneCity(data.zone) };
  const seen = new Set([`${own.zone}|${own.label}`]);
  const places = [own];
  for (const team of data.agreement.teamZones) {
    const place = { zone: team.zone, label: teamZoneLabel(team) };
    const key = `${place.zone}|${place.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    places.push(place);
  }
  return places;
}

const listOf = (items: string[]): Block => ({ kind: 'list', items: items.map((item) => [[t(item)]]) });
const paragraph = (text: string): Block => ({ kind: 'paragraph', line: [t(text)] });

function hoursBlocks(data: AgreementData, places: readonly Place[]): Block[] {
  const calendar = { workingHours: data.workingHours, zone: data.zone };
  const lines: string[] = [];
  const off: Weekday[] = [];
  WEEKDAYS.forEach((weekday, i) => {
    const span = workingSpanOn(addLocalDays(data.weekOf, i), calendar);
    if (span === null) off.push(weekday);
    else lines.push(spanEverywhere(span.start, span.end, places));
  });
  if (lines.length === 0) return [paragraph('No working hours are set.')];
  if (off.length > 0) lines.push(`Off: ${off.map((d) => WEEKDAY_NAMES[d]).join(', ')}`);
  return [listOf(lines)];
}

function focusBlocks(data: AgreementData, places: readonly Place[]): Block[] {
  const rules = {
    focusPlan: data.focusPlan,
    focusPauses: [],
    holidays: [],
    workingHours: data.workingHours,
    zone: data.zone,
  };
  const lines = WEEKDAYS.flatMap((_, i) =>
    occurrencesOn(addLocalDays(data.weekOf, i), rules).map((o) => spanEverywhere(o.start, o.end, places)),
  );
  if (lines.length === 0) return [paragraph('No focus blocks are planned.')];
  return [paragraph('I keep these for focused work and answer messages after them.'), listOf(lines)];
}

const DAY_MS = 86_400_000;

/** By how many minutes `other`'s offset from `zone` varies over the year from `now`. */
export function offsetSpread(zone: string, other: string, now: number): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let day = 0; day <= 366; day++) {
    const at = new Date(now + day * DAY_MS);
    const difference = tzOffset(other, at) - tzOffset(zone, at);
    min = Math.min(min, difference);
    max = Math.max(max, difference);
  }
  return max - min;
}

function movesWords(minutes: number): string {
  if (minutes === 60) return 'an hour';
  if (minutes % 60 === 0) return `up to ${minutes / 60} hours`;
  return `up to ${minutes} minutes`;
}

/** Where clocks change on other dates than the user's: by how much each place's times move. */
function shiftBlocks(data: AgreementData, places: readonly Place[]): Block[] {
  const moving = places
    .slice(1)
    .map((place) => ({ place, spread: offsetSpread(data.zone, place.zone, data.now) }))
    .filter((m) => m.spread > 0);
  const own = places[0]?.label ?? data.zone;
  return moving.map(({ place, spread }) =>
    paragraph(
      `Clocks change on different dates in ${own} and ${zoneCity(place.zone)}, so over the year the times ` +
        `for ${place.label} move by ${movesWords(spread)} from those shown.`,
    ),
  );
}

function normBlocks(agreement: Agreement): Block[] {
  return [
    {
      kind: 'list',
      items: NORM_CHANNELS.map((channel) => [
        [b(`${NORM_LABELS[channel]}:`), t(' '), u(agreement.norms[channel])],
      ]),
    },
  ];
}

/** The agreement's document: a pure function of the hours, the plan, the agreement and the week. */
export function agreementDocument(data: AgreementData): AgreementDocument {
  const places = placesOf(data);
  const sections: AgreementSection[] = [
    { title: 'Working hours', blocks: [...hoursBlocks(data, places), ...shiftBlocks(data, places)] },
    { title: 'Focus blocks', blocks: focusBlocks(data, places) },
    { title: 'When I answer', blocks: normBlocks(data.agreement) },
  ];
  const note = textLines(data.agreement.note);
  if (note.length > 0) {
    sections.push({ title: 'Note', blocks: note.map((line) => ({ kind: 'paragraph', line: [u(line)] })) });
  }
  return {
    title: AGREEMENT_TITLE,
    intro: [
      t(
        `How to work with me: when I work, when I focus and how soon I answer. My zone is ${data.zone}; ` +
          `times are for the week of ${summaryDate(data.weekOf)}.`,
      ),
    ],
    sections,
  };
}
