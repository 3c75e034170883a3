import type { Block, Line, Span } from './summary-document';
import { SUMMARY_HTML_CSP } from './summary-html';
import { exportLanguage } from './export-language';
import { escapeHtml, escapeMarkdown, escapeMarkdownLight, plainText } from './summary-text';
import { UPDATE_SECTIONS, type WeeklyUpdateModel } from './weekly-update';

/**
 * The weekly update as a format-neutral document (the blocks of core/summary-document.ts), and
 * its three renderings: Markdown, plain text for chat, and a self-contained HTML page. These are
 * the only source of the bytes that leave: the preview shows what they return, and a save, a copy
 * or `keel update` writes the same string.
 *
 * Decisions:
 * - Every line the user wrote or Keel drafted from their sign-offs is user text (`user`): each
 *   renderer cleans and escapes it for its format every time. The escaping is the summary's own
 *   (core/summary-text.ts), so the update reads as the summary does in every format.
 * - Plain text has no escapes at all: "• " bullets, headings as plain lines, for Slack and Teams.
 * - Only the blocks this document uses are rendered (paragraphs and lists); a table or chart is
 *   never part of an update.
 */

export const UPDATE_FORMATS = ['md', 'text', 'html'] as const;
export type UpdateFormat = (typeof UPDATE_FORMATS)[number];

export interface UpdateDocSection {
  kind: string;
  title: string;
  blocks: Block[];
}

export interface UpdateDocument {
  title: string;
  intro: Line;
  sections: UpdateDocSection[];
}

const t = (text: string): Span => ({ text });
const u = (text: string): Span => ({ text, user: true });

/** The update's document: title, period, the three sections, the chosen extra lines, and how it was drafted. */
export function updateDocument(model: WeeklyUpdateModel): UpdateDocument {
  const lang = exportLanguage(model.locale);
  const sections: UpdateDocSection[] = UPDATE_SECTIONS.map((kind) => ({
    kind,
    title: lang.t(`export.update.section.${kind}`),
    blocks:
      model.lines[kind].length === 0
        ? [{ kind: 'paragraph', line: [t(lang.t(`export.update.empty.${kind}`))], note: true }]
        : [{ kind: 'list', items: model.lines[kind].map((l) => [[u(l)]]) }],
  }));
  const extras = [model.focus, model.mood].filter((l): l is string => l !== null);
  if (extras.length > 0) {
    sections.push({
      kind: 'week',
      title: lang.t('export.update.section.week'),
      blocks: [{ kind: 'list', items: extras.map((l) => [[t(l)]]) }],
    });
  }
  sections.push({
    kind: 'drafted',
    title: lang.t('export.update.section.drafted'),
    blocks: [{ kind: 'paragraph', line: [t(model.howDrafted)], counting: true }],
  });
  return {
    title: model.title,
    intro: [
      t(lang.t('export.update.intro', { period: model.period.label, date: lang.date(model.generatedOn) })),
    ],
    sections,
  };
}

/** Only paragraphs and lists occur in an update. */
function blocksOf<T>(
  blocks: readonly Block[],
  paragraph: (line: Line, b: Block) => T,
  list: (items: Line[][]) => T,
): T[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'paragraph') return [paragraph(b.line, b)];
    if (b.kind === 'list') return [list(b.items)];
    return [];
  });
}

function mdLine(line: Line): string {
  return line.map((s) => (s.user ? escapeMarkdown(s.text) : escapeMarkdownLight(s.text))).join('');
}

/** The update as GitHub-flavoured Markdown, ending with one line feed. */
export function updateMarkdown(model: WeeklyUpdateModel): string {
  const doc = updateDocument(model);
  const parts = [`# ${escapeMarkdownLight(doc.title)}`, mdLine(doc.intro).trim()];
  for (const section of doc.sections) {
    parts.push(`## ${escapeMarkdownLight(section.title)}`);
    parts.push(
      ...blocksOf(
        section.blocks,
        (line) => mdLine(line).trim(),
        (items) => items.map((lines) => `- ${lines.map(mdLine).join('\n  ')}`).join('\n'),
      ),
    );
  }
  return `${parts.filter((p) => p.length > 0).join('\n\n')}\n`;
}

function textLine(line: Line): string {
  return line
    .map((s) => plainText(s.text).replace(/\s+/gu, ' '))
    .join('')
    .trim();
}

/** The update as plain text for chat: no escapes, "• " bullets, headings as plain lines. */
export function updateText(model: WeeklyUpdateModel): string {
  const doc = updateDocument(model);
  const parts = [`${textLine([t(doc.title)])}\n${textLine(doc.intro)}`];
  for (const section of doc.sections) {
    const body = blocksOf(
      section.blocks,
      (line) => textLine(line),
      (items) => items.map((lines) => `• ${lines.map(textLine).join(' ')}`).join('\n'),
    );
    parts.push([section.title, ...body].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

const CSS = `
:root { color-scheme: light; }
body { margin: 0; color: #1c2430; background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.35rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; padding-bottom: 0.3rem; border-bottom: 1px solid #d5dbe3; }
p, li { overflow-wrap: anywhere; }
p { margin: 0.5rem 0; }
.intro, .empty, .counting { color: #4a5565; }
.empty { font-style: italic; }
.counting { font-size: 0.9em; }
ul { margin: 0.5rem 0; padding-left: 1.3rem; }
li + li { margin-top: 0.3rem; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } li { break-inside: avoid; } }
`.trim();

function htmlLine(line: Line): string {
  return line.map((s) => escapeHtml(s.text.replace(/\s*\n\s*/g, ' '))).join('');
}

/** The update as one self-contained HTML page (no scripts, no links, no fetches). */
export function updateHtml(model: WeeklyUpdateModel): string {
  const doc = updateDocument(model);
  const sections = doc.sections.map((section) =>
    [
      `<section class="${escapeHtml(section.kind)}">`,
      `<h2>${escapeHtml(section.title)}</h2>`,
      ...blocksOf(
        section.blocks,
        (line, b) =>
          `<p${b.kind === 'paragraph' && b.note ? ' class="empty"' : b.kind === 'paragraph' && b.counting ? ' class="counting"' : ''}>${htmlLine(line)}</p>`,
        (items) =>
          `<ul>\n${items.map((lines) => `<li>${lines.map(htmlLine).join('<br>')}</li>`).join('\n')}\n</ul>`,
      ),
      `</section>`,
    ].join('\n'),
  );
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(exportLanguage(model.locale).tag)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SUMMARY_HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(exportLanguage(model.locale).t('export.summary.pageTitle', { title: doc.title, period: model.period.label }))}</title>`,
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

/** The update in `format`. */
export function renderUpdate(model: WeeklyUpdateModel, format: UpdateFormat): string {
  return format === 'md' ? updateMarkdown(model) : format === 'text' ? updateText(model) : updateHtml(model);
}
