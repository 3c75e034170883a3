import { documentOf, type Block, type Line, type Span } from './summary-document';
import type { SummaryModel } from './summary-model';
import { escapeMarkdown, escapeMarkdownLight } from './summary-text';

/**
 * The one-on-one summary as Markdown: a pure function of the summary model (through the
 * format-neutral document in summary-document.ts).
 *
 * Decisions:
 * - Markdown is GitHub-flavoured and kept to what Notion, Confluence, Google Docs and GitHub all
 *   read: headings, paragraphs, "-" lists, one table, bold. In user text every character that can
 *   start syntax is backslash-escaped (`escapeMarkdown`), so `<script>`, `[x](javascript:…)`,
 *   `![x](…)`, `**b**`, `# h`, tables and math read as the literal text. `:` and `.` are escaped
 *   too, which keeps GitHub's autolinker (it starts at `:` and `www.`) from linking a bare address;
 *   a renderer that links one anyway shows the address itself, and never a `javascript:` one.
 * - A note's line breaks are kept as soft breaks inside its list item (indented continuation
 *   lines), which renderers show as a line break or a space.
 * - The chart is left out: the table beside it holds the same figures.
 */

function mdSpan(span: Span): string {
  const text = span.user ? escapeMarkdown(span.text) : escapeMarkdownLight(span.text);
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
      const row = (cells: string[]) => `| ${cells.map(escapeMarkdownLight).join(' | ')} |`;
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
  const parts = [`# ${escapeMarkdownLight(doc.title)}`, mdLine(doc.intro)];
  for (const section of doc.sections) {
    parts.push(`## ${escapeMarkdownLight(section.title)}`);
    for (const block of section.blocks) {
      const text = mdBlock(block);
      if (text !== null && text.length > 0) parts.push(text);
    }
  }
  return `${parts.join('\n\n')}\n`;
}
