import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openPreviewSession, screenshotBoth, type PreviewSession } from './preview-server';

let session: PreviewSession;
let page: Page;

/** Monday 15 March 2027, 08:40 in Berlin (UTC+1): before the first planned block. */
const TEST_CLOCK = '2027-03-15T08:40:00+01:00';

const palette = () => page.getByRole('dialog', { name: 'Command palette' });
const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);

async function runningBlock(): Promise<{ endTime: string } | null> {
  return page.evaluate(async () => {
    const keel = (
      window as unknown as {
        keel: { focus: { status(): Promise<{ value: { running: { endTime: string } | null } }> } };
      }
    ).keel;
    return (await keel.focus.status()).value.running;
  });
}

beforeAll(async () => {
  session = await openPreviewSession({ name: 'palette', testClock: TEST_CLOCK });
  page = session.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('heading', { name: 'Working hours' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('the command palette in the preview', () => {
  it('opens with Ctrl+K, with axe at zero, light and dark, at 1280×800 and at the minimum size', async () => {
    const sidebarToday = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Today' });
    await sidebarToday.focus();
    await page.keyboard.press('Control+K');
    await palette().waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox');
    await screenshotBoth(page, 'palette');
    await page.setViewportSize({ width: 720, height: 520 });
    await screenshotBoth(page, 'palette-min');
    // The whole panel stays inside the window, its list scrolling within it.
    const box = await palette().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(520);
    expect(box!.x + box!.width).toBeLessThanOrEqual(720);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('Esc closes it and gives focus back to where it was', async () => {
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached' });
    expect(await focused()).toBe('Today');
  });

  it('"Start a 25-minute block" starts a real block and gives focus back', async () => {
    await page.keyboard.press('Control+K');
    await palette().waitFor();
    await page.keyboard.type('start 25');
    await expect
      .poll(async () => (await page.getByRole('option', { selected: true }).textContent())?.trim())
      .toBe('Start a 25-minute block');
    await page.keyboard.press('Enter');
    await palette().waitFor({ state: 'detached' });
    expect(await runningBlock()).toMatchObject({ endTime: '09:05' });
    await expect.poll(() => page.locator('.palette-told').textContent()).toContain('until 09:05');
    expect(await focused()).toBe('Today');
  });

  it('while the block runs, starting another is disabled with why (axe still at zero)', async () => {
    await page.keyboard.press('Control+K');
    await palette().waitFor();
    await page.keyboard.type('block');
    const fifty = page.getByRole('option', { name: /Start a 50-minute block/ });
    await expect.poll(() => fifty.getAttribute('aria-disabled')).toBe('true');
    expect(await fifty.textContent()).toContain('End the current block first.');
    await screenshotBoth(page, 'palette-block-running');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached' });
  });
});
