import { markWelcomeDone } from '../helpers/welcome';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCheckin, type Rating } from '../../src-main/core/checkin';
import { instantAt } from '../../src-main/core/time';
import { backupDaily } from '../../src-main/storage/backups';
import { CheckinRepo } from '../../src-main/storage/checkin-repo';
import { openDatabase } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
import { openPreviewSession, screenshotBoth, testPost, type PreviewSession } from './preview-server';

const zone = 'Europe/Berlin';
let session: PreviewSession;
let page: Page;

/**
 * Three check-ins, yesterday's daily backup of them, and then a data file that is not a
 * database: Keel must set it aside, restore the backup and say so.
 */
function seedDamaged(dataDir: string): void {
  const file = databasePath(dataDir);
  // The welcome was gone through before the backup (the damaged file can take no mark later).
  markWelcomeDone(dataDir);
  const db = openDatabase(file);
  const repo = new CheckinRepo(db);
  ['2027-03-12', '2027-03-15', '2027-03-17'].forEach((date, i) => {
    repo.add(
      makeCheckin(
        {
          workload: (3 + (i % 2)) as Rating,
          energy: 3,
          sustainable: 'mostly',
          stretched: [],
          shareable: false,
        },
        { id: `00000000-0000-4000-8000-00000000000${i}`, at: instantAt(date, '16:10', zone), zone },
      ),
    );
  });
  backupDaily(db, dataDir, {
    today: '2027-03-18',
    weekStart: '2027-03-15',
    now: instantAt('2027-03-18', '09:05', zone),
  });
  db.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.writeFileSync(file, 'This is not a Keel database. '.repeat(200));
}

type Overview = { counts: Record<string, number>; backups: unknown[]; recovery: unknown };

async function overview(): Promise<Overview> {
  const result = await page.evaluate(async () => {
    const keel = (
      window as unknown as {
        keel: { data: { overview(): Promise<{ ok: boolean; value: unknown }> } };
      }
    ).keel;
    return keel.data.overview();
  });
  if (!result.ok) throw new Error('data:overview failed');
  return result.value as Overview;
}

function nav(name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
}

function dataCard(): Locator {
  return page.getByRole('region', { name: 'Your data' });
}

