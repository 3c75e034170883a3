/**
 * Runs the bundled composition root (dist/main/main.cjs) under plain Node with a stand-in for
 * the 'electron' module (support/fake-electron.mjs), so main.ts's wiring is exercised here,
 * where Electron's binary cannot be installed: what it registers before ready, the window it
 * opens, the IPC it answers, the tray it builds, how it quits and how it fails to start.
 * The real thing is covered by test/electron/smoke.test.ts wherever Electron exists.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src-main/core/clock';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/csp';
import { CHANNELS } from '../../src-main/ipc/contract';
import { trayIconPaths } from '../../src-main/platform/electron-tray';
import { KEPT_RUNNING } from '../../src-main/platform/uncaught-errors';
import { createServices } from '../../src-main/services';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/main/main.cjs');
const FAKE_ELECTRON = path.join(__dirname, 'support/fake-electron.mjs');

interface Message {
  type: string;
  id?: number;
  result?: unknown;
  error?: string;
  code?: number;
  title?: string;
  content?: string;
}

interface Snapshot {
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  schemesBeforeReady: boolean;
  userData: string;
  protocols: string[];
  ipcChannels: string[];
  applicationMenu: unknown;
  window: {
    url: string;
    visible: boolean;
    options: { title: string; webPreferences: Record<string, unknown> };
  };
  windowCount: number;
  notifications: { title: string; body: string }[];
  tray: { image: string; tooltip: string; labels: string[]; destroyed: boolean };
  navigationPrevented: boolean;
  windowOpen: unknown;
  permissionGranted: boolean;
  permissionCheck: boolean;
  spellChecker: { enabled: boolean; languages: string[]; downloadUrl: string };
  requests: Record<string, boolean>;
  smoke: { trayCreated: boolean; dataDir: string };
}

/** main.cjs in a child process, driven through the fake Electron's command channel. */
class Harness {
  private readonly messages: Message[] = [];
  private readonly waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  private nextId = 1;
  readonly exited: Promise<number | null>;
  output = '';

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: Message) => {
      const waiter = this.waiters.find((w) => w.match(message));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      } else this.messages.push(message);
    });
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(dataDir: string, args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Harness {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FAKE_ELECTRON_APP_ROOT: ROOT,
      KEEL_DATA_DIR: dataDir,
      KEEL_SMOKE: '1',
      // Autostart entries go to a temporary folder, never the real ~/.config/autostart.
      XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config'),
      ...extraEnv,
    };
    // Under Node the database opens with node_modules' own build.
    delete env.KEEL_NATIVE_BINDING;
    delete env.APPIMAGE;
    const child = fork(MAIN, args, {
      execArgv: ['--import', pathToFileURL(FAKE_ELECTRON).href],
      env,
      stdio: 'pipe',
    });
    const harness = new Harness(child);
    running.push(harness);
    return harness;
  }

  waitFor(type: string, timeoutMs = 10_000): Promise<Message> {
    const index = this.messages.findIndex((m) => m.type === type);
    if (index >= 0) return Promise.resolve(this.messages.splice(index, 1)[0] as Message);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${type}" from main within ${timeoutMs} ms; output:\n${this.output}`)),
        timeoutMs,
      );
      this.waiters.push({
        match: (m) => m.type === type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  async command<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<Message>((resolve) =>
      this.waiters.push({ match: (m) => m.type === 'reply' && m.id === id, resolve }),
    );
    this.child.send({ id, command, args });
    const gone = this.exited.then((code) => {
      throw new Error(`main exited (${code}) before answering ${command}`);
    });
    const message = await Promise.race([reply, gone]);
    if (message.error) throw new Error(message.error);
    return message.result as T;
  }
}

const running: Harness[] = [];
afterEach(() => {
  for (const harness of running.splice(0)) if (harness.child.exitCode === null) harness.child.kill();
});

beforeAll(() => {
  // `npm test` builds before vitest; build here only when run on its own.
  if (!fs.existsSync(MAIN)) execFileSync(process.execPath, ['scripts/build.mjs', 'main'], { cwd: ROOT });
}, 60_000);

