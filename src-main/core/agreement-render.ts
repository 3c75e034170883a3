import type { AgreementDocument } from './agreement-document';
import type { Block, Line, Span } from './summary-document';
import { escapeMarkdown, escapeMarkdownLight, oneLine } from './summary-text';

/**
 * The working agreement as Markdown and as plain text for chat, from its document
 * (agreement-document.ts), with the summary's text handling (summary-text.ts): user text is
 * cleaned and, in Markdown, escaped with the summary's escape; Keel's own words lightly.
 *
 * The agreement's document uses the summary's blocks (paragraphs and lists only), so when the
 * summary's renderers take a document these two functions become calls to them.
 */

function mdSpan(span: Span): string {
  const text = span.user ? escapeMarkdown(span.text) : escapeMarkdownLight(span.text);
  return span.strong && text.length > 0 ? `**${text}**` : text;
}

const mdLine = (line: Line): string => line.map(mdSpan).join('').trim();

function mdBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return mdLine(block.line);
    case 'list':
      return block.items.map((lines) => `- ${lines.map(mdLine).join('\n  ')}`).join('\n');
    case 'table':
    case 'chart':
      return ''; // the agreement has neither
  }
}

/** The agreement as GitHub-flavoured Markdown, ending with one line feed. */
export function agreementMarkdown(doc: AgreementDocument): string {
  const parts = [`# ${escapeMarkdownLight(doc.title)}`, mdLine(doc.intro)];
  for (const section of doc.sections) {
    parts.push(`## ${escapeMarkdownLight(section.title)}`);
    for (const block of section.blocks) {
      const text = mdBlock(block);
      if (text.length > 0) parts.push(text);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

const textLine = (line: Line): string => oneLine(line.map((span) => span.text).join(''));

function textBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return textLine(block.line);
    case 'list':
      return block.items.map((lines) => `• ${lines.map(textLine).join('\n  ')}`).join('\n');
    case 'table':
    case 'chart':
      return '';
  }
}

/** The agreement as plain text for chat (Slack, Teams): no Markdown, "•" bullets, one line feed at the end. */
export function agreementText(doc: AgreementDocument): string {
  const parts = [oneLine(doc.title), textLine(doc.intro)];
  for (const section of doc.sections) {
    const blocks = section.blocks.map(textBlock).filter((text) => text.length > 0);
    parts.push([oneLine(section.title), ...blocks].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
