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

/** The footer template for `title` ("One-on-one summary") and `period` ("1–14 March 2027"). */
export function pdfFooterTemplate(title: string, period: string): string {
  return (
    `<div style='${FOOTER_STYLE}'>` +
    `<span>${escapeHtml(`${title} · ${period}`)}</span>` +
    `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
    `</div>`
  );
}

/** The print options that put the footer on every page and leave the header empty. */
export function pdfPageOptions(title: string, period: string): PdfPageOptions {
  return {
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: pdfFooterTemplate(title, period),
  };
}
