import type { TrendDirection } from './checkin-trends';
import { formatDuration, INTERRUPTION_KINDS, type InterruptionKind } from './focus';
import {
  plainText,
  summaryDate,
  textLines,
  type SummaryModel,
  type SummarySectionModel,
  type SummaryWeek,
} from './summary';

/**
 * The one-on-one summary as Markdown and as a self-contained HTML document: pure functions of the
 * summary model, and the only source of bytes that leave the machine (the preview shows what
 * these return, and the export writes the same string).
 *
 * Decisions:
 * - Both formats are rendered from one list of blocks (paragraphs, lists, a table, a chart), so
 *   they say the same thing in the same words. The chart is the HTML's only extra; the table next
 *   to it holds the same figures as text.
 * - Text from the user (notes, talking points, tag labels, the name) is cleaned (`plainText`) and
 *   escaped for the target format every time, whatever the model says. Keel's own sentences are
 *   escaped too, lightly in Markdown so they stay readable.
 * - Markdown is GitHub-flavoured and kept to what Notion, Confluence, Google Docs and GitHub all
 *   read: headings, paragraphs, "-" lists, one table, bold. In user text every character that can
 *   start syntax is backslash-escaped, so `<script>`, `[x](javascript:…)`, `![x](…)`, `**b**`,
 *   `# h`, tables and math read as the literal text. `:` and `.` are escaped too, which keeps
 *   GitHub's autolinker (it starts at `:` and `www.`) from linking a bare address; a renderer
 *   that links one anyway shows the address itself, and never a `javascript:` one.
 * - Keel's words are plain: no direction is stated with fewer than three weeks of check-ins
 *   (the weekly table shows them instead), durations read "1 h 20 min", counts are singular for 1.
 * - A note's line breaks are kept as soft breaks inside its list item (indented continuation
 *   lines), which renderers show as a line break or a space; blank lines are already gone.
 * - HTML has `<!doctype html>`, UTF-8, a CSP that allows no scripts, no network and no images but
 *   data: ones, inline CSS for screen and print (light, A4/Letter-friendly margins), and no links.
 *   All text, attributes included, is entity-escaped (& < > " ').
 */

/** A run of text; `user` text gets the full escape. */
interface Span {
  text: string;
  user?: boolean;
  strong?: boolean;
}
type Line = Span[];

type Block =
  | { kind: 'paragraph'; line: Line; note?: boolean }
  /** Each item is one or more lines (a note's lines). */
  | { kind: 'list'; items: Line[][] }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | { kind: 'chart'; weeks: readonly SummaryWeek[] };

