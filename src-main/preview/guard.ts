/**
 * The preview's lock. Each launch makes a random host name (`k<16 hex>.localhost`, which browsers
 * resolve to this machine themselves) and a random token, both printed once in the URL to open.
 * Cookies are not kept apart by port, and every port of 127.0.0.1 is the same site: a cookie for
 * 127.0.0.1 would go to any other local web server the browser visits. A host-only cookie for the
 * unguessable host goes nowhere else, and only that host is served. The
 * first page load with it sets an HttpOnly, SameSite=Strict cookie and redirects to the clean
 * URL. Every API call then needs that cookie and this origin's `Origin` header, the event
 * stream the cookie (and no other origin), and the page shell the cookie. The built scripts and
 * styles are served to anyone: they are the same public build output for everyone, with no data
 * and no token in them. Every response forbids framing.
 */
import crypto from 'node:crypto';
import type http from 'node:http';

export const PREVIEW_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

/** What the user is told wherever the preview refuses for want of the link. */
export const OPEN_PRINTED_URL =
  'Open the URL that "npm run preview" printed in its terminal (it carries this run\'s token).';

export const REFUSALS = {
  shell: `This Keel preview is locked. ${OPEN_PRINTED_URL}`,
  badToken: `That link is not for this run of the Keel preview. ${OPEN_PRINTED_URL}`,
  noCookie: `This tab is not signed in to the Keel preview. ${OPEN_PRINTED_URL}`,
  origin: 'Only the Keel preview page itself may call the preview.',
  host: 'Unknown host.',
  // Never names this run's host: anyone on the machine can ask 127.0.0.1.
  loopback: `This Keel preview answers only at the address in the link "npm run preview" printed (http://k….localhost:…/?token=…); open that link. If your browser cannot open it (Safari), start the preview with --plain-host.`,
  badPath: 'That address is not a valid path.',
} as const;

export interface Lock {
  token: string;
  /** `keel-preview-<port>`, so that two previews on the plain host do not clash. */
  cookieName: string;
  /** The one `Host` served, e.g. `k0123456789abcdef.localhost:5174` (or `127.0.0.1:5174`). */
  authority: string;
  /** The one origin the page has: `http://<authority>`. */
  origin: string;
  port: number;
}

/** 32 random bytes, base64url: what the printed URL carries. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** A new name for this run: 64 random bits under `.localhost` (RFC 6761: always loopback). */
export function newHostName(): string {
  return `k${crypto.randomBytes(8).toString('hex')}.localhost`;
}

export function lockFor(token: string, port: number, hostName: string): Lock {
  const authority = `${hostName}:${port}`;
  return { token, cookieName: `keel-preview-${port}`, authority, origin: `http://${authority}`, port };
}

/** Whether `given` is the token, in time that does not depend on where they differ. */
export function isToken(lock: Lock, given: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(lock.token, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Whose name the request used: this run's host (`ours`), another loopback name for this port
 * (`loopback`: told to open the printed link, given nothing else), or any other (`foreign`: DNS
 * rebinding or a stray request, refused).
 */
export function hostKind(lock: Lock, req: http.IncomingMessage): 'ours' | 'loopback' | 'foreign' {
  const host = (req.headers.host ?? '').toLowerCase();
  if (host === lock.authority) return 'ours';
  const names = ['127.0.0.1', 'localhost', '[::1]'].map((n) => `${n}:${lock.port}`);
  return names.includes(host) ? 'loopback' : 'foreign';
}

/** Whether the request carries this run's cookie. */
export function hasCookie(lock: Lock, req: http.IncomingMessage): boolean {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === lock.cookieName && isToken(lock, part.slice(eq + 1).trim()))
      return true;
  }
  return false;
}

export function sessionCookie(lock: Lock): string {
  // No `Domain`: host-only, sent to this run's host and no other. No `Secure`: plain http on loopback.
  return `${lock.cookieName}=${lock.token}; HttpOnly; SameSite=Strict; Path=/`;
}

function originIsOurs(lock: Lock, req: http.IncomingMessage): boolean {
  const from = req.headers.origin;
  return from === lock.origin;
}

/** Chromium and Firefox say where a request comes from; only this origin (or a typed URL) may. */
function fetchSiteOk(req: http.IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Why an API call (`/__keel/ipc`, `/__keel/test/*`) is refused, or undefined if it is not. */
export function apiRefusal(lock: Lock, req: http.IncomingMessage): Refusal | undefined {
  if (!hasCookie(lock, req)) return { status: 401, message: REFUSALS.noCookie };
  if (!originIsOurs(lock, req) || !fetchSiteOk(req)) return { status: 403, message: REFUSALS.origin };
  return undefined;
}

/** Why the event stream is refused: a same-origin EventSource sends no `Origin`, another does. */
export function streamRefusal(lock: Lock, req: http.IncomingMessage): Refusal | undefined {
  if (!hasCookie(lock, req)) return { status: 401, message: REFUSALS.noCookie };
  if ((req.headers.origin !== undefined && !originIsOurs(lock, req)) || !fetchSiteOk(req))
    return { status: 403, message: REFUSALS.origin };
  return undefined;
}

export interface Refusal {
  status: 400 | 401 | 403 | 421;
  message: string;
}

/** Set on every response before anything else: no framing, no sniffing, no caching, no referrer. */
export function setSafetyHeaders(res: http.ServerResponse): void {
  res.setHeader('content-security-policy', PREVIEW_CSP);
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
}

/** A refusal: the status and one plain sentence, nothing else. */
export function refuse(res: http.ServerResponse, refusal: Refusal): void {
  res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${refusal.message}\n`);
}
