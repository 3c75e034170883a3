/**
 * `npm run preview`: serves the built renderer on 127.0.0.1 with `window.keel` backed by the
 * real services, handler table and a real SQLite file, and the desktop replaced by recording
 * fakes. This is how the UI runs in a browser, and how it is tested where Electron cannot run.
 *
 * Locked (guard.ts): it prints a URL with a per-run host name (`k<hex>.localhost`) and token, and
 * only a browser that opened it can use the API, the event stream or the page. `--plain-host`
 * serves 127.0.0.1 instead, for browsers that do not resolve `*.localhost` (Safari).
 *
 * With `--test-clock` the clock stands still until moved through /__keel/test/* endpoints,
 * and those endpoints also expose what the fakes recorded. Never enabled by default.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KeelError, toErrorPayload } from '../core/errors';
import { type KeelApp } from '../app/create-keel-app';
import { dispatch } from '../ipc/dispatch';
import type {
  FakePower,
  RecordingAutostart,
  RecordingNotifier,
  RecordingShell,
  RecordingTray,
} from '../platform/recording';
import type { Services } from '../services';
import {
  REFUSALS,
  apiRefusal,
  hasCookie,
  hostKind,
  isToken,
  lockFor,
  newHostName,
  newToken,
  refuse,
  sessionCookie,
  setSafetyHeaders,
  streamRefusal,
  type Lock,
} from './guard';
import { ownerOnly } from '../platform/owner-only';
import { previewDesk, recorded, testAction, type Desk } from './desk';

export { PREVIEW_CSP } from './guard';

const MAX_BODY_BYTES = 1024 * 1024;
/** The most calls one batched request may carry (the window's first reads are five). */
const MAX_BATCH = 16;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export interface PreviewOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  bridgeFile: string;
  /** Start a hand-driven clock at this instant and enable the test endpoints. */
  testClockStart?: number;
  /** Serve http://127.0.0.1:<port> instead of a random `*.localhost` host (weaker: see README). */
  plainHost?: boolean;
}

export interface Preview {
  /** The clean origin, e.g. http://k0123456789abcdef.localhost:5174 (locked: see guard.ts). */
  url: string;
  /** This run's token, and the URL carrying it that unlocks the preview in a browser. */
  token: string;
  openUrl: string;
  services: Services;
  app: KeelApp;
  tray: RecordingTray;
  notifier: RecordingNotifier;
  power: FakePower;
  shell: RecordingShell;
  autostart: RecordingAutostart;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const desk = previewDesk(options);
  const { app, streams } = desk;
  app.start();
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  // The lock needs the port (0 picks one); no request is read before this line runs.
  const token = newToken();
  const lock = lockFor(token, port, options.plainHost ? '127.0.0.1' : newHostName());
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    setSafetyHeaders(res);
    void handle(desk, options, lock, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      send(res, error instanceof KeelError ? 400 : 500, { ok: false, error: toErrorPayload(error) });
    });
  });
  return {
    url: lock.origin,
    token,
    openUrl: `${lock.origin}/?token=${token}`,
    services: app.services,
    app,
    tray: desk.tray,
    notifier: desk.notifier,
    power: desk.power,
    shell: desk.shell,
    autostart: desk.autostart,
    close: async () => {
      app.stop();
      for (const res of streams) res.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Ended event streams linger as keep-alive connections; do not wait for the browser to drop them.
      server.closeAllConnections();
      await closed;
      app.services.close();
    },
  };
}

