import {
  documentOf,
  type Block,
  type ChartWords,
  type Line,
  type Span,
  type SummaryDocument,
} from './summary-document';
import type { SummaryModel } from './summary-model';
import type { SummaryWeek } from './summary-sections';
import { escapeHtml } from './summary-text';
import { exportLanguage } from './export-language';

/**
 * The one-on-one summary as a self-contained HTML document: a pure function of the summary model
 * (through the format-neutral document in summary-document.ts).
 *
 * Decisions:
 * - HTML has `<!doctype html>`, UTF-8, a CSP that allows no scripts, no network and no images but
 *   data: ones, inline CSS for screen and print (light, A4/Letter-friendly margins), and no links.
 *   All text, attributes included, is entity-escaped (& < > " ') by `escapeHtml`.
 * - The weekly chart is an inline SVG; the table after it holds the same figures as text.
 */

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
.name { margin: 0 0 0.2rem; font-weight: 600; }
.intro { color: #4a5565; margin-bottom: 1.5rem; }
.empty { color: #4a5565; font-style: italic; }
.counting { color: #4a5565; font-size: 0.9em; }
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
function chartSvg(weeks: readonly SummaryWeek[], words: ChartWords): string {
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
        `<text x="${num(x(i))}" y="${height - 8}" text-anchor="middle">${escapeHtml(words.axis[i] ?? '')}</text>`,
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
    `<text x="${left + 30}" y="16">${escapeHtml(words.workload)}</text>`,
    `<line class="energy" x1="${left + 110}" x2="${left + 134}" y1="12" y2="12"/>`,
    `<text x="${left + 140}" y="16">${escapeHtml(words.energy)}</text>`,
  );
  return (
    `<svg class="chart" role="img" aria-labelledby="trend-chart-title trend-chart-desc" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title id="trend-chart-title">${escapeHtml(words.title)}</title>` +
    `<desc id="trend-chart-desc">${escapeHtml(words.description)}</desc>` +
    parts.join('') +
    `</svg>`
  );
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p${block.note ? ' class="empty"' : block.counting ? ' class="counting"' : ''}>${htmlLine(block.line)}</p>`;
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
      const svg = chartSvg(block.weeks, block.words);
      return svg === '' ? '' : `<figure>${svg}</figure>`;
    }
  }
}

/**
 * Any document as one self-contained, printable HTML document (no scripts, no links, no
 * fetches); `pageTitle` is the `<title>` (the document's title when not given).
 */
export function htmlOfDocument(doc: SummaryDocument, pageTitle: string = doc.title): string {
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
    `<html lang="${escapeHtml(doc.lang ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    // A constant without double quotes, written as is so it reads the same in the file.
    `<meta http-equiv="Content-Security-Policy" content="${SUMMARY_HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(pageTitle)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...(doc.nameLine ? [`<p class="name">${htmlLine(doc.nameLine)}</p>`] : []),
    `<p class="intro">${htmlLine(doc.intro)}</p>`,
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The summary as one self-contained, printable HTML document (no scripts, no links, no fetches). */
export function renderHtml(model: SummaryModel): string {
  const doc = documentOf(model);
  const pageTitle = exportLanguage(model.locale).t('export.summary.pageTitle', {
    title: doc.title,
    period: model.period.label,
  });
  return htmlOfDocument(doc, pageTitle);
}
