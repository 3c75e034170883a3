import fs from 'node:fs/promises';
import path from 'node:path';
import type { App, CustomScheme, Protocol } from 'electron';
import { APP_ORIGIN } from '../ipc/sender';
import { resolveLocale } from '../shared/i18n/locale';
import { localeSearch } from '../shared/i18n/locale-url';

const origin = new URL(APP_ORIGIN);
/** `app`: the scheme the renderer is served from. */
export const APP_SCHEME = origin.protocol.slice(0, -1);
export const APP_HOST = origin.host;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The entry URL with the window's locale in its query (shared/i18n/locale-url.ts): the language
 * chosen in Settings, else the OS's preferred languages, and the clock of its regional format,
 * known before the first frame. `choice` is the `language` setting ("system": none).
 */
export function appEntryUrl(
  app: Pick<App, 'getPreferredSystemLanguages' | 'getSystemLocale'>,
  choice: string | null = null,
): string {
  const locale = resolveLocale({
    choice: choice === 'system' ? null : choice,
    preferred: app.getPreferredSystemLanguages(),
    regional: app.getSystemLocale(),
  });
  return `${APP_ENTRY_URL}${localeSearch(locale)}`;
}

/**
 * Why a custom scheme rather than file://: file:// pages share one opaque origin with every
 * file on disk, so neither the CSP's 'self' nor the IPC sender check could tell Keel's page
 * from any other file. `standard` gives app://keel a real origin and relative URLs, `secure`
 * makes it a secure context, and `corsEnabled` lets Vite's `crossorigin` module scripts load.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export interface AppRequestHandlerOptions {
  /** dist/renderer: the only folder the scheme serves from. */
  rootDir: string;
  csp: string;
  /** Injectable for tests; Electron's fs also reads inside app.asar. */
  readFile?: (file: string) => Promise<Uint8Array>;
}

/**
 * Maps a request URL to a file under `rootDir`, or undefined when it must not be served:
 * another host, an undecodable path, a NUL byte, or anything resolving outside the root
 * (`..`, encoded slashes, absolute paths).
 */
export function resolveAppPath(url: string, rootDir: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== origin.protocol || parsed.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${pathname.replace(/\\/g, '/')}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/** The `protocol.handle('app', …)` handler: files from `rootDir` with the CSP; everything else 404. */
export function createAppRequestHandler(
  options: AppRequestHandlerOptions,
): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((file: string) => fs.readFile(file));
  const headers = (type: string): Record<string, string> => ({
    'content-type': type,
    'content-security-policy': options.csp,
    'x-content-type-options': 'nosniff',
    // Files change with every build; the page is local, so revalidating costs nothing.
    'cache-control': 'no-cache',
  });
  const notFound = (): Response =>
    new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });

  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', {
        status: 405,
        headers: headers('text/plain; charset=utf-8'),
      });
    }
    const file = resolveAppPath(request.url, options.rootDir);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      // Missing files and folders alike: the page asks only for what the build produced.
      return notFound();
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: headers(type) });
  };
}
