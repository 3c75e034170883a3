import fs from 'node:fs';
import path from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/storage/paths';
import { findBackup } from '../../src-main/storage/backups';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import { resetData } from '../../src-renderer/stores/data';
import { useStatus } from '../../src-renderer/stores/status';
import { navItem, renderApp, renderView } from './harness';
import { createTestKeel, sqliteError, type TestKeel, type TestKeelOptions } from './keel-bridge';

// The clock: Tuesday 11 March 2025, 08:40 in Berlin.

afterEach(() => {
  resetData();
});

/**
 * The backups a Keel that has run for a while has, written by main at their times: Monday's
 * daily and weekly copies (08:31) and today's daily copy (08:30).
 */
async function withBackups(options: TestKeelOptions = {}): Promise<TestKeel> {
  const keel = away(createTestKeel(options));
  await keel.at('2025-03-10T08:31:00+01:00', () => keel.call('data:backupNow', {}));
  await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('data:backupNow', {}));
  return keel;
}

/**
 * The user is away from the keyboard (the OS reports no idle time), so the runtime records no
 * presence today and the record counts are exactly what a test wrote.
 */
function away(keel: TestKeel): TestKeel {
  keel.power.idle = Infinity;
  return keel;
}

/** One check-in, on Friday. */
async function oneCheckin(keel: TestKeel): Promise<TestKeel> {
  await keel.at('2025-03-07T16:05:00+01:00', () =>
    keel.call('checkin:add', { workload: 4, energy: 2, sustainable: 'mostly', note: 'Busy' }),
  );
  return keel;
}

async function openCard(given?: TestKeel | TestKeelOptions) {
  const view = renderView('settings', given ?? (await withBackups()));
  const card = await screen.findByRole('region', { name: 'Your data' });
  await within(card).findByText(/^Keel holds/);
  // Backups say "Today" and "Yesterday" by status's date, which may answer after the overview.
  await waitFor(() => expect(useStatus.getState().status).not.toBeNull());
  return { ...view, card };
}

const checkInsOf = (keel: TestKeel) => keel.services.checkin.list('2025-01-01', '2025-03-11');
/** A backup's size as the list shows it. */
const SIZE = '\\d+ KB';

function section(card: HTMLElement, name: string): HTMLElement {
  return within(card).getByRole('region', { name });
}

function backupRows(card: HTMLElement): HTMLElement[] {
  return within(section(card, 'Backups')).queryAllByRole('listitem');
}

