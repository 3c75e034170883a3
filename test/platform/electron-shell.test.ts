import path from 'node:path';
import type { ClipboardItem, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { pdfPageOptions } from '../../src-main/core/summary-pdf';
import { describe, expect, it } from 'vitest';
import {
  createElectronShell,
  PRINTER_OPTIONS,
  type DialogSlice,
  type PrinterSlice,
  type PrintOptions,
} from '../../src-main/platform/electron-shell';
import type { ViewName } from '../../src-main/shared/views';

class FakeWindow {
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** Electron's dialog, answering with what the test sets, recording each call's parent. */
function fakeDialog() {
  const calls: { kind: 'save' | 'open'; parent: FakeWindow | undefined; options: object }[] = [];
  let answer: { canceled: boolean; filePath?: string; filePaths?: string[] } = { canceled: true };
  const record =
    (kind: 'save' | 'open') =>
    async (first: FakeWindow | SaveDialogOptions | OpenDialogOptions, second?: object) => {
      const parent = first instanceof FakeWindow ? first : undefined;
      calls.push({ kind, parent, options: parent ? (second ?? {}) : first });
      return { filePath: '', filePaths: [], ...answer };
    };
  const dialog = {
    showSaveDialog: record('save'),
    showOpenDialog: record('open'),
  } as unknown as DialogSlice<FakeWindow>;
  return { dialog, calls, answer: (a: typeof answer) => (answer = a) };
}

function setup() {
  let window: FakeWindow | undefined;
  const shown: (ViewName | undefined)[] = [];
  const written: { file: string; content: string | Uint8Array }[] = [];
  const copied: string[] = [];
  const copiedItems: Record<string, string>[][] = [];
  const printers: { options: object; loaded: string[]; printed: PrintOptions[]; destroyed: boolean }[] = [];
  let quit = 0;
  const d = fakeDialog();
  const shell = createElectronShell<FakeWindow>({
    window: () => window,
    showWindow: (view) => shown.push(view),
    quit: () => quit++,
    dialog: d.dialog,
    clipboard: {
      writeText: (text) => copied.push(text),
      write: async (items) => void copiedItems.push(items as unknown as Record<string, string>[]),
    },
    // A stand-in for Electron's ClipboardItem: the data it was made from.
    clipboardItem: (data) => data as unknown as ClipboardItem,
    documentsDir: () => '/home/ada/Documents',
    createPrinter: (options): PrinterSlice => {
      const printer = { options, loaded: [] as string[], printed: [] as PrintOptions[], destroyed: false };
      printers.push(printer);
      return {
        loadURL: async (url) => void printer.loaded.push(url),
        webContents: {
          printToPDF: async (printOptions) => {
            printer.printed.push(printOptions);
            return new Uint8Array([37, 80, 68, 70]);
          },
        },
        destroy: () => void (printer.destroyed = true),
      };
    },
    writeFile: async (file, content) => void written.push({ file, content }),
  });
  return {
    shell,
    shown,
    written,
    copied,
    copiedItems,
    printers,
    dialog: d,
    quits: () => quit,
    openWindow: () => (window = new FakeWindow()),
  };
}

describe('createElectronShell', () => {
  it('shows the window on a view and quits, through what main hands in', () => {
    const { shell, shown, quits } = setup();
    shell.showWindow('checkin');
    shell.showWindow();
    shell.quit();
    expect(shown).toEqual(['checkin', undefined]);
    expect(quits()).toBe(1);
  });

  it('saves where the user chose, from the documents folder, and tells the window only the name', async () => {
    const { shell, dialog, written } = setup();
    dialog.answer({ canceled: false, filePath: '/home/ada/Desktop/summary.md' });
    const filters = [{ name: 'Markdown', extensions: ['md'] }];
    const name = await shell.saveFile({ defaultName: 'summary.md', content: '# Hi', filters });
    expect(name).toBe('summary.md');
    expect(written).toEqual([{ file: '/home/ada/Desktop/summary.md', content: '# Hi' }]);
    expect(dialog.calls).toEqual([
      {
        kind: 'save',
        parent: undefined,
        options: { defaultPath: path.join('/home/ada/Documents', 'summary.md'), filters },
      },
    ]);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const { shell, dialog, written } = setup();
    dialog.answer({ canceled: true });
    expect(await shell.saveFile({ defaultName: 'a.md', content: 'x', filters: [] })).toBeNull();
    dialog.answer({ canceled: false });
    expect(await shell.saveFile({ defaultName: 'a.md', content: 'x', filters: [] })).toBeNull();
    expect(written).toEqual([]);
  });

  it('makes the dialogs modal to the open window, and stand alone once it is destroyed', async () => {
    const { shell, dialog, openWindow } = setup();
    const window = openWindow();
    dialog.answer({ canceled: false, filePaths: ['/tmp/cal.ics'] });
    expect(await shell.chooseFile({ title: 'Import', filters: [] })).toBe('/tmp/cal.ics');
    window.destroyed = true;
    dialog.answer({ canceled: true, filePaths: [] });
    expect(await shell.chooseFile({ title: 'Import', filters: [] })).toBeNull();
    expect(dialog.calls.map((c) => [c.kind, c.parent === window])).toEqual([
      ['open', true],
      ['open', false],
    ]);
    expect(dialog.calls[0]?.options).toEqual({ title: 'Import', filters: [], properties: ['openFile'] });
  });

  it('copies text to the clipboard', async () => {
    const { shell, copied } = setup();
    await shell.copyText('summary');
    expect(copied).toEqual(['summary']);
  });

  it('copies rich text as one clipboard item holding the HTML and the text', async () => {
    const { shell, copied, copiedItems } = setup();
    await shell.copyRich({ html: '<h1>Summary</h1>', text: 'Summary\n' });
    expect(copiedItems).toEqual([[{ 'text/html': '<h1>Summary</h1>', 'text/plain': 'Summary\n' }]]);
    expect(copied).toEqual([]);
  });

  it('prints with the page footer it is given, and without one when none is', async () => {
    const { shell, printers } = setup();
    const page = pdfPageOptions('One-on-one summary', '1–14 March 2027');
    await shell.printToPdf('<p>x</p>', page);
    await shell.printToPdf('<p>x</p>');
    expect(printers.map((p) => p.printed)).toEqual([
      [
        {
          printBackground: true,
          pageSize: 'A4',
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: page.footerTemplate,
        },
      ],
      [{ printBackground: true, pageSize: 'A4' }],
    ]);
  });

  it('prints in a hidden window with scripts off, and destroys it afterwards', async () => {
    const { shell, printers } = setup();
    const pdf = await shell.printToPdf('<p>Hi & bye</p>');
    expect(Array.from(pdf)).toEqual([37, 80, 68, 70]);
    expect(printers).toHaveLength(1);
    expect(printers[0]?.options).toBe(PRINTER_OPTIONS);
    expect(PRINTER_OPTIONS).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false },
    });
    expect(printers[0]?.loaded).toEqual([
      `data:text/html;charset=utf-8,${encodeURIComponent('<p>Hi & bye</p>')}`,
    ]);
    expect(printers[0]?.destroyed).toBe(true);
  });
});
