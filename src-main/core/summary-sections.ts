import type { Checkin } from './checkin';
import { tagFrequencies, trendSummary, weeklyTrends, type TrendDirection } from './checkin-trends';
import { emptyInterruptionCounts, type DayFigures } from './day-figures';
import { INTERRUPTION_KINDS, type InterruptionCounts } from './focus';
import { countedTags, mayShare } from './summary-private';
import { exportLanguage, type ExportLanguage } from './export-language';
import { countedSince, howCounted, sectionTitle, summaryEmpty } from './summary-words';

export { HOW_COUNTED, SUMMARY_EMPTY, howCounted, sectionTitle, summaryEmpty } from './summary-words';
export type { SummaryEmpty } from './summary-words';
import { oneLine, textLines } from './summary-text';
import type { SummarySection } from './summary-section-ids';
import type { LocalDate } from './time';

/**
 * The one-on-one summary's sections: their order, titles and empty-state sentences, and what each
 * one holds, built from the period's data. summary-model.ts picks the chosen ones.
 *
 * Decisions:
 * - Sections come in one fixed order whatever order they were chosen in. Trends and talking points
 *   are on by default; everything else is off until the user ticks it.
 * - THE PRIVACY RULE. A note reaches the model only when all hold: the notes section is chosen,
 *   its check-in's id is ticked, the check-in is `shareable === true` and has a note, and it is
 *   dated inside the period. Anything else is left out here; the service refuses ticks that
 *   cannot be honoured (summary-private.ts `tickProblem`). Only the note's text and date go in —
 *   never the ratings, tags or time of that check-in. The custom tags of a check-in with a
 *   private note count in "Where I feel stretched" only when ticked one by one.
 * - Talking points: the open ones (not yet discussed), oldest first, whatever the period — they
 *   are for the coming conversation, not a record of the past. Discussed points never appear, and
 *   building a summary marks nothing as discussed.
 * - End of day is counts only (workdays with activity, sign-offs, late evenings, days off with
 *   some work): never a time of day.
 * - Focus and end-of-day figures are sums of the period's days (core/day-figures.ts), each day
 *   judged by the rules in force on it; a total is always the sum of its days.
 * - Every section with figures says in one line how they are counted (`howCounted`), so a
 *   manager reading them knows what "planned" or "late" means.
 * - Every section says so in one sentence (`empty`) when its data is absent, rather than vanish.
 */

// The list lives in a leaf module so settings can name the sections without this one's imports.
export { SUMMARY_SECTIONS, type SummarySection } from './summary-section-ids';

/** On until the user unticks them. */
export const DEFAULT_SECTIONS: readonly SummarySection[] = ['trends', 'talkingPoints'];

/** How many stretched tags the summary lists. */
export const SUMMARY_TOP_TAGS = 5;

/** An open or discussed talking point, as stored. */
export interface SummaryTalkingPoint {
  id: string;
  text: string;
  createdAt: number;
  discussedAt: number | null;
}

/** The period's days as the focus and end-of-day sections read them. */
export interface SummaryDays {
  /** One per date of the period, in order. */
  days: readonly DayFigures[];
  /** Keel holds focus records (or a plan) for the period. */
  hasFocusData: boolean;
  /** Keel holds end-of-day records for the period. */
  hasWorkdayData: boolean;
}

export interface SummaryWeek {
  /** Monday of the ISO week (it may fall before the period starts). */
  weekStart: LocalDate;
  count: number;
  avgWorkload: number | null;
  avgEnergy: number | null;
}

interface SectionBase {
  title: string;
  /** One sentence when the section's data is absent; null when there is something to show. */
  empty: string | null;
  /** How the section's figures are counted, in a line or two; null for a section without figures. */
  howCounted: string | null;
}

export interface TrendsSection extends SectionBase {
  kind: 'trends';
  count: number;
  /** One decimal; null without check-ins. */
  avgWorkload: number | null;
  avgEnergy: number | null;
  workloadDirection: TrendDirection;
  energyDirection: TrendDirection;
  weeks: SummaryWeek[];
}

export interface SustainabilitySection extends SectionBase {
  kind: 'sustainability';
  question: string;
  count: number;
  yes: number;
  mostly: number;
  no: number;
}

