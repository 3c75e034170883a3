import { escapeMarkdownText, type MarkdownContext } from './markdown-escape';
import { documentOf, type Block, type Line, type Span, type SummaryDocument } from './summary-document';
import type { SummaryModel } from './summary-model';
import { plainText } from './summary-text';

/**
 * The one-on-one summary as Markdown: a pure function of the summary model (through the
 * format-neutral document in summary-document.ts).
 *
 * Decisions:
 * - Markdown is GitHub-flavoured and kept to what Notion, Confluence, Google Docs and GitHub all
 *   read: headings, paragraphs, "-" lists, one table, bold.
 * - Text, the user's and Keel's, gets a backslash only where syntax could form where it stands
 *   (core/markdown-escape.ts): at a line start, in emphasis pairs, brackets, `<`, entities, table
 *   cells. So `<script>`, `[x](javascript:…)`, `**b**`, `# h`, tables and math read as the
 *   literal text, while "On-call rotation (Q2), see https://example.com/a_b" is written as typed
 *   and its address stays a link (tested against markdown-it and marked).
 * - A note's line breaks are kept as soft breaks inside its list item (indented continuation
 *   lines), which renderers show as a line break or a space.
 * - The chart is left out: the table beside it holds the same figures.
 */

/** A span's text as it goes in: cleaned, whitespace collapsed; the user's trimmed too. */
function spanText(span: Span): string {
  const text = plainText(span.text).replace(/\s+/gu, ' ');
  return span.user ? text.trim() : text;
}

/** The first character a span writes (a strong span opens with `*`), or a space at the line end. */
function firstChar(spans: readonly Span[], from: number): string {
  for (let i = from; i < spans.length; i++) {
    const span = spans[i] as Span;
    const text = spanText(span);
    if (text.length > 0) return span.strong ? '*' : text;
  }
  return ' ';
}

function mdLine(line: Line): string {
  let out = '';
  line.forEach((span, i) => {
    const text = spanText(span);
    if (text.length === 0) return;
    const context: MarkdownContext = span.strong
      ? { lineStart: false, before: '*', after: '*' }
      : {
          lineStart: out.length === 0,
          before: out.length === 0 ? ' ' : out.slice(-1),
          after: firstChar(line, i + 1),
        };
    const escaped = escapeMarkdownText(text, context);
    out += span.strong ? `**${escaped}**` : escaped;
  });
  return out;
}

const CELL: MarkdownContext = { lineStart: false, before: ' ', after: ' ', tableCell: true };

function cell(text: string): string {
  return escapeMarkdownText(plainText(text).replace(/\s+/gu, ' ').trim(), CELL);
}

function mdBlock(block: Block): string | null {
  switch (block.kind) {
    case 'paragraph':
      return mdLine(block.line).trim();
    case 'list':
      return block.items.map((lines) => `- ${lines.map(mdLine).join('\n  ')}`).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
      const rule = `| ${block.head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`;
      return [row(block.head), rule, ...block.rows.map(row)].join('\n');
    }
    case 'chart':
      return null; // the table beside it holds the same figures
  }
}

function heading(level: 1 | 2, text: string): string {
  const title = plainText(text).replace(/\s+/gu, ' ').trim();
  const escaped = escapeMarkdownText(title, { lineStart: false, before: ' ', after: ' ', heading: true });
  return `${'#'.repeat(level)} ${escaped}`;
}

/** Any document as GitHub-flavoured Markdown, ending with one line feed. */
export function markdownOfDocument(doc: SummaryDocument): string {
  const parts = [heading(1, doc.title)];
  if (doc.nameLine) parts.push(mdLine(doc.nameLine));
  parts.push(mdLine(doc.intro));
  for (const section of doc.sections) {
    parts.push(heading(2, section.title));
    for (const block of section.blocks) {
      const text = mdBlock(block);
      if (text !== null && text.length > 0) parts.push(text);
    }
  }
  return `${parts.filter((part) => part.length > 0).join('\n\n')}\n`;
}

/** The summary as GitHub-flavoured Markdown, ending with one line feed. */
export function renderMarkdown(model: SummaryModel): string {
  return markdownOfDocument(documentOf(model));
}
