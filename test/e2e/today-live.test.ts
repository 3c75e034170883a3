import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callKeel,
  openPreviewSession,
  screenshotBoth,
  testPost,
  type PreviewSession,
} from './preview-server';

/**
 * Today as a live card (issue #18), in Chromium on the preview with its test clock: a Monday
 * before hours with last week's recap and the first thing from Friday's sign-off, a running
 * block, the day with a due check-in, 17:31 with the sign-off inline, a holiday, a plain morning
 * before hours, and the Focus view going back a week. Keel first ran on Monday 8 March 2027
 * (Berlin), so last week was counted; the preview's make-believe user is at the keyboard in
 * working hours only, so last week had no late evening.
 */
let session: PreviewSession;
let page: Page;

const berlin = (date: string, hhmm: string) => `${date}T${hhmm}:00+01:00`;
const advanceTo = (date: string, hhmm: string) =>
  testPost(session.preview, 'clock', { advanceTo: berlin(date, hhmm) });
const call = (channel: string, input: unknown) => callKeel(page, channel, input);
const nav = (name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();

/**
 * Both sizes: 1280×800 and the minimum window, 720×520; and the minimum width with room for the
 * whole view (the view scrolls inside the window), to see every card at that width.
 */
async function shoot(name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshotBoth(page, name);
  await page.setViewportSize({ width: 720, height: 520 });
  await screenshotBoth(page, `${name}-small`);
  await page.setViewportSize({ width: 720, height: 2000 });
  await screenshotBoth(page, `${name}-narrow-whole`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  session = await openPreviewSession({
    name: 'today-live',
    testClock: berlin('2027-03-08', '08:00'),
    settings: [
      {
        key: 'checkins',
        value: { cadence: { mode: 'daily', time: '10:00' }, customTags: [], burnout: false, who5: false },
      },
      { key: 'holidays', value: [{ from: '2027-03-16', to: '2027-03-16', note: 'Spring day' }] },
    ],
  });
  ({ page } = session);
  // Last week: two check-ins, and a sign-off on Friday that leaves the first thing for Monday.
  await advanceTo('2027-03-10', '15:00');
  await call('checkin:add', { workload: 4, energy: 2, sustainable: 'mostly', stretched: [] });
  await advanceTo('2027-03-11', '15:00');
  await call('checkin:add', { workload: 3, energy: 3, sustainable: 'yes', stretched: [] });
  await advanceTo('2027-03-12', '17:40');
  await call('signoff:submit', {
    done: 'Release notes',
    unfinished: [{ item: 'Review Sam’s PR', plan: 'First thing' }],
    firstTomorrow: 'Write the rollout plan',
  });
  await call('talk:add', { text: 'On-call rotation' });
  await advanceTo('2027-03-15', '08:30');
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('Today as a live card, in the preview', () => {
  it('Monday before hours: the day’s start, the first thing, and last week’s recap', async () => {
    await nav('Today');
    await expect
      .poll(() => page.getByRole('region', { name: 'Before hours' }).textContent())
      .toContain('Your day starts at 09:00; the first focus block is at 09:00.');
    const first = page.getByRole('region', { name: 'First thing today' });
    expect(await first.textContent()).toContain('Write the rollout plan');
    const recap = page.getByRole('region', { name: 'Last week' });
    expect(await recap.textContent()).toContain('8 – 14 March 2027, compared with 1 – 7 March 2027.');
    expect(await recap.textContent()).toContain('2 check-ins');
    expect(await recap.textContent()).toContain('0 late evenings in 5 workdays');
    expect(await recap.textContent()).toContain('1 talking point waiting');
    expect(await recap.textContent()).toContain('Keel was not counting yet that week');
    await recap.getByText('How this is counted').first().click();
    expect(await recap.textContent()).toContain('Planned: the blocks of your weekly focus plan');
    await shoot('today-monday-recap');
  });

  it('during the day with a block running: its end, End block, and one way to Focus', async () => {
    await advanceTo('2027-03-15', '09:45');
    const card = page.getByRole('region', { name: 'In a focus block until 11:00' });
    await expect.poll(() => card.textContent()).toContain('Keel is holding its prompts');
    expect(await card.textContent()).toContain('Working hours 09:00–17:30.');
    expect(await card.getByRole('button', { name: 'End block' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Open Focus' }).count()).toBe(1);
    await shoot('today-running');
  });

  it('during the day: the next block, minutes protected so far and a due check-in in one tap', async () => {
    await advanceTo('2027-03-15', '12:05');
    const card = page.getByRole('region', { name: 'During the day' });
    await expect.poll(() => card.textContent()).toContain('Next block14:00–16:00');
    expect(await card.textContent()).toMatch(/Protected so far today2 hrs/);
    await shoot('today-during');
    await card.getByRole('button', { name: 'Check in now' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Check-ins');
  });

  it('at 17:31, after the sign-off notification, Today shows the sign-off inline', async () => {
    await nav('Today');
    await advanceTo('2027-03-15', '17:31');
    const after = page.getByRole('region', { name: 'After hours' });
    await expect.poll(() => after.textContent()).toContain('Working hours ended at 17:30.');
    const form = page.getByRole('form', { name: 'Sign off for today' });
    await shoot('today-after-hours');
    await form.getByRole('textbox', { name: /What got done/ }).fill('Rollout plan drafted');
    await form.getByRole('button', { name: 'Sign off' }).click();
    await expect.poll(() => page.getByText(/Signed off at/).textContent()).toContain('Signed off at 17:31.');
  });

  it('on a holiday: Keel is quiet today', async () => {
    await advanceTo('2027-03-16', '10:00');
    const quiet = page.getByRole('region', { name: 'Keel is quiet today' });
    await expect.poll(() => quiet.textContent()).toContain('Spring day: no working hours');
    await shoot('today-holiday');
  });

  it('a morning before hours: when the day and its first block start', async () => {
    await advanceTo('2027-03-17', '08:30');
    const before = page.getByRole('region', { name: 'Before hours' });
    await expect
      .poll(() => before.textContent())
      .toContain('Your day starts at 09:00; the first focus block is at 09:00.');
    expect(await page.getByText('Good morning. It’s Wednesday 17 March.').count()).toBe(1);
    await shoot('today-before-hours');
  });

  it('the Focus view goes back to last week from the keyboard, naming its range', async () => {
    await nav('Focus');
    const week = page.getByRole('region', { name: 'This week' });
    await expect.poll(() => week.textContent()).toContain('Monday 15 Mar to Sunday 21 Mar.');
    await week.getByRole('button', { name: 'Previous week' }).focus();
    await page.keyboard.press('Enter');
    const last = page.getByRole('region', { name: 'Last week' });
    await expect.poll(() => last.textContent()).toContain('Monday 8 Mar to Sunday 14 Mar.');
    await expect.poll(() => last.getByText('Protected last week').isVisible()).toBe(true);
    await last.scrollIntoViewIfNeeded();
    await shoot('focus-last-week');
  });
});
