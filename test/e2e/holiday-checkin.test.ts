import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openPreviewSession,
  recorded,
  screenshotBoth,
  testPost,
  type PreviewSession,
  type RunningPreview,
} from './preview-server';

/**
 * A weekly check-in due on a holiday (#14), end to end in the preview: Keel's default cadence
 * (weekly on Friday at 16:00, no one-on-one set) and default rules, opened on Tuesday 1 December
 * 2026 in Berlin (UTC+1). Friday 4 December becomes a holiday in Settings: the prompt moves to
 * Thursday at 16:00, and nothing at all fires on the Friday.
 */
let session: PreviewSession;
let preview: RunningPreview;
let page: Page;

/** Berlin wall-clock time in December 2026 (UTC+1). */
const berlin = (date: string, hhmm: string) => `${date}T${hhmm}:00+01:00`;
const advanceTo = (date: string, hhmm: string) =>
  testPost(preview, 'clock', { advanceTo: berlin(date, hhmm) });

const quickChecks = async () =>
  (await recorded(preview)).notifications.filter((n) => n.title === 'Quick check');

beforeAll(async () => {
  session = await openPreviewSession({ name: 'holiday-checkin', testClock: berlin('2026-12-01', '09:00') });
  ({ preview, page } = session);
  await page.setViewportSize({ width: 1180, height: 1000 });
});

afterAll(async () => {
  await session?.close();
});

async function open(label: string, heading = label): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTo?.(0, 0)));
}

/** The Check-ins view's line on when Keel asks next. */
async function nextPromptLine(): Promise<string> {
  await open('Check-ins');
  const line = page.locator('.cadence-line').first();
  await line.getByText(/Next prompt/).waitFor();
  return (await line.textContent()) ?? '';
}

describe('a weekly check-in due on a holiday moves to the working day before', () => {
  it('by default Keel asks weekly on Friday at 16:00: next on Fri 4 Dec', async () => {
    const line = await nextPromptLine();
    expect(line).toContain('Weekly on Friday at 16:00');
    expect(line).toContain('Next prompt on Fri 4 Dec at 16:00.');
  });

  it('Settings: Friday 4 Dec becomes a holiday, from today', async () => {
    await open('Settings');
    const card = page.getByRole('region', { name: 'Holidays & days off' });
    await card.getByLabel('From', { exact: true }).fill('2026-12-04');
    await card.getByLabel('Note (optional)').fill('Bridge day');
    // A holiday after today needs no earlier start: nothing is offered, nothing recounted.
    expect(await card.getByRole('button', { name: /^Apply from/ }).count()).toBe(0);
    await card.getByRole('button', { name: 'Add holiday' }).click();
    await card.getByText('Bridge day').waitFor();
    expect(await card.getByRole('listitem').first().textContent()).toContain('Fri 4 Dec');
  });

  it('the Check-ins view names Thursday 3 Dec as the next prompt (screenshot)', async () => {
    const line = await nextPromptLine();
    expect(line).toContain(
      'Next prompt on Thu 3 Dec at 16:00. Friday is a holiday (Bridge day), so it comes on the working day before.',
    );
    await screenshotBoth(page, 'holiday-checkin-next-prompt');
  });

  it('Today on Thursday afternoon: the quick check at 16:00 is next up', async () => {
    await advanceTo('2026-12-03', '15:30');
    await open('Today');
    const next = page.getByRole('region', { name: 'Next up' });
    await next.getByText('Quick check').waitFor();
    expect(await next.textContent()).toContain('Today, 16:00');
  });

  it('prompts on Thursday at 16:00, not before', async () => {
    await advanceTo('2026-12-03', '15:59');
    expect(await quickChecks()).toEqual([]);
    await advanceTo('2026-12-03', '16:00');
    await expect.poll(async () => (await quickChecks()).length).toBe(1);
    const [prompt] = await quickChecks();
    expect(prompt?.actions?.map((a) => a.label)).toEqual(['Check in', 'In an hour', 'Skip']);
  });

  it('on the holiday nothing fires: no check-in, no focus block, no sign-off suggestion (screenshot of Today)', async () => {
    await advanceTo('2026-12-03', '23:59');
    const before = (await recorded(preview)).notifications.length;
    await advanceTo('2026-12-04', '16:00');
    await advanceTo('2026-12-04', '23:00');
    const after = (await recorded(preview)).notifications;
    expect(after.slice(before)).toEqual([]);
    expect(await quickChecks()).toHaveLength(1);
    await open('Today');
    await page.getByRole('region', { name: 'Working hours' }).getByText('Day off').waitFor();
    const blocks = page.getByRole('region', { name: 'Focus blocks today' });
    await blocks.getByText('No focus blocks planned today').waitFor();
    expect(await blocks.textContent()).toContain('No working hours today, so no blocks are planned.');
    await screenshotBoth(page, 'holiday-checkin-friday-today');
  });
});
