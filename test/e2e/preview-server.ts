import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, inject } from 'vitest';
import { loopbackFetch } from '../helpers/loopback-fetch';
import { startBuiltPreview, type RunningPreview } from '../helpers/preview';
import { markWelcomeDone } from '../helpers/welcome';

export const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

let browser: Promise<Browser> | undefined;

/**
 * A fresh browser context (no cookies, storage or pages shared with any other file) in the e2e
 * project's one Chromium (test/e2e/chromium-server.ts), through this file's one connection to it.
 * The preview shows times in the browser's 12/24-hour choice: en-GB (24-hour) unless a test asks.
 */
export async function newBrowserContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  browser ??= chromium.connect(inject('chromiumWsEndpoint'));
  // English (UK: 24-hour times) unless a test asks for another: the page follows the browser's
  // languages (#20). The preview copies with the browser's Clipboard API
  // (src-main/preview/bridge.ts), and the tests read the clipboard back.
  return (await browser).newContext({
    viewport: { width: 1180, height: 760 },
    locale: 'en-GB',
    permissions: ['clipboard-read', 'clipboard-write'],
    ...options,
  });
}

// After the file's own afterAll hooks (these run last-registered first): its contexts are closed
// by then. Only the connection closes; the browser lives until the run ends.
afterAll(async () => {
  await (await browser)?.close();
  browser = undefined;
});

export { startBuiltPreview, type RunningPreview } from '../helpers/preview';

/** Calls a test endpoint of a preview started with a test clock. */
export async function testPost(preview: RunningPreview, endpoint: string, body: unknown): Promise<unknown> {
  const res = await loopbackFetch(`${preview.url}/__keel/test/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...preview.headers },
    body: JSON.stringify(body),
  });
  return res.json();
}

export interface Recorded {
  notifications: { id: string; title: string; body: string; actions?: { id: string; label: string }[] }[];
  tray: { state: string; stateHistory: string[]; menu: { type: string; label?: string }[] };
  dnd: { on: boolean; history: boolean[] };
}

export async function recorded(preview: RunningPreview): Promise<Recorded> {
  return (await (
    await loopbackFetch(`${preview.url}/__keel/test/recorded`, { headers: preview.headers })
  ).json()) as Recorded;
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page, one line each (empty: none). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools, so the page's CSP (no inline scripts) stays in force.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

/** Screenshots `name` in light and dark into test-results/screenshots, with axe at zero violations. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    // Colours fade between schemes (CSS transitions): shoot once they have settled.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${scheme}.png`), fullPage: true });
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(`${name} (${scheme}): ${violations.join('\n')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

export interface PreviewSession {
  dataDir: string;
  preview: RunningPreview;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A built preview on a fresh data folder (seeded first if asked) with its clock at `testClock`,
 * Chromium on its page, and the given settings saved through the window's own API.
 */
export async function openPreviewSession(options: {
  name: string;
  testClock: string;
  seed?: (dataDir: string) => void;
  settings?: { key: string; value: unknown }[];
  /** Open on the first run's welcome (a new data file's); by default it was already gone through. */
  welcome?: boolean;
  /** The browser's locale, whose 12/24-hour choice the preview's times follow (en-GB by default). */
  locale?: string;
}): Promise<PreviewSession> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `keel-e2e-${options.name}-`));
  options.seed?.(dataDir);
  if (!options.welcome) markWelcomeDone(dataDir);
  const preview = await startBuiltPreview(dataDir, options.testClock);
  const context = await newBrowserContext(options.locale ? { locale: options.locale } : {});
  const page = await context.newPage();
  // The URL the preview printed, as a person opens it: the token becomes a cookie, then `url`.
  await page.goto(preview.openUrl);
  for (const setting of options.settings ?? []) {
    const result = await page.evaluate(async (s) => {
      const keel = (
        window as unknown as { keel: { settings: { set(i: unknown): Promise<{ ok: boolean }> } } }
      ).keel;
      return keel.settings.set(s);
    }, setting);
    if (!result.ok) throw new Error(`could not save the ${setting.key} setting`);
  }
  return {
    dataDir,
    preview,
    context,
    page,
    close: async () => {
      await context.close();
      await preview.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The text of the file the preview's recording shell saved with this ending (`.md`, `.html`). */
export function exportedFile(dataDir: string, ext: string): string {
  const dir = path.join(dataDir, 'exports');
  const file = fs.readdirSync(dir).find((f) => f.endsWith(ext));
  if (!file) throw new Error(`no ${ext} export`);
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** Calls `window.keel`'s `group:name` channel in the page, as the window's own code does. */
export function callKeel(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([c, i]) => {
      const [group, name] = (c as string).split(':') as [string, string];
      const keel = (window as unknown as { keel: Record<string, Record<string, (x: unknown) => unknown>> })
        .keel;
      return keel[group]?.[name]?.(i);
    },
    [channel, input] as const,
  );
}

/** Clicks "Save as Markdown…" or "Save as HTML…" on the One-on-one view and waits for "Saved …". */
export async function saveSummaryAs(page: Page, format: 'Markdown' | 'HTML'): Promise<void> {
  const ext = format === 'Markdown' ? 'md' : 'html';
  const button = page.getByRole('button', { name: `Save as ${format}…` });
  const saved = page.getByText(new RegExp(`Saved keel-one-on-one-.*\\.${ext}`)).first();
  // After a share the preview reloads (after a short debounce), and the save buttons are disabled
  // while it does, rightly: the preview is what leaves. A click that lands on that very instant
  // hits a disabled button and does nothing (a person would click again), so the test does too.
  for (let attempt = 1; attempt < 3; attempt++) {
    await button.click();
    try {
      await saved.waitFor({ timeout: 10_000 });
      return;
    } catch {
      // clicked while the preview was reloading
    }
  }
  await button.click();
  await saved.waitFor();
}
