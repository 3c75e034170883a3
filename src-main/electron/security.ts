import type {
  Event,
  OnBeforeRequestListenerDetails,
  CallbackResponse,
  Session,
  Shell,
  WebContents,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
} from 'electron';
import { APP_ORIGIN } from '../ipc/sender';
import { APP_SCHEME } from './app-protocol';

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

/**
 * Which requests the session lets through: Keel's own page (app://keel), data: URLs (the PDF
 * window loads the summary from one, and the page's CSP allows data: images), and in
 * development the developer tools' own devtools: pages. Everything else is cancelled before it
 * starts: http(s), ws(s), file:, blob:, ftp:, chrome-extension:, another app:// host. Keel makes
 * no network calls (DESIGN.md), so a request that is not on this list is a bug or an attack.
 */
export function isAllowedRequest(url: string, options: { devTools?: boolean } = {}): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  if (parsed.protocol === 'data:') return true;
  return parsed.protocol === 'devtools:' && options.devTools === true;
}

/** Where the spellchecker would fetch dictionaries from: nowhere (see `hardenSession`). */
export const NO_DICTIONARY_URL = `${APP_ORIGIN}/no-dictionaries/`;

export interface SessionHardeningSlice extends SessionSlice {
  setSpellCheckerEnabled(enable: boolean): void;
  setSpellCheckerLanguages(languages: string[]): void;
  setSpellCheckerDictionaryDownloadURL(url: string): void;
  webRequest: {
    onBeforeRequest(
      listener: (
        details: Pick<OnBeforeRequestListenerDetails, 'url'>,
        callback: (response: CallbackResponse) => void,
      ) => void,
    ): void;
  };
}

export interface SessionHardeningOptions {
  /** Developer tools are allowed (development only): their devtools: pages may load. */
  devTools?: boolean;
  /** `process.platform`: macOS has no downloadable dictionaries to turn off. */
  platform: NodeJS.Platform;
  /** Told once per scheme of a refused request (never its URL, which could carry text). */
  onRefused?(scheme: string): void;
}

/**
 * The session every Keel window uses, locked down: no permission is ever granted, the
 * spellchecker is off with no languages and no dictionary download (on Windows and Linux
 * Chromium fetches Hunspell dictionaries from Google's CDN otherwise; the download URL points at
 * Keel's own app:// origin, which serves no dictionaries, in case anything turns it back on), and
 * every request that `isAllowedRequest` does not accept is cancelled.
 */
export function hardenSession(session: SessionHardeningSlice, options: SessionHardeningOptions): void {
  denyAllPermissions(session);
  session.setSpellCheckerEnabled(false);
  if (options.platform !== 'darwin') {
    // No-ops on macOS, where the OS spellchecker is used and nothing is downloaded.
    session.setSpellCheckerLanguages([]);
    session.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_URL);
  }
  const told = new Set<string>();
  // No filter: Electron then matches every request, whatever its scheme.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, { devTools: options.devTools === true });
    const scheme = schemeOf(details.url);
    if (!allowed && !told.has(scheme)) {
      told.add(scheme);
      options.onRefused?.(scheme);
    }
    callback({ cancel: !allowed });
  });
}

function schemeOf(url: string): string {
  const match = /^([a-z][a-z0-9+.-]{0,20}):/i.exec(url);
  return match ? match[1]!.toLowerCase() : 'none';
}