async function handle(
  desk: Desk,
  options: PreviewOptions,
  lock: Lock,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  // Only this run's name for the server: not another local page's 127.0.0.1, not DNS rebinding.
  const kind = hostKind(lock, req);
  if (kind === 'loopback') return refuse(res, { status: 421, message: REFUSALS.loopback });
  if (kind === 'foreign') return refuse(res, { status: 403, message: REFUSALS.host });
  const target = parseTarget(lock, req);
  if (!target) return refuse(res, { status: 400, message: REFUSALS.badPath });
  const { url, pathname } = target;
  const api = url.pathname.startsWith('/__keel/') && url.pathname !== '/__keel/bridge.js';
  if (api) return handleApi(desk, lock, url, req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false });
  if (url.pathname === '/' || url.pathname === '/index.html') {
    desk.page.language = url.searchParams.get('locale');
    return handleShell(options, lock, url, req, res);
  }
  // The built scripts, styles and the bridge: public build output, no data (see guard.ts).
  if (url.pathname === '/__keel/bridge.js') return sendFile(res, options.bridgeFile);
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
  const file = path.resolve(options.rendererDir, `.${pathname}`);
  if (!file.startsWith(path.resolve(options.rendererDir) + path.sep)) return send(res, 404, { ok: false });
  return sendFile(res, file);
}

/** The request's URL and its decoded path, or undefined if either is malformed (`/%E0%A4%A`). */
function parseTarget(lock: Lock, req: http.IncomingMessage): { url: URL; pathname: string } | undefined {
  try {
    const url = new URL(req.url ?? '/', lock.origin);
    return { url, pathname: decodeURIComponent(url.pathname) };
  } catch {
    return undefined;
  }
}

/** The page: opened once with the token (then a cookie and the clean URL), else the cookie. */
function handleShell(
  options: PreviewOptions,
  lock: Lock,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  const given = url.searchParams.get('token');
  if (given !== null) {
    if (!isToken(lock, given)) return refuse(res, { status: 403, message: REFUSALS.badToken });
    res.writeHead(303, { location: url.pathname, 'set-cookie': sessionCookie(lock) });
    return void res.end();
  }
  if (!hasCookie(lock, req)) return refuse(res, { status: 401, message: REFUSALS.shell });
  res.writeHead(200, headers('text/html; charset=utf-8'));
  res.end(indexHtml(options.rendererDir));
}

/** `/__keel/events`, `/__keel/ipc` and the test endpoints: nothing runs before the lock opens. */
async function handleApi(
  desk: Desk,
  lock: Lock,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  if (url.pathname === '/__keel/events') {
    const refusal = streamRefusal(lock, req);
    if (refusal) return refuse(res, refusal);
    if (req.method !== 'GET') return send(res, 405, { ok: false });
    res.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
    res.write(': connected\n\n');
    desk.streams.add(res);
    req.on('close', () => desk.streams.delete(res));
    return;
  }
  const refusal = apiRefusal(lock, req);
  if (refusal) return refuse(res, refusal);
  if (req.method === 'POST') return handlePost(desk, url, req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false });
  if (url.pathname === '/__keel/test/recorded' && desk.manual) return send(res, 200, recorded(desk));
  return send(res, 404, { ok: false, error: { code: 'not_found', message: 'No such endpoint.' } });
}

async function handlePost(
  desk: Desk,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return send(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Send JSON.' } });
  }
  const body = await readJson(req);
  if (url.pathname === '/__keel/ipc') {
    // Several calls the window made at once (its first reads) come as one request: each is
    // answered in order, as if it had come alone (bridge.ts).
    const calls = (body as { calls?: unknown } | null)?.calls;
    if (calls !== undefined) {
      if (!Array.isArray(calls) || calls.length === 0 || calls.length > MAX_BATCH) {
        return send(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: `Send from 1 to ${MAX_BATCH} calls at once.` },
        });
      }
      const answers: unknown[] = [];
      for (const call of calls as unknown[]) answers.push(await answerCall(desk, call));
      return send(res, 200, { batch: answers });
    }
    return send(res, 200, await answerCall(desk, body));
  }
  if (desk.manual) return send(res, 200, testAction(desk, desk.manual, url.pathname, body));
  return send(res, 404, { ok: false, error: { code: 'not_found', message: 'No such endpoint.' } });
}

