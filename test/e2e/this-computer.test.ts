import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DESKTOP_REPORT } from '../../src-main/platform/recording';
import { desktopReportJson } from '../../src-main/shared/desktop-probes';
import {
  axeViolations,
  openPreviewSession,
  recorded,
  SCREENSHOTS,
  type PreviewSession,
} from './preview-server';

/*
 * Settings → This computer and Quit Keel in Chromium against the built preview (whose desktop is
 * the example report: a browser has none to look at): shot in light and dark
 * (test-results/screenshots/this-computer-*.png) with axe at zero violations, the copy made from
 * the keyboard, and the sidebar's Quit reaching main.
 */

let session: PreviewSession;
let page: Page;

const card = (): Locator => page.getByRole('region', { name: 'This computer' });

async function recordedShell(): Promise<{ copied: string[]; quitRequested: boolean }> {
  const all = (await recorded(session.preview)) as unknown as {
    shell: { copied: string[]; quitRequested: boolean };
  };
  return all.shell;
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  session = await openPreviewSession({ name: 'this-computer', testClock: '2027-03-15T09:30:00Z' });
  ({ page } = session);
  await page.setViewportSize({ width: 1180, height: 900 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await card().getByText(EXAMPLE_DESKTOP_REPORT.probes[0]!.detail).waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('Settings → This computer in Chromium', () => {
  it('shows each probe in light and dark, with nothing for axe to find', async () => {
    expect(await card().getByRole('listitem').count()).toBe(EXAMPLE_DESKTOP_REPORT.probes.length);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() =>
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
      );
      await card().screenshot({ path: path.join(SCREENSHOTS, `this-computer-${scheme}.png`) });
      expect(await axeViolations(page), scheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('copies the report, from the keyboard, as keel doctor --json prints it', async () => {
    await card().getByRole('button', { name: 'Check again' }).focus();
    // The copy button is reached by Tab alone (the probe lines hold no stops).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Copy for a bug report');
    await page.keyboard.press('Enter');
    await card()
      .getByText(/^Copied\./)
      .waitFor();
    expect((await recordedShell()).copied).toEqual([desktopReportJson(EXAMPLE_DESKTOP_REPORT)]);
  });

  it('"Quit Keel" at the foot of the sidebar asks main to quit', async () => {
    expect((await recordedShell()).quitRequested).toBe(false);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-quit-light.png') });
    await nav.getByRole('button', { name: 'Quit Keel' }).click();
    await expect.poll(async () => (await recordedShell()).quitRequested).toBe(true);
  });
});
