import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newBrowserContext, startBuiltPreview, type RunningPreview } from './preview-server';
import { markWelcomeDone } from '../helpers/welcome';

/**
 * The lock as a browser meets it (#16): the printed URL (on this run's own `k<hex>.localhost`
 * host, which Chromium resolves to loopback itself) opens the preview and leaves the address bar
 * clean; without it the page is locked; another local web server the browser visits is never
 * sent the cookie (every port of 127.0.0.1 is one site to a browser, and cookies ignore ports);
 * and another site cannot show the live UI in a frame.
 */
let dataDir: string;
let preview: RunningPreview;
let other: http.Server;
let otherUrl: string;
/** The Cookie header of every request the other local server received. */
const otherCookies: string[] = [];
const contexts: BrowserContext[] = [];

async function context(): Promise<BrowserContext> {
  const made = await newBrowserContext();
  contexts.push(made);
  return made;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-e2e-lock-'));
  markWelcomeDone(dataDir);
  preview = await startBuiltPreview(dataDir, '2027-03-15T09:30:00Z');
  // Another site on this machine that frames the preview.
  other = http.createServer((req, res) => {
    otherCookies.push(req.headers.cookie ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><title>Other site</title><iframe src="${preview.url}/" width="800" height="600"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', () => resolve()));
  const address = other.address();
  otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()));
  await preview?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the locked preview in Chromium', () => {
  it('the printed URL opens the window, drops the token from the address bar, and the window works', async () => {
    const page = await (await context()).newPage();
    await page.goto(preview.openUrl);
    expect(page.url()).toBe(`${preview.url}/`);
    const main = page.getByRole('navigation', { name: 'Main' });
    await main.waitFor();
    // Usable: a view opens with its data from the API, and a setting saved there is kept.
    await main.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const saved = await page.evaluate(async () => {
      const keel = (
        window as unknown as { keel: { settings: { set(i: unknown): Promise<{ ok: boolean }> } } }
      ).keel;
      return keel.settings.set({ key: 'theme', value: 'dark' });
    });
    expect(saved.ok).toBe(true);
    // The cookie is out of the page's reach, and only for this origin.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookies = await page.context().cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
    // Host-only, for this run's host (a Domain cookie would show as ".k….localhost").
    expect(cookies[0]?.domain).toBe(new URL(preview.url).hostname);
    expect(preview.url).toMatch(/^http:\/\/k[0-9a-f]{16}\.localhost:\d+$/);
    // A reload keeps working on the cookie alone.
    await page.reload();
    await main.waitFor();
    // A tab whose cookie is gone (say, the preview was started again) gets the lock's sentence.
    await page.context().clearCookies();
    const refused = await page.evaluate(async () => {
      const keel = (window as unknown as { keel: { settings: { get(): Promise<unknown> } } }).keel;
      return keel.settings.get();
    });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'This tab is not signed in to the Keel preview. Open the URL that "npm run preview" printed in its terminal (it carries this run\'s token).',
      },
    });
  });

  it('without the printed URL the page says to open it, and no app loads', async () => {
    const page = await (await context()).newPage();
    const res = await page.goto(`${preview.url}/`);
    expect(res?.status()).toBe(401);
    expect(await page.locator('body').textContent()).toContain(
      'Open the URL that "npm run preview" printed in its terminal',
    );
    expect(await page.evaluate(() => 'keel' in window)).toBe(false);
  });

  it('another web server on this machine is never sent the cookie, and 127.0.0.1 shows no data', async () => {
    const page = await (await context()).newPage();
    await page.goto(preview.openUrl);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    otherCookies.length = 0;
    const otherPort = new URL(otherUrl).port;
    for (const url of [otherUrl, `http://localhost:${otherPort}/`, `http://127.0.0.1:${otherPort}/x`]) {
      await page.goto(url);
    }
    expect(otherCookies.length).toBeGreaterThanOrEqual(3);
    expect(otherCookies.filter((c) => c.includes('keel-preview'))).toEqual([]);
    expect(otherCookies.filter((c) => c.includes(preview.token))).toEqual([]);
    // The preview's own port under another name: the note, and no app.
    const res = await page.goto(`http://127.0.0.1:${new URL(preview.url).port}/`);
    expect(res?.status()).toBe(421);
    expect(await page.locator('body').textContent()).toContain('open that link');
    expect(await page.evaluate(() => 'keel' in window)).toBe(false);
    // The preview itself still works in the same tab.
    await page.goto(`${preview.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it('another site cannot frame the preview, even with the cookie in the browser', async () => {
    const c = await context();
    const page = await c.newPage();
    await page.goto(preview.openUrl);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const refusals: string[] = [];
    const evil = await c.newPage();
    evil.on('console', (m) => refusals.push(m.text()));
    await evil.goto(otherUrl);
    const frame = evil.frames().find((f) => f !== evil.mainFrame());
    if (!frame) throw new Error('no iframe on the other site');
    await expect.poll(() => refusals.join('\n')).toMatch(/frame-ancestors 'none'|X-Frame-Options/);
    expect(frame.url()).not.toContain(preview.url);
    expect(
      await frame
        .locator('nav')
        .count()
        .catch(() => 0),
    ).toBe(0);
  });
});
