import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
import { TalkingPointRepo } from '../../src-main/storage/talking-point-repo';
import { openPreviewSession, screenshotBoth, type PreviewSession } from './preview-server';

/**
 * The first run (#18) in the preview, on a fresh data folder: Monday 15 March 2027, 09:30 in
 * Berlin. Screenshots light and dark at 1280×800 and at the minimum window (720×520), axe at zero.
 */
const MONDAY = '2027-03-15T09:30:00+01:00';
const LARGE = { width: 1280, height: 800 };
const SMALL = { width: 720, height: 520 };

function step(page: Page, title: string) {
  return page.getByRole('heading', { level: 1, name: title });
}

async function expectFocused(page: Page, title: string): Promise<void> {
  await step(page, title).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(title);
}

/** What the preview's API says is stored (through the window's own bridge). */
async function settings(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const keel = (window as unknown as { keel: { settings: { get(): Promise<{ value: unknown }> } } }).keel;
    return (await keel.settings.get()).value as Record<string, unknown>;
  });
}

async function welcome(page: Page): Promise<{ show: string; stillDefault: string[] }> {
  return page.evaluate(async () => {
    const keel = (window as unknown as { keel: { welcome: { status(): Promise<{ value: unknown }> } } }).keel;
    return (await keel.welcome.status()).value as { show: string; stillDefault: string[] };
  });
}

