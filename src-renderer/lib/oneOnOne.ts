import type { Share, SummaryChoices, SummaryOptions, SummaryPeriod, TalkingPoint } from '../api/types';
import { matchLocale } from '../../src-main/shared/i18n/locale';
import { windowClock, windowFormat, windowMessage } from '../i18n/window-locale';
import { formatShortDate } from './format';

/** Helpers for the One-on-one view: pure functions of what main answered and what the user chose. */

export type PeriodChoice = 'sinceLast' | 'twoWeeks' | 'custom';

/** What the user has chosen so far; turned into main's `SummaryChoices` by `choicesOf`. */
export interface BuilderChoices {
  period: PeriodChoice;
  /** The custom period's dates as typed (`''` when a date input is cleared). */
  custom: SummaryPeriod;
  /** Ticked section ids; null until the user changes them (main's defaults apply). */
  sections: string[] | null;
  /** Ticked note ids (check-in ids). */
  noteIds: string[];
  /** Ticked custom tags of check-ins with private notes (off until ticked). */
  privateTags: string[];
  /**
   * "Since the last shared summary" as it was when the view opened (null until known): sharing
   * from the view must not move the period of the summary being shared.
   */
  since: SinceLast | null;
  /** The summary's language ("de", "pt-BR"); null or not given: the window's (`summaryLocaleOf`). */
  locale?: string | null;
}

/** The language the summary is written in: the one chosen, else the window's. */
export function summaryLocaleOf(choice: Pick<BuilderChoices, 'locale'>): string {
  if (choice.locale) return choice.locale;
  const tag = windowFormat().locale;
  return matchLocale(tag) === null ? 'en-US' : tag;
}

export interface SinceLast {
  period: SummaryPeriod;
  /** The local date of the last share, or null when nothing was shared yet. */
  lastSharedOn: string | null;
}

/** The "since the last share" preset main answered. */
export function sinceLastOf(options: SummaryOptions): SinceLast {
  return { period: options.periods.sinceLast, lastSharedOn: options.lastShare?.at.slice(0, 10) ?? null };
}

export const NOTES_SECTION = 'notes';
export const STRETCHED_SECTION = 'stretched';

/** The sections ticked: the user's, or main's defaults until the user changes them. */
export function sectionsOf(options: SummaryOptions, sections: string[] | null): string[] {
  const ticked = sections ?? options.sections.filter((s) => s.default).map((s) => s.id);
  // In main's order, whatever order they were ticked in; unknown ids are dropped.
  return options.sections.map((s) => s.id).filter((id) => ticked.includes(id));
}

/** The period the choice names: a preset from main, or the custom dates. */
export function periodOf(options: SummaryOptions, choice: BuilderChoices): SummaryPeriod {
  if (choice.period === 'sinceLast') return choice.since?.period ?? options.periods.sinceLast;
  if (choice.period === 'twoWeeks') return options.periods.twoWeeks;
  return choice.custom;
}

/** One sentence per date input when the custom dates cannot make a period. */
export function customErrors(period: SummaryPeriod): { from: string | null; to: string | null } {
  return {
    from: period.from === '' ? windowMessage('oneonone.builder.error.from') : null,
    to:
      period.to === ''
        ? windowMessage('oneonone.builder.error.to')
        : period.from !== '' && period.from > period.to
          ? windowMessage('oneonone.builder.error.order')
          : null,
  };
}

/** One sentence when the custom dates cannot make a period; null when they can. */
export function customError(period: SummaryPeriod): string | null {
  const errors = customErrors(period);
  return errors.from ?? errors.to;
}

/**
 * Exactly what preview, export and copy send. A note id goes in only when the notes section is
 * ticked, and only for a note of this period that is marked "may be shared": a private note can
 * never be sent, whatever was ticked before. A private check-in's tag goes in only when the
 * stretched section is ticked and main still offers it for this period.
 */
export function choicesOf(options: SummaryOptions, choice: BuilderChoices): SummaryChoices {
  const { from, to } = periodOf(options, choice);
  const sections = sectionsOf(options, choice.sections) as SummaryChoices['sections'] & string[];
  const shareable = new Set(
    options.notes.filter((n) => n.shareable && n.date >= from && n.date <= to).map((n) => n.id),
  );
  const noteIds = sections.includes(NOTES_SECTION) ? choice.noteIds.filter((id) => shareable.has(id)) : [];
  const offered = new Set(options.privateTags.map((t) => t.id));
  const privateTags = sections.includes(STRETCHED_SECTION)
    ? choice.privateTags.filter((id) => offered.has(id))
    : [];
  return { from, to, sections, noteIds, privateTags, locale: summaryLocaleOf(choice) };
}

/** `choicesOf`, or null while the custom dates cannot make a period. */
export function validChoicesOf(
  options: SummaryOptions | null,
  choice: BuilderChoices,
): SummaryChoices | null {
  if (options === null) return null;
  if (choice.period === 'custom' && customError(choice.custom) !== null) return null;
  return choicesOf(options, choice);
}

/** "3 Mar – 14 Mar 2025" style, from two `YYYY-MM-DD` dates. */
export function periodText(period: SummaryPeriod): string {
  if (period.from === period.to) return formatShortDate(period.from);
  return `${formatShortDate(period.from)} – ${formatShortDate(period.to)}`;
}

/** Open points in the agenda's order, then the discussed ones (most recently discussed first). */
export function splitPoints(points: readonly TalkingPoint[]): {
  open: TalkingPoint[];
  discussed: TalkingPoint[];
} {
  // Open points in main's order: the agenda's, as the user arranged it (oldest first until then).
  const open = points.filter((p) => p.discussedAt === null);
  const discussed = points
    .filter((p) => p.discussedAt !== null)
    .sort((a, b) => Date.parse(b.discussedAt ?? '') - Date.parse(a.discussedAt ?? ''));
  return { open, discussed };
}

/** "Markdown file", "Copied Markdown"… for a share's format. */
export function shareFormatText(format: Share['format']): string {
  return FORMATS.includes(format) ? windowMessage(`oneonone.shares.format.${format}`) : format;
}

const FORMATS: readonly Share['format'][] = ['md', 'text', 'html', 'rich', 'pdf', 'clipboard', 'json', 'ics'];

/** "Tue, Mar 11, 5:42 PM" / "Di., 11. März, 17:42" for an ISO instant main wrote in the user's zone. */
export function shareWhen(at: string): string {
  return windowMessage('oneonone.shares.when', {
    date: formatShortDate(at.slice(0, 10)),
    time: windowClock(at.slice(11, 16)),
  });
}

/** "1 private note hidden", "3 private notes hidden"; once shown, "3 private notes, which cannot be ticked:". */
export function privateNotesText(count: number, shown = false): string {
  return windowMessage(shown ? 'oneonone.builder.privateShown' : 'oneonone.builder.privateHidden', { count });
}

/** "2 notes", "no notes". */
export function noteCountText(count: number): string {
  return windowMessage('oneonone.shares.notes', { count });
}
