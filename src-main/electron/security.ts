import type {
  Event,
  Session,
  WebContents,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
} from 'electron';
import { APP_ORIGIN } from '../ipc/sender';

/** True for URLs on the app's own origin (app://keel). */
export function isAppUrl(url: string, origin: string = APP_ORIGIN): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === origin;
  } catch {
    return false;
  }
}

/**
 * The slice of WebContents hardening needs. `on` is spelled out per event because Electron's
 * returns the whole WebContents; each overload matches one of Electron's (main.ts passes real
 * WebContents in, so a renamed event fails to compile).
 */
export interface WebContentsSlice extends Pick<WebContents, 'setWindowOpenHandler'> {
  on(event: 'will-navigate', listener: (details: Event<WebContentsWillNavigateEventParams>) => void): unknown;
  on(event: 'will-redirect', listener: (details: Event<WebContentsWillRedirectEventParams>) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Event) => void): unknown;
}

/**
 * Keeps a WebContents on Keel's own page: navigation and redirects anywhere else are cancelled,
 * new windows are denied, <webview> is refused. Applied to every WebContents the app creates,
 * so a compromised page has nowhere to go (STYLE.md, after Actual's security.ts).
 */
export function hardenWebContents(contents: WebContentsSlice, origin: string = APP_ORIGIN): void {
  const stayHome = (details: Event<{ url: string }>): void => {
    if (!isAppUrl(details.url, origin)) details.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Keel has no links to the outside; anything opening a window is refused, not forwarded.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export type SessionSlice = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/**
 * Camera, microphone, geolocation, notifications, clipboard reads…: the page needs none of
 * them (notifications come from main), so every request and check is refused.
 */
export function denyAllPermissions(session: SessionSlice): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
