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

let session: PreviewSession;
let preview: RunningPreview;
let page: Page;

/** Berlin wall-clock time on Monday 15 March 2027 (UTC+1). */
const berlin = (hhmm: string) => `2027-03-15T${hhmm}:00+01:00`;
const advanceTo = (hhmm: string) => testPost(preview, 'clock', { advanceTo: berlin(hhmm) });

const shoot = (name: string) => screenshotBoth(page, name);

beforeAll(async () => {
  session = await openPreviewSession({ name: 'focus', testClock: berlin('08:50') });
  ({ preview, page } = session);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Focus', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Focus' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('a planned focus block, end to end in the preview', () => {
  it('turns on do-not-disturb in Settings (recorded, nothing on this machine changes)', async () => {
    const result = await page.evaluate(async () => {
      const keel = (
        window as unknown as { keel: { settings: { set(i: unknown): Promise<{ ok: boolean }> } } }
      ).keel;
      return keel.settings.set({ key: 'dnd', value: { enabled: true } });
    });
    expect(result.ok).toBe(true);
  });

  it('warns five minutes ahead with "Skip this one" and "Start now"', async () => {
    await advanceTo('08:55');
    const r = await recorded(preview);
    expect(r.notifications.map((n) => n.title)).toEqual(['Focus block at 09:00']);
    expect(r.notifications[0]?.actions?.map((a) => a.label)).toEqual(['Skip this one', 'Start now']);
  });

  it('starts the block: notification, tray focus state, do-not-disturb on, and the view shows it', async () => {
    await advanceTo('09:00');
    await expect
      .poll(async () => (await recorded(preview)).notifications.map((n) => n.title))
      .toContain('Focus until 11:00');
    const r = await recorded(preview);
    expect(r.tray.state).toBe('focus');
    expect(r.tray.menu[0]?.label).toBe('Focus until 11:00 · 2 hrs left');
    await expect.poll(async () => (await recorded(preview)).dnd.on).toBe(true);
    await page.getByRole('heading', { name: 'Focus until 11:00' }).waitFor();
  });

  it('logs an interruption with a note and where I left off, from the window', async () => {
    await advanceTo('09:40');
    await page.getByRole('button', { name: 'I got interrupted' }).click();
    const dialog = page.getByRole('dialog', { name: 'What interrupted you?' });
    await dialog.getByRole('radio', { name: 'Chat' }).check();
    await dialog.getByLabel('Note (optional)').fill('Review request from Sam');
    await dialog.getByLabel('Where did you leave off?').fill('Parser: error paths next');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const running = await page.evaluate(async () => {
      const keel = (
        window as unknown as {
          keel: {
            focus: { status(): Promise<{ ok: boolean; value: { running: { interruptions: number } } }> };
          };
        }
      ).keel;
      return (await keel.focus.status()).value.running;
    });
    expect(running.interruptions).toBe(1);
    await expect.poll(() => page.getByRole('main').textContent()).toMatch(/1 interruption/);
    await shoot('focus-running');
  });

  it('ends the block at 11:00: "2 h protected, 1 interruption", tray back, do-not-disturb restored, stats updated', async () => {
    await advanceTo('11:00');
    await expect
      .poll(async () => (await recorded(preview)).notifications.map((n) => n.title))
      .toContain('2 hrs protected, 1 interruption');
    const r = await recorded(preview);
    expect(r.tray.state).toBe('idle');
    // 08:50 is before working hours; the block and the working day begin together at 09:00.
    expect(r.tray.stateHistory).toEqual(['after-hours', 'focus', 'idle']);
    await expect.poll(async () => (await recorded(preview)).dnd.history).toEqual([true, false]);
    const week = page.getByRole('region', { name: 'This week' });
    await expect.poll(() => week.textContent()).toMatch(/Mon 15.*2 hrs/);
    await expect.poll(() => page.getByRole('main').textContent()).toMatch(/Where did you leave off\?/);
    await shoot('focus-after');
  });
});
