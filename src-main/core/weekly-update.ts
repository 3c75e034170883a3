import { z } from 'zod';
import { trendSummary, type TrendCheck } from './checkin-trends';
import type { DayFigures } from './day-figures';
import { exportLanguage, type ExportLanguage } from './export-language';
import { DONE_MAX_LENGTH } from './signoff-vocabulary';
import { focusSection } from './summary-sections';
import { oneLine, textLines } from './summary-text';
import { cleanLine } from './text-hygiene';
import { localDateOf, type LocalDate } from './time';

/**
 * The weekly async update ("shipped / next / blockers"), drafted from the week's sign-offs and
 * edited by the user before anything leaves. Pure: the same records and edits give the same model.
 * weekly-update-document.ts turns the model into the document the renderers write.
 *
 * Decisions (the rules are said in the update's own "How this was drafted" line):
 * - Shipped: every line of "what got done" of each sign-off in the period, oldest first. A list
 *   marker the user typed ("- ", "* ", "• ", "1. ") is dropped; a line repeated on another day
 *   (same words, case and spacing aside) is kept once, where it first appeared.
 * - Next: the last sign-off's "first thing tomorrow", then the things still unfinished at that
 *   sign-off (their plan for tomorrow is the user's own and is left out). Only the last sign-off
 *   counts: a thing unfinished on Tuesday and gone from Friday's list is not "next".
 * - Blockers: things still unfinished at the last sign-off that either say they are blocked (the
 *   thing or its plan names "blocked", "blocker", "stuck", or "waiting on/for") or were listed
 *   unfinished at three or more of the period's sign-offs. A blocker is not repeated under Next.
 *   Keel has no "blocked" tick in the ritual; these words are the user's own marking.
 * - Days are their sign-off's local date, whatever zone it was recorded in: a week that spans a
 *   zone change is read by date, never re-bucketed.
 * - Focus time (off by default) uses the summary's figures (core/summary-sections.ts): protected
 *   beside planned, never a block started on the spot counted as planned. The mood line (off by
 *   default) words the check-ins' averages as the summary does.
 * - The user's edits replace the drafted lines whole (per section); the records are not read
 *   again for an edited draft, so a later sign-off does not move what the user wrote.
 */

/** The title in en-US (the default export language). */
export const WEEKLY_UPDATE_TITLE = exportLanguage().t('export.update.title');
export const UPDATE_SECTIONS = ['shipped', 'next', 'blockers'] as const;
export type UpdateSection = (typeof UPDATE_SECTIONS)[number];
/** An empty section's sentence in en-US. */
export const UPDATE_EMPTY: Readonly<Record<UpdateSection, string>> = {
  shipped: exportLanguage().t('export.update.empty.shipped'),
  next: exportLanguage().t('export.update.empty.next'),
  blockers: exportLanguage().t('export.update.empty.blockers'),
};
/** A section holds at most this many lines, drafted or edited. */
export const UPDATE_MAX_LINES = 40;
export const UPDATE_LINE_MAX_LENGTH = DONE_MAX_LENGTH;
/** Unfinished at this many of the period's sign-offs: a blocker. */
export const CARRIED_OVER_SIGNOFFS = 3;
/** The longest period an update covers (the CLI takes any dates). */
export const UPDATE_MAX_DAYS = 31;

/** One day's sign-off as the draft reads it (storage's Workday has these fields). */
export interface UpdateSignoff {
  date: LocalDate;
  signedOffAt: number | null;
  done: string | null;
  unfinished: readonly { item: string; plan: string }[];
  firstTomorrow: string | null;
}

/** Everything the draft may read. */
export interface WeeklyUpdateInput {
  from: LocalDate;
  to: LocalDate;
  zone: string;
  generatedAt: number;
  /** May hold days outside the period or without a sign-off; those are left out. */
  signoffs: readonly UpdateSignoff[];
  /** The period's days' figures, and whether Keel holds focus records or a plan for it. */
  days: readonly DayFigures[];
  hasFocusData: boolean;
  checks: readonly TrendCheck[];
  /** The language of the update ("de", "pt-BR"); en-US when not given. */
  locale?: string | null;
}

export type UpdateLines = Record<UpdateSection, string[]>;

/** What the user chose: the lines of each section and the two optional lines. */
export interface UpdateEdits extends UpdateLines {
  focus: boolean;
  mood: boolean;
}

export interface WeeklyDraft {
  /** The BCP 47 tag the draft's words are in. */
  locale: string;
  period: { from: LocalDate; to: LocalDate; label: string };
  generatedOn: LocalDate;
  /** The lines drafted from the sign-offs. */
  lines: UpdateLines;
  signoffCount: number;
  lastSignoff: LocalDate | null;
  /** Drafted always; they reach the update only when the user includes them. */
  focusLine: string;
  moodLine: string;
  /** Some section had more lines than an update holds. */
  truncated: boolean;
}

