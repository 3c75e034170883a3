import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newBrowserContext, startBuiltPreview, type RunningPreview } from './preview-server';
import { markWelcomeDone } from '../helpers/welcome';

let dataDir: string;
let preview: RunningPreview;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Not tempDir(): that removes its folders after each test, and this preview lives for the file.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-e2e-languages-'));
  markWelcomeDone(dataDir);
  preview = await startBuiltPreview(dataDir, '2027-03-15T09:30:00Z');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await preview?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(locale: string, search = '') {
  const context = await newBrowserContext({ locale });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(preview.openUrl);
  if (search !== '') await page.goto(`${preview.url}/${search}`);
  return page;
}

describe('the preview speaks the language of its browser', () => {
  it("a German browser gets a German sidebar (the window's own languages, as main's rules read them)", async () => {
    const page = await open('de-DE');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.waitFor();
    await expect(nav.getByRole('button', { name: 'Einstellungen' }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole('button', { name: 'Heute' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
  });

  it("the URL's locale, as main sends it, wins over the browser's", async () => {
    const page = await open('en-US', '?locale=de&format=de-AT');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    const pseudo = await open('de-DE', '?locale=en-XA');
    // Waits for the pseudo-locale's sidebar (isVisible() would not wait for the first render).
    await pseudo.getByRole('navigation').getByRole('button', { name: '[Ŧóóðááý]' }).waitFor();
  });

  it('an English browser sees the sidebar as before', async () => {
    const page = await open('en-US');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Today' }).waitFor();
  });
});
