import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckin, type CheckinInput } from '../../src-main/core/checkin';
import { pdfPageOptions } from '../../src-main/core/summary-pdf';
import { instantAt } from '../../src-main/core/time';
import { CheckinRepo } from '../../src-main/storage/checkin-repo';
import { openDatabase } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
import {
  callKeel,
  exportedFile,
  openPreviewSession,
  saveSummaryAs,
  SCREENSHOTS,
  screenshotBoth,
  type PreviewSession,
} from './preview-server';

let session: PreviewSession;
let page: Page;

const zone = 'Europe/Berlin';
const SHARED = 'Release week went well <b>despite</b> two incidents';
const PRIVATE = 'PRIVATE-e2e: thinking about a team change';
const BASE: CheckinInput = {
  workload: 4,
  energy: 2,
  sustainable: 'mostly',
  stretched: ['meetings'],
  shareable: false,
};

function seed(dataDir: string): void {
  const db = openDatabase(databasePath(dataDir));
  const repo = new CheckinRepo(db);
  const add = (id: string, date: string, input: CheckinInput) =>
    repo.add(makeCheckin(input, { id, at: instantAt(date, '16:00', zone), zone }));
  add('00000000-0000-4000-8000-000000000001', '2027-03-05', { ...BASE, workload: 3, energy: 3 });
  add('00000000-0000-4000-8000-000000000002', '2027-03-10', { ...BASE, note: SHARED, shareable: true });
  add('00000000-0000-4000-8000-000000000003', '2027-03-12', { ...BASE, workload: 5, note: PRIVATE });
  db.close();
}

beforeAll(async () => {
  session = await openPreviewSession({
    name: 'one-on-one',
    testClock: '2027-03-15T10:00:00+01:00',
    seed,
    settings: [{ key: 'focusPlan', value: [] }],
  });
  ({ page } = session);
  await page.evaluate(async () => {
    const keel = (window as unknown as { keel: { talk: { add(i: unknown): Promise<unknown> } } }).keel;
    await keel.talk.add({ text: 'On-call rotation for Q2' });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'One-on-one' }).click();
  await page.getByRole('heading', { level: 1, name: 'One-on-one' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

const exported = (ext: string): string => exportedFile(session.dataDir, ext);

describe('the one-on-one summary, end to end in the preview', () => {
  it('builds a summary with the shareable note ticked; the private one is hidden and cannot be ticked', async () => {
    await page.getByRole('checkbox', { name: 'Notes', exact: true }).check();
    // Private notes are counted, not shown, until revealed.
    await page.getByText('1 private note hidden').waitFor();
    expect(await page.getByText('PRIVATE-e2e').count()).toBe(0);
    await page.getByRole('button', { name: 'Show private notes' }).click();
    const privateBox = page.getByRole('checkbox', { name: new RegExp('PRIVATE-e2e') });
    await expect.poll(() => privateBox.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /Release week went well/ }).check();
    const preview = page.getByLabel('Summary as Markdown');
    await expect.poll(async () => preview.textContent()).toContain('Release week went well');
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('- On-call rotation for Q2\n');
    expect(text).toContain('\\<b>despite\\</b>');
    expect(text).not.toContain('PRIVATE-e2e');
  });

  it('exports Markdown and HTML: exactly the preview, never the private note', async () => {
    const shown = (await page.getByLabel('Summary as Markdown').textContent()) ?? '';
    await saveSummaryAs(page, 'Markdown');
    const markdown = exported('.md');
    expect(markdown).toBe(shown);
    await saveSummaryAs(page, 'HTML');
    const html = exported('.html');
    expect(html).toContain('Release week went well &lt;b&gt;despite&lt;/b&gt; two incidents');
    for (const out of [markdown, html]) expect(out).not.toContain('PRIVATE-e2e');
    await page.getByRole('list', { name: 'Shared summaries' }).waitFor();
    await screenshotBoth(page, 'one-on-one');
  });

  it('the HTML opens in Chromium as a document (screenshot) and prints to PDF', async () => {
    const html = exported('.html');
    const doc = await session.context.newPage();
    // The exported file as it is; its own CSP allows no scripts and no requests.
    await doc.setContent(html);
    expect(await doc.locator('script').count()).toBe(0);
    expect(await doc.getByRole('heading', { level: 1 }).textContent()).toBe('One-on-one summary');
    await doc.screenshot({ path: path.join(SCREENSHOTS, 'summary-html.png'), fullPage: true });
    // With the footer the desktop app prints (Chromium's own header and footer templates).
    const pdf = await doc.pdf({
      format: 'A4',
      printBackground: true,
      ...pdfPageOptions('One-on-one summary', '1–15 March 2027'),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    fs.writeFileSync(path.join(SCREENSHOTS, 'summary.pdf'), pdf);
    await doc.close();
  });

  // The summary's own preview: the weekly update's and the agreement's share the page.
  const summaryPreview = () => page.getByRole('region', { name: 'Preview', exact: true });

  it('copies for chat and as rich text: the browser clipboard holds exactly what the previews show', async () => {
    const point = 'Discuss on-call rotation (Q2), see https://example.com/a_b';
    await callKeel(page, 'talk:add', { text: point });
    await summaryPreview().getByRole('radio', { name: 'Markdown' }).check();
    const markdown = page.getByLabel('Summary as Markdown');
    await expect.poll(async () => (await markdown.textContent()) ?? '').toContain(`\n- ${point}\n`);

    await summaryPreview().getByRole('radio', { name: 'Text for chat' }).check();
    const chat = page.getByLabel('Summary as text for chat');
    await expect.poll(async () => (await chat.textContent()) ?? '').toContain(`\n• ${point}\n`);
    const text = (await chat.textContent()) ?? '';
    expect(text).not.toContain('\\');
    await clickWhenReady(page, 'Copy for chat');
    await page.getByText(/^Copied for chat/).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    await summaryPreview().getByRole('radio', { name: 'HTML' }).check();
    const source = page.getByLabel('Summary as HTML source');
    await expect.poll(async () => (await source.textContent()) ?? '').toContain(point);
    await clickWhenReady(page, 'Copy as rich text');
    await page.getByText(/^Copied as rich text/).waitFor();
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      // Read as a document, the way an editor that pastes HTML reads it.
      const doc = new DOMParser().parseFromString(
        await (await item.getType('text/html')).text(),
        'text/html',
      );
      return {
        types: [...item.types].sort(),
        text: await (await item.getType('text/plain')).text(),
        title: doc.querySelector('h1')?.textContent,
        points: [...doc.querySelectorAll('section.talkingPoints li')].map((li) => li.textContent),
        scripts: doc.querySelectorAll('script').length,
      };
    });
    expect(copied).toEqual({
      types: ['text/html', 'text/plain'],
      text,
      title: 'One-on-one summary',
      points: ['On-call rotation for Q2', point],
      scripts: 0,
    });
    await page.getByRole('list', { name: 'Shared summaries' }).getByText('Copied as rich text').waitFor();
    await page
      .getByRole('list', { name: 'Shared summaries' })
      .getByText('Plain text', { exact: false })
      .waitFor();
    await screenshotBoth(page, 'one-on-one-copies');
  });
});

/** Clicks a share button once the preview on screen is current (it is disabled while one loads). */
async function clickWhenReady(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
}