/** Plain data only (JSON-safe): the document and the renderers read nothing else. */
export interface WeeklyUpdateModel {
  /** The BCP 47 tag of the language the update is written in. */
  locale: string;
  title: string;
  period: { from: LocalDate; to: LocalDate; label: string };
  generatedOn: LocalDate;
  lines: UpdateLines;
  focus: string | null;
  mood: string | null;
  edited: boolean;
  howDrafted: string;
}

const line = z
  .string({ message: 'Write each line as text.' })
  .overwrite(cleanLine)
  .trim()
  .max(UPDATE_LINE_MAX_LENGTH, { message: `Keep each line under ${UPDATE_LINE_MAX_LENGTH} characters.` });
const lines = (title: string) =>
  z
    .array(line, { message: `List ${title} as a list of lines.` })
    .max(UPDATE_MAX_LINES, { message: `List at most ${UPDATE_MAX_LINES} lines under ${title}.` })
    // An empty row in the editor is a line not written yet, not a line to share.
    .transform((list) => list.filter((l) => l.length > 0));

/** The user's edits of a draft, as the window and storage pass them. */
export const updateEditsSchema = z
  .object({
    shipped: lines('Shipped'),
    next: lines('Next'),
    blockers: lines('Blockers'),
    focus: z.boolean({ message: 'Use true or false for including focus time.' }),
    mood: z.boolean({ message: 'Use true or false for including the mood line.' }),
  })
  .strict();

const LIST_MARKER = /^(?:[-*+•·]|\d{1,3}[.)])\s+/u;
const BLOCKED = /\b(?:blocked|blocker|stuck|waiting (?:on|for))\b/iu;

/** One line of user text for the update: cleaned, on one line, without a typed list marker. */
function itemText(text: string): string {
  return oneLine(text).replace(LIST_MARKER, '').trim();
}

/** Two lines are the same when their words are: case, spacing and a final full stop aside. */
function sameKey(text: string): string {
  return text
    .toLocaleLowerCase('en')
    .replace(/\s+/gu, ' ')
    .replace(/[.!]+$/u, '')
    .trim();
}

/** `items` without blanks and repeats (the first kept), at most UPDATE_MAX_LINES. */
function distinct(items: readonly string[]): { list: string[]; truncated: boolean } {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const item of items) {
    const key = sameKey(item);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    list.push(item);
  }
  return { list: list.slice(0, UPDATE_MAX_LINES), truncated: list.length > UPDATE_MAX_LINES };
}

/** "Focus time: 5 h protected · 8 h planned." — as the Monday recap words it (a block started on the spot is protected, never planned, so one is not a share of the other). */
function focusLineOf(input: WeeklyUpdateInput, lang: ExportLanguage): string {
  const f = focusSection(
    { days: input.days, hasFocusData: input.hasFocusData, hasWorkdayData: true },
    input.from,
    input.to,
    lang,
  );
  if (!input.hasFocusData) return lang.t('export.update.focus.none');
  const values = { protected: lang.duration(f.protectedMinutes), planned: lang.duration(f.plannedMinutes) };
  return f.plannedMinutes > 0
    ? lang.t('export.update.focus.planned', values)
    : lang.t('export.update.focus.unplanned', values);
}

/** "Mood: workload averaged 3.2 (…), energy averaged 3.6 (…), over 3 check-ins." */
function moodLineOf(input: WeeklyUpdateInput, lang: ExportLanguage): string {
  const t = trendSummary(input.checks, input.from, input.to);
  if (t.count === 0 || t.avgWorkload === null || t.avgEnergy === null)
    return lang.t('export.update.mood.none');
  const one = (value: number) =>
    lang.fmt.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return lang.t('export.update.mood', {
    workload: one(t.avgWorkload),
    energy: one(t.avgEnergy),
    count: t.count,
  });
}

