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
 * Input that never surprises (issue #18), in Chromium: Enter on a chip toggles it and never
 * saves the check-in; focus after an action lands on an element, not <body>; talking points
 * in the agenda's order, edited and moved from the keyboard; the sign-off fills in the last
 * working day's unfinished things. Tuesday 16 March 2027 in Berlin.
 */
let session: PreviewSession;
let page: Page;

const call = (channel: string, input: unknown) => callKeel(page, channel, input);

const nav = (name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el === document.body ? 'body' : `${el?.tagName} ${el?.textContent?.trim().slice(0, 40)}`;
  });

beforeAll(async () => {
  session = await openPreviewSession({
    name: 'input',
    testClock: '2027-03-15T17:30:00+01:00',
    settings: [{ key: 'focusPlan', value: [] }],
  });
  ({ page } = session);
  // Monday's sign-off left two things unfinished; then Tuesday morning.
  await call('signoff:submit', {
    done: 'Release notes',
    unfinished: [
      { item: 'Review Sam’s PR', plan: 'First thing' },
      { item: 'Migration for old rows', plan: 'After lunch' },
    ],
    firstTomorrow: '',
    energy: 3,
  });
  await testPost(session.preview, 'clock', { advanceTo: '2027-03-16T10:00:00+01:00' });
  for (const text of ['Hiring plan', 'On-call rotation', 'Conference budget']) {
    await call('talk:add', { text });
  }
});

afterAll(async () => {
  await session?.close();
});

describe('input that never surprises, in the preview', () => {
  it('Enter and Space on a chip toggle it; a half-filled check-in is never saved', async () => {
    await nav('Check-ins');
    const form = page.getByRole('form', { name: 'Quick check' });
    await form.getByRole('radiogroup', { name: 'Workload' }).getByRole('radio', { name: /Heavy/ }).click();
    const chip = form.getByRole('checkbox', { name: 'Meetings' });
    await chip.focus();
    await page.keyboard.press('Enter');
    expect(await chip.isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await chip.isChecked()).toBe(false);
    await page.keyboard.press('Space');
    expect(await chip.isChecked()).toBe(true);
    expect(await page.getByText('Saved. Thanks for checking in.').count()).toBe(0);
    expect(await call('checkin:list', { from: '2027-03-16', to: '2027-03-16' })).toMatchObject({
      ok: true,
      value: [],
    });
    // Ctrl+Enter, with the answers complete, saves; focus lands on the confirmation.
    await form.getByRole('radiogroup', { name: 'Energy' }).getByRole('radio', { name: /Okay/ }).click();
    await form.getByRole('radio', { name: 'Yes' }).click();
    await chip.focus();
    await page.keyboard.press('Control+Enter');
    await page.getByText('Saved. Thanks for checking in.').waitFor();
    await expect.poll(focused).toMatch(/Saved\. Thanks for checking in\./);
  });

  it('starting and ending a block keep focus on the page', async () => {
    await nav('Focus');
    await page.getByRole('button', { name: 'Start a 25 min block' }).click();
    await expect.poll(focused).toMatch(/^SPAN Focus until/);
    await page.getByRole('button', { name: 'End block' }).click();
    await expect.poll(focused).not.toBe('body');
    expect(await focused()).toMatch(/^INPUT|^SPAN Start a focus block/);
  });

  it('talking points: oldest first, moved with Alt+Arrow keys and edited in place', async () => {
    await nav('One-on-one');
    const list = page.getByRole('list', { name: 'Open talking points' });
    const order = () =>
      list
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label')?.replace('Discussed: ', '')));
    await expect.poll(order).toEqual(['Hiring plan', 'On-call rotation', 'Conference budget']);
    await list.getByRole('checkbox', { name: 'Discussed: Conference budget' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(order).toEqual(['Conference budget', 'Hiring plan', 'On-call rotation']);
    expect(await focused()).toMatch(/^INPUT/);
    await list.getByRole('button', { name: 'Edit “Hiring plan”' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' for Q3');
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual(['Conference budget', 'Hiring plan for Q3', 'On-call rotation']);
    await expect.poll(focused).toMatch(/^BUTTON Edit/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshotBoth(page, 'input-talking-points');
  });

  it('the sign-off fills in Monday’s unfinished things', async () => {
    await nav('Sign-off');
    const form = page.getByRole('region', { name: 'Wrap up the day' });
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Unfinished thing 1', exact: true }).inputValue())
      .toBe('Review Sam’s PR');
    expect(await form.getByRole('textbox', { name: 'Unfinished thing 2', exact: true }).inputValue()).toBe(
      'Migration for old rows',
    );
    await screenshotBoth(page, 'input-signoff-carried');
  });
});
