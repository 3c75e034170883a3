import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overflowing as overflowingOn, settled as settledOn } from './layout-check';
import { callKeel, openPreviewSession, SCREENSHOTS, type PreviewSession } from './preview-server';

/**
 * The layout holds at the minimum window size (720×520): every view, Settings (the whole page),
 * the dialogs and the palette, light and dark, in en-US (12-hour times, the longer ones). No
 * button's or label's text overflows its box, no control sticks out of its card, and the page
 * never scrolls sideways. Screenshots go
 * to test-results/screenshots/min-<what>-<scheme>-<screenful>.png, to be looked at.
 * Monday 15 March 2027, 10:30 in Berlin: inside working hours, between focus blocks.
 */
const TEST_CLOCK = '2027-03-15T10:30:00+01:00';

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession({ name: 'min-size', testClock: TEST_CLOCK, locale: 'en-US' });
  page = session.page;
  await page.setViewportSize({ width: 720, height: 520 });
  await page.getByRole('heading', { name: 'Working hours' }).waitFor();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

const overflowing = () => overflowingOn(page);
const settled = () => settledOn(page);

/** In light and dark: a full-page screenshot, and what overflows (with the scheme). */
async function check(name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await settled();
    // The view scrolls inside #main: one shot per screenful, top to bottom (at most six).
    const height = await page.evaluate(() => document.getElementById('main')?.scrollHeight ?? 0);
    for (let part = 0; part * 480 < height && part < 6; part++) {
      await page.evaluate((y) => document.getElementById('main')?.scrollTo(0, y), part * 480);
      await page.screenshot({ path: path.join(SCREENSHOTS, `min-${name}-${scheme}-${part + 1}.png`) });
    }
    await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
    problems.push(...(await overflowing()).map((p) => `${name} (${scheme}): ${p}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}

const VIEWS = ['today', 'focus', 'checkin', 'signoff', 'one-on-one', 'settings'] as const;

describe('the minimum window size, 720×520', () => {
  it('no view, Settings section, dialog or the palette overflows a button or a label', async () => {
    const problems: string[] = [];
    for (const [i, view] of VIEWS.entries()) {
      await page.keyboard.press(`Control+${i + 1}`);
      await page.locator('#main h1').first().waitFor();
      await settled();
      problems.push(...(await check(view)));
    }

    // Settings with an unsaved edit: the save bar, then the leave dialog.
    await page.getByLabel('Monday end').fill('18:45');
    problems.push(...(await check('settings-save-bar')));
    await page.keyboard.press('Control+1');
    await page.getByRole('dialog', { name: 'Save your changes?' }).waitFor();
    problems.push(...(await check('leave-dialog')));
    await page.getByRole('button', { name: 'Discard changes' }).click();

    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    problems.push(...(await check('palette')));
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    problems.push(...(await check('shortcuts')));
    await page.keyboard.press('Escape');

    // A running block: the Focus view's running card and "What interrupted you?".
    await callKeel(page, 'focus:start', { minutes: 25 });
    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: 'I got interrupted' }).click();
    await page.getByRole('dialog', { name: 'What interrupted you?' }).waitFor();
    problems.push(...(await check('interrupt-dialog')));
    await page.keyboard.press('Escape');

    expect(problems).toEqual([]);
  });

  it('shows Keel’s times in the browser’s 12-hour choice (en-US)', async () => {
    await page.keyboard.press('Control+1');
    await expect.poll(() => page.locator('#main').textContent()).toMatch(/9:00 AM.{1,3}5:30 PM/);
  });
});
