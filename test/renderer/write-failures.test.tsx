import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import { renderView } from './harness';
import { createTestKeel, sqliteError } from './keel-bridge';

/**
 * Issue #9, item 4: when a save fails because the disk is full (main answers code 'storage' with
 * one sentence), the form shows that sentence and keeps everything the user typed, and saving
 * again once there is room goes through. One test per form the user writes into.
 */

const DISK_FULL =
  'Keel could not save: the disk is full. Nothing was changed; free some space and try again.';
/** What better-sqlite3 throws when the disk is full; real `dispatch` turns it into DISK_FULL. */
const diskFull = () => sqliteError('SQLITE_FULL');

// user-event types key by key; slow on a busy 2-core machine.
const SLOW = { timeout: 30_000 };

describe('a save that fails for lack of disk space keeps what was typed', SLOW, () => {
  it('the quick check-in: every answer, the tags and the note stay; a retry saves them', async () => {
    expect(STORAGE_MESSAGES.full).toBe(DISK_FULL);
    const { user, keel } = renderView('checkin');
    const form = await screen.findByRole('form', { name: 'Quick check' });
    const radioIn = (group: string | RegExp, name: string) =>
      within(within(form).getByRole('radiogroup', { name: group })).getByRole('radio', { name });
    await user.click(radioIn('Workload', 'Heavy'));
    await user.click(radioIn('Energy', 'Low'));
    await user.click(radioIn(/sustainable/, 'Mostly'));
    await user.click(within(form).getByRole('checkbox', { name: 'Meetings' }));
    await user.type(within(form).getByRole('textbox', { name: 'Add your own tag' }), 'Hiring{Enter}');
    const note = within(form).getByRole('textbox', { name: 'Note (optional)' });
    await user.type(note, 'Three interviews and a release.{Enter}Need a quieter week.');
    await user.click(within(form).getByRole('checkbox', { name: 'May be shared in a one-on-one summary' }));

    keel.failNext('checkin:add', diskFull());
    await user.click(within(form).getByRole('button', { name: 'Save check-in' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(DISK_FULL);
    const checked = (group: string | RegExp) =>
      within(within(form).getByRole('radiogroup', { name: group }))
        .getAllByRole('radio')
        .filter((r) => r.getAttribute('aria-checked') === 'true')
        .map((r) => r.textContent);
    expect(checked('Workload')).toEqual(['4Heavy']);
    expect(checked('Energy')).toEqual(['2Low']);
    expect(checked(/sustainable/)).toEqual(['Mostly']);
    expect(within(form).getByRole('checkbox', { name: 'Meetings' })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Hiring' })).toBeChecked();
    expect(note).toHaveValue('Three interviews and a release.\nNeed a quieter week.');
    expect(
      within(form).getByRole('checkbox', { name: 'May be shared in a one-on-one summary' }),
    ).toBeChecked();
    expect(keel.services.checkin.list('2025-03-11', '2025-03-11')).toEqual([]);

    // Space freed: the same answers go through.
    await user.click(within(form).getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByText('Saved. Thanks for checking in.')).toBeInTheDocument();
    expect(within(form).queryByRole('alert')).toBeNull();
    const [first, second] = keel.callsTo('checkin:add');
    expect(second).toEqual(first);
    expect(second).toEqual({
      workload: 4,
      energy: 2,
      sustainable: 'mostly',
      stretched: ['meetings', 'Hiring'],
      note: 'Three interviews and a release.\nNeed a quieter week.',
      shareable: true,
    });
    expect(keel.services.checkin.list('2025-03-11', '2025-03-11')).toEqual([
      expect.objectContaining({
        stretched: [expect.objectContaining({ id: 'meetings' }), expect.objectContaining({ id: 'hiring' })],
        shareable: true,
      }),
    ]);
  });

  it('the sign-off ritual: what got done, the unfinished rows, tomorrow, energy and quiet stay', async () => {
    const { user, keel } = renderView('signoff', { now: '2025-03-11T17:42:00+01:00' });
    const form = await screen.findByRole('form', { name: 'Sign off for today' });
    const textbox = (name: string) => within(form).getByRole('textbox', { name });
    await user.type(textbox('What got done today'), 'Shipped the retry fix{Enter}Paired with Sam');
    await user.type(textbox('Unfinished thing 1'), 'Review Sam’s PR');
    await user.type(textbox('How unfinished thing 1 continues'), '10:00, after stand-up');
    await user.click(within(form).getByRole('button', { name: 'Add an unfinished thing' }));
    await user.type(textbox('Unfinished thing 2'), 'Migration for old rows');
    await user.type(textbox('How unfinished thing 2 continues'), 'After lunch');
    await user.type(textbox('First thing tomorrow'), 'Answer the design review');
    await user.click(within(form).getByRole('radio', { name: 'Good' }));
    await user.click(within(form).getByRole('switch', { name: 'Quiet until tomorrow' }));

    keel.failNext('signoff:submit', diskFull());
    await user.click(within(form).getByRole('button', { name: 'Sign off' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(DISK_FULL);
    expect(textbox('What got done today')).toHaveValue('Shipped the retry fix\nPaired with Sam');
    expect(textbox('Unfinished thing 1')).toHaveValue('Review Sam’s PR');
    expect(textbox('How unfinished thing 1 continues')).toHaveValue('10:00, after stand-up');
    expect(textbox('Unfinished thing 2')).toHaveValue('Migration for old rows');
    expect(textbox('How unfinished thing 2 continues')).toHaveValue('After lunch');
    expect(textbox('First thing tomorrow')).toHaveValue('Answer the design review');
    expect(within(form).getByRole('radio', { name: 'Good' })).toHaveAttribute('aria-checked', 'true');
    expect(within(form).getByRole('switch', { name: 'Quiet until tomorrow' })).toBeChecked();
    expect(keel.services.signoff.status().signedOff).toBeNull();

    await user.click(within(form).getByRole('button', { name: 'Sign off' }));
    expect(await screen.findByRole('region', { name: 'Signed off at 17:42' })).toBeInTheDocument();
    const [first, second] = keel.callsTo('signoff:submit');
    expect(second).toEqual(first);
    expect(second).toEqual({
      done: 'Shipped the retry fix\nPaired with Sam',
      unfinished: [
        { item: 'Review Sam’s PR', plan: '10:00, after stand-up' },
        { item: 'Migration for old rows', plan: 'After lunch' },
      ],
      firstTomorrow: 'Answer the design review',
      energy: 4,
      quiet: true,
    });
    expect(keel.services.signoff.status().signedOff).toMatchObject({
      firstTomorrow: 'Answer the design review',
      energy: 4,
    });
  });

  it('a talking point: the text stays in the field with the sentence under it', async () => {
    const { user, keel } = renderView('one-on-one');
    const card = await screen.findByRole('region', { name: 'Talking points' });
    const field = within(card).getByLabelText('New talking point');
    await user.type(field, 'Ask about the on-call rotation');

    keel.failNext('talk:add', diskFull());
    await user.click(within(card).getByRole('button', { name: 'Add' }));

    expect(await within(card).findByText(DISK_FULL)).toBeInTheDocument();
    expect(field).toHaveValue('Ask about the on-call rotation');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(DISK_FULL);
    expect(keel.services.talkingPoints.list(true)).toEqual([]);

    await user.click(within(card).getByRole('button', { name: 'Add' }));
    const open = await within(card).findByRole('list', { name: 'Open talking points' });
    expect(
      within(open).getByRole('checkbox', { name: 'Discussed: Ask about the on-call rotation' }),
    ).toBeInTheDocument();
    expect(field).toHaveValue('');
    expect(within(card).queryByText(DISK_FULL)).toBeNull();
    expect(keel.callsTo('talk:add')).toEqual([
      { text: 'Ask about the on-call rotation' },
      { text: 'Ask about the on-call rotation' },
    ]);
    expect(keel.services.talkingPoints.list(true).map((p) => p.text)).toEqual([
      'Ask about the on-call rotation',
    ]);
  });

  it('the focus "where did you leave off?" line: it stays in the prompt', async () => {
    // A block ended a few minutes ago, with nothing noted yet.
    const keel = createTestKeel();
    await keel.at('2025-03-11T08:10:00+01:00', () => keel.call('focus:start', { minutes: 25 }));
    await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('focus:stop', {}));
    const { user } = renderView('focus', keel);
    const prompt = await screen.findByRole('region', { name: 'Where did you leave off?' });
    const line = within(prompt).getByRole('textbox', { name: 'Where did you leave off?' });
    await user.type(line, 'Tests pass; next is the migration for old rows');

    keel.failNext('focus:leaveOff', diskFull());
    await user.click(within(prompt).getByRole('button', { name: 'Save' }));

    expect(await within(prompt).findByRole('alert')).toHaveTextContent(DISK_FULL);
    expect(line).toHaveValue('Tests pass; next is the migration for old rows');
    expect(line).toHaveAttribute('aria-invalid', 'true');

    await user.click(within(prompt).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Where did you leave off?' })).toBeNull(),
    );
    expect(keel.callsTo('focus:leaveOff')).toEqual([
      { text: 'Tests pass; next is the migration for old rows' },
      { text: 'Tests pass; next is the migration for old rows' },
    ]);
  });

  it('the interruption dialog: kind, note and the left-off line stay when recording fails', async () => {
    // A 25-minute block running since 08:30.
    const keel = createTestKeel();
    await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('focus:start', { minutes: 25 }));
    const { user } = renderView('focus', keel);
    await user.click(await screen.findByRole('button', { name: 'I got interrupted' }));
    const dialog = screen.getByRole('dialog', { name: 'What interrupted you?' });
    await user.click(within(dialog).getByRole('radio', { name: 'Incident' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), 'Pager: API 500s');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Where did you leave off?' }),
      'Writing the test for the retry',
    );

    keel.failNext('focus:interrupt', diskFull());
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByText(DISK_FULL)).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Incident' })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Note (optional)' })).toHaveValue('Pager: API 500s');
    expect(within(dialog).getByRole('textbox', { name: 'Where did you leave off?' })).toHaveValue(
      'Writing the test for the retry',
    );
    expect(keel.callsTo('focus:leaveOff')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(keel.callsTo('focus:interrupt')).toEqual([
      { kind: 'incident', note: 'Pager: API 500s' },
      { kind: 'incident', note: 'Pager: API 500s' },
    ]);
    expect(keel.callsTo('focus:leaveOff')).toEqual([{ text: 'Writing the test for the retry' }]);
    expect(keel.services.focus.status().running?.interruptions).toBe(1);
  });
});
