/**
 * Electron smoke test: launches the real app (dist/main/main.cjs) in the real Electron binary
 * with Playwright and checks the shell end to end: window, preload, IPC, tray.
 *
 * It needs three things a fresh checkout on a headless CI box may lack, and says so instead of
 * failing when one is missing:
 * - Electron's binary (electron 45 downloads it on first use: `npx install-electron`);
 * - better-sqlite3 built for Electron's ABI (`node scripts/electron-native.mjs`);
 * - a display. On Linux without DISPLAY/WAYLAND_DISPLAY the test starts its own Xvfb (what
 *   `xvfb-run` does; Playwright launches Electron itself, so the test cannot be wrapped per
 *   process). Without Xvfb installed, run the whole project under it instead:
 *   `xvfb-run -a npx vitest run --project electron`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeelSmokeState } from '../../src-main/electron/main';
import type { KeelApi } from '../../src-main/ipc/contract';

const ROOT = path.resolve(__dirname, '../..');

/** What scripts/electron-native.mjs exports (a plain .mjs script, so typed here by hand). */
interface ElectronNativeScript {
  electronBinary(root?: string): string | undefined;
  electronNativePath(root?: string): string;
}
const native = (await import(
  pathToFileURL(path.join(ROOT, 'scripts/electron-native.mjs')).href
)) as ElectronNativeScript;

const executablePath = native.electronBinary(ROOT);
const nativeBinding = native.electronNativePath(ROOT);
const needsDisplay =
  process.platform === 'linux' && !process.env.DISPLAY?.trim() && !process.env.WAYLAND_DISPLAY?.trim();
const xvfb = needsDisplay ? onPath('Xvfb') : undefined;

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

function skipReason(): string | undefined {
  if (!executablePath) {
    const pathTxt = path.join(ROOT, 'node_modules/electron/path.txt');
    const relative = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : 'electron';
    return `Electron's binary is not installed (node_modules/electron/dist/${relative} missing); it runs wherever the binary exists.`;
  }
  if (!fs.existsSync(nativeBinding)) {
    return `better-sqlite3 is not built for Electron (${path.relative(ROOT, nativeBinding)} missing); run "node scripts/electron-native.mjs" first.`;
  }
  if (needsDisplay && !xvfb) {
    return 'no display and no Xvfb; run it as "xvfb-run -a npx vitest run --project electron".';
  }
  return undefined;
}

const skipped = skipReason();
// At collection time, so the reason shows in every reporter even though the test is skipped.
if (skipped) console.warn(`[electron smoke] SKIPPED: ${skipped}`);

/** Starts Xvfb on a free display (it reports the number on fd 3) and returns DISPLAY. */
async function startXvfb(binary: string): Promise<{ display: string; process: ChildProcess }> {
  const child = spawn(binary, ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited early (${code})`)));
  });
  return { display, process: child };
}

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('Keel in Electron', () => {
  it.skipIf(skipped !== undefined)(
    'opens its window with window.keel, answers IPC, creates the tray and quits cleanly',
    async () => {
      if (!executablePath) throw new Error('unreachable: skipped without a binary');
      if (
        !fs.existsSync(path.join(ROOT, 'dist/main/main.cjs')) ||
        !fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'))
      ) {
        execFileSync(process.execPath, ['scripts/build.mjs', 'main', 'renderer'], {
          cwd: ROOT,
          stdio: 'inherit',
        });
      }

      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
      delete env.ELECTRON_RUN_AS_NODE;
      if (needsDisplay && xvfb) {
        const server = await startXvfb(xvfb);
        cleanups.push(() => void server.process.kill());
        env.DISPLAY = server.display;
      }
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-smoke-'));
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));

      // On Linux Playwright adds --no-sandbox (Chromium's OS sandbox; CI containers often run as
      // root, where it cannot start). The page's own `sandbox: true` renderer setting still applies.
      const app: ElectronApplication = await electron.launch({
        executablePath,
        args: [ROOT],
        env: { ...env, KEEL_DATA_DIR: dataDir, KEEL_NATIVE_BINDING: nativeBinding, KEEL_SMOKE: '1' },
        timeout: 60_000,
      });
      const electronProcess = app.process();
      const exited = new Promise<number | null>((resolve) =>
        electronProcess.once('exit', (code) => resolve(code)),
      );
      cleanups.push(async () => {
        if (electronProcess.exitCode === null) electronProcess.kill();
      });

      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.title()).toBe('Keel');
      await page.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
      expect(page.url()).toBe('app://keel/index.html');

      // The page has window.keel and nothing of Node.
      const globals = await page.evaluate(() => {
        const g = globalThis as { keel?: unknown; require?: unknown; process?: unknown };
        return { keel: typeof g.keel, require: typeof g.require, process: typeof g.process };
      });
      expect(globals).toEqual({ keel: 'object', require: 'undefined', process: 'undefined' });
      const status = await page.evaluate(() =>
        (globalThis as unknown as { keel: KeelApi }).keel.app.status(),
      );
      expect(status).toMatchObject({ ok: true, value: { app: { name: 'Keel' }, dataDir } });

      const main = await app.evaluate(({ BrowserWindow }) => ({
        smoke: (globalThis as { __keelSmoke?: KeelSmokeState }).__keelSmoke,
        windows: BrowserWindow.getAllWindows().map((window) => window.getTitle()),
      }));
      expect(main.smoke).toMatchObject({ trayCreated: true, dataDir });
      expect(main.windows).toEqual(['Keel']);

      await app.close();
      expect(await exited).toBe(0);
    },
  );
});
