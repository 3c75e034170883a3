import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantAt, addLocalDays } from '../../src-main/core/time';
import { openDatabase } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
import { WorkdayRepo } from '../../src-main/storage/workday-repo';
import {
  openPreviewSession,
  recorded,
  screenshotBoth,
  testPost,
  type PreviewSession,
  type RunningPreview,
} from './preview-server';

let preview: RunningPreview;
let page: Page;

const zone = 'Europe/Berlin';
/** Berlin wall-clock time (UTC+1 in March 2027); Monday 15 March unless told. */
const berlin = (hhmm: string, date = '2027-03-15') => `${date}T${hhmm}:00+01:00`;
const advanceTo = (hhmm: string, date?: string) =>
  testPost(preview, 'clock', { advanceTo: berlin(hhmm, date) });

/** Four past weeks of presence and sign-offs, so the creep card has something to show. */
function seedHistory(dataDir: string): void {
  const db = openDatabase(databasePath(dataDir));
  const repo = new WorkdayRepo(db);
  const ends = ['17:35', '17:50', '18:20', '17:40', '17:15', '18:05', '18:45', '17:30', '19:10', '17:45'];
  for (let i = 28; i >= 1; i--) {
    const date = addLocalDays('2027-03-15', -i);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || (weekday === 6 && i !== 9)) continue; // one Saturday with a little work
    const end = weekday === 6 ? '11:30' : (ends[i % ends.length] as string);
    repo.recordPresence(date, zone, instantAt(date, weekday === 6 ? '10:00' : '08:45', zone));
    repo.recordPresence(date, zone, instantAt(date, end, zone));
    if (weekday !== 6 && i % 7 !== 3) {
      repo.signOff(
        date,
        zone,
        {
          signedOffAt: instantAt(date, end, zone),
          done: '',
          unfinished: [],
          firstTomorrow: null,
          energy: 3,
          quietUntil: null,
        },
        true,
      );
    }
  }
  db.close();
}

let session: PreviewSession;

beforeAll(async () => {
  session = await openPreviewSession({
    name: 'signoff',
    testClock: berlin('16:50'),
    seed: seedHistory,
    // This test is about the evening: no focus blocks.
    settings: [{ key: 'focusPlan', value: [] }],
  });
  ({ preview, page } = session);
  // The user stays at the keyboard past the end of hours (the preview's own make-believe user
  // leaves ten minutes after it): the reminder is for someone still working.
  await testPost(preview, 'power', { idleSeconds: 0 });
});

afterAll(async () => {
  await session?.close();
});

const signoffNotifications = async () =>
  (await recorded(preview)).notifications.filter((n) => n.title === 'Time to sign off?');

describe('the end of the day, end to end in the preview', () => {
  it('asks "Time to sign off?" at the end of hours while the user is active', async () => {
    await advanceTo('17:29');
    expect(await signoffNotifications()).toEqual([]);
    await advanceTo('17:30');
    await expect.poll(async () => (await signoffNotifications()).length).toBe(1);
    const [first] = await signoffNotifications();
    expect(first?.actions?.map((a) => a.label)).toEqual(['Sign off', '15 more minutes', 'Not today']);
    expect(first?.body).toBe(
      'Working hours ended at 17:30. A minute to note what got done and what comes first tomorrow.',
    );
  });

  it('the Sign-off view offers the same answers; "15 more minutes" snoozes, and one reminder follows', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign-off' }).click();
    const banner = page.getByRole('region', { name: 'Time to sign off?' }).or(page.locator('.suggestion'));
    await banner.first().waitFor();
    await page.getByRole('button', { name: '15 more minutes' }).click();
    await expect.poll(async () => page.getByRole('button', { name: '15 more minutes' }).count()).toBe(0);
    await advanceTo('17:44');
    expect(await signoffNotifications()).toHaveLength(1);
    await advanceTo('17:45');
    await expect.poll(async () => (await signoffNotifications()).length).toBe(2);
    expect((await signoffNotifications())[1]?.body).toBe(
      'Still going? Whenever you are ready, it takes a minute.',
    );
  });

  it('the ritual: done, unfinished with its plan, first thing tomorrow, energy, quiet — then "Signed off at 17:52"', async () => {
    await advanceTo('17:52');
    await page.getByLabel('What got done today').fill('Shipped the importer; reviewed two PRs');
    await page.getByRole('button', { name: 'Add an unfinished thing' }).click();
    await page.getByLabel('Unfinished thing 1', { exact: true }).fill('Flaky login test');
    await page.getByLabel('How unfinished thing 1 continues').fill('10:00, pair with Sam');
    await page.getByLabel('First thing tomorrow').fill('Reply to the design review');
    await page.getByRole('radio', { name: 'Good' }).click();
    await page
      .getByRole('switch', { name: 'Quiet until tomorrow' })
      .or(page.getByLabel('Quiet until tomorrow'))
      .first()
      .check();
    await page.getByRole('button', { name: 'Sign off', exact: true }).last().click();
    await page.getByText('Signed off at 17:52').first().waitFor();

    const r = await recorded(preview);
    expect(r.tray.state).toBe('after-hours');
    expect(r.tray.menu.map((i) => i.label)).toContain('Signed off at 17:52');
    await expect.poll(async () => (await recorded(preview)).dnd.on).toBe(true);
    await page.getByText('Reply to the design review').first().waitFor();
    await page
      .getByRole('heading', { name: /later than planned|evenings|weeks/i })
      .first()
      .waitFor();
    // The view scrolls inside the window: a tall viewport shows all of it, top first.
    await page.setViewportSize({ width: 1180, height: 1700 });
    await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTo?.(0, 0)));
    await page.locator('canvas').first().waitFor();
    await screenshotBoth(page, 'signoff');
    await page.setViewportSize({ width: 1180, height: 760 });
  });

  it('stays silent for the rest of the evening', async () => {
    await advanceTo('21:00');
    expect(await signoffNotifications()).toHaveLength(2);
  });

  it('the next morning: do-not-disturb is back off at 09:00 and Today shows the first thing', async () => {
    await advanceTo('08:59', '2027-03-16');
    expect((await recorded(preview)).dnd.on).toBe(true);
    await advanceTo('09:05', '2027-03-16');
    await expect.poll(async () => (await recorded(preview)).dnd.on).toBe(false);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Today' }).click();
    await page.getByText('First thing today').first().waitFor();
    await page.getByText('Reply to the design review').first().waitFor();
    await screenshotBoth(page, 'today-signoff');
  });

  it('keel day would report Monday as signed off, late or not (through the same services)', async () => {
    const day = await page.evaluate(async () => {
      const keel = (
        window as unknown as { keel: { signoff: { status(): Promise<{ ok: boolean; value: unknown }> } } }
      ).keel;
      return keel.signoff.status();
    });
    expect(day.ok).toBe(true);
    expect((day.value as { carriedOver: { workday: string } }).carriedOver.workday).toBe('2027-03-15');
  });
});
