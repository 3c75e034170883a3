import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckin, type Rating } from '../../src-main/core/checkin';
import { addLocalDays, instantAt } from '../../src-main/core/time';
import { CheckinRepo } from '../../src-main/storage/checkin-repo';
import { openDatabase } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
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
/** Berlin wall-clock time (UTC+1 in March 2027); Friday 19 March unless told. */
const berlin = (hhmm: string, date = '2027-03-19') => `${date}T${hhmm}:00+01:00`;
const advanceTo = (hhmm: string, date?: string) =>
  testPost(preview, 'clock', { advanceTo: berlin(hhmm, date) });

/** Ten past Fridays of check-ins, so the trends have weeks to show. */
function seedHistory(dataDir: string): void {
  const db = openDatabase(databasePath(dataDir));
  const repo = new CheckinRepo(db);
  const workloads: Rating[] = [3, 3, 2, 3, 4, 3, 4, 4, 5, 4];
  const energies: Rating[] = [4, 4, 4, 3, 3, 3, 3, 2, 2, 2];
  const tags = [['meetings'], [], ['deadlines'], ['meetings', 'context-switching'], ['on-call']];
  for (let i = 0; i < 10; i++) {
    const date = addLocalDays('2027-03-12', -7 * (9 - i));
    repo.add(
      makeCheckin(
        {
          workload: workloads[i] as Rating,
          energy: energies[i] as Rating,
          sustainable: i > 7 ? 'no' : i > 4 ? 'mostly' : 'yes',
          stretched: tags[i % tags.length] as string[],
          shareable: false,
        },
        { id: `00000000-0000-4000-8000-00000000000${i}`, at: instantAt(date, '16:10', zone), zone },
      ),
    );
  }
  db.close();
}

let session: PreviewSession;

beforeAll(async () => {
  session = await openPreviewSession({
    name: 'checks',
    testClock: berlin('15:50'),
    seed: seedHistory,
    settings: [
      { key: 'focusPlan', value: [] },
      // The user's chosen time: weekly on Friday at 16:30.
      {
        key: 'checkins',
        value: {
          cadence: { mode: 'weekly', weekday: 'fri', time: '16:30' },
          customTags: [],
          burnout: false,
          who5: false,
        },
      },
    ],
  });
  ({ preview, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('a weekly check-in, end to end in the preview', () => {
  it('prompts at the chosen time (weekly, Friday 16:30) with Check in / In an hour / Skip', async () => {
    await advanceTo('16:29');
    expect((await recorded(preview)).notifications.filter((n) => n.title === 'Quick check')).toEqual([]);
    await advanceTo('16:30');
    await expect
      .poll(
        async () => (await recorded(preview)).notifications.filter((n) => n.title === 'Quick check').length,
      )
      .toBe(1);
    const prompt = (await recorded(preview)).notifications.find((n) => n.title === 'Quick check');
    expect(prompt?.actions?.map((a) => a.label)).toEqual(['Check in', 'In an hour', 'Skip']);
  });

  it('the quick check, done with the keyboard only, is saved', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Check-ins' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check-ins' }).waitFor();
    // Into the workload group's one tab stop, then keys only.
    await page.getByRole('radiogroup', { name: 'Workload' }).getByRole('radio').first().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 4
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // energy 2
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // mostly
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the first tag: meetings
    for (let i = 0; i < 20; i++) {
      if (await page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA')) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Release week; two incidents.');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Saved. Thanks for checking in.').waitFor();

    const checks = await page.evaluate(async () => {
      const keel = (
        window as unknown as {
          keel: { checkin: { list(i: unknown): Promise<{ ok: boolean; value: unknown[] }> } };
        }
      ).keel;
      return keel.checkin.list({ from: '2027-03-19', to: '2027-03-19' });
    });
    expect(checks.value).toEqual([
      expect.objectContaining({
        workload: 4,
        energy: 2,
        sustainable: 'mostly',
        stretched: [{ id: 'meetings', label: 'Meetings' }],
        note: 'Release week; two incidents.',
        shareable: false,
      }),
    ]);
  });

  it('history and trends include it; screenshots in light and dark', async () => {
    await page.getByText('Release week; two incidents.').first().waitFor();
    await page
      .getByRole('img', { name: /workload and energy/i })
      .first()
      .waitFor();
    await page.setViewportSize({ width: 1180, height: 2600 });
    await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTo?.(0, 0)));
    await page.locator('canvas').first().waitFor();
    await screenshotBoth(page, 'checks');
    await page.setViewportSize({ width: 1180, height: 760 });
  });

  it('no second prompt that day: the check was done', async () => {
    await advanceTo('23:00');
    expect((await recorded(preview)).notifications.filter((n) => n.title === 'Quick check')).toHaveLength(1);
  });
});
