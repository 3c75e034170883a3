import type { BrowserWindow, BrowserWindowConstructorOptions, Event } from 'electron';

/**
 * The window's first paint before the page has loaded; the same as `--color-bg` in
 * src-renderer/design/tokens.css for each theme, so opening Keel never flashes white in dark mode.
 */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#131417' } as const;

export interface WindowOptionsExtras {
  /** `nativeTheme.shouldUseDarkColors` at creation time. */
  dark?: boolean;
  /** The window icon (Linux and Windows; macOS takes the bundle's). */
  icon?: string;
  /** Developer tools: on in development, off in a packaged app. */
  devTools?: boolean;
}

/**
 * Keel's one window, secure by default (DESIGN.md "Window security"): the page runs sandboxed
 * and isolated, with no Node, no <webview>, and nothing to reach but the preload's `window.keel`.
 * Shown only on 'ready-to-show', so it never appears blank.
 */
export function windowOptions(
  preloadPath: string,
  extras: WindowOptionsExtras = {},
): BrowserWindowConstructorOptions {
  return {
    title: 'Keel',
    width: 1120,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    backgroundColor: extras.dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    autoHideMenuBar: true,
    ...(extras.icon !== undefined ? { icon: extras.icon } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // On Windows and Linux the spellchecker downloads dictionaries from Google: a network call.
      spellcheck: false,
      devTools: extras.devTools ?? false,
    },
  };
}

/** The slice of BrowserWindow close-to-tray needs (`on` spelled out: Electron's returns the whole window). */
export interface ClosableWindow extends Pick<BrowserWindow, 'hide'> {
  on(event: 'close', listener: (event: Event) => void): unknown;
}

/**
 * Closing the window hides it: Keel keeps running in the tray so its focus blocks and prompts
 * still happen. Only a real quit (tray "Quit Keel", the app menu, the OS) lets it close.
 */
export function keepInTrayOnClose(window: ClosableWindow, isQuitting: () => boolean): void {
  window.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
}

/** Brings the window to the front, from the tray, a notification or a second launch. */
export function revealWindow(
  window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>,
): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