describe('Settings: Your data', () => {
  it('says where the data lives, that it stays there, what it holds, and lists the backups newest first', async () => {
    const { card, keel } = await openCard(await oneCheckin(await withBackups()));
    expect(
      within(card).getByText('Everything stays on this computer; nothing is sent anywhere.'),
    ).toBeVisible();
    expect(within(card).getByText(keel.dataDir)).toBeVisible();
    expect(within(card).getByText('Keel holds 1 check-in.')).toBeVisible();
    expect(
      within(card).getByText('Keel backs up your data every day and keeps 7 daily and 4 weekly copies.'),
    ).toBeVisible();

    const rows = backupRows(card);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(`^DailyToday at 08:30${SIZE}Restore…$`),
      expect.stringMatching(`^DailyYesterday at 08:31${SIZE}Restore…$`),
      expect.stringMatching(`^WeeklyYesterday at 08:31${SIZE}Restore…$`),
    ]);
    expect(within(rows[0] as HTMLElement).getByRole('button')).toHaveAccessibleName(
      'Restore the daily copy from today at 08:30…',
    );
    expect(within(rows[2] as HTMLElement).getByRole('button')).toHaveAccessibleName(
      'Restore the weekly copy from yesterday at 08:31…',
    );
  });

  it('restores only after the confirmation: Cancel and Escape do nothing, Restore replaces the data and names the safety copy', async () => {
    const { user, keel, card } = await openCard();
    // Changed since the backups were written (in main): a restore puts the old value back.
    await act(async () => keel.services.settings.set('autostart', true));
    const restoreYesterday = within(card).getByRole('button', {
      name: 'Restore the daily copy from yesterday at 08:31…',
    });

    await user.click(restoreYesterday);
    let dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveAccessibleDescription(
      'Your data will be replaced by the copy from yesterday at 08:31. Keel first keeps a copy of the data as it is now, so you can undo this.',
    );
    // The safe answer has focus.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(restoreYesterday).toHaveFocus();

    // By keyboard: Enter opens it with focus on Cancel, Escape closes it.
    await user.keyboard('{Enter}');
    dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(keel.callsTo('data:restore')).toEqual([]);
    expect(keel.services.settings.get().autostart).toBe(true);

    await user.click(restoreYesterday);
    dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));

    expect(
      await within(section(card, 'Backups')).findByText(
        'Restored the copy from yesterday at 08:31. Your data as it was just before is kept as “Before a change, today at 08:40”; restore that to undo.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(keel.callsTo('data:restore')).toEqual([{ id: 'daily-2025-03-10' }]);
    expect(keel.services.settings.get().autostart).toBe(false);
    // The safety copy is listed, newest first, and can itself be restored (to undo).
    await waitFor(() => expect(backupRows(card)).toHaveLength(4));
    expect(backupRows(card)[0]).toHaveTextContent('Before a changeToday at 08:40');
    expect(
      within(card).getByRole('button', {
        name: 'Restore the copy made before a change from today at 08:40…',
      }),
    ).toBeEnabled();
  });

  it('shows the sentence in the dialog when a restore fails, and keeps the dialog open', async () => {
    const keel = await withBackups();
    // Today's copy has been damaged on disk since it was written (its time stays as it was).
    const file = findBackup(keel.dataDir, 'daily-2025-03-11').path;
    const { atime, mtime } = fs.statSync(file);
    fs.writeFileSync(file, 'not a database '.repeat(512));
    fs.utimesSync(file, atime, mtime);
    const { user, card } = await openCard(keel);
    await user.click(
      within(card).getByRole('button', { name: 'Restore the daily copy from today at 08:30…' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /^That backup cannot be restored because .+; nothing was changed\.$/,
    );
    expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeEnabled();
  });

  it('shows an empty list until the first backup, and "Back up now" makes one', async () => {
    const { user, keel, card } = await openCard(away(createTestKeel()));
    const backups = section(card, 'Backups');
    expect(within(backups).getByRole('heading', { name: 'No backups yet' })).toBeVisible();
    expect(backupRows(card)).toEqual([]);

    await user.click(within(backups).getByRole('button', { name: 'Back up now' }));
    expect(
      await within(backups).findByText('Backed up. Today’s copy now holds your data as it is.'),
    ).toBeVisible();
    expect(keel.callsTo('data:backupNow')).toHaveLength(1);
    expect(backupRows(card).map((r) => r.textContent)).toEqual([
      expect.stringMatching(`^DailyToday at 08:40${SIZE}Restore…$`),
      expect.stringMatching(`^WeeklyToday at 08:40${SIZE}Restore…$`),
    ]);
    expect(keel.services.data.overview().backups.map((b) => b.id)).toEqual([
      'daily-2025-03-11',
      'weekly-2025-03-10',
    ]);
    expect(within(backups).queryByRole('heading', { name: 'No backups yet' })).not.toBeInTheDocument();
  });

  it('shows the sentence when "Back up now" fails (storage), and nothing crashes', async () => {
    const { user, keel, card } = await openCard();
    keel.failNext('data:backupNow', sqliteError('SQLITE_FULL'));
    const backups = section(card, 'Backups');
    await user.click(within(backups).getByRole('button', { name: 'Back up now' }));
    expect(await within(backups).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.full);
    expect(within(backups).getByRole('button', { name: 'Back up now' })).toBeEnabled();
    expect(backupRows(card)).toHaveLength(3);
  });

  it('holds every data button while a call runs', async () => {
    // The window's backup call is held open until every button has been looked at.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { user, card } = await openCard(
      await withBackups({ hold: (channel) => (channel === 'data:backupNow' ? held : undefined) }),
    );
    const backUp = within(card).getByRole('button', { name: 'Back up now' });
    await user.click(backUp);
    expect(backUp).toBeDisabled();
    expect(backUp).toHaveAttribute('aria-busy', 'true');
    for (const name of ['Back up all my data (includes private notes)…', 'Import…', 'Delete all my data…'])
      expect(within(card).getByRole('button', { name })).toBeDisabled();
    expect(
      within(card).getByRole('button', { name: 'Restore the daily copy from today at 08:30…' }),
    ).toBeDisabled();
    release();
    await within(card).findByText('Backed up. Today’s copy now holds your data as it is.');
    expect(
      within(card).getByRole('button', { name: 'Back up all my data (includes private notes)…' }),
    ).toBeEnabled();
  });

  it('says the backup holds every private note, and names the saved file', async () => {
    const { user, keel, card } = await openCard();
    const transfer = section(card, 'Full backup and import');
    await user.click(
      within(transfer).getByRole('button', { name: 'Back up all my data (includes private notes)…' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Back up all my data (includes private notes)',
    });
    expect(dialog).toHaveTextContent(
      'One file with everything Keel keeps: every check-in and its note, private notes included, your talking points, focus blocks, sign-offs and settings. Anyone who can open the file can read all of it.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save without a passphrase…' }));
    expect(await within(transfer).findByRole('status')).toHaveTextContent(
      'Saved keel-export-2025-03-11.json. It holds every private note in plain text; keep it where only you can read it.',
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(keel.shell.saved.map((f) => path.basename(f.path))).toEqual(['keel-export-2025-03-11.json']);
    expect(JSON.parse(String(keel.shell.saved[0]?.content))).toMatchObject({ format: expect.any(String) });
  });

  it('says nothing after a cancelled export', async () => {
    const keel = await withBackups();
    keel.shell.cancelSaves = true;
    const { user, card } = await openCard(keel);
    const transfer = section(card, 'Full backup and import');
    await user.click(
      within(transfer).getByRole('button', { name: 'Back up all my data (includes private notes)…' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Save without a passphrase…' }));
    await waitFor(() => expect(keel.callsTo('data:export')).toHaveLength(1));
    await waitFor(() => expect(within(transfer).getByRole('button', { name: 'Import…' })).toBeEnabled());
    expect(within(transfer).queryByRole('status')).not.toBeInTheDocument();
    expect(within(transfer).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('imports a file and says how many records were new and how many already here', async () => {
    // An export from 1 March held three check-ins; two have been deleted since.
    const keel = await oneCheckin(await withBackups());
    const monday = await keel.at('2025-03-03T16:00:00+01:00', () =>
      keel.call('checkin:add', { workload: 3, energy: 3, sustainable: 'yes' }),
    );
    const tuesday = await keel.at('2025-03-04T16:00:00+01:00', () =>
      keel.call('checkin:add', { workload: 2, energy: 4, sustainable: 'yes' }),
    );
    await keel.call('data:export', {});
    const exported = String(keel.shell.saved.at(-1)?.content);
    keel.shell.nextChosenFile = keel.writeFile('keel-export-2025-03-01.json', exported);
    keel.services.checkin.delete(monday.id);
    keel.services.checkin.delete(tuesday.id);
    const { user, card } = await openCard(keel);
    const transfer = section(card, 'Full backup and import');
    expect(within(card).getByText('Keel holds 1 check-in.')).toBeVisible();
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    expect(await within(transfer).findByRole('status')).toHaveTextContent(
      'Imported 2 records from keel-export-2025-03-01.json; 1 was already here.',
    );
    expect(checkInsOf(keel)).toHaveLength(3);
    // The counts follow, and the copy from before the import is listed.
    expect(await within(card).findByText('Keel holds 3 check-ins.')).toBeVisible();
    expect(backupRows(card)[0]).toHaveTextContent('Before a change');

    // The same file again: nothing new.
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    expect(
      await within(transfer).findByText(
        'Nothing new in keel-export-2025-03-01.json: all 3 records were already here.',
      ),
    ).toBeVisible();

    // Cancelled: the last sentence goes, nothing new is said.
    keel.shell.nextChosenFile = null;
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    await waitFor(() => expect(keel.callsTo('data:import')).toHaveLength(3));
    await waitFor(() => expect(within(transfer).queryByRole('status')).not.toBeInTheDocument());
  });

  it('names the settings a file brought apart from its records', async () => {
    // Another computer's Keel: a check-in, the day boundary (a dated rule) and a theme.
    const other = await oneCheckin(away(createTestKeel()));
    await other.settings({ dayBoundary: '05:00', theme: 'dark' });
    await other.call('data:export', {});
    const keel = await withBackups();
    keel.shell.nextChosenFile = keel.writeFile(
      'keel-export-2025-03-11.json',
      String(other.shell.saved.at(-1)?.content),
    );
    await keel.settings({ theme: 'light' });
    const { user, card } = await openCard(keel);
    const transfer = section(card, 'Full backup and import');
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    expect(await within(transfer).findByRole('status')).toHaveTextContent(
      'Imported 1 record and 1 setting from keel-export-2025-03-11.json; 1 setting was already here.',
    );
    expect(keel.services.settings.get()).toMatchObject({ dayBoundary: '05:00', theme: 'light' });
    expect(await within(card).findByText('Keel holds 1 check-in.')).toBeVisible();

    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    expect(
      await within(transfer).findByText(
        'Nothing new in keel-export-2025-03-11.json: its 1 record and 2 settings were already here.',
      ),
    ).toBeVisible();
  });

  it('shows main’s sentence for a file that is not a Keel backup', async () => {
    const { user, keel, card } = await openCard();
    const transfer = section(card, 'Full backup and import');
    keel.shell.nextChosenFile = keel.writeFile('notes.json', 'Monday: call the dentist');
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    expect(await within(transfer).findByRole('alert')).toHaveTextContent(
      'That file is not JSON, so it is not a Keel backup; nothing was imported.',
    );
    expect(within(transfer).getByRole('button', { name: 'Import…' })).toBeEnabled();
  });

  it('locks a backup with a passphrase typed twice, and opens it again only with that passphrase', async () => {
    const keel = await oneCheckin(await withBackups());
    const { user, card } = await openCard(keel);
    const transfer = section(card, 'Full backup and import');
    await user.click(
      within(transfer).getByRole('button', { name: 'Back up all my data (includes private notes)…' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Back up all my data (includes private notes)',
    });
    await user.type(within(dialog).getByLabelText('Passphrase (optional)'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Save locked backup…' }));
    expect(within(dialog).getByText('Use a passphrase of at least 8 characters.')).toBeVisible();
    await user.type(within(dialog).getByLabelText('Passphrase (optional)'), ' but long now');
    await user.type(within(dialog).getByLabelText('The same passphrase again'), 'short but long no');
    await user.click(within(dialog).getByRole('button', { name: 'Save locked backup…' }));
    expect(within(dialog).getByText('The two passphrases differ; type the same one twice.')).toBeVisible();
    expect(keel.callsTo('data:export')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('The same passphrase again'), 'w');
    await user.click(within(dialog).getByRole('button', { name: 'Save locked backup…' }));
    expect(await within(transfer).findByRole('status', {}, { timeout: 30_000 })).toHaveTextContent(
      'Saved keel-export-2025-03-11.keel-encrypted, locked with your passphrase.',
    );
    const locked = String(keel.shell.saved.at(-1)?.content);
    expect(locked.startsWith('KEEL-ENCRYPTED-EXPORT v1\n')).toBe(true);
    expect(locked).not.toContain('Busy');

    // Deleted here, then brought back from the locked file.
    for (const check of checkInsOf(keel)) keel.services.checkin.delete(check.id);
    keel.shell.nextChosenFile = keel.writeFile('keel-export-2025-03-11.keel-encrypted', locked);
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    const unlock = await screen.findByRole('dialog', { name: 'Open a locked backup' });
    expect(unlock).toHaveTextContent('keel-export-2025-03-11.keel-encrypted is locked with a passphrase.');
    await user.type(within(unlock).getByLabelText('Passphrase'), 'not the passphrase');
    await user.click(within(unlock).getByRole('button', { name: 'Import' }));
    expect(
      await within(unlock).findByText('That passphrase does not open this backup.', {}, { timeout: 30_000 }),
    ).toBeVisible();
    expect(checkInsOf(keel)).toHaveLength(0);
    await user.clear(within(unlock).getByLabelText('Passphrase'));
    await user.type(within(unlock).getByLabelText('Passphrase'), 'short but long now');
    await user.click(within(unlock).getByRole('button', { name: 'Import' }));
    expect(await within(transfer).findByRole('status', {}, { timeout: 30_000 })).toHaveTextContent(
      /^Imported \d+ records? from keel-export-2025-03-11\.keel-encrypted/,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(checkInsOf(keel).map((c) => c.note)).toEqual(['Busy']);
    // Only the file's name reached the window; the dialog asked main once.
    expect(keel.callsTo('data:import')).toHaveLength(3);
  }, 120_000);

  it('deletes everything only once DELETE is typed; Escape and Cancel do nothing', async () => {
    const { user, keel, card } = await openCard(await oneCheckin(await withBackups()));
    const part = section(card, 'Delete all my data');
    const open = within(part).getByRole('button', { name: 'Delete all my data…' });

    await user.click(open);
    let dialog = await screen.findByRole('dialog', { name: 'Delete all your data?' });
    // The way to keep a copy is named as its button is, not by an older word ("an export").
    expect(dialog).toHaveAccessibleDescription(
      'Everything Keel has stored on this computer goes, at once. This cannot be undone; “Back up all my data (includes private notes)…” first keeps a copy for you.',
    );
    // What goes and what stays, in so many words.
    const goes = within(dialog).getByRole('region', { name: 'What goes' });
    expect(
      within(goes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Every check-in and its note, and your questionnaire answers',
      'Every talking point and weekly update draft, and the record of what you shared',
      'Every focus block, interruption and “where I left off” note',
      'Every sign-off and workday',
      'Every setting, so Keel goes back to its defaults',
      'Every backup, and any damaged data file Keel set aside',
    ]);
    expect(within(dialog).getByRole('region', { name: 'What stays' })).toHaveTextContent(
      /Nothing else of yours\..*Keel keeps running, with its default settings\./,
    );
    const confirm = within(dialog).getByRole('textbox', { name: 'Type DELETE to confirm' });
    const deleteButton = within(dialog).getByRole('button', { name: 'Delete everything' });
    expect(confirm).toHaveFocus();
    expect(deleteButton).toBeDisabled();
    await user.keyboard('delete{Enter}');
    expect(deleteButton).toBeDisabled();
    expect(keel.callsTo('data:deleteAll')).toEqual([]);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();

    await user.keyboard('{Enter}');
    dialog = await screen.findByRole('dialog', { name: 'Delete all your data?' });
    await user.keyboard('DELETE');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(keel.callsTo('data:deleteAll')).toEqual([]);
    expect(checkInsOf(keel)).toHaveLength(1);

    // Opened again it starts empty; typed and confirmed with Enter.
    await user.click(open);
    dialog = await screen.findByRole('dialog', { name: 'Delete all your data?' });
    expect(within(dialog).getByRole('textbox', { name: 'Type DELETE to confirm' })).toHaveValue('');
    await user.keyboard('DELETE');
    expect(within(dialog).getByRole('button', { name: 'Delete everything' })).toBeEnabled();
    await user.keyboard('{Enter}');

    expect(
      await within(part).findByText(
        'Everything Keel stored is deleted. Keel is running with its default settings.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(keel.callsTo('data:deleteAll')).toEqual([{ confirm: true }]);
    expect(checkInsOf(keel)).toEqual([]);
    expect(keel.services.data.overview().backups).toEqual([]);
    expect(await within(card).findByText('Keel holds no records yet.')).toBeVisible();
    expect(within(section(card, 'Backups')).getByRole('heading', { name: 'No backups yet' })).toBeVisible();
  });

  it('shows the sentence in the dialog when deleting fails', async () => {
    const { user, keel, card } = await openCard();
    keel.readOnly(true);
    await user.click(within(card).getByRole('button', { name: 'Delete all my data…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete all your data?' });
    await user.keyboard('DELETE{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(checkInsOf(keel)).toEqual([]);
    expect(keel.services.data.overview().backups).toHaveLength(3);
    expect(keel.callsTo('data:deleteAll')).toHaveLength(1);
  });

  it('shows the sentence when the overview cannot be read, and reads again on "Try again"', async () => {
    const keel = away(createTestKeel());
    keel.fail('data:overview', sqliteError('SQLITE_IOERR_READ'));
    const { user } = renderView('settings', keel);
    const card = await screen.findByRole('region', { name: 'Your data' });
    expect(await within(card).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.io);
    keel.heal('data:overview');
    await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await within(card).findByText('Keel holds no records yet.')).toBeVisible();
  });
});

describe('the recovery notice', () => {
  /**
   * A Keel whose data file was found damaged at start-up: a first Keel wrote Monday's backup and
   * quit, then its file was overwritten; this one moved it aside and restored the backup.
   */
  async function recovered(): Promise<TestKeel> {
    const before = createTestKeel();
    await before.at('2025-03-10T08:31:00+01:00', () => before.call('data:backupNow', {}));
    before.close({ keepFiles: true });
    fs.writeFileSync(path.join(before.dataDir, DATABASE_FILE), 'this is not a database '.repeat(1024));
    for (const suffix of ['-wal', '-shm'])
      fs.rmSync(path.join(before.dataDir, DATABASE_FILE + suffix), { force: true });
    const keel = createTestKeel({ dataDir: before.dataDir });
    expect(keel.services.recovery).not.toBeNull();
    return keel;
  }

  /** What the banner says, worded by the window from main's facts (its dates as the window writes them). */
  function bannerText(keel: TestKeel): string {
    return `Keel’s data file was damaged and could not be read. It was moved, not deleted, to ${keel.services.recovery?.movedTo ?? 'missing'}. Keel restored the backup from Monday, March 10 at 08:31; anything saved after that is only in the moved file.`;
  }

  it('says what happened at the top of the window until dismissed, and never again after', async () => {
    const { user, keel } = await renderApp(await recovered());
    const recovery = { message: bannerText(keel) };
    const notice = await screen.findByRole('region', { name: 'About your data' });
    expect(within(notice).getByRole('status')).toHaveTextContent(recovery.message);
    // Above the view: Today is still there.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Today');

    // "Show in Settings" lands on the data card.
    await user.click(within(notice).getByRole('button', { name: 'Show in Settings' }));
    const card = await screen.findByRole('region', { name: 'Your data' });
    await waitFor(() => expect(within(card).getByText('Your data')).toHaveFocus());
    expect(screen.getByRole('region', { name: 'About your data' })).toBeVisible();

    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'About your data' })).not.toBeInTheDocument(),
    );
    expect(keel.callsTo('data:dismissRecovery')).toHaveLength(1);
    expect(keel.services.data.overview().recovery).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toHaveFocus();

    // Read again (main announces new data: today's backup, written soon after start-up; another
    // view): it stays gone.
    const reads = keel.callsTo('data:overview').length;
    await act(async () => keel.clock.advanceBy(60_000));
    await waitFor(() => expect(keel.callsTo('data:overview').length).toBeGreaterThan(reads));
    await user.click(navItem('Today'));
    expect(screen.queryByRole('region', { name: 'About your data' })).not.toBeInTheDocument();
    expect(screen.queryByText(recovery.message)).not.toBeInTheDocument();
  });

  it('keeps the notice and says why when it cannot be dismissed', async () => {
    const { user, keel } = await renderApp(await recovered());
    const recovery = { message: bannerText(keel) };
    const notice = await screen.findByRole('region', { name: 'About your data' });
    keel.readOnly(true);
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(await within(notice).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(within(notice).getByText(recovery.message)).toBeVisible();
  });

  it('is not shown when nothing was recovered', async () => {
    const { keel } = await renderApp();
    await waitFor(() => expect(keel.callsTo('data:overview')).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'About your data' })).not.toBeInTheDocument();
  });
});