export interface StretchedSection extends SectionBase {
  kind: 'stretched';
  /** Check-ins in the period. */
  checks: number;
  /** Most named first, at most 5. */
  top: { label: string; count: number }[];
}

export interface FocusSection extends SectionBase {
  kind: 'focus';
  plannedMinutes: number;
  protectedMinutes: number;
  interruptions: InterruptionCounts;
  interruptionsTotal: number;
}

export interface EndOfDaySection extends SectionBase {
  kind: 'endOfDay';
  /** Workdays with any activity. */
  workdays: number;
  signedOffDays: number;
  lateEvenings: number;
  daysOffWorked: number;
}

export interface TalkingPointsSection extends SectionBase {
  kind: 'talkingPoints';
  items: string[];
}

export interface NotesSection extends SectionBase {
  kind: 'notes';
  /** Oldest first; `text` may hold line breaks (`\n`), never blank lines. */
  items: { date: LocalDate; text: string }[];
}

export type SummarySectionModel =
  | TrendsSection
  | SustainabilitySection
  | StretchedSection
  | FocusSection
  | EndOfDaySection
  | TalkingPointsSection
  | NotesSection;

/**
 * Ticked note ids that name a check-in whose note may not be shared (not marked shareable, or no
 * note), in the order ticked. The service refuses choices that hold any. Ids of check-ins not in
 * `data.checks` are not reported: they cannot reach the summary, and a period that narrowed after
 * ticking must not make the choices fail.
 */
export function unshareableNoteIds(
  data: { readonly checks: readonly Checkin[] },
  choices: { readonly noteIds: readonly string[] },
): string[] {
  const ticked = new Set(choices.noteIds);
  const offending = new Set<string>();
  for (const check of data.checks) {
    if (ticked.has(check.id) && !mayShare(check)) offending.add(check.id);
  }
  return [...new Set(choices.noteIds)].filter((id) => offending.has(id));
}

/** Workload and energy over the period, and week by week. */
export function trendsSection(
  checks: readonly Checkin[],
  from: LocalDate,
  to: LocalDate,
  lang: ExportLanguage = exportLanguage(),
): TrendsSection {
  const summary = trendSummary(checks, from, to);
  return {
    kind: 'trends',
    title: sectionTitle('trends', lang),
    howCounted: howCounted('trends', lang),
    empty: summary.count === 0 ? summaryEmpty('noCheckIns', lang) : null,
    count: summary.count,
    avgWorkload: summary.avgWorkload,
    avgEnergy: summary.avgEnergy,
    workloadDirection: summary.workloadDirection,
    energyDirection: summary.energyDirection,
    weeks:
      summary.count === 0
        ? []
        : weeklyTrends(checks, from, to).map((w) => ({
            weekStart: w.weekStart,
            count: w.count,
            avgWorkload: w.avgWorkload,
            avgEnergy: w.avgEnergy,
          })),
  };
}

/** How often "is the workload sustainable?" was answered yes, mostly and no. */
export function sustainabilitySection(
  checks: readonly Checkin[],
  lang: ExportLanguage = exportLanguage(),
): SustainabilitySection {
  const counts = { yes: 0, mostly: 0, no: 0 };
  for (const check of checks) counts[check.sustainable] += 1;
  return {
    kind: 'sustainability',
    title: sectionTitle('sustainability', lang),
    howCounted: howCounted('sustainability', lang),
    empty: checks.length === 0 ? summaryEmpty('noCheckIns', lang) : null,
    question: lang.t('export.summary.sustainable.question'),
    count: checks.length,
    ...counts,
  };
}

/**
 * The most named stretched areas. A custom tag of a private check-in counts only when ticked in
 * `privateTags` (summary-private.ts).
 */
export function stretchedSection(
  checks: readonly Checkin[],
  privateTags: readonly string[] = [],
  lang: ExportLanguage = exportLanguage(),
): StretchedSection {
  const ticked = new Set(privateTags);
  const top = tagFrequencies(checks.map((c) => ({ ...c, stretched: countedTags(c, ticked) })))
    .map((t) => ({ label: oneLine(t.label), count: t.count }))
    .filter((t) => t.label.length > 0)
    .slice(0, SUMMARY_TOP_TAGS);
  return {
    kind: 'stretched',
    title: sectionTitle('stretched', lang),
    howCounted: howCounted('stretched', lang),
    empty:
      checks.length === 0
        ? summaryEmpty('noCheckIns', lang)
        : top.length === 0
          ? summaryEmpty('noTags', lang)
          : null,
    checks: checks.length,
    top,
  };
}

