/**
 * `npm run preview`: serves the built renderer on 127.0.0.1 with `window.keel` backed by the
 * real services, handler table and a real SQLite file, and the desktop replaced by recording
 * fakes. This is how the UI runs in a browser, and how it is tested where Electron cannot run.
 *
 * With `--test-clock` the clock stands still until moved through /__keel/test/* endpoints,
 * and those endpoints also expose what the fakes recorded. Never enabled by default.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ManualClock, systemClock, type Clock, type Timers } from '../core/clock';
import { KeelError, toErrorPayload } from '../core/errors';
import type { StateEvent } from '../shared/state';
import { createKeelApp, type KeelApp } from '../app/create-keel-app';
import { dispatch } from '../ipc/dispatch';
import { watchDatabaseFiles } from '../platform/database-watch';
import { databasePath } from '../storage/paths';
import { nodeFileWatch } from '../platform/file-watch';
import { WorkerCalendarParser } from '../platform/calendar-parser';
import { systemTimers } from '../core/clock';
import {
  FakePower,
  RecordingAutostart,
  RecordingDndController,
  RecordingNotifier,
  RecordingShell,
  RecordingTray,
} from '../platform/recording';
import type { PowerEvent, TrayCommand } from '../services/ports';
import type { Services } from '../services';
import { version } from '../version';

export const PREVIEW_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

const MAX_BODY_BYTES = 1024 * 1024;
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
}

export interface Preview {
  url: string;
  services: Services;
  app: KeelApp;
  tray: RecordingTray;
  notifier: RecordingNotifier;
  power: FakePower;
  shell: RecordingShell;
  autostart: RecordingAutostart;
  close(): Promise<void>;
}

/** The app on recording adapters, and the event streams its pushes go to. */
function previewDesk(options: PreviewOptions) {
  const manual = options.testClockStart !== undefined ? new ManualClock(options.testClockStart) : undefined;
  const clock: Clock = manual ?? systemClock;
  const timers: Timers = manual ?? systemTimers;
  const streams = new Set<http.ServerResponse>();
  const push = (event: StateEvent) => {
    for (const res of streams) res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  const desk = {
    manual,
    clock,
    streams,
    push,
    dnd: new RecordingDndController(),
    tray: new RecordingTray(),
    notifier: new RecordingNotifier(() => clock.now()),
    power: new FakePower(),
    shell: new RecordingShell(path.join(options.dataDir, 'exports')),
    // Start at login is recorded, never applied to this machine.
    autostart: new RecordingAutostart(),
  };
  const app = createKeelApp({
    data: { dataDir: options.dataDir, version },
    clock,
    timers,
    tray: desk.tray,
    notifier: desk.notifier,
    power: desk.power,
    // Notifications are only recorded here, never on a lock screen: the lock counts as known (open).
    screenLockReported: true,
    shell: desk.shell,
    autostart: desk.autostart,
    dnd: desk.dnd,
    fileWatch: nodeFileWatch,
    calendarParser: new WorkerCalendarParser(),
    // `keel` commands on the same data folder show up in the browser without a reload. Real
    // timers for the debounce: file events are real even when the test clock stands still.
    externalChanges: { trigger: watchDatabaseFiles(databasePath(options.dataDir)), timers: systemTimers },
    push,
    onProblem: (what, error) => console.error('[keel preview]', what, error),
  });
  return { ...desk, app };
}

type Desk = ReturnType<typeof previewDesk>;

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const desk = previewDesk(options);
  const { app, streams } = desk;
  app.start();
  let origin = '';
  const server = http.createServer((req, res) => {
    void handle(desk, options, origin, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      send(res, error instanceof KeelError ? 400 : 500, { ok: false, error: toErrorPayload(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
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
      await new Promise<void>((resolve) => server.close(() => resolve()));
      app.services.close();
    },
  };
}

async function handle(
  desk: Desk,
  options: PreviewOptions,
  origin: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  // Only this machine, and only pages of this origin (no DNS rebinding, no cross-site posts).
  const host = req.headers.host ?? '';
  if (
    origin &&
    host !== new URL(origin).host &&
    host !== new URL(origin).host.replace('127.0.0.1', 'localhost')
  ) {
    return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'Unknown host.' } });
  }
  const url = new URL(req.url ?? '/', origin);
  if (req.method === 'POST') return handlePost(desk, origin, url, req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false });

  if (url.pathname === '/__keel/events') {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    desk.streams.add(res);
    req.on('close', () => desk.streams.delete(res));
    return;
  }
  if (url.pathname === '/__keel/bridge.js') return sendFile(res, options.bridgeFile);
  if (url.pathname === '/__keel/test/recorded' && desk.manual) return send(res, 200, recorded(desk));
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
  if (url.pathname === '/' || url.pathname === '/index.html') {
    res.writeHead(200, headers('text/html; charset=utf-8'));
    return void res.end(indexHtml(options.rendererDir));
  }
  const file = path.resolve(options.rendererDir, `.${decodeURIComponent(url.pathname)}`);
  if (!file.startsWith(path.resolve(options.rendererDir) + path.sep)) return send(res, 404, { ok: false });
  return sendFile(res, file);
}

