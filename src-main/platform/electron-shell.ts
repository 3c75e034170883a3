import path from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  ClipboardItem,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { ShellPort } from '../services/ports';
import type { ViewName } from '../shared/views';
import { writePrivateFile } from './owner-only';

/**
 * The slice of Electron's `dialog` Keel uses, with and without a parent window. Spelled out so a
 * fake can be checked; Electron's `dialog` fits it (main.ts passes it in).
 */
export interface DialogSlice<W> {
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** What Keel passes to Electron's `webContents.printToPDF` (a subset of its options). */
export interface PrintOptions {
  printBackground: boolean;
  pageSize: 'A4';
  displayHeaderFooter?: boolean;
  headerTemplate?: string;
  footerTemplate?: string;
}

/** The hidden window a summary is printed in (`new BrowserWindow(options)` in the app). */
export interface PrinterSlice {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: PrintOptions): Promise<Uint8Array> };
  destroy(): void;
}

export interface ElectronShellOptions<W extends { isDestroyed(): boolean }> {
  /** Keel's window now, if there is one (main owns it). */
  window(): W | undefined;
  /** Shows Keel's window, made anew if it was closed, on `view`. */
  showWindow(view?: ViewName): void;
  quit(): void;
  dialog: DialogSlice<W>;
  /** Electron's `clipboard` (modelled on the W3C Clipboard API: `write` takes ClipboardItems). */
  clipboard: { writeText(text: string): unknown; write(items: ClipboardItem[]): Promise<void> };
  /** `new ClipboardItem(data)` (Electron's), for HTML and text written together. */
  clipboardItem(data: Record<string, string>): ClipboardItem;
  /** Where a save dialog starts (`app.getPath('documents')`). */
  documentsDir(): string;
  createPrinter(options: BrowserWindowConstructorOptions): PrinterSlice;
  /** How a saved file is written; by default owner-only (0600) through a private temporary file. */
  writeFile?(file: string, content: string | Uint8Array): Promise<void>;
}

/**
 * A hidden, sandboxed window with scripts off renders the summary; nothing else loads. No
 * spellchecker (on Windows and Linux it would fetch dictionaries) and no developer tools.
 * Exported so a test can hold the promise to it.
 */
export const PRINTER_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    javascript: false,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
    devTools: false,
  },
};

/** The shell port on Electron: the window, quitting, the save and open dialogs, clipboard, PDF. */
export function createElectronShell<W extends { isDestroyed(): boolean }>(
  options: ElectronShellOptions<W>,
): ShellPort {
  const { dialog } = options;
  const writeFile = options.writeFile ?? writePrivateFile;
  /** Dialogs belong to the window when it is open (modal to it), else they stand alone. */
  const parent = (): W | undefined => {
    const window = options.window();
    return window && !window.isDestroyed() ? window : undefined;
  };
  return {
    showWindow: (view) => options.showWindow(view),
    quit: () => options.quit(),
    async saveFile({ defaultName, content, filters }) {
      const owner = parent();
      const dialogOptions = { defaultPath: path.join(options.documentsDir(), defaultName), filters };
      const result = owner
        ? await dialog.showSaveDialog(owner, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, content);
      // Only main ever sees the path; the window gets the file's name.
      return path.basename(result.filePath);
    },
    async chooseFile({ title, filters }) {
      const owner = parent();
      const dialogOptions = { title, filters, properties: ['openFile' as const] };
      const result = owner
        ? await dialog.showOpenDialog(owner, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async copyText(text) {
      await options.clipboard.writeText(text);
    },
    async copyRich({ html, text }) {
      // One item with both types: committed together, so a paste gets one or the other, never a mix.
      await options.clipboard.write([options.clipboardItem({ 'text/html': html, 'text/plain': text })]);
    },
    async printToPdf(html, page) {
      const printer = options.createPrinter(PRINTER_OPTIONS);
      try {
        await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4', ...page });
      } finally {
        printer.destroy();
      }
    },
  };
}