/** The sections drafted from the period's sign-offs (see the module's decisions). */
function draftLines(signoffs: readonly UpdateSignoff[]): { lines: UpdateLines; truncated: boolean } {
  const shipped = signoffs.flatMap((s) => (s.done === null ? [] : textLines(s.done).map(itemText)));
  const last = signoffs.at(-1);
  const unfinishedAt = new Map<string, number>();
  for (const s of signoffs) {
    for (const key of new Set(s.unfinished.map((u) => sameKey(itemText(u.item))))) {
      unfinishedAt.set(key, (unfinishedAt.get(key) ?? 0) + 1);
    }
  }
  const next: string[] = [];
  const blockers: string[] = [];
  if (last?.firstTomorrow) next.push(itemText(last.firstTomorrow));
  for (const u of last?.unfinished ?? []) {
    const item = itemText(u.item);
    const blocked =
      BLOCKED.test(item) ||
      BLOCKED.test(oneLine(u.plan)) ||
      (unfinishedAt.get(sameKey(item)) ?? 0) >= CARRIED_OVER_SIGNOFFS;
    (blocked ? blockers : next).push(item);
  }
  const blockerKeys = new Set(blockers.map(sameKey));
  const parts = {
    shipped: distinct(shipped),
    next: distinct(next.filter((n) => !blockerKeys.has(sameKey(n)))),
    blockers: distinct(blockers),
  };
  return {
    lines: { shipped: parts.shipped.list, next: parts.next.list, blockers: parts.blockers.list },
    truncated: parts.shipped.truncated || parts.next.truncated || parts.blockers.truncated,
  };
}

/** The draft of the update for the period: pure, from the records given. */
export function draftWeeklyUpdate(input: WeeklyUpdateInput): WeeklyDraft {
  const { from, to } = input;
  if (from > to) throw new RangeError('The period must not end before it starts.');
  const signoffs = input.signoffs
    .filter((s) => s.signedOffAt !== null && s.date >= from && s.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const { lines: drafted, truncated } = draftLines(signoffs);
  const lang = exportLanguage(input.locale);
  return {
    locale: lang.tag,
    period: { from, to, label: lang.period(from, to) },
    generatedOn: localDateOf(input.generatedAt, input.zone),
    lines: drafted,
    signoffCount: signoffs.length,
    lastSignoff: signoffs.at(-1)?.date ?? null,
    focusLine: focusLineOf(input, lang),
    moodLine: moodLineOf(input, lang),
    truncated,
  };
}

/** The honest rules, in one paragraph: what each section was drafted from. */
export function howDrafted(draft: WeeklyDraft, edited: boolean, focus: boolean): string {
  const lang = exportLanguage(draft.locale);
  const parts: string[] = [];
  if (draft.signoffCount === 0) {
    parts.push(lang.t('export.update.drafted.none'));
  } else {
    const last = lang.date(draft.lastSignoff as LocalDate);
    parts.push(
      lang.t('export.update.drafted.from', { count: draft.signoffCount }),
      lang.t('export.update.drafted.shipped'),
      lang.t('export.update.drafted.next', { date: last }),
      lang.t('export.update.drafted.blockers', { count: CARRIED_OVER_SIGNOFFS }),
    );
    if (draft.truncated) parts.push(lang.t('export.update.drafted.truncated', { count: UPDATE_MAX_LINES }));
  }
  if (focus) parts.push(lang.t('export.update.drafted.focus'));
  if (edited) parts.push(lang.t('export.update.drafted.edited'));
  return parts.join(' ');
}

/** The lines the draft proposes, as edits (the optional lines left out). */
export function draftEdits(draft: WeeklyDraft): UpdateEdits {
  return {
    shipped: [...draft.lines.shipped],
    next: [...draft.lines.next],
    blockers: [...draft.lines.blockers],
    focus: false,
    mood: false,
  };
}

/** Edits as they will be shown and shared: each line cleaned onto one line, blanks dropped. */
function cleanEdits(edits: UpdateEdits): UpdateEdits {
  const clean = (list: readonly string[]) =>
    list
      .map(oneLine)
      .filter((l) => l.length > 0)
      .slice(0, UPDATE_MAX_LINES);
  return {
    shipped: clean(edits.shipped),
    next: clean(edits.next),
    blockers: clean(edits.blockers),
    focus: edits.focus,
    mood: edits.mood,
  };
}

/** Whether `edits` say anything other than the draft does. */
export function isEdited(draft: WeeklyDraft, edits: UpdateEdits): boolean {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  const clean = cleanEdits(edits);
  return UPDATE_SECTIONS.some((s) => !same(clean[s], draft.lines[s]));
}

/** The update the user shares: their edits (or the draft as it stands) over the draft's period. */
export function weeklyUpdateModel(draft: WeeklyDraft, edits: UpdateEdits | null): WeeklyUpdateModel {
  const chosen = cleanEdits(edits ?? draftEdits(draft));
  const edited = edits !== null && isEdited(draft, edits);
  return {
    locale: draft.locale,
    title: exportLanguage(draft.locale).t('export.update.title'),
    period: draft.period,
    generatedOn: draft.generatedOn,
    lines: { shipped: chosen.shipped, next: chosen.next, blockers: chosen.blockers },
    focus: chosen.focus ? draft.focusLine : null,
    mood: chosen.mood ? draft.moodLine : null,
    edited,
    howDrafted: howDrafted(draft, edited, chosen.focus),
  };
}
