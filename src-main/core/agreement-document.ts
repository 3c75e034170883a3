import { tzOffset } from '@date-fns/tz/tzOffset';
import { teamZoneLabel, zoneCity, type Agreement } from './agreement';
import { DEFAULT_NORMS, NORM_CHANNELS, type NormChannel } from './agreement-vocabulary';
import { exportLanguage, type ExportLanguage } from './export-language';
import { occurrencesOn, type FocusRule } from './focus-plan';
import type { Block, Line, Span } from './summary-document';
import { textLines } from './summary-text';
import { addLocalDays, localDateOf, WEEKDAYS, type LocalDate } from './time';
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
 * - Keel's words, weekdays and times are in the agreement's language (`lang`, chosen like the
 *   summary's: the window's, or `--locale`); the user's norms and note are theirs, as typed.
 */

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

/** A place to show times in: the user's own zone first, then each teammate's. */
interface Place {
  zone: string;
  label: string;
}

/**
 * "Mon 09:00–17:30 Berlin", or "Mon 21:00–Tue 05:30 Auckland" across midnight, in `lang`'s
 * weekdays and clock ("Mo 09:00–17:30 Berlin", "Mon 9:00 AM–5:30 PM Berlin").
 */
export function spanIn(
  start: number,
  end: number,
  place: Place,
  lang: ExportLanguage = exportLanguage(),
): string {
  const day = (instant: number) => lang.fmt.weekday(localDateOf(instant, place.zone), 'short');
  const time = (instant: number) => lang.fmt.time(instant, place.zone);
  const sameDay = localDateOf(end, place.zone) === localDateOf(start, place.zone);
  const endDay = sameDay ? '' : `${day(end)} `;
  return `${day(start)} ${time(start)}–${endDay}${time(end)} ${place.label}`;
}

/** One span in every place: "Mon 09:00–17:00 Berlin = Mon 03:00–11:00 New York". */
function spanEverywhere(start: number, end: number, places: readonly Place[], lang: ExportLanguage): string {
  return places.map((place) => spanIn(start, end, place, lang)).join(' = ');
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

function hoursBlocks(data: AgreementData, places: readonly Place[], lang: ExportLanguage): Block[] {
  const calendar = { workingHours: data.workingHours, zone: data.zone };
  const lines: string[] = [];
  const off: LocalDate[] = [];
  WEEKDAYS.forEach((_, i) => {
    const date = addLocalDays(data.weekOf, i);
    const span = workingSpanOn(date, calendar);
    if (span === null) off.push(date);
    else lines.push(spanEverywhere(span.start, span.end, places, lang));
  });
  if (lines.length === 0) return [paragraph(lang.t('export.agreement.noHours'))];
  if (off.length > 0) {
    lines.push(lang.t('export.agreement.off', { days: lang.units(off.map((d) => lang.fmt.weekday(d))) }));
  }
  return [listOf(lines)];
}

function focusBlocks(data: AgreementData, places: readonly Place[], lang: ExportLanguage): Block[] {
  const rules = {
    focusPlan: data.focusPlan,
    focusPauses: [],
    holidays: [],
    workingHours: data.workingHours,
    zone: data.zone,
  };
  const lines = WEEKDAYS.flatMap((_, i) =>
    occurrencesOn(addLocalDays(data.weekOf, i), rules).map((o) =>
      spanEverywhere(o.start, o.end, places, lang),
    ),
  );
  if (lines.length === 0) return [paragraph(lang.t('export.agreement.noFocus'))];
  return [paragraph(lang.t('export.agreement.focusLead')), listOf(lines)];
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

function movesWords(minutes: number, lang: ExportLanguage): string {
  if (minutes === 60) return lang.t('export.agreement.moves.hour');
  if (minutes % 60 === 0) return lang.t('export.agreement.moves.hours', { count: minutes / 60 });
  return lang.t('export.agreement.moves.minutes', { count: minutes });
}

/** Where clocks change on other dates than the user's: by how much each place's times move. */
function shiftBlocks(data: AgreementData, places: readonly Place[], lang: ExportLanguage): Block[] {
  const moving = places
    .slice(1)
    .map((place) => ({ place, spread: offsetSpread(data.zone, place.zone, data.now) }))
    .filter((m) => m.spread > 0);
  const own = places[0]?.label ?? data.zone;
  return moving.map(({ place, spread }) =>
    paragraph(
      lang.t('export.agreement.clocksChange', {
        own,
        other: zoneCity(place.zone),
        place: place.label,
        moves: movesWords(spread, lang),
      }),
    ),
  );
}

/**
 * How soon the user answers on `channel`: their words as typed, or, while it is still Keel's
 * default, the default in the document's language (the same words the window shows).
 */
function normIn(agreement: Agreement, channel: NormChannel, lang: ExportLanguage): Span {
  const norm = agreement.norms[channel];
  return norm === DEFAULT_NORMS[channel] ? t(lang.t(`export.agreement.defaultNorm.${channel}`)) : u(norm);
}

function normBlocks(agreement: Agreement, lang: ExportLanguage): Block[] {
  return [
    {
      kind: 'list',
      items: NORM_CHANNELS.map((channel) => [
        [b(`${lang.t(`export.agreement.channel.${channel}`)}:`), t(' '), normIn(agreement, channel, lang)],
      ]),
    },
  ];
}

/** The agreement's document: a pure function of the hours, the plan, the agreement and the week. */
export function agreementDocument(
  data: AgreementData,
  lang: ExportLanguage = exportLanguage(),
): AgreementDocument {
  const places = placesOf(data);
  const title = (section: 'hours' | 'focus' | 'answer' | 'note') =>
    lang.t(`export.agreement.section.${section}`);
  const sections: AgreementSection[] = [
    {
      title: title('hours'),
      blocks: [...hoursBlocks(data, places, lang), ...shiftBlocks(data, places, lang)],
    },
    { title: title('focus'), blocks: focusBlocks(data, places, lang) },
    { title: title('answer'), blocks: normBlocks(data.agreement, lang) },
  ];
  const note = textLines(data.agreement.note);
  if (note.length > 0) {
    sections.push({
      title: title('note'),
      blocks: note.map((line) => ({ kind: 'paragraph', line: [u(line)] })),
    });
  }
  return {
    title: lang.t('export.agreement.title'),
    intro: [t(lang.t('export.agreement.intro', { zone: data.zone, date: lang.date(data.weekOf) }))],
    sections,
  };
}
