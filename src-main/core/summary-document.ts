import {
  exportLanguage,
  type ExportLanguage,
  type ExportMessageId as MessageId,
  type ExportValues,
} from './export-language';
import { INTERRUPTION_KINDS } from './focus';
import type { SummaryModel } from './summary-model';
import type {
  EndOfDaySection,
  FocusSection,
  NotesSection,
  StretchedSection,
  SummarySectionModel,
  SummaryWeek,
  SustainabilitySection,
  TrendsSection,
} from './summary-sections';
import { textLines } from './summary-text';

/**
 * The one-on-one summary as a format-neutral document: the words Keel says about each section,
 * as blocks (paragraphs, lists, a table, a chart). summary-markdown.ts, summary-html.ts and
 * summary-plain.ts render the same document, so every format says the same thing in the same
 * words; they are the only source of bytes that leave the machine (the preview shows what they
 * return, and the export writes the same string). Other documents (a weekly update) can be built
 * as a `SummaryDocument` and rendered by the same functions (`markdownOfDocument`,
 * `htmlOfDocument`, `textOfDocument`).
 *
 * Decisions:
 * - The chart is the HTML's only extra; the table next to it holds the same figures as text.
 * - Text from the user (notes, talking points, tag labels, the name) is marked as such (`user`),
 *   and each renderer cleans and escapes it for its format every time, whatever the model says.
 *   Keel's own sentences are escaped too, lightly in Markdown so they stay readable.
 * - Keel's words are plain: no direction is stated with fewer than three weeks of check-ins
 *   (the weekly table shows them instead), durations read "1 hr, 20 min", counts are singular for 1.
 * - Every word of Keel's comes from the `export.*` catalog in the model's `locale`, dates and
 *   numbers from `Intl` in it (export-language.ts).
 * - A note's line breaks are kept as separate lines of its list item; blank lines are already gone.
 */

/** A run of text; `user` text gets the full escape. */
export interface Span {
  text: string;
  user?: boolean;
  strong?: boolean;
}
export type Line = Span[];

export type Block =
  | { kind: 'paragraph'; line: Line; note?: boolean; counting?: boolean }
  /** Each item is one or more lines (a note's lines). */
  | { kind: 'list'; items: Line[][] }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | { kind: 'chart'; weeks: readonly SummaryWeek[]; words: ChartWords };

/** The chart's words in the document's language; `axis`: each week's short date. */
export interface ChartWords {
  title: string;
  description: string;
  workload: string;
  energy: string;
  axis: string[];
}

export interface DocSection {
  kind: SummarySectionModel['kind'];
  title: string;
  blocks: Block[];
}

export interface SummaryDocument {
  /** The BCP 47 tag of the document's language (HTML's `lang`); "en" when not given. */
  lang?: string;
  title: string;
  /** The user's line under the title (the name line), when there is one. */
  nameLine?: Line;
  intro: Line;
  sections: DocSection[];
}

const t = (text: string): Span => ({ text });
const u = (text: string): Span => ({ text, user: true });
const b = (text: string): Span => ({ text, strong: true });

/** An export message as spans: the user's values full-escaped, Keel's words light. */
function spans(
  lang: ExportLanguage,
  id: MessageId,
  values: ExportValues,
  user: Readonly<Record<string, string>>,
): Line {
  return lang.pieces(id, values, user).map((piece) => (piece.user ? u(piece.text) : t(piece.text)));
}

