import type {
  Event,
  Session,
  Shell,
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
 * The https origins Keel may send the user's browser to: where its questionnaires come from
 * (WHO-5 is the World Health Organization's). Exact origins, so a lookalike host, another port
 * or a subdomain is not on it.
 */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = Object.freeze(['https://www.who.int']);

/** True only for an https URL, without user name or password, on an allowlisted origin. */
export function isAllowedExternalUrl(
  url: string,
  allowlist: readonly string[] = EXTERNAL_URL_ALLOWLIST,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return allowlist.includes(parsed.origin);
}

/** Electron's `shell`, as far as opening links in the user's browser goes. */
export type ExternalOpener = Pick<Shell, 'openExternal'>;

/**
 * Hands `url` to the user's browser if it is allowlisted; returns whether it did. The one place
 * Keel calls `openExternal`, so the check cannot be skipped (STYLE.md: never unchecked).
 */
export function openExternalSafely(url: string, opener: ExternalOpener): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  opener.openExternal(url).catch((error: unknown) => {
    // No default browser, or the OS refused: nothing the page can do about it.
    console.warn(`keel: could not open ${url} in the browser`, error);
  });
  return true;
}

export interface HardenOptions {
  /** The page's own origin; defaults to app://keel. */
  origin?: string;
  /** Electron's `shell`: with it, allowlisted links open in the browser; without, none do. */
  shell?: ExternalOpener;
}

/**
 * Keeps a WebContents on Keel's own page: navigation and redirects anywhere else are cancelled,
 * new windows are denied, <webview> is refused. Applied to every WebContents the app creates,
 * so a compromised page has nowhere to go (STYLE.md, after Actual's security.ts).
 */
export function hardenWebContents(contents: WebContentsSlice, options: HardenOptions = {}): void {
  const { origin = APP_ORIGIN, shell } = options;
  const stayHome = (details: Event<{ url: string }>): void => {
    if (!isAppUrl(details.url, origin)) details.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Never a new Electron window: an allowlisted link (target=_blank, window.open, middle-click)
  // goes to the user's browser instead, anything else goes nowhere.
  contents.setWindowOpenHandler(({ url }) => {
    if (shell) openExternalSafely(url, shell);
    return { action: 'deny' };
  });
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
