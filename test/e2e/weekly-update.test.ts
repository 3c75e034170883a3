import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantAt } from '../../src-main/core/time';
import { openDatabase } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
import { WorkdayRepo } from '../../src-main/storage/workday-repo';
import {
  callKeel,
  openPreviewSession,
  SCREENSHOTS,
  screenshotBoth,
  type PreviewSession,
} from './preview-server';

/**
 * Issue #19, item 2, end to end in the built preview: the offer under Friday's sign-off, the
 * draft edited in the One-on-one view, and what is saved equal, byte for byte, to the preview on
 * screen. Screenshots in light and dark, at the window's default size and at 720×520.
 */

let session: PreviewSession;
let page: Page;
const zone = 'Europe/Berlin';
const WEEK = { from: '2027-03-15', to: '2027-03-21' };
const HOSTILE = 'Waiting on <script>alert(1)</script> & [access](javascript:x)';

/** Monday to Friday of the week of 15 March 2027, signed off at 17:30 each day. */
function seed(dataDir: string): void {
  const db = openDatabase(databasePath(dataDir));
  const repo = new WorkdayRepo(db);
  const day = (
    date: string,
    done: string,
    unfinished: { item: string; plan: string }[],
    first: string | null,
  ) =>
    repo.signOff(
      date,
      zone,
      {
        signedOffAt: instantAt(date, '17:30', zone),
        done,
        unfinished,
        firstTomorrow: first,
        energy: 4,
        quietUntil: null,
      },
      false,
    );
  const flaky = { item: 'Flaky e2e on CI', plan: 'ask infra' };
  day('2027-03-15', 'Merged the importer\nReviewed #412', [flaky], null);
  day('2027-03-16', 'Wrote the migration for drafts', [flaky], null);
  day(
    '2027-03-17',
    'Paired with Ana on the parser',
    [flaky, { item: 'Release notes', plan: 'morning' }],
    null,
  );
  day('2027-03-18', 'Fixed the DST bug in the agenda', [flaky], 'Demo to the team');
  day(
    '2027-03-19',
    'Shipped the weekly update draft',
    [flaky, { item: 'Docs for keel update', plan: 'Monday' }],
    'Plan Q2 with Sam',
  );
  db.close();
}

beforeAll(async () => {
  session = await openPreviewSession({
    name: 'weekly-update',
    testClock: '2027-03-19T18:30:00+01:00',
    seed,
    settings: [{ key: 'focusPlan', value: [] }],
  });
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
});

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
const card = () => page.getByRole('region', { name: 'Weekly update', exact: true });
const previewCard = () => page.getByRole('region', { name: 'Update preview' });

/**
 * The preview's text once every edit is kept and the share buttons are ready; `showing`: a line
 * the preview must show first (edits are kept after a pause in typing, then previewed again).
 */
async function readyPreview(format: 'Markdown' | 'Plain text', showing?: string): Promise<string> {
  await previewCard().getByRole('radio', { name: format }).check();
  const label = format === 'Markdown' ? 'Weekly update as Markdown' : 'Weekly update as plain text';
  const preview = previewCard().getByLabel(label);
  if (showing !== undefined) {
    await expect.poll(async () => (await preview.textContent()) ?? '').toContain(showing);
  }
  await expect
    .poll(() => previewCard().getByRole('button', { name: 'Copy update for chat' }).isEnabled())
    .toBe(true);
  return (await preview.textContent()) ?? '';
}

