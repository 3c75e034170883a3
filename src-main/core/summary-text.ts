import { escapeMarkdownText } from './markdown-escape';
import { cleanText } from './text-hygiene';
import { dayNumber, MONTH_NAMES, type LocalDate } from './time';

/**
 * The one-on-one summary's text handling, shared by the model and both renderers: user text
 * cleaned (`plainText`, `oneLine`, `textLines`), escaped for Markdown (through markdown-escape.ts)
 * or HTML, and dates in words.
 * Cleaning and escaping are separate steps on purpose: the model holds cleaned text, and each
 * renderer escapes it again for its own format whatever the model says.
 */

/**
 * User text made safe to place in any document: Keel's input hygiene (core/text-hygiene.ts: line
 * breaks as `\n`, unpaired surrogates U+FFFD, control, bidi override and invisible characters
 * removed), applied again to what was stored before it existed, and tabs as a space. Nothing else
 * changes; escaping for a format is separate.
 */
export function plainText(text: string): string {
  return cleanText(text).replace(/\t/g, ' ');
}

/** Clean text on one line: whitespace runs (line breaks included) become one space, ends trimmed. */
export function oneLine(text: string): string {
  return plainText(text).replace(/\s+/gu, ' ').trim();
}

/** Clean text kept on its lines: each line trimmed, blank lines dropped. */
export function textLines(text: string): string[] {
  return plainText(text)
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line.length > 0);
}

/**
 * User text as literal Markdown on one line: cleaned, whitespace (line breaks too) collapsed to
 * one space and the ends trimmed (leading spaces could start a code block), then a backslash only
 * where syntax could form (core/markdown-escape.ts), as if the text started a line and its
 * neighbours were unknown — so no tag, link, image, emphasis, heading, list, table, entity or
 * math can form, and "On-call rotation (Q2), see https://example.com/a_b" stays as it is.
 */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownText(plainText(text).replace(/\s+/gu, ' ').trim(), { lineStart: true });
}

/**
 * Keel's own sentences in Markdown, anywhere in a line or in a table cell: cleaned, whitespace
 * collapsed, and escaped as `escapeMarkdown` escapes mid-line (with `|` escaped too).
 */
export function escapeMarkdownLight(text: string): string {
  return escapeMarkdownText(plainText(text).replace(/\s+/gu, ' '), { lineStart: false, tableCell: true });
}

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

function dateParts(date: LocalDate): { day: number; month: string; year: number } {
  dayNumber(date); // a RangeError for anything but a real date
  return {
    day: Number(date.slice(8, 10)),
    month: MONTH_NAMES[Number(date.slice(5, 7)) - 1] as string,
    year: Number(date.slice(0, 4)),
  };
}

/** "3 March 2027". */
export function summaryDate(date: LocalDate): string {
  const { day, month, year } = dateParts(date);
  return `${day} ${month} ${year}`;
}

/** "2–15 March 2027", "24 February – 9 March 2027", "28 December 2026 – 10 January 2027". */
export function periodLabel(from: LocalDate, to: LocalDate): string {
  if (from === to) return summaryDate(from);
  const a = dateParts(from);
  const b = dateParts(to);
  if (a.year !== b.year) return `${summaryDate(from)} – ${summaryDate(to)}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${summaryDate(to)}`;
  return `${a.day}–${summaryDate(to)}`;
}