/** Planned and protected focus minutes and interruptions, summed over the period's days. */
export function focusSection(
  input: SummaryDays,
  from: LocalDate,
  to: LocalDate,
  lang: ExportLanguage = exportLanguage(),
): FocusSection {
  const days = input.days.filter((d) => d.date >= from && d.date <= to);
  const interruptions: InterruptionCounts = emptyInterruptionCounts();
  let plannedMinutes = 0;
  let protectedMinutes = 0;
  for (const day of days) {
    plannedMinutes += day.plannedFocusMinutes;
    protectedMinutes += day.protectedFocusMinutes;
    for (const kind of INTERRUPTION_KINDS) interruptions[kind] += day.interruptions[kind];
  }
  const interruptionsTotal = INTERRUPTION_KINDS.reduce((sum, kind) => sum + interruptions[kind], 0);
  const nothing = plannedMinutes === 0 && protectedMinutes === 0 && interruptionsTotal === 0;
  return {
    kind: 'focus',
    title: sectionTitle('focus', lang),
    empty: !input.hasFocusData
      ? summaryEmpty('noFocusData', lang)
      : nothing
        ? summaryEmpty('noFocusTime', lang)
        : null,
    howCounted: countedSince(howCounted('focus', lang), days, lang),
    plannedMinutes,
    protectedMinutes,
    interruptions,
    interruptionsTotal,
  };
}

/** Counts of workdays, sign-offs, late evenings and days off with work; never a time of day. */
export function endOfDaySection(
  input: SummaryDays,
  from: LocalDate,
  to: LocalDate,
  lang: ExportLanguage = exportLanguage(),
): EndOfDaySection {
  const days = input.days.filter((d) => d.date >= from && d.date <= to && d.counting !== 'before');
  const workdays = days.filter((d) => !d.dayOff && d.firstActive !== null).length;
  const signedOffDays = days.filter((d) => d.signedOffAt !== null).length;
  const lateEvenings = days.filter((d) => d.late).length;
  const daysOffWorked = days.filter((d) => d.workedDayOff).length;
  const nothing = workdays === 0 && daysOffWorked === 0 && signedOffDays === 0;
  return {
    kind: 'endOfDay',
    title: sectionTitle('endOfDay', lang),
    empty: !input.hasWorkdayData
      ? summaryEmpty('noWorkdayData', lang)
      : nothing
        ? summaryEmpty('noWorkdays', lang)
        : null,
    howCounted: countedSince(
      howCounted('endOfDay', lang),
      input.days.filter((d) => d.date >= from && d.date <= to),
      lang,
    ),
    workdays,
    signedOffDays,
    lateEvenings,
    daysOffWorked,
  };
}

/**
 * The open talking points, whatever the period, in the order given: the agenda's order, as the
 * user arranged it in the One-on-one view (oldest first until then).
 */
export function talkingPointsSection(
  points: readonly SummaryTalkingPoint[],
  lang: ExportLanguage = exportLanguage(),
): TalkingPointsSection {
  const items = points
    .filter((p) => p.discussedAt === null)
    .map((p) => oneLine(p.text))
    .filter((text) => text.length > 0);
  return {
    kind: 'talkingPoints',
    title: sectionTitle('talkingPoints', lang),
    howCounted: null,
    empty: items.length === 0 ? summaryEmpty('noTalkingPoints', lang) : null,
    items,
  };
}

/** `checks` are the period's; see the privacy rule in the module's decisions. */
export function notesSection(
  checks: readonly Checkin[],
  noteIds: readonly string[],
  lang: ExportLanguage = exportLanguage(),
): NotesSection {
  const ticked = new Set(noteIds);
  const items = checks
    .filter((c): c is Checkin & { note: string } => ticked.has(c.id) && mayShare(c))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => ({ date: c.localDate, text: textLines(c.note).join('\n') }));
  return {
    kind: 'notes',
    title: sectionTitle('notes', lang),
    howCounted: null,
    empty: items.length === 0 ? summaryEmpty('noNotes', lang) : null,
    items,
  };
}
