import { exportLanguage } from './export-language';
import { escapeHtml } from './summary-text';

/**
 * The PDF's page furniture: a footer on every page with the document's title and period on the
 * left and "Page 2 of 3" on the right, through Chromium's print options (Electron's printToPDF
 * `displayHeaderFooter`, `footerTemplate`). The template is HTML that Chromium fills in: spans
 * with the classes `pageNumber` and `totalPages` receive the numbers. Everything else in it is
 * escaped text. Chromium's default header (date, URL) is replaced by an empty one.
 */

export interface PdfPageOptions {
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
}

/** Chromium's header and footer start at a tiny default size and ignore the page's fonts. */
const FOOTER_STYLE =
  'font: 8pt system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #4a5565; ' +
  'width: 100%; margin: 0 16mm; display: flex; justify-content: space-between;';

/**
 * The footer template for `title` ("One-on-one summary") and `period` ("March 1 – 14, 2027"), in
 * the export's `locale` (en-US when not given).
 */
export function pdfFooterTemplate(title: string, period: string, locale?: string): string {
  const lang = exportLanguage(locale);
  const page = lang
    .pieces('export.pdf.page', {}, { page: 'pageNumber', pages: 'totalPages' })
    .map((piece) => (piece.user ? `<span class="${piece.text}"></span>` : escapeHtml(piece.text)))
    .join('');
  return (
    `<div style='${FOOTER_STYLE}'>` +
    `<span>${escapeHtml(lang.t('export.pdf.footer', { title, period }))}</span>` +
    `<span>${page}</span>` +
    `</div>`
  );
}

/** The print options that put the footer on every page and leave the header empty. */
export function pdfPageOptions(title: string, period: string, locale?: string): PdfPageOptions {
  return {
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: pdfFooterTemplate(title, period, locale),
  };
}
