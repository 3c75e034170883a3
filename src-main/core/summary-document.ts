import type { TrendDirection } from './checkin-trends';
import { formatDuration, INTERRUPTION_KINDS, type InterruptionKind } from './focus';
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
import { summaryDate, textLines } from './summary-text';

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
 *   (the weekly table shows them instead), durations read "1 h 20 min", counts are singular for 1.
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
  | { kind: 'chart'; weeks: readonly SummaryWeek[] };

export interface DocSection {
  kind: SummarySectionModel['kind'];
  title: string;
  blocks: Block[];
}

export interface SummaryDocument {
  title: string;
  /** The user's line under the title (the name line), when there is one. */
  nameLine?: Line;
  intro: Line;
  sections: DocSection[];
}

const t = (text: string): Span => ({ text });
const u = (text: string): Span => ({ text, user: true });
const b = (text: string): Span => ({ text, strong: true });

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function rating(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

function minutes(total: number): string {
  return total <= 0 ? '0 min' : formatDuration(total * 60_000);
}

/** A list of one-line items, each of Keel's own text. */
function plainList(items: string[]): Block {
  return { kind: 'list', items: items.map((item) => [[t(item)]]) };
}

/** Nothing is said without a direction (fewer than 3 weeks with check-ins): the table shows the weeks. */
const DIRECTION_WORDS: Record<TrendDirection, string> = {
  rising: ', rising',
  falling: ', falling',
  steady: ', steady',
  'not enough data': '',
};

const INTERRUPTION_WORDS: Record<InterruptionKind, [string, string]> = {
  meeting: ['meeting', 'meetings'],
  chat: ['chat', 'chat'],
  incident: ['incident', 'incidents'],
  other: ['other', 'other'],
};

function trendsBlocks(section: TrendsSection): Block[] {
  return [
    plainList([
      plural(section.count, 'check-in', 'check-ins'),
      `Workload averaged ${rating(section.avgWorkload)} (1 far too light, 5 unsustainable)` +
        DIRECTION_WORDS[section.workloadDirection],
      `Energy averaged ${rating(section.avgEnergy)} (1 drained, 5 full of energy)` +
        DIRECTION_WORDS[section.energyDirection],
    ]),
    { kind: 'chart', weeks: section.weeks },
    {
      kind: 'table',
      caption: 'Average workload and energy by week',
      head: ['Week of', 'Check-ins', 'Workload', 'Energy'],
      rows: section.weeks.map((w) => [
        summaryDate(w.weekStart),
        String(w.count),
        rating(w.avgWorkload),
        rating(w.avgEnergy),
      ]),
    },
  ];
}

function sustainabilityBlocks(section: SustainabilitySection): Block[] {
  return [
    {
      kind: 'paragraph',
      line: [t(`${section.question} Answers over ${plural(section.count, 'check-in', 'check-ins')}:`)],
    },
    plainList([`Yes: ${section.yes}`, `Mostly: ${section.mostly}`, `No: ${section.no}`]),
  ];
}

function stretchedBlocks(section: StretchedSection): Block[] {
  const of = `of ${plural(section.checks, 'check-in', 'check-ins')}`;
  return [{ kind: 'list', items: section.top.map((tag) => [[u(tag.label), t(`: ${tag.count} ${of}`)]]) }];
}

function focusBlocks(section: FocusSection): Block[] {
  const kinds = INTERRUPTION_KINDS.filter((k) => section.interruptions[k] > 0).map((k) => {
    const [one, many] = INTERRUPTION_WORDS[k];
    return plural(section.interruptions[k], one, many);
  });
  const interruptions =
    section.interruptionsTotal === 0 ? 'none' : `${section.interruptionsTotal} (${kinds.join(', ')})`;
  return [
    plainList([
      `Planned: ${minutes(section.plannedMinutes)}`,
      `Protected: ${minutes(section.protectedMinutes)}`,
      `Interruptions: ${interruptions}`,
    ]),
  ];
}

function endOfDayBlocks(section: EndOfDaySection): Block[] {
  return [
    plainList([
      `Workdays with activity: ${section.workdays}`,
      `Days signed off: ${section.signedOffDays}`,
      `Late evenings: ${section.lateEvenings}`,
      `Days off with some work: ${section.daysOffWorked}`,
    ]),
  ];
}

function notesBlocks(section: NotesSection): Block[] {
  const items = section.items.map((note) => {
    const [first = '', ...rest] = textLines(note.text);
    return [[b(`${summaryDate(note.date)}:`), t(' '), u(first)], ...rest.map((line) => [u(line)])];
  });
  return [{ kind: 'list', items }];
}

function sectionBlocks(section: SummarySectionModel): Block[] {
  switch (section.kind) {
    case 'trends':
      return trendsBlocks(section);
    case 'sustainability':
      return sustainabilityBlocks(section);
    case 'stretched':
      return stretchedBlocks(section);
    case 'focus':
      return focusBlocks(section);
    case 'endOfDay':
      return endOfDayBlocks(section);
    case 'talkingPoints':
      return [{ kind: 'list', items: section.items.map((item) => [[u(item)]]) }];
    case 'notes':
      return notesBlocks(section);
  }
}

const note = (text: string): Block => ({ kind: 'paragraph', line: [t(text)], note: true });

/** The line that says how a section's figures are counted. */
function countingBlocks(section: SummarySectionModel): Block[] {
  return section.howCounted === null
    ? []
    : [{ kind: 'paragraph', line: [t(`How it is counted: ${section.howCounted}`)], counting: true }];
}

/** The document both renderers write: the title, the intro line and each section's blocks. */
export function documentOf(model: SummaryModel): SummaryDocument {
  const intro: Line = [t(`Period: ${model.period.label} · Prepared `)];
  if (model.author !== null) intro.push(t('by '), u(model.author), t(' '));
  intro.push(t(`on ${summaryDate(model.generatedOn)}`));
  return {
    title: model.title,
    ...(model.nameLine ? { nameLine: [u(model.nameLine)] } : {}),
    intro,
    sections: model.sections.map((section) => ({
      kind: section.kind,
      title: section.title,
      blocks:
        section.empty === null
          ? [...sectionBlocks(section), ...countingBlocks(section)]
          : [note(section.empty)],
    })),
  };
}