beforeAll(async () => {
  session = await openPreviewSession({
    name: 'data',
    testClock: '2027-03-19T12:00:00+01:00',
    seed: seedDamaged,
    // Marked inside the seed, before the file was damaged.
    welcome: true,
    settings: [{ key: 'focusPlan', value: [] }],
  });
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('your data, end to end in the preview', () => {
  it('tells at the top of the window that the data file was set aside and a backup restored', async () => {
    const banner = page.getByRole('region', { name: 'About your data' });
    await banner.waitFor();
    await expect
      .poll(() => banner.textContent())
      .toMatch(
        /damaged and could not be read\. It was moved, not deleted, to .*set-aside.*restored the backup/,
      );
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await screenshotBoth(page, 'data-recovery');

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    expect((await overview()).recovery).toBeNull();
    // For good: not after a reload either.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await expect.poll(async () => (await overview()).counts.checkins).toBe(3);
    expect(await page.getByRole('region', { name: 'About your data' }).count()).toBe(0);
  });

  it('Settings shows where the data lives, what it holds and the backups; light and dark', async () => {
    await nav('Settings').click();
    const card = dataCard();
    await card.waitFor();
    await card.getByText(session.dataDir, { exact: true }).waitFor();
    await card.getByText('Everything stays on this computer; nothing is sent anywhere.').waitFor();
    await card.getByText(/^Keel holds 3 check-ins/).waitFor();

    const backups = card.getByRole('region', { name: 'Backups' });
    if ((await backups.getByRole('listitem').count()) === 0) {
      await backups.getByRole('button', { name: 'Back up now' }).click();
      await backups.getByText('Backed up.', { exact: false }).waitFor();
    }
    expect(await backups.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    await backups.getByRole('listitem').first().getByText('Daily').waitFor();

    await page.setViewportSize({ width: 1180, height: 1300 });
    await card.scrollIntoViewIfNeeded();
    await screenshotBoth(page, 'settings-data');
  });

  it('"Back up now" writes today’s copy', async () => {
    const backups = dataCard().getByRole('region', { name: 'Backups' });
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await backups.getByText('Backed up. Today’s copy now holds your data as it is.').waitFor();
    await backups.getByRole('button', { name: /^Restore the daily copy from today at 12:00…$/ }).waitFor();
    expect(fs.existsSync(path.join(session.dataDir, 'backups', 'daily', 'keel-2027-03-19.db'))).toBe(true);
  });

  it('asks before a restore; Cancel changes nothing', async () => {
    const backups = dataCard().getByRole('region', { name: 'Backups' });
    await backups.getByRole('button', { name: /^Restore the daily copy from yesterday/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.getByText(/^Your data will be replaced by the copy from yesterday at 09:05\./).waitFor();
    await screenshotBoth(page, 'data-restore-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await overview()).backups.length).toBeGreaterThanOrEqual(2);
  });

  it('exports every record as JSON into the folder the save dialog chose, and imports it back', async () => {
    const transfer = dataCard().getByRole('region', { name: 'Full backup and import' });
    await transfer.getByRole('button', { name: 'Back up all my data (includes private notes)…' }).click();
    await page
      .getByRole('dialog', { name: 'Back up all my data (includes private notes)' })
      .getByRole('button', { name: 'Save without a passphrase…' })
      .click();
    await transfer
      .getByText(
        'Saved keel-export-2027-03-19.json. It holds every private note in plain text; keep it where only you can read it.',
      )
      .waitFor();
    const file = path.join(session.dataDir, 'exports', 'keel-export-2027-03-19.json');
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      format: string;
      records: { checkins: unknown[] };
    };
    expect(exported.records.checkins).toHaveLength(3);

    // The same file back in: everything is already here, the focus plan set at the start too.
    await testPost(session.preview, 'choose-file', { path: file });
    await transfer.getByRole('button', { name: 'Import…' }).click();
    await transfer
      .getByText(
        /^Nothing new in keel-export-2027-03-19\.json: its \d+ records and 1 setting were already here\.$/,
      )
      .waitFor();

    // A file that is not an export: main's sentence, nothing changed.
    const junk = path.join(session.dataDir, 'exports', 'notes.json');
    fs.writeFileSync(junk, 'not json');
    await testPost(session.preview, 'choose-file', { path: junk });
    await transfer.getByRole('button', { name: 'Import…' }).click();
    await transfer
      .getByRole('alert')
      .getByText('That file is not JSON, so it is not a Keel backup; nothing was imported.')
      .waitFor();
    expect((await overview()).counts.checkins).toBe(3);
  });

  it('deletes everything after DELETE is typed; the counts drop to zero and Today still renders', async () => {
    const card = dataCard();
    await card.getByRole('button', { name: 'Delete all my data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete all your data?' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('textbox', { name: 'Type DELETE to confirm' });
    const button = dialog.getByRole('button', { name: 'Delete everything' });
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await button.isDisabled()).toBe(true);
    await page.keyboard.type('DELETE');
    expect(await button.isEnabled()).toBe(true);
    await screenshotBoth(page, 'data-delete-dialog');
    await button.click();

    await card
      .getByText('Everything Keel stored is deleted. Keel is running with its default settings.')
      .waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const after = await overview();
    // Keel keeps running: its re-plan samples presence at once, so today's workday (when the
    // user was active, nothing they wrote) may be back already. Everything else is gone.
    const { workdays, ...rest } = after.counts;
    expect(rest).toEqual(Object.fromEntries(Object.keys(rest).map((k) => [k, 0])));
    expect(workdays).toBeLessThanOrEqual(1);
    await card.getByText(workdays === 0 ? 'Keel holds no records yet.' : 'Keel holds 1 workday.').waitFor();
    expect(after.backups).toEqual([]);
    expect(fs.existsSync(path.join(session.dataDir, 'backups'))).toBe(false);
    // What the user exported is theirs: it stays.
    expect(fs.existsSync(path.join(session.dataDir, 'exports', 'keel-export-2027-03-19.json'))).toBe(true);

    await page.setViewportSize({ width: 1180, height: 760 });
    await nav('Today').click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('heading', { name: 'Working hours' }).waitFor();
  });
});
