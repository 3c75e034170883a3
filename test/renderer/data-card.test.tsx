import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetData } from '../../src-renderer/stores/data';
import type { FakeKeelOptions } from './fake-keel';
import { navItem, renderApp } from './render-app';

// The fake's clock: Tuesday 11 March 2025, 08:40 in Berlin. Its default backups: today's daily
// copy (08:30), yesterday's daily copy and this week's weekly copy (both Monday 08:31).

afterEach(() => {
  resetData();
});

async function openCard(options: FakeKeelOptions = {}) {
  const app = await renderApp(options);
  await app.user.click(navItem('Settings'));
  const card = await screen.findByRole('region', { name: 'Your data' });
  await within(card).findByText(/^Keel holds/);
  return { ...app, card };
}

function section(card: HTMLElement, name: string): HTMLElement {
  return within(card).getByRole('region', { name });
}

function backupRows(card: HTMLElement): HTMLElement[] {
  return within(section(card, 'Backups')).queryAllByRole('listitem');
}

const oneCheckIn: FakeKeelOptions = {
  checks: {
    history: [
      { at: '2025-03-07T16:05:00+01:00', workload: 4, energy: 2, sustainable: 'mostly', note: 'Busy' },
    ],
  },
};

describe('Settings: Your data', () => {
  it('says where the data lives, that it stays there, what it holds, and lists the backups newest first', async () => {
    const { card } = await openCard(oneCheckIn);
    expect(
      within(card).getByText('Everything stays on this computer; nothing is sent anywhere.'),
    ).toBeVisible();
    expect(within(card).getByText('/home/ada/.config/Keel')).toBeVisible();
    expect(within(card).getByText('Keel holds 1 check-in.')).toBeVisible();
    expect(
      within(card).getByText('Keel backs up your data every day and keeps 7 daily and 4 weekly copies.'),
    ).toBeVisible();

    const rows = backupRows(card);
    expect(rows.map((r) => r.textContent)).toEqual([
      'DailyToday at 08:3049 KBRestore…',
      'DailyYesterday at 08:3149 KBRestore…',
      'WeeklyYesterday at 08:3149 KBRestore…',
    ]);
    expect(within(rows[0] as HTMLElement).getByRole('button')).toHaveAccessibleName(
      'Restore the daily copy from today at 08:30…',
    );
    expect(within(rows[2] as HTMLElement).getByRole('button')).toHaveAccessibleName(
      'Restore the weekly copy from yesterday at 08:31…',
    );
  });

  it('restores only after the confirmation: Cancel and Escape do nothing, Restore replaces the data and names the safety copy', async () => {
    const { user, fake, card } = await openCard();
    // Changed since the backups were written: a restore puts the old value back.
    fake.replaceSettings({ autostart: true });
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
    expect(fake.callsTo('data.restore')).toEqual([]);
    expect(fake.settings.autostart).toBe(true);

    await user.click(restoreYesterday);
    dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));

    expect(
      await within(section(card, 'Backups')).findByText(
        'Restored the copy from yesterday at 08:31. Your data as it was just before is kept as “Before a change, today at 08:40”; restore that to undo.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fake.callsTo('data.restore').map((c) => c.input)).toEqual([{ id: 'daily-2025-03-10' }]);
    expect(fake.settings.autostart).toBe(false);
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
    const { user, fake, card } = await openCard();
    fake.failNext('data.restore', {
      code: 'storage',
      message: 'That backup cannot be restored because it is damaged; nothing was changed.',
    });
    await user.click(
      within(card).getByRole('button', { name: 'Restore the daily copy from today at 08:30…' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Restore this backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'That backup cannot be restored because it is damaged; nothing was changed.',
    );
    expect(within(dialog).getByRole('button', { name: 'Restore' })).toBeEnabled();
  });

  it('shows an empty list until the first backup, and "Back up now" makes one', async () => {
    const { user, fake, card } = await openCard({ data: { backups: [] } });
    const backups = section(card, 'Backups');
    expect(within(backups).getByRole('heading', { name: 'No backups yet' })).toBeVisible();
    expect(backupRows(card)).toEqual([]);

    await user.click(within(backups).getByRole('button', { name: 'Back up now' }));
    expect(
      await within(backups).findByText('Backed up. Today’s copy now holds your data as it is.'),
    ).toBeVisible();
    expect(fake.callsTo('data.backupNow')).toHaveLength(1);
    expect(backupRows(card).map((r) => r.textContent)).toEqual([
      'DailyToday at 08:4048 KBRestore…',
      'WeeklyToday at 08:4048 KBRestore…',
    ]);
    expect(within(backups).queryByRole('heading', { name: 'No backups yet' })).not.toBeInTheDocument();
  });

  it('shows the sentence when "Back up now" fails (storage), and nothing crashes', async () => {
    const { user, fake, card } = await openCard();
    fake.failNext('data.backupNow', {
      code: 'storage',
      message: 'Keel could not write to its data folder: the disk is full.',
    });
    const backups = section(card, 'Backups');
    await user.click(within(backups).getByRole('button', { name: 'Back up now' }));
    expect(await within(backups).findByRole('alert')).toHaveTextContent(
      'Keel could not write to its data folder: the disk is full.',
    );
    expect(within(backups).getByRole('button', { name: 'Back up now' })).toBeEnabled();
    expect(backupRows(card)).toHaveLength(3);
  });

  it('holds every data button while a call runs', async () => {
    const { user, card } = await openCard({ delayMs: 60 });
    const backUp = within(card).getByRole('button', { name: 'Back up now' });
    await user.click(backUp);
    expect(backUp).toBeDisabled();
    expect(backUp).toHaveAttribute('aria-busy', 'true');
    for (const name of ['Export all my data…', 'Import…', 'Delete all my data…'])
      expect(within(card).getByRole('button', { name })).toBeDisabled();
    expect(
      within(card).getByRole('button', { name: 'Restore the daily copy from today at 08:30…' }),
    ).toBeDisabled();
    await within(card).findByText('Backed up. Today’s copy now holds your data as it is.');
    expect(within(card).getByRole('button', { name: 'Export all my data…' })).toBeEnabled();
  });

  it('exports everything and names the saved file', async () => {
    const { user, fake, card } = await openCard();
    const transfer = section(card, 'Export and import');
    await user.click(within(transfer).getByRole('button', { name: 'Export all my data…' }));
    expect(await within(transfer).findByRole('status')).toHaveTextContent(
      'Saved keel-export-2025-03-11.json.',
    );
    expect(fake.dataExports).toEqual(['keel-export-2025-03-11.json']);
  });

  it('says nothing after a cancelled export', async () => {
    const { user, fake, card } = await openCard({ data: { exportResult: { saved: false, fileName: null } } });
    const transfer = section(card, 'Export and import');
    await user.click(within(transfer).getByRole('button', { name: 'Export all my data…' }));
    await waitFor(() => expect(fake.callsTo('data.export')).toHaveLength(1));
    await waitFor(() => expect(within(transfer).getByRole('button', { name: 'Import…' })).toBeEnabled());
    expect(within(transfer).queryByRole('status')).not.toBeInTheDocument();
    expect(within(transfer).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('imports a file and says how many records were new and how many already here', async () => {
    const { user, fake, card } = await openCard(oneCheckIn);
    const transfer = section(card, 'Export and import');
    const existing = fake.checkIns()[0]?.id as string;
    fake.setNextImport({
      fileName: 'keel-export-2025-03-01.json',
      checkIns: [
        { id: existing, at: '2025-03-07T16:05:00+01:00', workload: 4, energy: 2, sustainable: 'mostly' },
        {
          id: 'aaaaaaaa-0000-4000-8000-000000000001',
          at: '2025-03-03T16:00:00+01:00',
          workload: 3,
          energy: 3,
          sustainable: 'yes',
        },
        {
          id: 'aaaaaaaa-0000-4000-8000-000000000002',
          at: '2025-03-04T16:00:00+01:00',
          workload: 2,
          energy: 4,
          sustainable: 'yes',
        },
      ],
    });
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    expect(await within(transfer).findByRole('status')).toHaveTextContent(
      'Imported 2 records from keel-export-2025-03-01.json; 1 was already here.',
    );
    expect(fake.checkIns()).toHaveLength(3);
    // The counts follow, and the copy from before the import is listed.
    expect(await within(card).findByText('Keel holds 3 check-ins.')).toBeVisible();
    expect(backupRows(card)[0]).toHaveTextContent('Before a change');

    // The same file again: nothing new.
    fake.setNextImport({ fileName: 'keel-export-2025-03-01.json', added: 0, skipped: 3 });
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    expect(
      await within(transfer).findByText(
        'Nothing new in keel-export-2025-03-01.json: all 3 records were already here.',
      ),
    ).toBeVisible();

    // Cancelled: the last sentence goes, nothing new is said.
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    await waitFor(() => expect(fake.callsTo('data.import')).toHaveLength(3));
    await waitFor(() => expect(within(transfer).queryByRole('status')).not.toBeInTheDocument());
  });

  it('shows main’s sentence for a file that is not a Keel export', async () => {
    const { user, fake, card } = await openCard();
    const transfer = section(card, 'Export and import');
    fake.setNextImport({
      error: {
        code: 'invalid_input',
        message: 'That file is not JSON, so it is not a Keel export; nothing was imported.',
      },
    });
    await user.click(within(transfer).getByRole('button', { name: 'Import…' }));
    expect(await within(transfer).findByRole('alert')).toHaveTextContent(
      'That file is not JSON, so it is not a Keel export; nothing was imported.',
    );
    expect(within(transfer).getByRole('button', { name: 'Import…' })).toBeEnabled();
  });

  it('deletes everything only once DELETE is typed; Escape and Cancel do nothing', async () => {
    const { user, fake, card } = await openCard(oneCheckIn);
    const part = section(card, 'Delete all my data');
    const open = within(part).getByRole('button', { name: 'Delete all my data…' });

    await user.click(open);
    let dialog = await screen.findByRole('dialog', { name: 'Delete all your data?' });
    // What goes and what stays, in so many words.
    const goes = within(dialog).getByRole('region', { name: 'What goes' });
    expect(
      within(goes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Every check-in and its note, and your questionnaire answers',
      'Every talking point, and the record of what you shared',
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
    expect(fake.callsTo('data.deleteAll')).toEqual([]);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();

    await user.keyboard('{Enter}');
    dialog = await screen.findByRole('dialog', { name: 'Delete all your data?' });
    await user.keyboard('DELETE');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fake.callsTo('data.deleteAll')).toEqual([]);
    expect(fake.checkIns()).toHaveLength(1);

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
    expect(fake.callsTo('data.deleteAll').map((c) => c.input)).toEqual([{ confirm: true }]);
    expect(fake.checkIns()).toEqual([]);
    expect(await within(card).findByText('Keel holds no records yet.')).toBeVisible();
    expect(within(section(card, 'Backups')).getByRole('heading', { name: 'No backups yet' })).toBeVisible();
  });

  it('shows the sentence in the dialog when deleting fails', async () => {
    const { user, fake, card } = await openCard();
    fake.failNext('data.deleteAll', { code: 'storage', message: 'Keel could not change its data file.' });
    await user.click(within(card).getByRole('button', { name: 'Delete all my data…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete all your data?' });
    await user.keyboard('DELETE{Enter}');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Keel could not change its data file.',
    );
    expect(fake.callsTo('data.deleteAll')).toHaveLength(1);
  });

  it('shows the sentence when the overview cannot be read, and reads again on "Try again"', async () => {
    const failure = { code: 'storage', message: 'Keel could not read its data folder.' };
    const { user } = await renderApp(
      {},
      {
        before: (fake) => {
          // The start-up read and the card's own read.
          fake.failNext('data.overview', failure);
          fake.failNext('data.overview', failure);
        },
      },
    );
    await user.click(navItem('Settings'));
    const card = await screen.findByRole('region', { name: 'Your data' });
    expect(await within(card).findByRole('alert')).toHaveTextContent('Keel could not read its data folder.');
    await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await within(card).findByText('Keel holds no records yet.')).toBeVisible();
  });
});

describe('the recovery notice', () => {
  const recovery = {
    at: '2025-03-11T08:39:00+01:00',
    reason: 'damaged' as const,
    movedTo: '/home/ada/.config/Keel/set-aside/keel-20250311-073900.db',
    restoredFrom: 'daily-2025-03-10',
    message:
      'Keel’s data file was damaged and could not be read. It was moved, not deleted, to /home/ada/.config/Keel/set-aside/keel-20250311-073900.db. Keel restored the backup from Mon 10 Mar at 08:31; anything saved after that is only in the moved file.',
  };

  it('says what happened at the top of the window until dismissed, and never again after', async () => {
    const { user, fake } = await renderApp({ data: { recovery } });
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
    expect(fake.callsTo('data.dismissRecovery')).toHaveLength(1);
    expect(fake.dataOverview().recovery).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toHaveFocus();

    // Read again (a push, another view): it stays gone.
    act(() => fake.emit({ type: 'changed', topics: ['data'] }));
    await waitFor(() => expect(fake.callsTo('data.overview').length).toBeGreaterThanOrEqual(3));
    await user.click(navItem('Today'));
    expect(screen.queryByRole('region', { name: 'About your data' })).not.toBeInTheDocument();
    expect(screen.queryByText(recovery.message)).not.toBeInTheDocument();
  });

  it('keeps the notice and says why when it cannot be dismissed', async () => {
    const { user, fake } = await renderApp({ data: { recovery } });
    const notice = await screen.findByRole('region', { name: 'About your data' });
    fake.failNext('data.dismissRecovery', { code: 'storage', message: 'Keel could not save that.' });
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(await within(notice).findByRole('alert')).toHaveTextContent('Keel could not save that.');
    expect(within(notice).getByText(recovery.message)).toBeVisible();
  });

  it('is not shown when nothing was recovered', async () => {
    const { fake } = await renderApp();
    await waitFor(() => expect(fake.callsTo('data.overview')).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'About your data' })).not.toBeInTheDocument();
  });
});
