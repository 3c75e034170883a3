import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPreviewSession, screenshotBoth, type PreviewSession } from './preview-server';

/**
 * Day one (#14): Keel opened for the first time on Tuesday 16 March 2027 at 22:55 in Berlin, on a
 * fresh data folder. Nothing before that instant is planned, missed or late.
 */
let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession({ name: 'day-one', testClock: '2027-03-16T22:55:00+01:00' });
  ({ page } = session);
  // The views scroll inside the window: a tall viewport shows all of one, top first.
  await page.setViewportSize({ width: 1180, height: 1500 });
});

afterAll(async () => {
  await session?.close();
});

async function open(label: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTo?.(0, 0)));
}

describe('opened for the first time at 22:55', () => {
  it('Focus: the day’s blocks were before Keel started; the week shows no share and says how it counts (screenshot)', async () => {
    await open('Focus', 'Focus');
    const today = page.getByRole('region', { name: 'Today’s blocks' });
    await expect.poll(() => today.getByText('Before Keel started').count()).toBe(2);
    expect(await today.textContent()).not.toMatch(/Missed|Not started/);
    const week = page.getByRole('region', { name: 'This week' });
    await week.getByText(/^Counting since Tuesday 16 Mar\./).waitFor();
    const text = (await week.textContent()) ?? '';
    expect(text).toContain('Protected this week0 mins · 12 hrs planned');
    expect(text).not.toContain('%');
    expect(text).toContain('interruptions are counted, not subtracted');
    await screenshotBoth(page, 'day-one-focus');
  });

  it('Sign-off: the creep card claims nothing about evenings or sign-offs it has not seen (screenshot)', async () => {
    await open('Sign-off', 'Sign-off');
    const card = page.getByRole('region', { name: 'Working later than planned' });
    await card.getByText(/nothing to look back on yet/).waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).not.toMatch(/Every workday ended with a sign-off|\d+ evenings? ran late|stayed your own/);
    expect(text).toContain('Counting since Tuesday 16 Mar, when Keel started');
    await card.getByText('Nothing to chart yet').waitFor();
    await page.setViewportSize({ width: 1180, height: 2100 });
    await screenshotBoth(page, 'day-one-signoff');
  });
});
