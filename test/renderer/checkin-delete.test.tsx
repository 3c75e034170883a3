import fs from 'node:fs';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEEP_DELETED } from '../../src-main/shared/backup-retention';
import { listBackups } from '../../src-main/storage/backups';
import { renderView } from './harness';
import { createTestKeel } from './keel-bridge';

// Slow CI machines: each test drives a whole app through user-event.
const SLOW = { timeout: 30_000 };
const NOTE = 'Thinking about leaving the team';

/** A keel with one check-in (a private note) taken on Friday, and backed up since. */
async function withBackedUpNote() {
  const keel = createTestKeel();
  const check = await keel.at('2025-03-07T16:05:00+01:00', () =>
    keel.call('checkin:add', { workload: 4, energy: 2, sustainable: 'no', stretched: [], note: NOTE }),
  );
  keel.services.data.backupNow();
  const backups = listBackups(keel.dataDir);
  // The daily and the weekly copy hold the note.
  expect(backups).toHaveLength(2);
  for (const b of backups) expect(fs.readFileSync(b.path).includes(Buffer.from(NOTE))).toBe(true);
  const { user } = renderView('checkin', keel);
  await user.click(await screen.findByRole('button', { name: 'Delete the check-in of Fri, Mar 7, 16:05' }));
  return {
    keel,
    check,
    backups,
    user,
    dialog: screen.getByRole('dialog', { name: 'Delete this check-in?' }),
  };
}

describe('deleting a check-in', () => {
  it('says the backups keep it until they age out, and does not touch them unless asked', SLOW, async () => {
    const { keel, check, backups, user, dialog } = await withBackedUpNote();
    expect(within(dialog).getByText(BACKUPS_KEEP_DELETED)).toBeInTheDocument();
    expect(BACKUPS_KEEP_DELETED).toMatch(/daily copies after 7 days, weekly copies after 4 weeks/);
    const purge = within(dialog).getByRole('switch', { name: 'Also remove it from the backups now' });
    expect(purge).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(keel.callsTo('checkin:delete')).toEqual([{ id: check.id }]);
    for (const b of backups) expect(fs.readFileSync(b.path).includes(Buffer.from(NOTE))).toBe(true);
    expect(screen.queryByText(/removed from/)).toBeNull();
  });

  it('removes it from every backup when asked, and says how many', SLOW, async () => {
    const { keel, check, backups, user, dialog } = await withBackedUpNote();
    await user.click(within(dialog).getByRole('switch', { name: 'Also remove it from the backups now' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(keel.callsTo('checkin:delete')).toEqual([{ id: check.id, purgeBackups: true }]);
    expect(await screen.findByText('Deleted, and removed from 2 backup copies.')).toBeInTheDocument();
    for (const b of backups) expect(fs.readFileSync(b.path).includes(Buffer.from(NOTE))).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Deleted, and removed from 2 backup copies.')).toBeNull();
  });
});
