import { z } from 'zod';
import { SUSTAINABLE_QUESTION, type CheckIn } from './checkin';
import { tagFrequencies, trendSummary, weeklyTrends, type TrendDirection } from './checkin-trends';
import { KeelError } from './errors';
import { INTERRUPTION_KINDS, type FocusStats, type InterruptionCounts } from './focus';
import { creepStats, type CreepSettings, type WorkdayFacts } from './signoff';
import {
  dateOfDayNumber,
  dayNumber,
  isInputDate,
  isLocalDate,
  localDateOf,
  localDaysBetween,
  type LocalDate,
} from './time';

/**
 * The one-on-one summary: what the user chooses to share (a period, sections and notes ticked one
 * by one) turned into a plain summary model. summary-render.ts turns the model into Markdown and
 * HTML; those renderers are the only source of bytes that leave the machine.
 *
 * Decisions:
 * - Sections come in one fixed order whatever order they were chosen in. Trends and talking points
 *   are on by default; everything else is off until the user ticks it.
 * - The period is whole local dates, `from` and `to` inclusive, at most 366 days. A check-in
 *   belongs to its own `localDate` (where it was taken), like the trends.
 * - "Since the last shared summary" starts on the date of the last share, inclusive: a check made
 *   after sharing that day must not fall between two summaries. Without a share (or with one more
 *   than 366 days ago) the period falls back to, or is cut to, what fits.
 * - THE PRIVACY RULE. A note reaches the model only when all hold: the notes section is chosen,
 *   its check-in's id is ticked, the check-in is `shareable === true` and has a note, and it is
 *   dated inside the period. Anything else is left out silently here; the service refuses ticked
 *   ids that could never be shared (see `unshareableNoteIds`). Only the note's text and date go
 *   in — never the ratings, tags or time of that check-in.
 * - Talking points: the open ones (not yet discussed), oldest first, whatever the period — they
 *   are for the coming conversation, not a record of the past. Discussed points never appear, and
 *   building a summary marks nothing as discussed.
 * - End of day is counts only (workdays with activity, sign-offs, late evenings, days off with
 *   some work): never a time of day.
 * - Focus totals are summed from the days inside the period, whatever range the stats cover.
 * - Every section says so in one sentence (`empty`) when its data is absent, rather than vanish.
 * - User text (notes, talking points, tag labels, the name) is cleaned here — control and
 *   bidirectional-override characters removed, line breaks normalised, blank lines dropped — so
 *   the model holds exactly the text that will be rendered. Escaping is the renderers' job.
 */

export const SUMMARY_SECTIONS = [
  'trends',
  'sustainability',
  'stretched',
  'focus',
  'endOfDay',
  'talkingPoints',
  'notes',
] as const;
export type SummarySection = (typeof SUMMARY_SECTIONS)[number];

/** On until the user unticks them. */
export const DEFAULT_SECTIONS: readonly SummarySection[] = ['trends', 'talkingPoints'];

/** Headings in the export, and the checkboxes' names. */
export const SUMMARY_SECTION_TITLES: Readonly<Record<SummarySection, string>> = {
  trends: 'Workload and energy',
  sustainability: 'Sustainability',
  stretched: 'Where I feel stretched',
  focus: 'Focus time',
  endOfDay: 'End of day',
  talkingPoints: 'Talking points',
  notes: 'Notes',
};

export const SUMMARY_TITLE = 'One-on-one summary';
export const SUMMARY_MAX_DAYS = 366;
export const SUMMARY_MAX_NOTES = 200;
/** How many stretched tags the summary lists. */
export const SUMMARY_TOP_TAGS = 5;
const NOTE_ID_MAX_LENGTH = 100;
const NAME_MAX_LENGTH = 80;

export const SUMMARY_MESSAGES = {
  choices: 'A summary needs a period (from and to), the sections to include and the ticked notes.',
  from: 'Start the period on a date written YYYY-MM-DD.',
  to: 'End the period on a date written YYYY-MM-DD.',
  order: 'The period must end on or after the day it starts.',
  tooLong: `Keep the period to ${SUMMARY_MAX_DAYS} days or fewer.`,
  sections: 'Sections are trends, sustainability, stretched, focus, endOfDay, talkingPoints or notes.',
  sectionTwice: 'List each section once.',
  noteId: 'Name each ticked note by its check-in id.',
  tooManyNotes: `Tick at most ${SUMMARY_MAX_NOTES} notes.`,
  unshareable: 'Only notes marked “may be shared” can go in a summary.',
} as const;

