import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openPreviewSession, SCREENSHOTS, type PreviewSession } from './preview-server';

/*
 * Settings' one save bar and its leave guard, and the zone picker, in Chromium against the built
 * preview: shots of Settings with unsaved edits and with a refused zone, light and dark, at
 * 1280×800 and the minimum 720×520 (test-results/screenshots/settings-*.png), axe at zero.
 */

let session: PreviewSession;
let page: Page;

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
const zone = () => page.getByRole('combobox', { name: 'Time zone' });

async function shoot(name: string) {
  for (const [w, h] of [
    [1280, 800],
    [720, 520],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() =>
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
      );
      await zone().evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(SCREENSHOTS, `settings-${name}-${w}x${h}-${scheme}.png`) });
      expect(await axeViolations(page), `${name} ${w}×${h} ${scheme}`).toEqual([]);
      // Nothing spills out of its button at this size.
      const spilled = await page.evaluate(() =>
        [...document.querySelectorAll('button')]
          .filter((b) => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
          .map((b) => b.textContent),
      );
      expect(spilled, `${name} ${w}×${h}`).toEqual([]);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  session = await openPreviewSession({ name: 'settings-save', testClock: '2027-03-15T09:30:00Z' });
  ({ page } = session);
  await page.setViewportSize({ width: 1280, height: 800 });
  await nav('Settings').click();
  await zone().waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('Settings in Chromium: one save bar, the leave guard, the zone picker', () => {
  it('typing "Berlin" suggests Europe/Berlin, picked with the keyboard', async () => {
    await zone().fill('');
    await zone().pressSequentially('Berlin');
    const option = page.getByRole('option', { name: /Europe \/ Berlin/ });
    await option.waitFor();
    await shoot('zone-picker');
    await zone().press('ArrowDown');
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
    await zone().press('Enter');
    expect(await zone().inputValue()).toBe('Europe/Berlin');
  });

  it('an edit then another view asks Save / Discard / Stay; Stay keeps it', async () => {
    await page.getByLabel('Monday end').fill('18:45');
    await page.getByRole('region', { name: 'Unsaved changes' }).waitFor();
    await shoot('unsaved');
    await nav('Today').click();
    const dialog = page.getByRole('dialog', { name: 'Save your changes?' });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Stay', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Monday end').inputValue()).toBe('18:45');
    await page.keyboard.press('Control+1');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  });

  it('a city typed for a zone is refused under the zone field, with the zone it means', async () => {
    await nav('Settings').click();
    await zone().fill('Berlin');
    await zone().press('Escape');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('That is not a time zone Keel knows; did you mean Europe/Berlin?').waitFor();
    expect(await zone().getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
    await shoot('refused-zone');
  });
});
