import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  openPreviewSession,
  SCREENSHOTS,
  testPost,
  type PreviewSession,
} from './preview-server';

/*
 * The Focus view's calendar card in Chromium against the built preview: an imported calendar with
 * a tentative meeting, an out-of-office hour, a line Keel skips and days away; shot in light and
 * dark mode (test-results/screenshots/calendar-*.png), with axe at zero violations and the card
 * worked from the keyboard alone.
 */

let session: PreviewSession;
let page: Page;

/** Monday 15 March 2027 in Berlin (UTC+1). */
const berlin = (hhmm: string) => `2027-03-15T${hhmm}:00+01:00`;

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Keel e2e//EN',
  ...[
    ['review', 'Design review', '20270315T093000', '20270315T100000', 'STATUS:TENTATIVE'],
    ['standup', 'Standup', '20270315T104500', '20270315T110000', ''],
    ['dentist', 'Dentist', '20270315T143000', '20270315T153000', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF'],
    ['broken', 'Broken', 'not-a-date', '20270315T160000', ''],
  ].flatMap(([uid, title, start, end, extra]) => [
    'BEGIN:VEVENT',
    `UID:${uid}@keel.test`,
    'DTSTAMP:20270301T000000Z',
    `DTSTART;TZID=Europe/Berlin:${start}`,
    `DTEND;TZID=Europe/Berlin:${end}`,
    `SUMMARY:${title}`,
    ...(extra ? [extra] : []),
    'END:VEVENT',
  ]),
  ...[
    ['ooo', 'Out of office', '20270319', '20270320', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF'],
    ['vacation', 'Vacation', '20270322', '20270324', 'TRANSP:TRANSPARENT'],
  ].flatMap(([uid, title, start, end, extra]) => [
    'BEGIN:VEVENT',
    `UID:${uid}@keel.test`,
    'DTSTAMP:20270301T000000Z',
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${title}`,
    extra,
    'END:VEVENT',
  ]),
  'END:VCALENDAR',
  '',
].join('\r\n');

const card = (): Locator => page.getByRole('region', { name: 'Calendar', exact: true });
const blocks = (): Locator => page.getByRole('region', { name: 'Today’s blocks' });

/** Shoots the calendar card (and today's blocks) in light and dark; axe finds nothing in either. */
async function shoot(name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
    await card().screenshot({ path: path.join(SCREENSHOTS, `calendar-${name}-${scheme}.png`) });
    await blocks().screenshot({ path: path.join(SCREENSHOTS, `calendar-blocks-${scheme}.png`) });
    expect(await axeViolations(page), `${name} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function focused(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.getAttribute('role') ?? el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''}`;
  });
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  session = await openPreviewSession({ name: 'calendar', testClock: berlin('08:50') });
  ({ page } = session);
  // Tall enough that the whole card is drawn in one screenshot.
  await page.setViewportSize({ width: 1180, height: 1800 });
  const file = path.join(session.dataDir, 'work.ics');
  fs.writeFileSync(file, CALENDAR);
  await testPost(session.preview, 'choose-file', { path: file });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Focus', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Focus' }).waitFor();
  await card().getByRole('button', { name: 'Import a calendar file (.ics)…' }).click();
  await card().getByText('work.ics').waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('the calendar card in Chromium', () => {
  it('shows what was read, the note, the days away and the blocks’ meetings', async () => {
    await expect.poll(() => card().textContent()).toContain('1 event could not be read and was skipped.');
    const offer = card().getByRole('region', { name: 'Days off from your calendar' });
    expect(await offer.getByRole('listitem').allTextContents()).toEqual([
      'Fri 19 Mar (Out of office)',
      'Mon 22 Mar – Tue 23 Mar (Vacation)',
    ]);
    await expect
      .poll(() => blocks().textContent())
      .toContain('Overlaps “Design review” 09:30–10:00 (tentative)');
    expect(await blocks().textContent()).toContain('Overlaps “Dentist” 14:30–15:30 (out of office)');
    await shoot('imported');
  });

  it('is worked from the keyboard: the offer, the address field and the tentative choice in order', async () => {
    await card().getByRole('button', { name: 'Stop using this calendar' }).focus();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual([
      'button:Add as days off',
      'button:Not now',
      'input:',
      'button:Add address',
      'radio:Warn',
    ]);
    // A bad address: the sentence next to the field, nothing saved.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('ana at example');
    await page.keyboard.press('Enter');
    await card().getByText('Write each address like ana@example.com.').waitFor();
    await shoot('bad-address');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('ana@example.com');
    await page.keyboard.press('Enter');
    await card().getByRole('button', { name: 'Remove ana@example.com' }).waitFor();
  });

  it('adds the days away as holidays, and the offer goes', async () => {
    await card().getByRole('button', { name: 'Add as days off' }).click();
    await card()
      .getByText(/^Added to your holidays:/)
      .waitFor();
    await expect
      .poll(() => card().getByRole('region', { name: 'Days off from your calendar' }).count())
      .toBe(0);
    const holidays = await page.evaluate(async () => {
      const keel = (
        window as unknown as {
          keel: { settings: { get(): Promise<{ ok: boolean; value: { holidays: unknown[] } }> } };
        }
      ).keel;
      const r = await keel.settings.get();
      return r.ok ? r.value.holidays : null;
    });
    expect(holidays).toEqual([
      { from: '2027-03-19', to: '2027-03-19', note: 'Out of office' },
      { from: '2027-03-22', to: '2027-03-23', note: 'Vacation' },
    ]);
    await shoot('added');
  });
});
