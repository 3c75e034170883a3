import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  newBrowserContext,
  SCREENSHOTS,
  screenshotBoth,
  startBuiltPreview,
  type RunningPreview,
} from './preview-server';
import { markWelcomeDone } from '../helpers/welcome';

const VIEWS = [
  ['today', 'Today'],
  ['focus', 'Focus'],
  ['checks', 'Check-ins'],
  ['signoff', 'Sign-off'],
  ['one-on-one', 'One-on-one'],
  ['settings', 'Settings'],
] as const;

let dataDir: string;
let preview: RunningPreview;
let context: BrowserContext;
const problems: string[] = [];
const foreignRequests: string[] = [];

async function openPage(scheme: 'light' | 'dark'): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${scheme} console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${scheme} page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(preview.url)) foreignRequests.push(r.url());
  });
  await page.goto(preview.openUrl);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.evaluate(() => document.fonts.ready);
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Monday 15 March 2027, 10:30 in Berlin: inside working hours, between focus blocks.
  // Not tempDir(): that removes its folders after each test, and this preview lives for the file.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-e2e-views-'));
  markWelcomeDone(dataDir);
  preview = await startBuiltPreview(dataDir, '2027-03-15T09:30:00Z');
  context = await newBrowserContext();
});

afterAll(async () => {
  await context?.close();
  await preview?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the window in Chromium, against the preview', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`shows every view in ${scheme} mode with no accessibility violations`, async () => {
      const page = await openPage(scheme);
      for (const [id, label] of VIEWS) {
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('button', { name: label, exact: true })
          .click();
        await expect
          .poll(() => page.locator('h1').first().textContent())
          .toContain(label === 'Today' ? '' : label);
        await expect
          .poll(() =>
            page
              .getByRole('navigation', { name: 'Main' })
              .getByRole('button', { name: label, exact: true })
              .getAttribute('aria-current'),
          )
          .toBe('page');
        await settle(page);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${id}-${scheme}.png`) });
        expect(await axeViolations(page), `${id} (${scheme})`).toEqual([]);
      }
      await page.close();
    });
  }

  it('draws Today without the other views’ code, and loads a view’s code when it opens', async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`lazy page error: ${e.message}`));
    // Every other view's code is held back until the test lets it through.
    const held: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/(Focus|Checkin|Signoff|OneOnOne|Settings)View-[\w-]+\.js$/, async (route) => {
      held.push(/\/assets\/(\w+)View-/.exec(route.request().url())?.[1] ?? '?');
      await released;
      await route.continue();
    });
    await page.goto(preview.openUrl);
    await page.locator('#main .today').waitFor();
    await expect.poll(() => page.locator('#main').textContent()).toMatch(/09:00.{1,3}17:30/);

    // Settings' code is still on its way: one calm line (after a moment), then the view.
    await page.keyboard.press('Control+6');
    await page.getByText('Opening the view…').waitFor();
    expect(held).toContain('Settings');
    release();
    const heading = page.getByRole('heading', { level: 1, name: 'Settings' });
    await heading.waitFor();
    // Keyboard focus lands on the new view's heading, as for a view that was already loaded.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Settings');
    await expect.poll(() => page.getByText('Opening the view…').count()).toBe(0);
    // Each view is a file of its own, and every one of them loads.
    for (const [, label] of VIEWS.slice(1)) {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('button', { name: label, exact: true })
        .click();
      await expect.poll(() => page.locator('h1').first().textContent()).toContain(label);
    }
    expect(new Set(held)).toEqual(new Set(['Focus', 'Checkin', 'Signoff', 'OneOnOne', 'Settings']));
    await page.close();
  });

  it('shows today from the real services: the date, working hours and focus blocks', async () => {
    const page = await openPage('light');
    const main = page.getByRole('main');
    await expect.poll(() => main.textContent()).toMatch(/09:00.{1,3}17:30/);
    await expect.poll(() => main.textContent()).toMatch(/14:00.{1,3}16:00/);
    await expect.poll(() => main.textContent()).toMatch(/15 March|March 15|Monday/);
    await page.close();
  });

  it('is usable from the keyboard alone', async () => {
    const page = await openPage('light');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // the nav's single tab stop
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Today');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => nav.getByRole('button', { name: 'Focus', exact: true }).getAttribute('aria-current'))
      .toBe('page');
    await page.keyboard.press('Control+6');
    await expect
      .poll(() => nav.getByRole('button', { name: 'Settings', exact: true }).getAttribute('aria-current'))
      .toBe('page');
    await page.close();
  });

  it('saves a setting through the real services and applies it', async () => {
    const page = await openPage('light');
    await page.keyboard.press('Control+6');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const stored = await page.evaluate(async () => {
      const r = await (
        window as unknown as {
          keel: { settings: { get(): Promise<{ ok: boolean; value: { theme: string } }> } };
        }
      ).keel.settings.get();
      return r.ok ? r.value.theme : 'error';
    });
    expect(stored).toBe('dark');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-dark-chosen.png') });
    // Put it back so other tests see the system theme.
    await page.getByRole('radio', { name: 'System' }).check();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? 'system'))
      .not.toBe('dark');
    await page.close();
  });

  it('lists a planned change in Settings (light and dark) and withdraws it', async () => {
    const page = await openPage('light');
    // Shorter Fridays from the new year, through the window's own API as the forms save it.
    const saved = await page.evaluate(async () => {
      const keel = (
        window as unknown as {
          keel: {
            settings: {
              get(): Promise<{ ok: boolean; value: { workingHours: Record<string, unknown> } }>;
              set(i: unknown): Promise<{ ok: boolean }>;
            };
          };
        }
      ).keel;
      const now = await keel.settings.get();
      if (!now.ok) return false;
      const value = { ...now.value.workingHours, fri: { start: '09:00', end: '13:00' } };
      return (await keel.settings.set({ key: 'workingHours', value, from: '2028-01-03' })).ok;
    });
    expect(saved).toBe(true);
    await page.keyboard.press('Control+6');
    const planned = page.getByRole('region', { name: 'Planned changes' });
    await planned
      .getByText('From Mon, 3 Jan 2028: working hours Mon–Thu 09:00–17:30 and Fri 09:00–13:00')
      .waitFor();
    // The hours form's "A date…" with a past date, to show the recount sentence too.
    const hours = page.locator('form', {
      has: page.getByRole('group', { name: 'Working hours per weekday' }),
    });
    await hours.getByRole('radio', { name: 'A date…' }).check();
    await hours.getByLabel('Applies from date').fill('2027-03-01');
    await hours.getByText('Figures for the days since Mon, 1 Mar 2027 will be recounted.').waitFor();
    await hours.getByLabel('Applies from date').blur();
    // The window scrolls inside its main area: bring the planned changes to the top.
    await page.setViewportSize({ width: 1180, height: 1300 });
    await planned.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      let scroller = el.parentElement;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
      scroller?.scrollBy(0, -24);
    });
    await settle(page);
    await screenshotBoth(page, 'settings-planned-change');

    await planned.getByRole('button', { name: /^Withdraw the change of working hours/ }).click();
    await planned.getByText('No changes planned.').waitFor();
    await page.close();
  });

  it('made no requests beyond the preview and logged no errors (CSP included)', () => {
    expect(foreignRequests).toEqual([]);
    expect(problems).toEqual([]);
  });
});