describe('the first run, all three steps', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPreviewSession({ name: 'welcome', testClock: MONDAY, welcome: true });
    ({ page } = session);
    await page.setViewportSize(LARGE);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('step 1: the zone from the computer, "Berlin" found in the picker, Keel’s hours labelled (screenshots)', async () => {
    await expectFocused(page, 'When do you work?');
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await page.getByText('These are Keel’s starting hours, not yet yours').waitFor();
    await screenshotBoth(page, 'welcome-1-hours');
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    // A search that finds nothing says so in one line, in the polite live region.
    await zone.fill('Atlantis');
    const none = page.getByRole('status').filter({ hasText: 'No time zone matches' });
    expect(await none.textContent()).toBe('No time zone matches “Atlantis”. Try a nearby city or a region.');
    await screenshotBoth(page, 'welcome-1-zone-none');
    await zone.fill('Berlin');
    await page.getByRole('option', { name: /Europe \/ Berlin/ }).waitFor();
    await screenshotBoth(page, 'welcome-1-zone-search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await zone.inputValue()).toBe('Europe/Berlin');
    await page.getByLabel('End', { exact: true }).fill('17:00');
    // Enter in a time field stays on the step; only Next (or Ctrl+Enter) moves on.
    await page.getByLabel('End', { exact: true }).press('Enter');
    expect(await step(page, 'When do you work?').count()).toBe(1);
    expect(((await settings(page)).workingHours as Record<string, unknown>).mon).toEqual({
      start: '09:00',
      end: '17:30',
    });
    await page.getByRole('button', { name: 'Next' }).click();
    await expectFocused(page, 'Your focus blocks');
    const stored = await settings(page);
    expect((stored.workingHours as Record<string, unknown>).mon).toEqual({ start: '09:00', end: '17:00' });
  });

  it('step 2: the plan starts tomorrow; changing the blocks shows them (screenshots)', async () => {
    await screenshotBoth(page, 'welcome-2-plan');
    await page.getByRole('radio', { name: 'Change the blocks, then start tomorrow' }).click();
    await page.getByRole('group', { name: /Blocks on each working day/ }).waitFor();
    await screenshotBoth(page, 'welcome-2-plan-edit');
    await page.getByRole('button', { name: 'Remove block 2' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expectFocused(page, 'Your one-on-one');
    // Today stays free; Monday's plan from tomorrow is the one block left.
    expect((await settings(page)).focusPlan).toEqual([]);
  });

  it('step 3: Thursday’s one-on-one sets Wednesday’s check-in; Done ends on Today with the four jobs (screenshots)', async () => {
    // Nothing set yet: "None" is the choice shown.
    expect(await page.getByRole('radio', { name: 'None' }).getAttribute('aria-checked')).toBe('true');
    await page.getByRole('radio', { name: 'Thursday' }).click();
    await page.getByText(/weekly on Wednesday at 16:00, the working day before/).waitFor();
    await screenshotBoth(page, 'welcome-3-one-on-one');
    await page.getByRole('button', { name: 'Done' }).click();
    const note = page.getByRole('region', { name: 'Keel is set up: here is what it does' });
    await note.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    for (const job of ['Focus blocks.', 'End-of-day sign-off.', 'Workload check-ins.', 'One-on-one summary.'])
      await note.getByText(job).waitFor();
    expect(await note.getByText(/Keel’s defaults/).count()).toBe(0);
    expect((await settings(page)).oneOnOne).toEqual({ weekday: 'thu', time: '10:00' });
    expect((await welcome(page)).show).toBe('none');
    await screenshotBoth(page, 'welcome-today');
    await page.setViewportSize(SMALL);
    await screenshotBoth(page, 'welcome-today-small');
  });

  it('a reload opens Today, not the welcome; Settings opens the steps again, with what was saved', async () => {
    await page.setViewportSize(LARGE);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Settings', exact: true })
      .click();
    await page.getByRole('button', { name: 'Open the welcome steps' }).click();
    await expectFocused(page, 'When do you work?');
    expect(await page.getByLabel('End', { exact: true }).inputValue()).toBe('17:00');
    await page.getByRole('button', { name: 'Skip this step' }).click();
    await expectFocused(page, 'Your focus blocks');
    await page.getByRole('button', { name: 'Skip this step' }).click();
    await expectFocused(page, 'Your one-on-one');
    expect(await page.getByRole('radio', { name: 'Thursday' }).getAttribute('aria-checked')).toBe('true');
    await page.getByRole('button', { name: 'Skip and finish' }).click();
    await page.getByRole('region', { name: /Keel is set up/ }).waitFor();
  });
});

describe('the first run skipped at the minimum window size', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPreviewSession({ name: 'welcome-skip', testClock: MONDAY, welcome: true });
    ({ page } = session);
    await page.setViewportSize(SMALL);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('each step fits 720×520; skipping writes nothing and Today names the defaults (screenshots)', async () => {
    await expectFocused(page, 'When do you work?');
    await screenshotBoth(page, 'welcome-1-hours-small');
    await page.getByRole('button', { name: 'Skip this step' }).click();
    await expectFocused(page, 'Your focus blocks');
    await screenshotBoth(page, 'welcome-2-plan-small');
    await page.getByRole('button', { name: 'Skip this step' }).click();
    await expectFocused(page, 'Your one-on-one');
    await screenshotBoth(page, 'welcome-3-one-on-one-small');
    await page.getByRole('button', { name: 'Skip and finish' }).click();
    const note = page.getByRole('region', { name: /Keel is set up/ });
    await note
      .getByText(
        'These are Keel’s defaults, not yet yours: working hours (Monday to Friday, 09:00–17:30) and the focus plan (09:00–11:00 and 14:00–16:00, Monday to Friday).',
      )
      .waitFor();
    const status = await welcome(page);
    expect(status).toMatchObject({ show: 'none', stillDefault: ['workingHours', 'focusPlan', 'oneOnOne'] });
    await screenshotBoth(page, 'welcome-today-defaults-small');
  });
});

/** A talking point from before the first run existed: an upgraded user's data. */
function seedOldData(dataDir: string): void {
  const db = openDatabase(databasePath(dataDir));
  new TalkingPointRepo(db).addPoint({
    id: '0b7c8a52-4a4e-4c53-9d55-3c1f4d6f2a10',
    text: 'Ask about the offsite',
    createdAt: Date.parse('2027-03-01T10:00:00Z'),
  });
  db.close();
}

describe('data from before the first run', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPreviewSession({
      name: 'welcome-review',
      testClock: MONDAY,
      welcome: true,
      seed: seedOldData,
    });
    ({ page } = session);
    await page.setViewportSize(LARGE);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('gets a gentle "Review your settings" on Today, never the first run (screenshot)', async () => {
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const note = page.getByRole('region', { name: 'Review your settings?' });
    await note.waitFor();
    expect(await step(page, 'When do you work?').count()).toBe(0);
    await screenshotBoth(page, 'welcome-review');
    await note.getByRole('button', { name: 'Not now' }).click();
    await note.waitFor({ state: 'detached' });
    expect((await welcome(page)).show).toBe('none');
  });
});