async function handlePost(
  desk: Desk,
  origin: string,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const from = req.headers.origin;
  if (from !== undefined && from !== origin && from !== origin.replace('127.0.0.1', 'localhost')) {
    return send(res, 403, {
      ok: false,
      error: { code: 'forbidden', message: 'Calls from other sites are refused.' },
    });
  }
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return send(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Send JSON.' } });
  }
  const body = await readJson(req);
  if (url.pathname === '/__keel/ipc') {
    const { channel, input } = (body ?? {}) as { channel?: unknown; input?: unknown };
    return send(
      res,
      200,
      await dispatch(desk.app.handlers, channel, input, (e) => console.error('[keel preview]', e)),
    );
  }
  if (desk.manual) return send(res, 200, testAction(desk, desk.manual, url.pathname, body));
  return send(res, 404, { ok: false, error: { code: 'not_found', message: 'No such endpoint.' } });
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

/** What the fakes recorded (test clock only). */
function recorded(desk: Desk): unknown {
  const { clock, notifier, tray, shell, dnd, autostart } = desk;
  return {
    now: clock.now(),
    notifications: notifier.shown,
    tray: { state: tray.state, tooltip: tray.tooltip, menu: tray.menu, stateHistory: tray.stateHistory },
    shell: {
      shown: shell.shown,
      quitRequested: shell.quitRequested,
      saved: shell.saved.map((f) => f.path),
    },
    dnd: { on: dnd.on, history: dnd.history },
    autostart: { enabled: autostart.enabled, history: autostart.history },
  };
}

function testAction(desk: Desk, m: ManualClock, pathname: string, body: unknown): unknown {
  const b = (body ?? {}) as Record<string, unknown>;
  const { power, shell, tray, notifier } = desk;
  switch (pathname) {
    case '/__keel/test/clock': {
      // `advanceTo` lets timers fire on the way; `sleepTo` jumps as a suspended machine does.
      if (typeof b.advanceTo === 'string') m.advanceTo(Date.parse(b.advanceTo));
      else if (typeof b.advanceMs === 'number') m.advanceBy(b.advanceMs);
      else if (typeof b.sleepTo === 'string') {
        power.emit('suspend');
        m.jumpTo(Date.parse(b.sleepTo));
        power.emit('resume');
      } else
        return {
          ok: false,
          error: { code: 'invalid_input', message: 'Give advanceTo, advanceMs or sleepTo.' },
        };
      desk.push({ type: 'changed', topics: ['status', 'agenda', 'signoff'] });
      return { ok: true, value: { now: m.now() } };
    }
    case '/__keel/test/choose-file':
      // What the next "open file" dialog returns (null: the user cancels).
      shell.nextChosenFile = typeof b.path === 'string' ? b.path : null;
      return { ok: true, value: null };
    case '/__keel/test/power':
      // `idleSeconds`: what the OS reports as the time since the last input from now on.
      if (typeof b.idleSeconds === 'number') power.idle = b.idleSeconds;
      if (typeof b.event === 'string') power.emit(b.event as PowerEvent);
      return { ok: true, value: null };
    case '/__keel/test/tray':
      // The menu item carrying this command (`{ command: { kind: 'open' } }`); none: an error.
      tray.select(b.command as TrayCommand);
      return { ok: true, value: null };
    case '/__keel/test/notification':
      notifier.act(String(b.id), typeof b.action === 'string' ? b.action : 'click');
      return { ok: true, value: null };
    default:
      return { ok: false, error: { code: 'not_found', message: 'No such test endpoint.' } };
  }
}

function headers(type: string): http.OutgoingHttpHeaders {
  return {
    'content-type': type,
    'content-security-policy': PREVIEW_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
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
    },
  });
  const root = path.resolve(__dirname, '..');
  const dataDir = path.resolve(
    values['data-dir'] ?? process.env.KEEL_DATA_DIR ?? path.join(process.cwd(), '.preview-data'),
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
  });
  console.log(
    `Keel preview: ${preview.url} (data: ${dataDir}${testClockStart !== undefined ? ', test clock on' : ''})`,
  );
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  cli().catch((error: unknown) => {
    const message =
      error instanceof KeelError ? error.message : error instanceof Error ? error.message : String(error);
    console.error(`keel preview: ${message}`);
    process.exit(1);
  });
}