interface DocSection {
  kind: SummarySectionModel['kind'];
  title: string;
  blocks: Block[];
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

/** "3 Mar": the chart's axis. */
function shortDate(date: string): string {
  const [day = '', month = ''] = summaryDate(date).split(' ');
  return `${day} ${month.slice(0, 3)}`;
}

function sectionBlocks(section: SummarySectionModel): Block[] {
  switch (section.kind) {
    case 'trends':
      return [
        {
          kind: 'list',
          items: [
            [[t(plural(section.count, 'check-in', 'check-ins'))]],
            [
              [
                t(
                  `Workload averaged ${rating(section.avgWorkload)} (1 far too light, 5 unsustainable)` +
                    DIRECTION_WORDS[section.workloadDirection],
                ),
              ],
            ],
            [
              [
                t(
                  `Energy averaged ${rating(section.avgEnergy)} (1 drained, 5 full of energy)` +
                    DIRECTION_WORDS[section.energyDirection],
                ),
              ],
            ],
          ],
        },
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
    case 'sustainability':
      return [
        {
          kind: 'paragraph',
          line: [t(`${section.question} Answers over ${plural(section.count, 'check-in', 'check-ins')}:`)],
        },
        {
          kind: 'list',
          items: [
            [[t(`Yes: ${section.yes}`)]],
            [[t(`Mostly: ${section.mostly}`)]],
            [[t(`No: ${section.no}`)]],
          ],
        },
      ];
    case 'stretched':
      return [
        {
          kind: 'list',
          items: section.top.map((tag) => [
            [u(tag.label), t(`: ${tag.count} of ${plural(section.checks, 'check-in', 'check-ins')}`)],
          ]),
        },
      ];
    case 'focus': {
      const kinds = INTERRUPTION_KINDS.filter((k) => section.interruptions[k] > 0).map((k) => {
        const [one, many] = INTERRUPTION_WORDS[k];
        return plural(section.interruptions[k], one, many);
      });
      const interruptions =
        section.interruptionsTotal === 0 ? 'none' : `${section.interruptionsTotal} (${kinds.join(', ')})`;
      return [
        {
          kind: 'list',
          items: [
            [[t(`Planned: ${minutes(section.plannedMinutes)}`)]],
            [[t(`Protected: ${minutes(section.protectedMinutes)}`)]],
            [[t(`Interruptions: ${interruptions}`)]],
          ],
        },
      ];
    }
    case 'endOfDay':
      return [
        {
          kind: 'list',
          items: [
            [[t(`Workdays with activity: ${section.workdays}`)]],
            [[t(`Days signed off: ${section.signedOffDays}`)]],
            [[t(`Late evenings: ${section.lateEvenings}`)]],
            [[t(`Days off with some work: ${section.daysOffWorked}`)]],
          ],
        },
      ];
    case 'talkingPoints':
      return [{ kind: 'list', items: section.items.map((item) => [[u(item)]]) }];
    case 'notes':
      return [
        {
          kind: 'list',
          items: section.items.map((note) => {
            const [first = '', ...rest] = textLines(note.text);
            return [[b(`${summaryDate(note.date)}:`), t(' '), u(first)], ...rest.map((line) => [u(line)])];
          }),
        },
      ];
  }
}

function documentOf(model: SummaryModel): { title: string; intro: Line; sections: DocSection[] } {
  const intro: Line = [t(`Period: ${model.period.label} · Prepared `)];
  if (model.author !== null) intro.push(t('by '), u(model.author), t(' '));
  intro.push(t(`on ${summaryDate(model.generatedOn)}`));
  return {
    title: model.title,
    intro,
    sections: model.sections.map((section) => ({
      kind: section.kind,
      title: section.title,
      blocks:
        section.empty === null
          ? sectionBlocks(section)
          : [{ kind: 'paragraph', line: [t(section.empty)], note: true }],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Characters that can start Markdown syntax anywhere in a line (CommonMark, GFM, GitHub math). */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&~$=:]/g;
/** Keel's own text: only what could change meaning mid-line. */
const MARKDOWN_INLINE = /[\\`*_[\]<>|&~$]/g;

/**
 * User text as literal Markdown on one line: cleaned, whitespace (line breaks too) collapsed to
 * one space and the ends trimmed (leading spaces could start a code block), then every ASCII
 * character that can start syntax is backslash-escaped — `\ ` * _ { } [ ] ( ) # + - . ! | < > & ~
 * $ = :` — so no tag, link, image, emphasis, heading, list, table, entity or math can form.
 */
export function escapeMarkdown(text: string): string {
  return plainText(text).replace(/\s+/gu, ' ').trim().replace(MARKDOWN_SPECIAL, '\\$&');
}

function mdSpan(span: Span): string {
  const text = span.user
    ? escapeMarkdown(span.text)
    : plainText(span.text).replace(/\s+/gu, ' ').replace(MARKDOWN_INLINE, '\\$&');
  return span.strong && text.length > 0 ? `**${text}**` : text;
}

function mdLine(line: Line): string {
  return line.map(mdSpan).join('');
}

function mdBlock(block: Block): string | null {
  switch (block.kind) {
    case 'paragraph':
      return mdLine(block.line).trim();
    case 'list':
      return block.items.map((lines) => `- ${lines.map(mdLine).join('\n  ')}`).join('\n');
    case 'table': {
      const cell = (text: string) => mdSpan(t(text));
      const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
      const rule = `| ${block.head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`;
      return [row(block.head), rule, ...block.rows.map(row)].join('\n');
    }
    case 'chart':
      return null; // the table beside it holds the same figures
  }
}

/** The summary as GitHub-flavoured Markdown, ending with one line feed. */
export function renderMarkdown(model: SummaryModel): string {
  const doc = documentOf(model);
  const parts = [`# ${mdSpan(t(doc.title))}`, mdLine(doc.intro)];
  for (const section of doc.sections) {
    parts.push(`## ${mdSpan(t(section.title))}`);
    for (const block of section.blocks) {
      const text = mdBlock(block);
      if (text !== null && text.length > 0) parts.push(text);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML content and in quoted attribute values: cleaned, then & < > " ' as entities. */
export function escapeHtml(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] as string);
}

/** The document's Content-Security-Policy: no scripts, no network, images only from data: URLs. */
export const SUMMARY_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0; color: #1c2430; background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.35rem; }
h2 { font-size: 1.15rem; line-height: 1.3; margin: 2rem 0 0.6rem; padding-bottom: 0.3rem;
  border-bottom: 1px solid #d5dbe3; }
p, li, td, th { overflow-wrap: anywhere; }
p { margin: 0.5rem 0; }
.intro { color: #4a5565; margin-bottom: 1.5rem; }
.empty { color: #4a5565; font-style: italic; }
ul { margin: 0.5rem 0; padding-left: 1.3rem; }
li + li { margin-top: 0.3rem; }
table { border-collapse: collapse; margin: 0.75rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: #4a5565; font-size: 0.85rem; padding-bottom: 0.3rem; }
th, td { border: 1px solid #d5dbe3; padding: 0.25rem 0.65rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f2f4f7; font-weight: 600; }
tbody th { font-weight: 400; }
figure { margin: 0.75rem 0; }
svg { display: block; max-width: 100%; height: auto; }
.chart text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #4a5565; }
.chart .grid { stroke: #e3e7ed; stroke-width: 1; }
.chart .workload { stroke: #b5541b; fill: none; stroke-width: 2.5; }
.chart .energy { stroke: #1f6e8c; fill: none; stroke-width: 2.5; stroke-dasharray: 6 4; }
.chart .workload-dot { fill: #b5541b; }
.chart .energy-dot { fill: #1f6e8c; }
@page { margin: 18mm 16mm; }
@media print {
  body { font-size: 11pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  li, table, figure { break-inside: avoid; }
}
`.trim();

function htmlSpan(span: Span): string {
  const text = escapeHtml(span.user ? span.text.replace(/\s*\n\s*/g, ' ') : span.text);
  return span.strong ? `<strong>${text}</strong>` : text;
}

function htmlLine(line: Line): string {
  return line.map(htmlSpan).join('');
}

const CHART = { width: 560, height: 200, left: 34, right: 30, top: 30, bottom: 30 } as const;

/** A small line chart of weekly averages (1–5), as an SVG string; empty without data. */
function chartSvg(weeks: readonly SummaryWeek[]): string {
  if (!weeks.some((w) => w.avgWorkload !== null || w.avgEnergy !== null)) return '';
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = weeks.length;
  const x = (i: number) => (n === 1 ? left + plotW / 2 : left + (plotW * i) / (n - 1));
  const y = (v: number) => top + ((5 - v) / 4) * plotH;
  const num = (v: number) => String(Math.round(v * 10) / 10);
  const parts: string[] = [];
  for (let v = 1; v <= 5; v++) {
    parts.push(
      `<line class="grid" x1="${left}" x2="${width - right}" y1="${num(y(v))}" y2="${num(y(v))}"/>`,
      `<text x="${left - 8}" y="${num(y(v) + 4)}" text-anchor="end">${v}</text>`,
    );
  }
  const step = Math.max(1, Math.ceil(n / 8));
  weeks.forEach((w, i) => {
    if (i % step === 0) {
      parts.push(
        `<text x="${num(x(i))}" y="${height - 8}" text-anchor="middle">${escapeHtml(shortDate(w.weekStart))}</text>`,
      );
    }
  });
  for (const series of ['workload', 'energy'] as const) {
    const value = (w: SummaryWeek) => (series === 'workload' ? w.avgWorkload : w.avgEnergy);
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) parts.push(`<polyline class="${series}" points="${run.join(' ')}"/>`);
      run = [];
    };
    weeks.forEach((w, i) => {
      const v = value(w);
      if (v === null) return flush();
      run.push(`${num(x(i))},${num(y(v))}`);
      parts.push(`<circle class="${series}-dot" cx="${num(x(i))}" cy="${num(y(v))}" r="3.5"/>`);
    });
    flush();
  }
  parts.push(
    `<line class="workload" x1="${left}" x2="${left + 24}" y1="12" y2="12"/>`,
    `<text x="${left + 30}" y="16">Workload</text>`,
    `<line class="energy" x1="${left + 110}" x2="${left + 134}" y1="12" y2="12"/>`,
    `<text x="${left + 140}" y="16">Energy</text>`,
  );
  return (
    `<svg class="chart" role="img" aria-labelledby="trend-chart-title trend-chart-desc" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="trend-chart-title">Average workload and energy by week</title>` +
    `<desc id="trend-chart-desc">Weekly averages on a scale of 1 to 5; the table below holds the same figures.</desc>` +
    parts.join('') +
    `</svg>`
  );
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p${block.note ? ' class="empty"' : ''}>${htmlLine(block.line)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((lines) => `<li>${lines.map(htmlLine).join('<br>')}</li>`).join('\n')}\n</ul>`;
    case 'table': {
      const head = block.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
      const rows = block.rows.map(
        (row) =>
          `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
      );
      return (
        `<table>\n<caption>${escapeHtml(block.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n` +
        `<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
      );
    }
    case 'chart': {
      const svg = chartSvg(block.weeks);
      return svg === '' ? '' : `<figure>${svg}</figure>`;
    }
  }
}

/** The summary as one self-contained, printable HTML document (no scripts, no links, no fetches). */
export function renderHtml(model: SummaryModel): string {
  const doc = documentOf(model);
  const sections = doc.sections.map((section) =>
    [
      `<section class="${escapeHtml(section.kind)}">`,
      `<h2>${escapeHtml(section.title)}</h2>`,
      ...section.blocks.map(htmlBlock).filter((html) => html.length > 0),
      `</section>`,
    ].join('\n'),
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // A constant without double quotes, written as is so it reads the same in the file.
    `<meta http-equiv="Content-Security-Policy" content="${SUMMARY_HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${doc.title}, ${model.period.label}`)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="intro">${htmlLine(doc.intro)}</p>`,
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
