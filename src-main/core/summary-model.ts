import type { Checkin } from './checkin';
import { parseSummaryChoices, type SummaryChoicesInput } from './summary-choices';
import {
  endOfDaySection,
  focusSection,
  notesSection,
  stretchedSection,
  SUMMARY_SECTIONS,
  sustainabilitySection,
  talkingPointsSection,
  trendsSection,
  type SummarySection,
  type SummarySectionModel,
  type SummaryTalkingPoint,
  type SummaryDays,
} from './summary-sections';
import { NAME_LINE_MAX_LENGTH } from './summary-settings';
import { exportLanguage, type ExportLanguage } from './export-language';
import { oneLine } from './summary-text';
import { localDateOf, type LocalDate } from './time';

/**
 * The one-on-one summary model: what the user chose to share (summary-choices.ts) taken out of
 * the data as plain sections (summary-sections.ts). summary-markdown.ts and summary-html.ts turn
 * the model into the bytes that leave the machine; they are the only source of them.
 *
 * Decisions:
 * - The builder reads only what the choices allow; the privacy rule for notes is in
 *   summary-sections.ts.
 * - User text (notes, talking points, tag labels, the name) is cleaned while the model is built
 *   (summary-text.ts) — control and bidirectional-override characters removed, line breaks
 *   normalised, blank lines dropped — so the model holds exactly the text that will be rendered.
 *   Escaping is the renderers' job.
 */

/** The title in en-US (the default export language). */
export const SUMMARY_TITLE = exportLanguage().t('export.summary.title');
const NAME_MAX_LENGTH = 80;

/** Everything the builder may read; it takes from it only what the choices allow. */
export interface SummaryData {
  /** The user's zone: dates the summary ("prepared on"). */
  zone: string;
  /** Epoch milliseconds. */
  generatedAt: number;
  /** May hold check-ins outside the period; they are filtered by `localDate`. */
  checks: readonly Checkin[];
  /** The period's days' figures, and whether Keel has focus and end-of-day records for it. */
  figures: SummaryDays;
  talkingPoints: readonly SummaryTalkingPoint[];
  userName?: string;
  /** The optional line under the title ("Alex Doe — one-on-one with Sam, 3 December"). */
  nameLine?: string;
}

/** Plain data only (JSON-safe): the renderers read nothing else. */
export interface SummaryModel {
  /** The BCP 47 tag of the language the summary is written in ("en-US", "de", "pt-BR"). */
  locale: string;
  title: string;
  period: { from: LocalDate; to: LocalDate; label: string };
  /** The user's local date when the summary was built. */
  generatedOn: LocalDate;
  /** The user's name, when given. */
  author: string | null;
  /** The line under the title, when given: one line, bounded. */
  nameLine?: string | null;
  /** In `SUMMARY_SECTIONS` order, only the chosen ones. */
  sections: SummarySectionModel[];
}

/** What one section is built from: the data, the period's check-ins and the validated choices. */
interface SectionInput {
  data: SummaryData;
  checks: readonly Checkin[];
  from: LocalDate;
  to: LocalDate;
  noteIds: readonly string[];
  privateTags: readonly string[];
  lang: ExportLanguage;
}

function sectionModel(section: SummarySection, input: SectionInput): SummarySectionModel {
  const { data, checks, from, to, noteIds, privateTags, lang } = input;
  switch (section) {
    case 'trends':
      return trendsSection(checks, from, to, lang);
    case 'sustainability':
      return sustainabilitySection(checks, lang);
    case 'stretched':
      return stretchedSection(checks, privateTags, lang);
    case 'focus':
      return focusSection(data.figures, from, to, lang);
    case 'endOfDay':
      return endOfDaySection(data.figures, from, to, lang);
    case 'talkingPoints':
      return talkingPointsSection(data.talkingPoints, lang);
    case 'notes':
      return notesSection(checks, noteIds, lang);
  }
}

/** Text on one line and bounded to `max` characters; null when none was given or nothing is left. */
function boundedLine(text: string | undefined, max: number): string | null {
  if (text === undefined) return null;
  const line = Array.from(oneLine(text)).slice(0, max).join('').trim();
  return line.length > 0 ? line : null;
}

/**
 * The summary model for `choices` (validated again here, so an unchecked value cannot widen what
 * is shared; an `invalid_input` KeelError when they are not valid). Pure: the same data and
 * choices always give the same model. `locale` (else the choices' `locale`): the language of the
 * export, en-US when neither is given, whatever the window's or the CLI's.
 */
export function buildSummary(
  data: SummaryData,
  choices: SummaryChoicesInput,
  locale?: string | null,
): SummaryModel {
  const parsed = parseSummaryChoices(choices);
  const { from, to, sections, noteIds, privateTags } = parsed;
  const lang = exportLanguage(locale ?? parsed.locale);
  const chosen = new Set<SummarySection>(sections);
  const checks = data.checks.filter((c) => c.localDate >= from && c.localDate <= to);
  const today = localDateOf(data.generatedAt, data.zone);
  const input: SectionInput = { data, checks, from, to, noteIds, privateTags, lang };
  return {
    locale: lang.tag,
    title: lang.t('export.summary.title'),
    period: { from, to, label: lang.period(from, to) },
    generatedOn: today,
    author: boundedLine(data.userName, NAME_MAX_LENGTH),
    nameLine: boundedLine(data.nameLine, NAME_LINE_MAX_LENGTH),
    sections: SUMMARY_SECTIONS.filter((section) => chosen.has(section)).map((s) => sectionModel(s, input)),
  };
}
