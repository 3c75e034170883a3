import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loopbackFetch } from './loopback-fetch';

export const ROOT = path.resolve(__dirname, '../..');
export const BUILT_PREVIEW = path.join(ROOT, 'dist/preview/server.cjs');

/**
 * The line the preview prints once at start: the URL to open, on this run's host (127.0.0.1 with
 * `--plain-host`), with this run's token.
 */
export const OPEN_LINE =
  /Keel preview: open (http:\/\/(?:k[0-9a-f]{16}\.localhost|127\.0\.0\.1):\d+)\/\?token=([A-Za-z0-9_-]{43}) in your browser\./;

export interface RunningPreview {
  /** The clean origin (what the page's address bar shows after the redirect). */
  url: string;
  /** The printed URL with the token: what a browser opens. */
  openUrl: string;
  token: string;
  /** What the page's own API calls carry: this run's cookie and the page's origin. */
  headers: { cookie: string; origin: string };
  /** Everything the preview printed on stdout so far. */
  stdout(): string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the built preview (`dist/preview/server.cjs`, what `npm run preview` runs) on a free
 * port, reads the URL it prints, and signs in with it as a browser does (the token URL sets the
 * cookie). `command` wraps the launch, e.g. `['sh', '-c', 'umask 022; exec "$0" "$@"']`.
 */
export async function startBuiltPreview(
  dataDir: string,
  testClock: string | undefined,
  options: { zone?: string; command?: string[]; args?: string[] } = {},
): Promise<RunningPreview> {
  if (!fs.existsSync(BUILT_PREVIEW))
    throw new Error('dist/preview/server.cjs is missing: run "npm run build" first.');
  const args = [BUILT_PREVIEW, '--port', '0', '--data-dir', dataDir];
  if (testClock !== undefined) args.push('--test-clock', testClock);
  args.push(...(options.args ?? []));
  const [program, ...pre] = [...(options.command ?? []), process.execPath];
  const child = spawn(program ?? process.execPath, [...pre, ...args], {
    // A British English desktop, as the e2e browser (notifications and the tray follow LANG).
    env: { ...process.env, TZ: options.zone ?? 'Europe/Berlin', LANG: 'en_GB.UTF-8', LC_ALL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const [url, token] = await new Promise<[string, string]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = OPEN_LINE.exec(out);
      if (m?.[1] && m[2]) {
        clearTimeout(timer);
        resolve([m[1], m[2]]);
      }
    });
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${stderr}`)));
  });
  const openUrl = `${url}/?token=${token}`;
  const signIn = await loopbackFetch(openUrl);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (signIn.status !== 303 || !cookie) throw new Error(`the printed URL did not sign in (${signIn.status})`);
  return {
    url,
    openUrl,
    token,
    headers: { cookie, origin: url },
    stdout: () => out,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
