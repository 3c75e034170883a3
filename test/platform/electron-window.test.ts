import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeBrowserWindow } from '../../src-main/electron/fakes/fake-web-contents';
import {
  keepInTrayOnClose,
  revealWindow,
  WINDOW_BACKGROUND,
  windowOptions,
} from '../../src-main/electron/window';
import { PRINTER_OPTIONS } from '../../src-main/platform/electron-shell';

describe('windowOptions', () => {
  it('locks the page down: isolated, sandboxed, no Node, no webview', () => {
    const options = windowOptions('/app/dist/preload/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('is titled Keel, hidden until ready, with a usable size and minimum', () => {
    const options = windowOptions('/p.cjs');
    expect(options.title).toBe('Keel');
    expect(options.show).toBe(false);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.minWidth).toBeGreaterThanOrEqual(640);
    expect(options.minHeight).toBeGreaterThanOrEqual(480);
  });

  it('paints the background of the OS theme before the page loads', () => {
    expect(windowOptions('/p.cjs', { dark: true }).backgroundColor).toBe(WINDOW_BACKGROUND.dark);
    expect(windowOptions('/p.cjs', { dark: false }).backgroundColor).toBe(WINDOW_BACKGROUND.light);
  });

  it('allows developer tools only when asked and sets the icon only when given', () => {
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
    expect(windowOptions('/p.cjs').icon).toBeUndefined();
    expect(windowOptions('/p.cjs', { icon: '/app/assets/icon.png' }).icon).toBe('/app/assets/icon.png');
  });
});

describe('keepInTrayOnClose', () => {
  it('hides the window instead of closing it while Keel keeps running', () => {
    const window = new FakeBrowserWindow();
    keepInTrayOnClose(window, () => false);
    const event = window.close();
    expect(event.defaultPrevented).toBe(true);
    expect(window.hidden).toBe(true);
    expect(window.destroyed).toBe(false);
  });

  it('lets the window close when Keel is quitting', () => {
    const window = new FakeBrowserWindow();
    let quitting = false;
    keepInTrayOnClose(window, () => quitting);
    quitting = true;
    expect(window.close().defaultPrevented).toBe(false);
    expect(window.destroyed).toBe(true);
    expect(window.hidden).toBe(false);
  });
});

describe('revealWindow', () => {
  it('restores a minimised window, shows and focuses it', () => {
    const calls: string[] = [];
    revealWindow({
      isMinimized: () => true,
      restore: () => void calls.push('restore'),
      show: () => void calls.push('show'),
      focus: () => void calls.push('focus'),
    });
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });
});

describe('every window Keel creates', () => {
  const SRC = path.resolve(__dirname, '../../src-main');
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'fakes' ? [] : sources(file);
      return entry.name.endsWith('.ts') ? [file] : [];
    });

  /** The file without its comment lines (a doc comment may name `new BrowserWindow(options)`). */
  const code = (file: string): string =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\*|\/\/)/.test(line))
      .join('\n');

  it('is made from windowOptions() or the PDF printer options, nothing else', () => {
    const made = sources(SRC).flatMap((file) =>
      [...code(file).matchAll(/new BrowserWindow\(\s*([A-Za-z_]+)/g)].map(
        (m) => `${path.relative(SRC, file)}: ${m[1]}`,
      ),
    );
    // The printer's `options` are always PRINTER_OPTIONS (test/platform/electron-shell.test.ts).
    expect(made.sort()).toEqual(['electron/keel-window.ts: windowOptions', 'electron/main.ts: options']);
    const main = fs.readFileSync(path.join(SRC, 'electron/main.ts'), 'utf8');
    expect(main).toContain('createPrinter: (options) => new BrowserWindow(options)');
  });

  it.each([
    ['the main window', windowOptions('/p.cjs')],
    ['the main window in development', windowOptions('/p.cjs', { devTools: true, dark: true })],
    ['the PDF printer', PRINTER_OPTIONS],
  ])('%s has the spellchecker off, sandboxed and isolated', (_name, options) => {
    expect(options.webPreferences).toMatchObject({
      spellcheck: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
  });
});