describe('dist/main/main.cjs on a stand-in Electron', () => {
  it('sets up the scheme, data folder, window, IPC, tray and security', async () => {
    const dataDir = tempDir();
    const main = Harness.start(dataDir);
    await main.waitFor('ready');
    const s = await main.command<Snapshot>('snapshot');

    expect(s.schemesBeforeReady).toBe(true);
    expect(s.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(s.userData).toBe(dataDir);
    expect(s.protocols).toEqual(['app']);
    expect(s.ipcChannels.sort()).toEqual([...CHANNELS].sort());

    expect(s.windowCount).toBe(1);
    // The OS's languages and regional clock ride in the URL (shared/i18n/locale-url.ts).
    expect(s.window.url).toBe('app://keel/index.html?locale=de&format=de-DE&hourCycle=h12');
    expect(s.window.visible).toBe(true);
    expect(s.window.options.title).toBe('Keel');
    expect(s.window.options.webPreferences).toMatchObject({
      preload: path.join(ROOT, 'dist/preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });

    const icons = Object.values(trayIconPaths(path.join(ROOT, 'assets'), process.platform));
    expect(icons).toContain(s.tray.image);
    expect(fs.existsSync(s.tray.image)).toBe(true);
    expect(s.tray.tooltip).toMatch(/^Keel/);
    // The stand-in is a German desktop (fake-electron.mjs): the tray speaks German (#20).
    expect(s.tray.labels).toEqual(expect.arrayContaining(['Keel öffnen', 'Keel beenden']));
    expect(s.smoke).toMatchObject({ trayCreated: true, dataDir });

    expect(s.navigationPrevented).toBe(true);
    expect(s.windowOpen).toEqual({ action: 'deny' });
    expect(s.permissionGranted).toBe(false);
    expect(s.permissionCheck).toBe(false);
    expect(s.window.options.webPreferences.spellcheck).toBe(false);
    expect(s.spellChecker.enabled).toBe(false);
    expect(s.requests).toEqual({
      'app://keel/index.html': true,
      'https://example.com/': false,
      'file:///etc/passwd': false,
    });
  });

  it('answers IPC from its own page only', async () => {
    const main = Harness.start(tempDir());
    await main.waitFor('ready');
    const own = await main.command('invoke', {
      channel: 'app:status',
      payload: {},
      url: 'app://keel/index.html',
      mainFrame: true,
    });
    expect(own).toMatchObject({ ok: true, value: { app: { name: 'Keel' } } });
    const foreign = await main.command('invoke', {
      channel: 'app:status',
      payload: {},
      url: 'https://example.com/',
      mainFrame: true,
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('serves app:// with the CSP and keeps requests inside dist/renderer', async () => {
    const main = Harness.start(tempDir());
    await main.waitFor('ready');
    const outside = await main.command<{ status: number; csp: string }>('fetch', {
      url: 'app://keel/..%2f..%2fpackage.json',
    });
    expect(outside).toMatchObject({ status: 404, csp: CONTENT_SECURITY_POLICY });
  });

  it('hides the window on close, and quits from the tray with the database closed', async () => {
    const dataDir = tempDir();
    const main = Harness.start(dataDir);
    await main.waitFor('ready');
    expect(await main.command('closeWindow')).toEqual({ closed: false, visible: false });

    // Quitting first restores do-not-disturb (async), so main may answer before it exits.
    await main.command('selectTray', { id: 'quit' }).catch((error: Error) => {
      expect(error.message).toMatch(/main exited \(0\)/);
    });
    expect(await main.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'keel.db'))).toBe(true);
    // SQLite removes the WAL file when the last connection closes cleanly.
    expect(fs.existsSync(path.join(dataDir, 'keel.db-wal'))).toBe(false);
  });

  it('starts in the tray with --hidden, and a second launch shows the window', async () => {
    const main = Harness.start(tempDir(), ['--hidden']);
    await main.waitFor('ready');
    const s = await main.command<Snapshot>('snapshot');
    expect(s.windowCount).toBe(1);
    expect(s.window.visible).toBe(false);
    expect(await main.command('secondInstance')).toEqual({ windowCount: 1, visible: true });
  });

  it('writes and removes the XDG autostart entry when the setting changes', async () => {
    if (process.platform !== 'linux') return;
    const dataDir = tempDir();
    const entry = path.join(dataDir, 'xdg-config', 'autostart', 'keel.desktop');
    const main = Harness.start(dataDir);
    await main.waitFor('ready');
    const own = { url: 'app://keel/index.html', mainFrame: true };
    await main.command('invoke', {
      channel: 'settings:set',
      payload: { key: 'autostart', value: true },
      ...own,
    });
    await vi.waitFor(() => expect(fs.existsSync(entry)).toBe(true), { timeout: 5000 });
    // Not packaged: Electron (here Node) with the app folder, hidden.
    expect(fs.readFileSync(entry, 'utf8')).toContain(`\nExec=${process.execPath} ${ROOT} --hidden\n`);
    await main.command('invoke', {
      channel: 'settings:set',
      payload: { key: 'autostart', value: false },
      ...own,
    });
    await vi.waitFor(() => expect(fs.existsSync(entry)).toBe(false), { timeout: 5000 });
  });

  it('takes up what the keel CLI writes to its database, without a restart', async () => {
    const dataDir = tempDir();
    // No planned blocks, so the block the CLI starts is the only one at any time of day (the
    // default plan runs 09:00–11:00 and 14:00–16:00, when starting another would be refused).
    const before = createServices({ dataDir, clock: systemClock, version: '0.0.0-test' });
    try {
      before.settings.set('focusPlan', []);
    } finally {
      before.close();
    }
    const main = Harness.start(dataDir);
    await main.waitFor('ready');
    const own = { url: 'app://keel/index.html', mainFrame: true };
    expect(await main.command('invoke', { channel: 'settings:get', payload: {}, ...own })).toMatchObject({
      value: { theme: 'system' },
    });

    const cli = createServices({ dataDir, clock: systemClock, version: '0.0.0-test' });
    try {
      cli.settings.set('theme', 'dark');
      cli.focus.startAdhoc({ minutes: 50 });
    } finally {
      cli.close();
    }
    await vi.waitFor(
      async () => {
        expect(await main.command('invoke', { channel: 'settings:get', payload: {}, ...own })).toMatchObject({
          value: { theme: 'dark' },
        });
        expect((await main.command<Snapshot>('snapshot')).tray.tooltip).toMatch(
          /^Keel – Fokus bis \d{1,2}:\d\d [AP]M$/,
        );
      },
      { timeout: 5000, interval: 50 },
    );
  });

  it('sets a database from a newer Keel aside, says so in plain words, and keeps running', async () => {
    const dataDir = tempDir();
    const db = new Database(path.join(dataDir, 'keel.db'));
    db.pragma('user_version = 9999');
    db.close();

    const main = Harness.start(dataDir);
    await main.waitFor('ready');
    const snap = await main.command<Snapshot>('snapshot');
    const moved = fs.readdirSync(path.join(dataDir, 'set-aside'));
    expect(moved).toHaveLength(1);
    // In the German desktop's language, as every notification (#20).
    expect(snap.notifications[0]?.title).toBe('Keel hat neu begonnen');
    // What happened, worded from the facts in the same language (not main's English).
    expect(snap.notifications[0]?.body).toContain('von einer neueren Keel-Version geschrieben');
    expect(snap.notifications[0]?.body).not.toContain('written by a newer version of Keel');
    expect(snap.notifications[0]?.body).toContain(path.join(dataDir, 'set-aside', moved[0] ?? ''));
    expect(snap.tray.destroyed).toBe(false);
    const own = { url: 'app://keel/index.html', mainFrame: true };
    expect(await main.command('invoke', { channel: 'data:overview', payload: {}, ...own })).toMatchObject({
      value: { recovery: { reason: 'newer' } },
    });
    // The log in the data folder records what happened, without the message's details.
    const logged = fs.readFileSync(path.join(dataDir, 'logs', 'keel.log'), 'utf8');
    expect(logged).toContain('the data file could not be used; it was set aside');
    expect(logged).not.toContain(dataDir);
  });

  it('logs an uncaught error without its message, says one sentence, and keeps running', async () => {
    const dataDir = tempDir();
    const main = Harness.start(dataDir);
    await main.waitFor('ready');
    const note = 'PRIVATE-NOTE-9d41 about my manager';
    await main.command('throwUncaught', { message: note });
    await main.command('throwUncaught', { message: note });
    const logFile = path.join(dataDir, 'logs', 'keel.log');
    await vi.waitFor(
      () =>
        expect(
          fs.readFileSync(logFile, 'utf8').match(/an unexpected problem in the main process/g),
        ).toHaveLength(4),
      { timeout: 5000, interval: 50 },
    );
    const snap = await main.command<Snapshot>('snapshot');
    expect(snap.notifications.filter((n) => n.body === KEPT_RUNNING)).toEqual([
      { title: 'Keel', body: KEPT_RUNNING },
    ]);
    expect(snap.tray.destroyed).toBe(false);
    expect(fs.readFileSync(logFile, 'utf8')).not.toContain('PRIVATE-NOTE');
  });

  it('shows one sentence and exits when the data folder cannot be used at all', async () => {
    const parent = tempDir();
    const blocked = path.join(parent, 'file-not-folder');
    fs.writeFileSync(blocked, 'x');
    const main = Harness.start(path.join(blocked, 'Keel'));
    const box = await main.waitFor('errorBox');
    expect(box.title).toBe('Keel cannot start');
    expect(box.content).toMatch(/^Keel cannot create its data folder /);
    expect(box.content).not.toMatch(/\n\s+at /);
    expect(await main.exited).toBe(1);
  });
});