describe('the weekly update, end to end in the preview', () => {
  it('offers the draft under the week’s last sign-off, once', async () => {
    await nav('Sign-off').click();
    const offer = page.getByText(/^Draft this week’s update\?/);
    await offer.waitFor();
    expect(await offer.textContent()).toContain('15–21 March 2027');
    await screenshotBoth(page, 'weekly-update-offer');
  });

  it('opens the draft from the offer, edits it, and saves exactly what the preview shows', async () => {
    await page.getByRole('button', { name: 'Draft it' }).click();
    await page.getByRole('heading', { level: 1, name: 'One-on-one' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('weekly-update-title');
    const shipped = card().getByRole('textbox', { name: /^Shipped, line/ });
    await expect.poll(() => shipped.count()).toBe(6);
    expect(await card().getByRole('textbox', { name: 'Blockers, line 1' }).inputValue()).toBe(
      'Flaky e2e on CI',
    );
    expect(await callKeel(page, 'update:offer', {})).toEqual({ ok: true, value: null });

    await card()
      .getByRole('textbox', { name: 'Shipped, line 6' })
      .fill('Shipped the weekly update (draft, edit, share)');
    await card().getByRole('button', { name: 'Add a line to Blockers' }).click();
    await card().getByRole('textbox', { name: 'Blockers, line 2' }).fill(HOSTILE);
    await card()
      .getByRole('switch', { name: /Include focus time/ })
      .check();

    // Every edit previewed (the added blocker and the focus line) before saving: a save of a
    // preview that then changes is refused, as it should be.
    await readyPreview('Plain text', `• ${HOSTILE}\n`);
    const text = await readyPreview('Plain text', 'Focus time:');
    expect(text).toContain('• Shipped the weekly update (draft, edit, share)\n');
    expect(text).toContain(`• ${HOSTILE}\n`);
    await previewCard().getByRole('button', { name: 'Save update as text…' }).click();
    await previewCard()
      .getByText(/^Saved keel-weekly-update-2027-03-15-to-2027-03-21\.txt/)
      .waitFor();
    const saved = fs.readFileSync(
      path.join(session.dataDir, 'exports', 'keel-weekly-update-2027-03-15-to-2027-03-21.txt'),
      'utf8',
    );
    expect(saved).toBe(text);

    const md = await readyPreview('Markdown');
    // Escaped only where a tag would form.
    expect(md).toContain('\\<script>');
    await previewCard().getByRole('button', { name: 'Save update as Markdown…' }).click();
    await previewCard()
      .getByText(/^Saved keel-weekly-update-2027-03-15-to-2027-03-21\.md/)
      .waitFor();
    const savedMd = fs.readFileSync(
      path.join(session.dataDir, 'exports', 'keel-weekly-update-2027-03-15-to-2027-03-21.md'),
      'utf8',
    );
    expect(savedMd).toBe(md);
    // Both are in the share log, as weekly updates, with their formats.
    const shares = (await callKeel(page, 'summary:shares', {})) as {
      value: { kind: string; format: string }[];
    };
    // (The preview's clock stands still: both have the same instant.)
    expect(shares.value.map((s) => `${s.kind} ${s.format}`).sort()).toEqual([
      'weekly-update md',
      'weekly-update text',
    ]);
  });

  it('looks right in light and dark, at the default size and at 720×520', async () => {
    await readyPreview('Plain text');
    await page.evaluate(() =>
      document.getElementById('weekly-update-title')?.scrollIntoView({ block: 'start' }),
    );
    await screenshotBoth(page, 'weekly-update');
    await page.evaluate(() => document.querySelector('.update-preview')?.scrollIntoView({ block: 'start' }));
    await screenshotBoth(page, 'weekly-update-preview');
    await page.setViewportSize({ width: 720, height: 520 });
    await card().getByRole('textbox', { name: 'Blockers, line 2' }).scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() =>
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, `weekly-update-720-${scheme}.png`) });
    }
    // Nothing overflows the narrow window sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1180, height: 760 });
  });

  it('kept the edits: the draft read again has them', async () => {
    const again = (await callKeel(page, 'update:draft', WEEK)) as {
      value: { saved: boolean; edits: { blockers: string[] } };
    };
    expect(again.value.saved).toBe(true);
    expect(again.value.edits.blockers).toEqual(['Flaky e2e on CI', HOSTILE]);
  });
});