export const SUMMARY_EMPTY = {
  noCheckIns: 'No check-ins in this period.',
  noTags: 'No stretched areas were named in this period.',
  noFocusData: 'No focus data for this period.',
  noFocusTime: 'No focus time was planned or protected in this period.',
  noWorkdayData: 'No end-of-day data for this period.',
  noWorkdays: 'No workdays were recorded in this period.',
  noTalkingPoints: 'No open talking points.',
  noNotes: 'No notes were ticked to share.',
} as const;

const localDate = (message: string) => z.string({ message }).refine(isInputDate, { message });

export const summaryChoicesSchema = z
  .object(
    {
      from: localDate(SUMMARY_MESSAGES.from),
      to: localDate(SUMMARY_MESSAGES.to),
      sections: z
        .array(z.enum(SUMMARY_SECTIONS, { message: SUMMARY_MESSAGES.sections }), {
          message: SUMMARY_MESSAGES.sections,
        })
        .refine((list) => new Set(list).size === list.length, { message: SUMMARY_MESSAGES.sectionTwice })
        .default(() => [...DEFAULT_SECTIONS]),
      noteIds: z
        .array(
          z
            .string({ message: SUMMARY_MESSAGES.noteId })
            .min(1, { message: SUMMARY_MESSAGES.noteId })
            .max(NOTE_ID_MAX_LENGTH, { message: SUMMARY_MESSAGES.noteId }),
          { message: SUMMARY_MESSAGES.noteId },
        )
        .max(SUMMARY_MAX_NOTES, { message: SUMMARY_MESSAGES.tooManyNotes })
        .transform((ids) => [...new Set(ids)])
        .default(() => []),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Summary choices have no field ${issue.keys.map((k) => `"${k}"`).join(', ')}.`
          : SUMMARY_MESSAGES.choices,
    },
  )
  .strict()
  .refine((c) => c.from <= c.to, { message: SUMMARY_MESSAGES.order, path: ['to'], abort: true })
  // Dates that are not dates were refused above (the refine still runs on them): no RangeError.
  .refine(
    (c) => !isLocalDate(c.from) || !isLocalDate(c.to) || localDaysBetween(c.from, c.to) < SUMMARY_MAX_DAYS,
    {
      message: SUMMARY_MESSAGES.tooLong,
      path: ['to'],
    },
  );

/** Validated choices: sections default to `DEFAULT_SECTIONS`, note ids are deduplicated. */
export type SummaryChoices = z.output<typeof summaryChoicesSchema>;
export type SummaryChoicesInput = z.input<typeof summaryChoicesSchema>;

/** Choices, validated, or an `invalid_input` KeelError with one sentence (no field path prefix). */
export function parseSummaryChoices(value: unknown): SummaryChoices {
  const result = summaryChoicesSchema.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? SUMMARY_MESSAGES.choices;
  throw new KeelError('invalid_input', /[.!?]$/.test(message) ? message : `${message}.`);
}

export const SUMMARY_PERIODS = ['since-last', 'two-weeks'] as const;
export type SummaryPeriodPreset = (typeof SUMMARY_PERIODS)[number];

/**
 * The dates of a preset period ending `today`: the last two weeks (14 days, today included), or
 * since the date of the last shared summary (inclusive; two weeks when nothing was shared yet or
 * the share is dated after today, cut to 366 days when it is older).
 */
export function summaryPeriod(
  preset: SummaryPeriodPreset,
  today: LocalDate,
  lastSharedOn: LocalDate | null = null,
): { from: LocalDate; to: LocalDate } {
  const end = dayNumber(today);
  if (preset === 'since-last' && lastSharedOn !== null && lastSharedOn <= today) {
    return {
      from: dateOfDayNumber(Math.max(dayNumber(lastSharedOn), end - (SUMMARY_MAX_DAYS - 1))),
      to: today,
    };
  }
  return { from: dateOfDayNumber(end - 13), to: today };
}

/** An open or discussed talking point, as stored. */
export interface SummaryTalkingPoint {
  id: string;
  text: string;
  createdAt: number;
  discussedAt: number | null;
}

/** Everything the builder may read; it takes from it only what the choices allow. */
export interface SummaryData {
  /** The user's zone: dates the summary ("prepared on"). */
  zone: string;
  /** Epoch milliseconds. */
  generatedAt: number;
  /** May hold check-ins outside the period; they are filtered by `localDate`. */
  checks: readonly CheckIn[];
  /** Null when Keel has no focus data. */
  focus: FocusStats | null;
  /** Null when Keel has no end-of-day data. */
  workdays: { facts: readonly WorkdayFacts[]; settings: CreepSettings } | null;
  talkingPoints: readonly SummaryTalkingPoint[];
  userName?: string;
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

/** Plain data only (JSON-safe): the renderers read nothing else. */
export interface SummaryModel {
  title: string;
  period: { from: LocalDate; to: LocalDate; label: string };
  /** The user's local date when the summary was built. */
  generatedOn: LocalDate;
  /** The user's name, when given. */
  author: string | null;
  /** In `SUMMARY_SECTIONS` order, only the chosen ones. */
  sections: SummarySectionModel[];
}

// C0 controls but tab and line feed, DEL, C1 controls; bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * User text made safe to place in any document: line breaks (CR LF, CR, NEL, U+2028/9) become
 * `\n`, tabs a space, unpaired surrogates U+FFFD; other control characters and bidirectional
 * embedding, override and isolate characters (U+202A–E, U+2066–9) are removed. Nothing else
 * changes; escaping for a format is separate.
 */
export function plainText(text: string): string {
  return text
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROL, '');
}

/** Clean text on one line: whitespace runs (line breaks included) become one space, ends trimmed. */
export function oneLine(text: string): string {
  return plainText(text).replace(/\s+/gu, ' ').trim();
}

/** Clean text kept on its lines: each line trimmed, blank lines dropped. */
export function textLines(text: string): string[] {
  return plainText(text)
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line.length > 0);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function dateParts(date: LocalDate): { day: number; month: string; year: number } {
  dayNumber(date); // a RangeError for anything but a real date
  return {
    day: Number(date.slice(8, 10)),
    month: MONTHS[Number(date.slice(5, 7)) - 1] as string,
    year: Number(date.slice(0, 4)),
  };
}

/** "3 March 2027". */
export function summaryDate(date: LocalDate): string {
  const { day, month, year } = dateParts(date);
  return `${day} ${month} ${year}`;
}

/** "2–15 March 2027", "24 February – 9 March 2027", "28 December 2026 – 10 January 2027". */
export function periodLabel(from: LocalDate, to: LocalDate): string {
  if (from === to) return summaryDate(from);
  const a = dateParts(from);
  const b = dateParts(to);
  if (a.year !== b.year) return `${summaryDate(from)} – ${summaryDate(to)}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${summaryDate(to)}`;
  return `${a.day}–${summaryDate(to)}`;
}

/** True when the check-in's note may be shared at all (marked shareable, and there is a note). */
function mayShare(check: CheckIn): check is CheckIn & { note: string } {
  return check.shareable === true && typeof check.note === 'string' && textLines(check.note).length > 0;
}

/**
 * Ticked note ids that name a check-in whose note may not be shared (not marked shareable, or no
 * note), in the order ticked. The service refuses choices that hold any. Ids of check-ins not in
 * `data.checks` are not reported: they cannot reach the summary, and a period that narrowed after
 * ticking must not make the choices fail.
 */
export function unshareableNoteIds(
  data: Pick<SummaryData, 'checks'>,
  choices: Pick<SummaryChoices, 'noteIds'>,
): string[] {
  const ticked = new Set(choices.noteIds);
  const offending = new Set<string>();
  for (const check of data.checks) {
    if (ticked.has(check.id) && !mayShare(check)) offending.add(check.id);
  }
  return [...new Set(choices.noteIds)].filter((id) => offending.has(id));
}

function trendsSection(checks: readonly CheckIn[], from: LocalDate, to: LocalDate): TrendsSection {
  const summary = trendSummary(checks, from, to);
  return {
    kind: 'trends',
    title: SUMMARY_SECTION_TITLES.trends,
    empty: summary.count === 0 ? SUMMARY_EMPTY.noCheckIns : null,
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

function sustainabilitySection(checks: readonly CheckIn[]): SustainabilitySection {
  const counts = { yes: 0, mostly: 0, no: 0 };
  for (const check of checks) counts[check.sustainable] += 1;
  return {
    kind: 'sustainability',
    title: SUMMARY_SECTION_TITLES.sustainability,
    empty: checks.length === 0 ? SUMMARY_EMPTY.noCheckIns : null,
    question: SUSTAINABLE_QUESTION,
    count: checks.length,
    ...counts,
  };
}

function stretchedSection(checks: readonly CheckIn[]): StretchedSection {
  const top = tagFrequencies(checks)
    .map((t) => ({ label: oneLine(t.label), count: t.count }))
    .filter((t) => t.label.length > 0)
    .slice(0, SUMMARY_TOP_TAGS);
  return {
    kind: 'stretched',
    title: SUMMARY_SECTION_TITLES.stretched,
    empty: checks.length === 0 ? SUMMARY_EMPTY.noCheckIns : top.length === 0 ? SUMMARY_EMPTY.noTags : null,
    checks: checks.length,
    top,
  };
}

function focusSection(focus: FocusStats | null, from: LocalDate, to: LocalDate): FocusSection {
  const days = (focus?.days ?? []).filter((d) => d.date >= from && d.date <= to);
  const interruptions: InterruptionCounts = { meeting: 0, chat: 0, incident: 0, other: 0 };
  let plannedMinutes = 0;
  let protectedMinutes = 0;
  for (const day of days) {
    plannedMinutes += day.plannedMinutes;
    protectedMinutes += day.protectedMinutes;
    for (const kind of INTERRUPTION_KINDS) interruptions[kind] += day.interruptions[kind];
  }
  const interruptionsTotal = INTERRUPTION_KINDS.reduce((sum, kind) => sum + interruptions[kind], 0);
  const nothing = plannedMinutes === 0 && protectedMinutes === 0 && interruptionsTotal === 0;
  return {
    kind: 'focus',
    title: SUMMARY_SECTION_TITLES.focus,
    empty: days.length === 0 ? SUMMARY_EMPTY.noFocusData : nothing ? SUMMARY_EMPTY.noFocusTime : null,
    plannedMinutes,
    protectedMinutes,
    interruptions,
    interruptionsTotal,
  };
}

function endOfDaySection(
  workdays: SummaryData['workdays'],
  from: LocalDate,
  to: LocalDate,
  today: LocalDate,
): EndOfDaySection {
  const base = { kind: 'endOfDay', title: SUMMARY_SECTION_TITLES.endOfDay } as const;
  if (workdays === null) {
    return {
      ...base,
      empty: SUMMARY_EMPTY.noWorkdayData,
      workdays: 0,
      signedOffDays: 0,
      lateEvenings: 0,
      daysOffWorked: 0,
    };
  }
  const stats = creepStats(workdays.facts, workdays.settings, from, to, today);
  const signedOffDays = stats.days.filter((d) => d.signedOff !== null).length;
  const nothing = stats.activeWorkdays === 0 && stats.daysOffWorked === 0 && signedOffDays === 0;
  return {
    ...base,
    empty: nothing ? SUMMARY_EMPTY.noWorkdays : null,
    workdays: stats.activeWorkdays,
    signedOffDays,
    lateEvenings: stats.lateEvenings,
    daysOffWorked: stats.daysOffWorked,
  };
}

function talkingPointsSection(points: readonly SummaryTalkingPoint[]): TalkingPointsSection {
  const items = points
    .filter((p) => p.discussedAt === null)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => oneLine(p.text))
    .filter((text) => text.length > 0);
  return {
    kind: 'talkingPoints',
    title: SUMMARY_SECTION_TITLES.talkingPoints,
    empty: items.length === 0 ? SUMMARY_EMPTY.noTalkingPoints : null,
    items,
  };
}

/** `checks` are the period's; see the privacy rule in the module's decisions. */
function notesSection(checks: readonly CheckIn[], noteIds: readonly string[]): NotesSection {
  const ticked = new Set(noteIds);
  const items = checks
    .filter((c): c is CheckIn & { note: string } => ticked.has(c.id) && mayShare(c))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => ({ date: c.localDate, text: textLines(c.note).join('\n') }));
  return {
    kind: 'notes',
    title: SUMMARY_SECTION_TITLES.notes,
    empty: items.length === 0 ? SUMMARY_EMPTY.noNotes : null,
    items,
  };
}

/**
 * The summary model for `choices` (validated again here, so an unchecked value cannot widen what
 * is shared; an `invalid_input` KeelError when they are not valid). Pure: the same data and
 * choices always give the same model.
 */
export function buildSummary(data: SummaryData, choices: SummaryChoicesInput): SummaryModel {
  const { from, to, sections, noteIds } = parseSummaryChoices(choices);
  const chosen = new Set<SummarySection>(sections);
  const checks = data.checks.filter((c) => c.localDate >= from && c.localDate <= to);
  const today = localDateOf(data.generatedAt, data.zone);
  const out: SummarySectionModel[] = [];
  for (const section of SUMMARY_SECTIONS) {
    if (!chosen.has(section)) continue;
    switch (section) {
      case 'trends':
        out.push(trendsSection(checks, from, to));
        break;
      case 'sustainability':
        out.push(sustainabilitySection(checks));
        break;
      case 'stretched':
        out.push(stretchedSection(checks));
        break;
      case 'focus':
        out.push(focusSection(data.focus, from, to));
        break;
      case 'endOfDay':
        out.push(endOfDaySection(data.workdays, from, to, today));
        break;
      case 'talkingPoints':
        out.push(talkingPointsSection(data.talkingPoints));
        break;
      case 'notes':
        out.push(notesSection(checks, noteIds));
        break;
    }
  }
  const author =
    data.userName === undefined
      ? ''
      : Array.from(oneLine(data.userName)).slice(0, NAME_MAX_LENGTH).join('').trim();
  return {
    title: SUMMARY_TITLE,
    period: { from, to, label: periodLabel(from, to) },
    generatedOn: today,
    author: author.length > 0 ? author : null,
    sections: out,
  };
}