function rating(lang: ExportLanguage, value: number | null): string {
  return value === null
    ? '–'
    : lang.fmt.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A list of one-line items, each of Keel's own text. */
function plainList(items: string[]): Block {
  return { kind: 'list', items: items.map((item) => [[t(item)]]) };
}

function trendsBlocks(section: TrendsSection, lang: ExportLanguage): Block[] {
  const n = (value: number) => lang.fmt.number(value);
  return [
    plainList([
      lang.t('export.summary.checkIns', { count: section.count }),
      lang.t('export.summary.workload', {
        value: rating(lang, section.avgWorkload),
        direction: section.workloadDirection,
      }),
      lang.t('export.summary.energy', {
        value: rating(lang, section.avgEnergy),
        direction: section.energyDirection,
      }),
    ]),
    {
      kind: 'chart',
      weeks: section.weeks,
      words: {
        title: lang.t('export.summary.table.caption'),
        description: lang.t('export.summary.chart.description'),
        workload: lang.t('export.summary.chart.workload'),
        energy: lang.t('export.summary.chart.energy'),
        axis: section.weeks.map((w) => lang.fmt.day(w.weekStart, { weekday: false, month: 'short' })),
      },
    },
    {
      kind: 'table',
      caption: lang.t('export.summary.table.caption'),
      head: [
        lang.t('export.summary.table.week'),
        lang.t('export.summary.table.checkIns'),
        lang.t('export.summary.table.workload'),
        lang.t('export.summary.table.energy'),
      ],
      rows: section.weeks.map((w) => [
        lang.date(w.weekStart),
        n(w.count),
        rating(lang, w.avgWorkload),
        rating(lang, w.avgEnergy),
      ]),
    },
  ];
}

function sustainabilityBlocks(section: SustainabilitySection, lang: ExportLanguage): Block[] {
  const count = (value: number) => lang.fmt.number(value);
  return [
    {
      kind: 'paragraph',
      line: [
        t(lang.t('export.summary.sustainable.answers', { question: section.question, count: section.count })),
      ],
    },
    plainList([
      lang.t('export.summary.sustainable.yes', { count: count(section.yes) }),
      lang.t('export.summary.sustainable.mostly', { count: count(section.mostly) }),
      lang.t('export.summary.sustainable.no', { count: count(section.no) }),
    ]),
  ];
}

function stretchedBlocks(section: StretchedSection, lang: ExportLanguage): Block[] {
  return [
    {
      kind: 'list',
      items: section.top.map((tag) => [
        spans(
          lang,
          'export.summary.stretched.item',
          { count: lang.fmt.number(tag.count), checks: section.checks },
          { label: tag.label },
        ),
      ]),
    },
  ];
}

function focusBlocks(section: FocusSection, lang: ExportLanguage): Block[] {
  const kinds = INTERRUPTION_KINDS.filter((k) => section.interruptions[k] > 0).map((kind) =>
    lang.t('export.summary.focus.kind', { kind, count: section.interruptions[kind] }),
  );
  return [
    plainList([
      lang.t('export.summary.focus.planned', { duration: lang.duration(section.plannedMinutes) }),
      lang.t('export.summary.focus.protected', { duration: lang.duration(section.protectedMinutes) }),
      section.interruptionsTotal === 0
        ? lang.t('export.summary.focus.interruptionsNone')
        : lang.t('export.summary.focus.interruptions', {
            total: lang.fmt.number(section.interruptionsTotal),
            kinds: lang.units(kinds),
          }),
    ]),
  ];
}

function endOfDayBlocks(section: EndOfDaySection, lang: ExportLanguage): Block[] {
  const count = (value: number) => ({ count: lang.fmt.number(value) });
  return [
    plainList([
      lang.t('export.summary.endOfDay.workdays', count(section.workdays)),
      lang.t('export.summary.endOfDay.signedOff', count(section.signedOffDays)),
      lang.t('export.summary.endOfDay.late', count(section.lateEvenings)),
      lang.t('export.summary.endOfDay.daysOff', count(section.daysOffWorked)),
    ]),
  ];
}

function notesBlocks(section: NotesSection, lang: ExportLanguage): Block[] {
  const items = section.items.map((note) => {
    const [first = '', ...rest] = textLines(note.text);
    const date = lang.t('export.summary.note.date', { date: lang.date(note.date) });
    return [[b(date), t(' '), u(first)], ...rest.map((line) => [u(line)])];
  });
  return [{ kind: 'list', items }];
}

function sectionBlocks(section: SummarySectionModel, lang: ExportLanguage): Block[] {
  switch (section.kind) {
    case 'trends':
      return trendsBlocks(section, lang);
    case 'sustainability':
      return sustainabilityBlocks(section, lang);
    case 'stretched':
      return stretchedBlocks(section, lang);
    case 'focus':
      return focusBlocks(section, lang);
    case 'endOfDay':
      return endOfDayBlocks(section, lang);
    case 'talkingPoints':
      return [{ kind: 'list', items: section.items.map((item) => [[u(item)]]) }];
    case 'notes':
      return notesBlocks(section, lang);
  }
}

const note = (text: string): Block => ({ kind: 'paragraph', line: [t(text)], note: true });

/** The line that says how a section's figures are counted. */
function countingBlocks(section: SummarySectionModel, lang: ExportLanguage): Block[] {
  return section.howCounted === null
    ? []
    : [
        {
          kind: 'paragraph',
          line: [t(lang.t('export.summary.counted.line', { how: section.howCounted }))],
          counting: true,
        },
      ];
}

/** The document both renderers write: the title, the intro line and each section's blocks. */
export function documentOf(model: SummaryModel): SummaryDocument {
  const lang = exportLanguage(model.locale);
  const values = { period: model.period.label, date: lang.date(model.generatedOn) };
  const intro =
    model.author === null
      ? spans(lang, 'export.summary.intro', values, {})
      : spans(lang, 'export.summary.introBy', values, { author: model.author });
  return {
    lang: lang.tag,
    title: model.title,
    ...(model.nameLine ? { nameLine: [u(model.nameLine)] } : {}),
    intro,
    sections: model.sections.map((section) => ({
      kind: section.kind,
      title: section.title,
      blocks:
        section.empty === null
          ? [...sectionBlocks(section, lang), ...countingBlocks(section, lang)]
          : [note(section.empty)],
    })),
  };
}