/** One IPC call through the real handler table, with what it copied beside its answer. */
async function answerCall(desk: Desk, call: unknown): Promise<unknown> {
  const { channel, input } = (call ?? {}) as { channel?: unknown; input?: unknown };
  const copied = desk.shell.copied.length;
  const copiedRich = desk.shell.copiedRich.length;
  const result = await dispatch(desk.app.handlers, channel, input, (e) => console.error('[keel preview]', e));
  // The preview's clipboard is the browser's: what a call copied goes back beside its answer,
  // and the bridge writes it with the Clipboard API (bridge.ts).
  const clipboard = desk.shell.copiedRich.at(-1) ?? { text: desk.shell.copied.at(-1) ?? '' };
  const didCopy = desk.shell.copied.length > copied || desk.shell.copiedRich.length > copiedRich;
  return didCopy ? { ...result, clipboard } : result;
}

function indexHtml(rendererDir: string): string {
  return (
    fs
      .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
      // The app's own CSP, but the bridge must reach this server (the Electron app keeps 'none').
      .replace("connect-src 'none'", "connect-src 'self'")
      .replace('<head>', '<head>\n    <script src="/__keel/bridge.js"></script>')
  );
}

/** The content type; the safety headers are already set on every response (guard.ts). */
function headers(type: string): http.OutgoingHttpHeaders {
  return { 'content-type': type };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, headers('application/json'));
  res.end(JSON.stringify(body));
}

function sendFile(res: http.ServerResponse, file: string): void {
  fs.readFile(file, (error, data) => {
    if (error) return send(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found.' } });
    res.writeHead(200, headers(TYPES[path.extname(file)] ?? 'application/octet-stream'));
    res.end(data);
  });
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new KeelError('invalid_input', 'That request is too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new KeelError('invalid_input', 'The request body is not valid JSON.');
  }
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.KEEL_PREVIEW_PORT ?? '5174' },
      'data-dir': { type: 'string' },
      'test-clock': { type: 'string' },
      'plain-host': { type: 'boolean', default: false },
    },
  });
  const root = path.resolve(__dirname, '..');
  // Owner-only like the app's: umask 077 (set again here) and an older folder's modes repaired.
  const dataDir = ownerOnly(
    path.resolve(
      values['data-dir'] ?? process.env.KEEL_DATA_DIR ?? path.join(process.cwd(), '.preview-data'),
    ),
  );
  let testClockStart: number | undefined;
  if (values['test-clock'] !== undefined) {
    testClockStart = values['test-clock'] === 'now' ? Date.now() : Date.parse(values['test-clock']);
    if (Number.isNaN(testClockStart))
      throw new KeelError('invalid_input', '--test-clock takes "now" or an ISO date-time.');
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new KeelError('invalid_input', '--port takes a port number.');
  const rendererDir = path.join(root, 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new KeelError('invalid_input', 'The renderer is not built; run "npm run build" first.');
  }
  const preview = await startPreview({
    port,
    dataDir,
    rendererDir,
    bridgeFile: path.join(__dirname, 'bridge.js'),
    testClockStart,
    plainHost: values['plain-host'],
  });
  // The token is printed here once, and nowhere else; the page drops it from the address bar.
  console.log(`Keel preview: open ${preview.openUrl} in your browser.`);
  console.log(
    `  The link unlocks this run only; keep it to yourself. Data: ${dataDir}${testClockStart !== undefined ? ' (test clock on)' : ''}`,
  );
  if (values['plain-host'])
    console.log(
      "  --plain-host: any other web page you open on 127.0.0.1 or localhost is sent this run's cookie and can then use your data; stop the preview when done.",
    );
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  // Before anything is created: the data folder and every file in it are the user's alone.
  process.umask(0o077);
  cli().catch((error: unknown) => {
    const message =
      error instanceof KeelError ? error.message : error instanceof Error ? error.message : String(error);
    console.error(`keel preview: ${message}`);
    process.exit(1);
  });
}
