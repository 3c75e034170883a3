/**
 * Figure 5b's browsers and its floor: which Chromium the first render is read in, and a bare
 * React page measured beside Keel's in each.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A browser the first render is measured in. */
export interface BrowserToMeasure {
  /** Which one, in the figure's `browser` field. */
  label: 'chromium-headless-shell' | 'chromium' | 'KEEL_CHROMIUM';
  path: string;
}

const HEADLESS_SHELL = ['/usr/bin/chromium-headless-shell'];
const FULL_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Where the figure is measured, first the one its target is read against. Chromium's headless
 * shell (Debian's `chromium-headless-shell`) is the page's renderer without a browser around it,
 * as in Electron. Full Chromium, even headless, runs a whole browser beside the page (in one of
 * four traced loads its omnibox WebUI loaded 130 scripts at the same moment), and its renderer spent
 * about 60 % more CPU on the same bare page: a bare React page took 360–441 ms there against 200 ms
 * in the shell (BENCHMARKS.md). It is measured too, as context, when both are installed.
 * KEEL_CHROMIUM picks one browser alone.
 */
export function browsersToMeasure(): BrowserToMeasure[] {
  const first = (paths: readonly string[]) => paths.find((p) => fs.existsSync(p));
  const chosen = process.env.KEEL_CHROMIUM;
  if (chosen) {
    if (!fs.existsSync(chosen)) throw new Error(`KEEL_CHROMIUM is ${chosen}, which does not exist.`);
    return [{ label: 'KEEL_CHROMIUM', path: chosen }];
  }
  const shell = first(HEADLESS_SHELL);
  const full = first(FULL_CHROMIUM);
  const found: BrowserToMeasure[] = [
    ...(shell ? [{ label: 'chromium-headless-shell' as const, path: shell }] : []),
    ...(full ? [{ label: 'chromium' as const, path: full }] : []),
  ];
  if (found.length === 0) {
    throw new Error(
      'No Chromium: install it (apt-get install chromium-headless-shell chromium) or set KEEL_CHROMIUM.',
    );
  }
  return found;
}

/**
 * The floor (bench/floor/main.tsx): React and one `Intl` line, built for production with esbuild
 * and served from a server of its own; the same marks as Keel's page apply to it.
 */
export async function startFloor(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const { build } = await import('esbuild');
  const built = await build({
    absWorkingDir: root,
    entryPoints: ['bench/floor/main.tsx'],
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    target: 'chrome130',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'warning',
  });
  const script = built.outputFiles[0]?.contents;
  if (!script) throw new Error('the floor page did not build');
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title>' +
    '<script type="module" src="/main.js"></script></head><body><div id="root"></div></body></html>';
  const server = http.createServer((req, res) => {
    if (req.url === '/main.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return void res.end(script);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://floor.localhost:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
