import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  callKeel,
  exportedFile,
  openPreviewSession,
  SCREENSHOTS,
  type PreviewSession,
} from './preview-server';

/**
 * The working agreement in the preview: a teammate's zone added by city, the preview that leaves
 * exactly as shown (text copied, .ics saved), the status line for chat, in light and dark at the
 * minimum window size, with axe at zero.
 */

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession({ name: 'agreement', testClock: '2027-03-15T12:00:00+01:00' });
  ({ page } = session);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'One-on-one' }).click();
  await page.getByRole('form', { name: 'Working agreement' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

const card = () => page.getByRole('region', { name: 'Working agreement' });
const share = () => page.getByRole('region', { name: 'Share your agreement' });

async function agreementShares(): Promise<{ kind: string; format: string }[]> {
  const result = (await callKeel(page, 'agreement:shares', {})) as {
    ok: true;
    value: { kind: string; format: string }[];
  };
  return result.value;
}

/**
 * What the window shows with each card scrolled to the top, light and dark (the view scrolls
 * inside the window, so a shot of the window is what the user sees); axe finds nothing.
 */
async function shoot(name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // The palette's "Copied …" line fades after a few seconds; shoot without it.
  await page.locator('.palette-told__text').waitFor({ state: 'detached', timeout: 10_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))));
    for (const [part, region] of [
      ['form', card()],
      ['share', share()],
    ] as const) {
      await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${part}-${scheme}.png`) });
    }
    expect(await axeViolations(page), scheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the working agreement, end to end in the preview', () => {
  it('adds a teammate by city with the keyboard and saves; the preview shows their times', async () => {
    const zone = card().getByRole('combobox', { name: 'Zone (type a city)' });
    await zone.fill('auckland');
    await zone.press('ArrowDown');
    await zone.press('Enter');
    await card().getByRole('textbox', { name: 'Name (optional)' }).fill('Sam');
    await card().getByRole('button', { name: 'Add zone' }).click();
    await card().getByRole('button', { name: 'Save agreement' }).click();
    await card().getByText('Saved. The preview below shows it.').waitFor();
    const text = share().getByLabel('Agreement as text');
    await expect
      .poll(() => text.textContent())
      .toContain('• Mon 09:00–17:30 Berlin = Mon 21:00–Tue 05:30 Sam (Auckland)');
  });

  it('copies the text for chat and saves the .ics exactly as previewed; both are logged', async () => {
    const shown = (await share().getByLabel('Agreement as text').textContent()) ?? '';
    await share().getByRole('button', { name: 'Copy agreement for chat' }).click();
    await share().getByText('Copied as text. The share is logged.').waitFor();
    await share().getByRole('radio', { name: 'Calendar (.ics)' }).click();
    const ics = share().getByLabel('Agreement as ics');
    await expect.poll(() => ics.textContent()).toContain('BEGIN:VCALENDAR');
    const icsShown = (await ics.textContent()) ?? '';
    await share().getByRole('button', { name: 'Save calendar…' }).click();
    await share()
      .getByText(/^Saved .*\.ics\. The share is logged\.$/)
      .waitFor();
    // The <pre> shows CR LF line ends as they are; the file is byte for byte what was previewed.
    expect(exportedFile(session.dataDir, '.ics')).toBe(icsShown);
    const shares = await agreementShares();
    expect(shares.map((s) => `${s.kind} ${s.format}`).sort()).toEqual(['agreement ics', 'agreement text']);
    expect(shown).toContain('When I answer');
  });

  it('shows the status line and copies it, from the card and from the command palette', async () => {
    const status = share().getByRole('region', { name: 'Status for chat' });
    await status.getByText('Working until 17:30').waitFor();
    await status.getByRole('button', { name: 'Copy status for chat' }).click();
    await status.getByText('Copied “Working until 17:30”. The share is logged.').waitFor();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('copy status');
    await page.keyboard.press('Enter');
    // The palette says what it copied in its own status line, once it has closed.
    await page
      .locator('.palette-told__text')
      .getByText('Copied “Working until 17:30”. The share is logged.')
      .waitFor();
    const shares = await agreementShares();
    expect(shares.filter((s) => s.kind === 'status')).toHaveLength(2);
  });

  it('reads well in light and dark at 720×520, with axe at zero', async () => {
    await share().getByRole('radio', { name: 'Text for chat' }).click();
    await share().getByLabel('Agreement as text').waitFor();
    await page.setViewportSize({ width: 720, height: 520 });
    await shoot('agreement-min');
    await page.setViewportSize({ width: 1180, height: 1100 });
    await shoot('agreement');
  });
});
