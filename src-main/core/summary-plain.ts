import { exportLanguage } from './export-language';
import { documentOf, type Block, type Line, type SummaryDocument } from './summary-document';
import type { SummaryModel } from './summary-model';
import { plainText } from './summary-text';

/**
 * The one-on-one summary as plain text, for chat (Slack, Teams) and anywhere Markdown is not
 * read: a pure function of the summary model (through summary-document.ts).
 *
 * Decisions:
 * - No Markdown at all: no escapes, no `#`, no `**`. Chat tools show backslashes as they are,
 *   and some read `*x*` as bold, so text is written exactly as typed (cleaned, whitespace runs
 *   as one space).
 * - Headings are plain lines with a blank line before them; lists use "• " bullets, and a note's
 *   further lines are indented by two spaces under its first.
 * - The table becomes one bullet per row ("1 March 2027 — Check-ins 2, Workload 3.5, Energy
 *   3.5"), under its caption; the chart is left out, as in Markdown.
 */

export const TEXT_BULLET = '• ';

function textLine(line: Line): string {
  return line
    .map((span) => {
      const text = plainText(span.text).replace(/\s+/gu, ' ');
      return span.user ? text.trim() : text;
    })
    .join('')
    .trim();
}

function textBlock(block: Block, lang: string | undefined): string | null {
  switch (block.kind) {
    case 'paragraph':
      return textLine(block.line);
    case 'list':
      return block.items.map((lines) => `${TEXT_BULLET}${lines.map(textLine).join('\n  ')}`).join('\n');
    case 'table': {
      const rows = block.rows.map((row) => {
        const [first = '', ...rest] = row.map((cell) => textLine([{ text: cell }]));
        const figures = rest.map((value, i) => `${textLine([{ text: block.head[i + 1] ?? '' }])} ${value}`);
        return `${TEXT_BULLET}${first} — ${figures.join(', ')}`;
      });
      const caption = exportLanguage(lang).t('export.text.caption', {
        caption: textLine([{ text: block.caption }]),
      });
      return [caption, ...rows].join('\n');
    }
    case 'chart':
      return null; // the table beside it holds the same figures
  }
}

/** Any document as plain text for chat, ending with one line feed. */
export function textOfDocument(doc: SummaryDocument): string {
  const head = [textLine([{ text: doc.title }])];
  if (doc.nameLine) head.push(textLine(doc.nameLine));
  head.push(textLine(doc.intro));
  const parts = [head.filter((line) => line.length > 0).join('\n')];
  for (const section of doc.sections) {
    const body = section.blocks
      .map((block) => textBlock(block, doc.lang))
      .filter((text): text is string => text !== null && text.length > 0);
    parts.push([textLine([{ text: section.title }]), ...body].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/** The summary as plain text for chat: no Markdown, "• " bullets, headings as plain lines. */
export function renderText(model: SummaryModel): string {
  return textOfDocument(documentOf(model));
}
