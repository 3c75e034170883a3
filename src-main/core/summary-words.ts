import { LATE_AFTER_MINUTES, type DayFigures } from './day-figures';
import { exportLanguage, type ExportLanguage } from './export-language';
import type { SummarySection } from './summary-section-ids';

/**
 * The one-on-one summary's words about its sections, in the export's language: headings, how
 * each section's figures are counted, and the sentences for absent data (the `export.summary.*`
 * catalog). The en-US ones are kept as constants for whoever needs the default.
 */

/** How a section's figures are counted, in the export's language. */
export function howCounted(
  kind: 'trends' | 'sustainability' | 'stretched' | 'focus' | 'endOfDay',
  lang: ExportLanguage = exportLanguage(),
): string {
  return kind === 'endOfDay'
    ? lang.t('export.summary.counted.endOfDay', { minutes: LATE_AFTER_MINUTES })
    : lang.t(`export.summary.counted.${kind}`);
}

/** The counting line, with when Keel began counting if that was inside the period. */
export function countedSince(line: string, days: readonly DayFigures[], lang: ExportLanguage): string {
  const first = days.find((d) => d.counting !== 'before');
  if (!first || first === days[0]) return line;
  return `${line} ${lang.t('export.summary.counted.since', { date: lang.date(first.date) })}`;
}

export type SummaryEmpty =
  | 'noCheckIns'
  | 'noTags'
  | 'noFocusData'
  | 'noFocusTime'
  | 'noWorkdayData'
  | 'noWorkdays'
  | 'noTalkingPoints'
  | 'noNotes';

/** A section's sentence for absent data, in the export's language. */
export function summaryEmpty(which: SummaryEmpty, lang: ExportLanguage = exportLanguage()): string {
  return lang.t(`export.summary.empty.${which}`);
}

/** A section's heading in the export's language. */
export function sectionTitle(section: SummarySection, lang: ExportLanguage = exportLanguage()): string {
  return lang.t(`export.summary.section.${section}`);
}

type Counted = Parameters<typeof howCounted>[0];
const COUNTED: readonly Counted[] = ['trends', 'sustainability', 'stretched', 'focus', 'endOfDay'];
const EMPTY: readonly SummaryEmpty[] = [
  ...(['noCheckIns', 'noTags', 'noFocusData', 'noFocusTime', 'noWorkdayData', 'noWorkdays'] as const),
  ...(['noTalkingPoints', 'noNotes'] as const),
];

/** The counting lines in en-US (the default export language). */
export const HOW_COUNTED = Object.fromEntries(COUNTED.map((k) => [k, howCounted(k)])) as Readonly<
  Record<Counted, string>
>;

/** The sentences for absent data in en-US (the default export language). */
export const SUMMARY_EMPTY = Object.fromEntries(EMPTY.map((k) => [k, summaryEmpty(k)])) as Readonly<
  Record<SummaryEmpty, string>
>;
