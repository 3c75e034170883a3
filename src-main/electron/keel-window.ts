/**
 * Keel's one window (Electron glue, beside main.ts): made when first shown, made anew after it was
 * closed, and loaded again in another language when Settings → Language changes.
 */
import { app, BrowserWindow, nativeTheme } from 'electron';
import type { ViewName } from '../shared/views';
import { appEntryUrl } from './app-protocol';
import { statePusher } from './ipc-main';
import { keepInTrayOnClose, revealWindow, windowOptions } from './window';

export interface KeelWindowOptions {
  /** True once Keel is quitting: closing the window then really closes it. */
  quitting: () => boolean;
  /** The `language` setting ("system" or a locale), read each time the page loads. */
  language: () => string | null;
  /** The preload script's path. */
  preload: string;
  /** The window's icon (not on macOS). */
  icon?: string;
  onLoadError: (error: unknown) => void;
}

export type KeelWindow = ReturnType<typeof keelWindow>;

/** Keel's one window: made when first shown (or at start), and made anew after it was closed. */
export function keelWindow({ quitting, language, preload, icon, onLoadError }: KeelWindowOptions) {
  let window: BrowserWindow | undefined;
  /** `showWhenReady`: false only for the first window of a start in the tray (--hidden). */
  const load = (target: BrowserWindow) => {
    target.loadURL(appEntryUrl(app, language())).catch(onLoadError);
  };
  const create = (showWhenReady: boolean): BrowserWindow => {
    const created = new BrowserWindow(
      windowOptions(preload, {
        dark: nativeTheme.shouldUseDarkColors,
        ...(icon === undefined ? {} : { icon }),
        devTools: !app.isPackaged,
      }),
    );
    keepInTrayOnClose(created, quitting);
    if (showWhenReady) created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      if (window === created) window = undefined;
    });
    load(created);
    window = created;
    return created;
  };
  const pushState = statePusher(() => window?.webContents);
  return {
    current: () => window,
    create,
    pushState,
    /** The language setting changed: the window (if open) loads again in the new one. */
    reload(): void {
      if (window && !window.isDestroyed()) load(window);
    },
    show(view?: ViewName): void {
      // Shown at once (not on ready-to-show): the user asked for it; the background colour
      // covers the moment before the first paint.
      const shown = !window || window.isDestroyed() ? create(false) : window;
      revealWindow(shown);
      if (!view) return;
      if (shown.webContents.isLoading()) {
        shown.webContents.once('did-finish-load', () => pushState({ type: 'navigate', view }));
      } else pushState({ type: 'navigate', view });
    },
  };
}
