import type { PdfPageOptions } from '../../core/summary-pdf';

/**
 * The one port for the user's files and clipboard: main's save and open dialogs, the clipboard
 * and PDF printing. The window never names a path: it asks, and main's dialog chooses.
 */

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface FileDialogPort {
  /**
   * Asks the user where to save (a save dialog) and writes `content` there. Resolves to the
   * file's name, or null when the user cancelled. Only main ever sees the path.
   */
  saveFile(options: {
    defaultName: string;
    content: string | Uint8Array;
    filters: FileFilter[];
  }): Promise<string | null>;
  /** Asks the user for a file to open; resolves to its path (main only), or null. */
  chooseFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** Puts text on the clipboard (the window cannot: its permissions are all denied). */
  copyText(text: string): Promise<void>;
  /**
   * Puts rich text on the clipboard: `html` and `text` together (Electron's `clipboard.write`),
   * so an editor that reads HTML (Docs, Confluence, Notion) pastes the formatting and a plain
   * field pastes the text.
   */
  copyRich(content: { html: string; text: string }): Promise<void>;
  /**
   * Prints a self-contained HTML document to PDF (Electron's printToPDF, scripts off), with the
   * page furniture of `page` (core/summary-pdf.ts: a footer with page numbers) when given.
   */
  printToPdf(html: string, page?: PdfPageOptions): Promise<Uint8Array>;
}
