import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantAt } from '../../src-main/core/time';
import { openDatabase } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
import { WorkdayRepo } from '../../src-main/storage/workday-repo';
import {
  openPreviewSession,
  recorded,
  screenshotBoth,
  testPost,
  type PreviewSession,
} from './preview-server';

/**
 * A first run late in the evening (#14): Keel opened for the first time on Friday 4 December 2026
 * at 22:55 in Berlin (UTC+1), with the default rules (09:00–17:30, blocks 09:00–11:00 and
 * 14:00–16:00, the weekly check-in on Friday at 16:00). Nothing before that instant is missed,
 * late or due; and a sign-off weeks old leaves no "first thing" for today.
 */
const zone = 'Europe/Berlin';
const FIRST_RUN = '2026-12-04T22:55:00+01:00';

async function open(page: Page, label: string): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTo?.(0, 0)));
  return (await page.locator('main').textContent()) ?? '';
}

/** No judgement about time before Keel was there: no "Missed", no share of nothing planned. */
function expectNothingMissed(text: string): void {
  expect(text).not.toMatch(/Missed|missed/);
  expect(text).not.toMatch(/\d+ ?%/);
  expect(text).not.toMatch(/ of [\d ]+h planned/);
}

describe('first run at 22:55 on a fresh data folder', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPreviewSession({ name: 'first-run', testClock: FIRST_RUN });
    ({ page } = session);
    // The views scroll inside the window: a tall viewport shows all of one, top first.
    await page.setViewportSize({ width: 1180, height: 1300 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('Today: the day’s hours and plan, no first thing, nothing missed (screenshot)', async () => {
    const text = await open(page, 'Today');
    expect(text).toContain('It’s Friday 4 December.');
    await page.getByRole('list', { name: 'Focus blocks today' }).getByText('09:00–11:00').waitFor();
    expect(text).not.toMatch(/First thing today|Carried over/);
    expectNothingMissed(text);
    await screenshotBoth(page, 'first-run-today');
  });

  it('Focus: today’s blocks were before Keel started; the week shows no share (screenshot)', async () => {
    await open(page, 'Focus');
    const today = page.getByRole('region', { name: 'Today’s blocks' });
    await expect.poll(() => today.getByText('Before Keel started').count()).toBe(2);
    expect(await today.textContent()).not.toMatch(/Missed|Not started/);
    const week = page.getByRole('region', { name: 'This week' });
    await week.getByText(/^Counting since Friday 4 Dec\./).waitFor();
    const text = (await week.textContent()) ?? '';
    expect(text).toContain('Nothing is planned this week since Keel started counting.');
    expect(text).toContain('Protected this week0 mins, nothing planned');
    expect(text).toContain('Thu 3 DecNot counted: before Keel started');
    expectNothingMissed(text);
    await screenshotBoth(page, 'first-run-focus');
  });

  it('Sign-off: the creep card claims no evening and no sign-off it has not seen (screenshot)', async () => {
    await open(page, 'Sign-off');
    const card = page.getByRole('region', { name: 'Working later than planned' });
    await card
      .getByText('No workday has ended since Keel started counting, so there is nothing to look back on yet.')
      .waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).not.toMatch(/Every workday ended with a sign-off|evenings? ran late\.|stayed your own/);
    expect(text).toContain('Counting since Friday 4 Dec, when Keel started');
    expect(text).toContain('Evenings that ran late0');
    expect(text).toContain('Workdays without a sign-off0');
    await card.getByText('Nothing to chart yet').waitFor();
    await page.setViewportSize({ width: 1180, height: 1900 });
    await screenshotBoth(page, 'first-run-signoff');
  });

  it('the check-in due at 16:00, before Keel started, is not asked for; the next is Fri 11 Dec', async () => {
    await testPost(session.preview, 'clock', { advanceTo: '2026-12-04T23:30:00+01:00' });
    const titles = (await recorded(session.preview)).notifications.map((n) => n.title);
    expect(titles).not.toContain('Quick check');
    const text = await open(page, 'Check-ins');
    expect(text).toContain('Next prompt on Fri 11 Dec at 16:00.');
  });
});

/** One sign-off three weeks before the first run, as if brought over in an export. */
function seedOldSignoff(dataDir: string): void {
  const db = openDatabase(databasePath(dataDir));
  const workdays = new WorkdayRepo(db);
  const date = '2026-11-13';
  workdays.recordPresence(date, zone, instantAt(date, '09:05', zone));
  workdays.recordPresence(date, zone, instantAt(date, '17:20', zone));
  workdays.signOff(
    date,
    zone,
    {
      signedOffAt: instantAt(date, '17:20', zone),
      done: 'Wrapped the release notes',
      unfinished: [{ item: 'Flaky login test', plan: 'Monday, with Sam' }],
      firstTomorrow: 'Reply to the design review',
      energy: 3,
      quietUntil: null,
    },
    true,
  );
  db.close();
}

describe('first run at 22:55 with a sign-off three weeks old', () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPreviewSession({ name: 'first-run-old', testClock: FIRST_RUN, seed: seedOldSignoff });
    ({ page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('Today carries nothing over from it; today’s blocks are not started, not missed', async () => {
    const today = await open(page, 'Today');
    expect(today).toContain('It’s Friday 4 December.');
    expect(today).not.toMatch(/First thing today|Carried over|Reply to the design review|Flaky login test/);
    await open(page, 'Focus');
    const blocks = page.getByRole('region', { name: 'Today’s blocks' });
    await expect.poll(() => blocks.getByText('Not started').count()).toBe(2);
    expect(await blocks.textContent()).not.toMatch(/Missed|Before Keel started/);
    // The sign-off was read: Keel counts from its day.
    await open(page, 'Sign-off');
    await page
      .getByRole('region', { name: 'Working later than planned' })
      .getByText(/^Counting since Friday 13 Nov, when Keel started/)
      .waitFor();
  });
});
