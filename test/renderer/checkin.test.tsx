import { TREND_MIN_POINTS } from '../../src-main/core/checkin-trends';
import { DIRECTION_NEEDS_WEEKS } from '../../src-renderer/lib/checkin';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelOutput } from '../../src-main/ipc/contract';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import { navItem, renderApp, renderView } from './harness';
import { createTestKeel, sqliteError, type TestKeel, type TestKeelOptions } from './keel-bridge';

/**
 * The clock: Tuesday 11 March 2025, 08:40 in Berlin (+01:00). The default cadence is weekly on
 * Friday at 16:00; 4 weeks are the weeks of 17 Feb … 10 Mar.
 */

// Slow CI machines: each test drives a whole app through user-event.
const SLOW = { timeout: 30_000 };

/** A check-in as the window sends it, and when it was taken. */
type PastCheckIn = ChannelInput<'checkin:add'> & { at: string };

const FRIDAY: PastCheckIn = {
  at: '2025-03-07T16:05:00+01:00',
  workload: 4,
  energy: 2,
  sustainable: 'mostly',
  stretched: ['meetings', 'deadlines'],
  note: 'Release week',
  shareable: false,
};
const MONDAY: PastCheckIn = {
  at: '2025-03-10T17:20:00+01:00',
  workload: 3,
  energy: 4,
  sustainable: 'yes',
  stretched: [],
  note: 'Calmer after the release',
  shareable: true,
};

/** Records check-ins at their times through `checkin:add`; returns what main stored. */
async function checkIns(keel: TestKeel, past: PastCheckIn[]): Promise<ChannelOutput<'checkin:add'>[]> {
  const stored = [];
  for (const { at, ...input } of past) stored.push(await keel.at(at, () => keel.call('checkin:add', input)));
  return stored;
}

/** A keel whose history holds `past`. */
async function withHistory(past: PastCheckIn[], options: TestKeelOptions = {}): Promise<TestKeel> {
  const keel = createTestKeel(options);
  await checkIns(keel, past);
  return keel;
}

/** Check-ins alone, or (`app`) the whole app opened on Check-ins, for tests that go elsewhere. */
async function openChecks(given: TestKeel | TestKeelOptions = {}, { app = false } = {}) {
  const utils = app ? await renderApp(given) : renderView('checkin', given);
  if (app) await utils.user.click(navItem('Check-ins'));
  await screen.findByRole('form', { name: 'Quick check' });
  return utils;
}

function quickCheck() {
  return screen.getByRole('form', { name: 'Quick check' });
}

function group(name: string | RegExp, container: HTMLElement = quickCheck()) {
  return within(container).getByRole('radiogroup', { name });
}

function checked(container: HTMLElement): string[] {
  return within(container)
    .getAllByRole('radio')
    .filter((r) => r.getAttribute('aria-checked') === 'true')
    .map((r) => r.textContent ?? '');
}

/** A table's body and footer rows as the text of their cells (cells hidden from AT left out). */
function tableRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      Array.from(row.querySelectorAll('th, td'))
        .filter((cell) => cell.getAttribute('aria-hidden') !== 'true')
        .map((cell) => cell.textContent ?? ''),
    );
}

function historyList() {
  return within(screen.getByRole('region', { name: 'History' }));
}

describe('Check-ins: the header', SLOW, () => {
  it('says when Keel asks, when it asks next, and leads to the Check-ins settings', async () => {
    const { user } = await openChecks({}, { app: true });
    const subtitle = screen.getByText(/Weekly on Friday at 16:00/);
    expect(subtitle).toHaveTextContent(
      'Weekly on Friday at 16:00 — Keel’s default until you set your usual one-on-one. Next prompt on Fri, Mar 14 at 16:00.',
    );
    await user.click(screen.getByRole('button', { name: 'Change in Settings' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Settings');
    // Focus lands on the Check-ins card, not at the top of a long page.
    expect(screen.getByRole('heading', { level: 2, name: 'Check-ins' })).toContainElement(
      document.activeElement as HTMLElement,
    );
  });

  it('names the one-on-one when the default follows it', async () => {
    await openChecks({ settings: { oneOnOne: { weekday: 'mon', time: '10:00' } } });
    expect(
      screen.getByText(
        'Weekly on Friday at 16:00 — the working day before your one-on-one. Next prompt on Fri, Mar 14 at 16:00.',
      ),
    ).toBeInTheDocument();
  });

  it('says so when Keel asks at sign-off', async () => {
    await openChecks({
      settings: { checkins: { cadence: { mode: 'signoff' }, customTags: [], burnout: false, who5: false } },
    });
    expect(screen.getByText('Keel asks for the quick check when you sign off.')).toBeInTheDocument();
  });
});

describe('Check-ins: the quick check', SLOW, () => {
  it('can be done from the keyboard alone and records exactly the answers', async () => {
    const { user, keel } = await openChecks({}, { app: true });
    await user.keyboard('{Control>}3{/Control}');
    expect(screen.getByRole('heading', { level: 1, name: 'Check-ins' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Change in Settings' })).toHaveFocus();

    // Workload: one tab stop; arrows move and choose.
    await user.tab();
    const workload = group('Workload');
    expect(within(workload).getByRole('radio', { name: 'Far too light' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(within(workload).getByRole('radio', { name: 'Heavy' })).toHaveFocus();
    expect(checked(workload)).toEqual(['4Heavy']);

    // Energy: End, then back with the arrows.
    await user.tab();
    const energy = group('Energy');
    expect(within(energy).getByRole('radio', { name: 'Drained' })).toHaveFocus();
    await user.keyboard('{End}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(checked(energy)).toEqual(['2Low']);

    await user.tab();
    const sustainable = group('Is the workload sustainable right now?');
    expect(within(sustainable).getByRole('radio', { name: 'Yes' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(checked(sustainable)).toEqual(['Mostly']);

    // Tags are checkboxes: Space ticks one.
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Meetings' })).toHaveFocus();
    await user.keyboard(' ');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('checkbox', { name: 'On-call or incidents' })).toHaveFocus();
    await user.keyboard(' ');
    for (let i = 0; i < 5; i++) await user.tab();
    expect(screen.getByRole('checkbox', { name: 'Personal life' })).toHaveFocus();
    await user.tab();
    // Enter adds a tag of one's own (and does not save).
    expect(screen.getByRole('textbox', { name: 'Add your own tag' })).toHaveFocus();
    await user.keyboard('Code review{Enter}');
    expect(screen.getByRole('checkbox', { name: 'Code review' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Add your own tag' })).toHaveValue('');
    expect(keel.callsTo('checkin:add')).toHaveLength(0);

    await user.tab(); // the Add button is disabled with an empty field, so the note is next
    expect(screen.getByRole('textbox', { name: 'Note (optional)' })).toHaveFocus();
    await user.keyboard('Sprint crunch');
    await user.tab();
    const share = screen.getByRole('checkbox', { name: 'May be shared in a one-on-one summary' });
    expect(share).toHaveFocus();
    await user.keyboard(' ');
    expect(share).toBeChecked();
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await screen.findByText('Saved. Thanks for checking in.')).toBeInTheDocument();
    expect(keel.callsTo('checkin:add')).toEqual([
      {
        workload: 4,
        energy: 2,
        sustainable: 'mostly',
        stretched: ['meetings', 'on-call', 'Code review'],
        note: 'Sprint crunch',
        shareable: true,
      },
    ]);
    expect(keel.services.checkin.list('2025-03-11', '2025-03-11')).toEqual([
      expect.objectContaining({
        workload: 4,
        energy: 2,
        sustainable: 'mostly',
        stretched: [
          expect.objectContaining({ id: 'meetings' }),
          expect.objectContaining({ id: 'on-call' }),
          expect.objectContaining({ id: 'code-review', label: 'Code review' }),
        ],
        note: 'Sprint crunch',
        shareable: true,
      }),
    ]);
    // A fresh form…
    expect(checked(quickCheck())).toEqual([]);
    expect(screen.getByRole('textbox', { name: 'Note (optional)' })).toHaveValue('');
    expect(screen.queryByRole('checkbox', { name: 'Code review' })).toBeNull();
    // …and the check is in the history, as main stored it.
    const item = await historyList().findByText('Sprint crunch');
    const entry = item.closest('li') as HTMLElement;
    expect(within(entry).getByText('4 · Heavy')).toBeInTheDocument();
    expect(within(entry).getByText('2 · Low')).toBeInTheDocument();
    expect(within(entry).getByText('Mostly')).toBeInTheDocument();
    expect(within(entry).getByText('Code review')).toBeInTheDocument();
    expect(within(entry).getByText('May be shared')).toBeInTheDocument();
  });

  it('keeps the note private by default: the box is off, and disabled until there is a note', async () => {
    const { user, keel } = await openChecks();
    const share = screen.getByRole('checkbox', { name: 'May be shared in a one-on-one summary' });
    expect(share).not.toBeChecked();
    expect(share).toBeDisabled();
    expect(share).toHaveAccessibleDescription('Notes stay private unless you tick this. Write a note first.');

    const note = screen.getByRole('textbox', { name: 'Note (optional)' });
    await user.type(note, 'Too many meetings');
    expect(share).toBeEnabled();
    expect(share).not.toBeChecked();
    await user.click(share);
    expect(share).toBeChecked();
    // Clearing the note unticks the box: a new note starts private again.
    await user.clear(note);
    expect(share).toBeDisabled();
    expect(share).not.toBeChecked();
    await user.type(note, '  ');
    expect(share).toBeDisabled();

    await user.click(within(group('Workload')).getByRole('radio', { name: 'About right' }));
    await user.click(within(group('Energy')).getByRole('radio', { name: 'Good' }));
    await user.click(within(group(/sustainable/)).getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByText('Saved. Thanks for checking in.');
    expect(keel.callsTo('checkin:add')).toEqual([
      { workload: 3, energy: 4, sustainable: 'yes', stretched: [], shareable: false },
    ]);
    expect(keel.services.checkin.list('2025-03-11', '2025-03-11')).toEqual([
      expect.objectContaining({ note: null, shareable: false }),
    ]);
  });

  it('points out missing answers without sending anything', async () => {
    const { user, keel } = await openChecks();
    await user.click(within(group('Energy')).getByRole('radio', { name: 'Okay' }));
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(keel.callsTo('checkin:add')).toHaveLength(0);
    expect(group('Workload')).toHaveAccessibleDescription('Choose how the workload feels.');
    expect(group(/sustainable/)).toHaveAccessibleDescription(
      'Say whether the workload is sustainable right now.',
    );
    expect(group('Energy')).not.toHaveAttribute('aria-invalid');
    // Focus goes to the first question still open.
    expect(within(group('Workload')).getByRole('radio', { name: 'Far too light' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(group('Workload')).not.toHaveAttribute('aria-invalid');
  });

  it('shows main’s sentence when a save is refused, and keeps every answer', async () => {
    const { user, keel } = await openChecks();
    await user.click(within(group('Workload')).getByRole('radio', { name: 'Unsustainable' }));
    await user.click(within(group('Energy')).getByRole('radio', { name: 'Drained' }));
    await user.click(within(group(/sustainable/)).getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('checkbox', { name: 'Deadlines' }));
    // "C++" is not a tag main accepts.
    await user.type(screen.getByRole('textbox', { name: 'Add your own tag' }), 'C++{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'Incident all week');
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));

    // The sentence alone: the field's key (stretched) stays inside Keel.
    const alert = await within(quickCheck()).findByText(
      'The tag "C++" can only use letters, digits, spaces and hyphens.',
    );
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(quickCheck()).not.toHaveTextContent('stretched:');
    // Focus goes to the tags' field; everything stays as it was.
    expect(screen.getByRole('textbox', { name: 'Add your own tag' })).toHaveFocus();
    expect(checked(quickCheck())).toEqual(['5Unsustainable', '1Drained', 'No']);
    expect(screen.getByRole('checkbox', { name: 'Deadlines' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Note (optional)' })).toHaveValue('Incident all week');

    // Untick the bad tag and save again.
    await user.click(screen.getByRole('checkbox', { name: 'C++' }));
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByText('Saved. Thanks for checking in.');
    expect(within(quickCheck()).queryByRole('alert')).toBeNull();
    expect(keel.callsTo('checkin:add')).toEqual([
      {
        workload: 5,
        energy: 1,
        sustainable: 'no',
        stretched: ['deadlines', 'C++'],
        note: 'Incident all week',
        shareable: false,
      },
      {
        workload: 5,
        energy: 1,
        sustainable: 'no',
        stretched: ['deadlines'],
        note: 'Incident all week',
        shareable: false,
      },
    ]);
  });

  it('keeps focus in the form when the focused control goes with the reset', async () => {
    const { user } = await openChecks();
    await user.click(within(group('Workload')).getByRole('radio', { name: 'Heavy' }));
    await user.click(within(group('Energy')).getByRole('radio', { name: 'Okay' }));
    await user.click(within(group(/sustainable/)).getByRole('radio', { name: 'Mostly' }));
    await user.type(screen.getByRole('textbox', { name: 'Add your own tag' }), 'Pairing{Enter}');
    act(() => screen.getByRole('checkbox', { name: 'Pairing' }).focus());
    await user.keyboard('{Control>}{Enter}{/Control}');
    const thanks = await screen.findByText('Saved. Thanks for checking in.');
    expect(screen.queryByRole('checkbox', { name: 'Pairing' })).toBeNull();
    // On the confirmation, in the form (not on the page).
    await waitFor(() => expect(thanks.closest('[role="status"]')).toHaveFocus());
  });

  it('keeps the answers when the user goes to another view and comes back', async () => {
    const { user } = await openChecks({}, { app: true });
    await user.click(within(group('Workload')).getByRole('radio', { name: 'A bit light' }));
    await user.type(screen.getByRole('textbox', { name: 'Add your own tag' }), 'Hiring{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'Half-written');
    await user.click(navItem('Today'));
    await user.click(navItem('Check-ins'));
    await screen.findByRole('form', { name: 'Quick check' });
    expect(checked(group('Workload'))).toEqual(['2A bit light']);
    expect(screen.getByRole('checkbox', { name: 'Hiring' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Note (optional)' })).toHaveValue('Half-written');
  });

  it('offers the user’s own tags from settings, and ticks an offered tag instead of adding it twice', async () => {
    const { user } = await openChecks({
      settings: { checkins: { cadence: null, customTags: ['code-review'], burnout: false, who5: false } },
    });
    expect(screen.getByRole('checkbox', { name: 'Code review' })).not.toBeChecked();
    await user.type(screen.getByRole('textbox', { name: 'Add your own tag' }), 'code review{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Add your own tag' }), 'MEETINGS{Enter}');
    expect(screen.getAllByRole('checkbox', { name: 'Code review' })).toHaveLength(1);
    expect(screen.getByRole('checkbox', { name: 'Code review' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Meetings' })).toBeChecked();
  });
});

describe('Check-ins: history', SLOW, () => {
  it('lists the period’s check-ins, most recent first, with a private or shared note', async () => {
    await openChecks(await withHistory([FRIDAY, MONDAY]));
    const items = await screen.findAllByRole('heading', { level: 4, name: /Mar \d+, \d\d:\d\d/ });
    expect(items.map((h) => h.textContent)).toEqual(['Mon, Mar 10, 17:20', 'Fri, Mar 7, 16:05']);
    const friday = items[1]?.closest('li') as HTMLElement;
    expect(within(friday).getByText('Private')).toBeInTheDocument();
    expect(within(friday).getByText('Release week')).toBeInTheDocument();
    expect(within(friday).getByText('Meetings')).toBeInTheDocument();
    const monday = items[0]?.closest('li') as HTMLElement;
    expect(within(monday).getByText('May be shared')).toBeInTheDocument();
  });

  it('edits a check-in in a dialog, prefilled, and saves it with its id', async () => {
    const keel = createTestKeel();
    const [friday] = await checkIns(keel, [FRIDAY, MONDAY]);
    const { user } = await openChecks(keel);
    await user.click(await screen.findByRole('button', { name: 'Edit the check-in of Fri, Mar 7, 16:05' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit check-in' });
    const form = within(dialog).getByRole('form', { name: 'Edit check-in' });
    expect(checked(form)).toEqual(['4Heavy', '2Low', 'Mostly']);
    expect(within(form).getByRole('checkbox', { name: 'Meetings' })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Deadlines' })).toBeChecked();
    expect(within(form).getByRole('textbox', { name: 'Note (optional)' })).toHaveValue('Release week');
    // Focus starts on the first question.
    expect(within(form).getByRole('radio', { name: 'Heavy' })).toHaveFocus();

    await user.click(within(group('Energy', form)).getByRole('radio', { name: 'Good' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Meetings' }));
    await user.click(within(form).getByRole('checkbox', { name: 'May be shared in a one-on-one summary' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(keel.callsTo('checkin:update')).toEqual([
      {
        id: friday?.id,
        workload: 4,
        energy: 4,
        sustainable: 'mostly',
        stretched: ['deadlines'],
        note: 'Release week',
        shareable: true,
      },
    ]);
    expect(keel.callsTo('checkin:add')).toHaveLength(0);
    expect(keel.services.checkin.list('2025-03-07', '2025-03-07')).toEqual([
      expect.objectContaining({
        id: friday?.id,
        energy: 4,
        stretched: [expect.objectContaining({ id: 'deadlines' })],
        shareable: true,
      }),
    ]);
    const edited = screen
      .getByRole('heading', { level: 4, name: /Fri, Mar 7, 16:05/ })
      .closest('li') as HTMLElement;
    expect(within(edited).getByText('4 · Good')).toBeInTheDocument();
    expect(within(edited).getByText('edited')).toBeInTheDocument();
    expect(within(edited).getByText('May be shared')).toBeInTheDocument();
    // Focus is back on the Edit button.
    expect(screen.getByRole('button', { name: 'Edit the check-in of Fri, Mar 7, 16:05' })).toHaveFocus();
  });

  it('keeps the edit open with main’s sentence when it is refused', async () => {
    const keel = createTestKeel();
    const [friday] = await checkIns(keel, [FRIDAY]);
    const { user } = await openChecks(keel);
    await user.click(await screen.findByRole('button', { name: 'Edit the check-in of Fri, Mar 7, 16:05' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit check-in' });
    await user.click(within(dialog).getByRole('radio', { name: 'Unsustainable' }));
    // "C++" is not a tag main accepts.
    await user.type(within(dialog).getByRole('textbox', { name: 'Add your own tag' }), 'C++{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(
      await within(dialog).findByText('The tag "C++" can only use letters, digits, spaces and hyphens.'),
    ).toBeInTheDocument();
    expect(dialog).not.toHaveTextContent('stretched:');
    expect(keel.services.checkin.list('2025-03-07', '2025-03-07')).toEqual([
      expect.objectContaining({ id: friday?.id, workload: 4, edited: false }),
    ]);
    expect(within(dialog).getByRole('radio', { name: 'Unsustainable' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('deletes a check-in after asking, by its id, and moves focus to the next one', async () => {
    const keel = createTestKeel();
    const [friday, monday] = await checkIns(keel, [FRIDAY, MONDAY]);
    const { user } = await openChecks(keel);
    await user.click(await screen.findByRole('button', { name: 'Delete the check-in of Fri, Mar 7, 16:05' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this check-in?' });
    // The safe answer has focus.
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(keel.callsTo('checkin:delete')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete the check-in of Fri, Mar 7, 16:05' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete this check-in?' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(keel.callsTo('checkin:delete')).toEqual([{ id: friday?.id }]);
    expect(keel.services.checkin.list('2025-03-01', '2025-03-11').map((c) => c.id)).toEqual([monday?.id]);
    expect(screen.queryByText('Release week')).toBeNull();
    expect(screen.getByText('Calmer after the release')).toBeInTheDocument();
    // The last one is gone: focus moves to the one before it.
    expect(screen.getByRole('button', { name: 'Edit the check-in of Mon, Mar 10, 17:20' })).toHaveFocus();
  });

  it('says so when the period has no check-ins', async () => {
    await openChecks();
    expect(
      await historyList().findByRole('heading', { name: 'No check-ins in these weeks' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'No check-ins in these weeks yet' }),
    ).toBeInTheDocument();
  });

  it('counts a check-in saved from the quick check in the trends main computes', async () => {
    const { user, keel } = await openChecks();
    const trends = screen.getByRole('region', { name: 'Trends' });
    expect(await within(trends).findByText('No check-ins in these weeks yet')).toBeInTheDocument();
    await user.click(within(group('Workload')).getByRole('radio', { name: 'Heavy' }));
    await user.click(within(group('Energy')).getByRole('radio', { name: 'Okay' }));
    await user.click(within(group(/sustainable/)).getByRole('radio', { name: 'Mostly' }));
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByText('Saved. Thanks for checking in.');
    expect(
      await within(trends).findByText('1 check-in from Mon, Feb 17 to Tue, Mar 11.'),
    ).toBeInTheDocument();
    expect(keel.services.checkin.trends('4w').count).toBe(1);
  });

  it('shows a check-in saved elsewhere (the command line) when main announces it', async () => {
    const { keel } = await openChecks();
    await historyList().findByRole('heading', { name: 'No check-ins in these weeks' });
    await act(async () => {
      await keel.call('checkin:add', { workload: 2, energy: 3, sustainable: 'yes', note: 'From the CLI' });
    });
    expect(await historyList().findByText('From the CLI')).toBeInTheDocument();
  });
});

/** Three weeks with checks in the 4-week range: workload rising, energy steady. */
const WEEKS: PastCheckIn[] = [
  { at: '2025-02-18T16:00:00+01:00', workload: 2, energy: 4, sustainable: 'yes', stretched: ['meetings'] },
  {
    at: '2025-02-26T16:00:00+01:00',
    workload: 3,
    energy: 4,
    sustainable: 'mostly',
    stretched: ['meetings', 'deadlines'],
  },
  { at: '2025-03-04T16:00:00+01:00', workload: 4, energy: 4, sustainable: 'no', stretched: ['code-review'] },
  { at: '2025-03-05T16:00:00+01:00', workload: 5, energy: 4, sustainable: 'no', stretched: ['meetings'] },
];

describe('Check-ins: trends', SLOW, () => {
  it('asks for 4 weeks, a quarter or a year, and reads History over the same weeks', async () => {
    const { user, keel } = await openChecks();
    await waitFor(() => expect(keel.callsTo('checkin:trends')).not.toHaveLength(0));
    const ranges = () => keel.callsTo('checkin:trends').map((input) => (input as { range: string }).range);
    const lists = () => keel.callsTo('checkin:list');
    expect(new Set(ranges())).toEqual(new Set(['4w']));
    expect(lists().at(-1)).toEqual({ from: '2025-02-17', to: '2025-03-11' });
    expect(screen.getByRole('radio', { name: '4 weeks' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'Quarter' }));
    await waitFor(() => expect(ranges().at(-1)).toBe('quarter'));
    expect(lists().at(-1)).toEqual({ from: '2024-12-16', to: '2025-03-11' });
    expect(screen.getByRole('region', { name: 'Trends' })).toHaveTextContent(
      'Week by week over the last quarter (13 weeks).',
    );

    // Arrow keys move between the periods, as in any radio group.
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(ranges().at(-1)).toBe('year'));
    expect(lists().at(-1)).toEqual({ from: '2024-03-18', to: '2025-03-11' });
    expect(screen.getByRole('radio', { name: 'Year' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: '4 weeks' }));
    await waitFor(() => expect(ranges().at(-1)).toBe('4w'));
  });

  it('writes the directions in words and has every number in a table or a list', async () => {
    await openChecks(await withHistory(WEEKS));
    const trends = screen.getByRole('region', { name: 'Trends' });
    expect(await within(trends).findByText('Workload: rising')).toBeInTheDocument();
    expect(within(trends).getByText('Energy: steady')).toBeInTheDocument();
    // The range is named up to today (Tue 11 Mar), never the coming Sunday.
    expect(within(trends).getByText('4 check-ins from Mon, Feb 17 to Tue, Mar 11.')).toBeInTheDocument();

    // Workload and energy: jsdom has no canvas, so the chart is its table.
    const chart = within(trends).getByRole('table', { name: 'Workload and energy, week by week' });
    const rows = tableRows(chart);
    expect(rows).toEqual([
      ['Mon, Feb 17', '2', '4', '1'],
      ['Mon, Feb 24', '3', '4', '1'],
      ['Mon, Mar 3', '4.5', '4', '2'],
      ['Mon, Mar 10', '–No data', '–No data', '0'],
    ]);

    // Sustainable per week: the counts, weeks without a check left out, and the totals.
    const sustain = within(trends).getByRole('table', { name: 'Sustainable, week by week' });
    const counts = tableRows(sustain);
    expect(counts).toEqual([
      ['Mon, Feb 17', '1', '0', '0'],
      ['Mon, Feb 24', '0', '1', '0'],
      ['Mon, Mar 3', '0', '0', '2'],
      ['All weeks', '1', '1', '2'],
    ]);

    // Stretched tags, most named first, with their numbers written out.
    const stretched = within(trends).getByRole('region', { name: 'Where you felt stretched' });
    expect(
      within(stretched)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Meetings3 of 4 check-ins (75%)',
      'Code review1 of 4 check-ins (25%)',
      'Deadlines1 of 4 check-ins (25%)',
    ]);
  });

  it('says what a direction needs when the chart has fewer weeks of check-ins than that', async () => {
    // Two weeks with check-ins: the chart shows them, and the label says why there is no direction.
    await openChecks(await withHistory(WEEKS.slice(1)));
    const trends = screen.getByRole('region', { name: 'Trends' });
    const directions = await within(trends).findByRole('list', { name: 'Directions' });
    expect(directions).toHaveTextContent('Workload: shows after 3 weeks with check-ins (2 so far)');
    expect(directions).toHaveTextContent('Energy: shows after 3 weeks with check-ins (2 so far)');
    expect(trends).not.toHaveTextContent(/not enough data/);
    const chart = within(trends).getByRole('table', { name: 'Workload and energy, week by week' });
    expect(tableRows(chart)).toContainEqual(['Mon, Mar 3', '4.5', '4', '2']);
    // The number the label names is the one main computes with.
    expect(DIRECTION_NEEDS_WEEKS).toBe(TREND_MIN_POINTS);
  });

  it('charts questionnaire scores when there are any', async () => {
    const keel = createTestKeel({
      settings: { checkins: { cadence: null, customTags: [], burnout: true, who5: true } },
    });
    const answer = (at: string, input: ChannelInput<'checkin:questionnaire'>) =>
      keel.at(at, () => keel.call('checkin:questionnaire', input));
    await answer('2025-02-20T12:00:00+01:00', { kind: 'who5', answers: [4, 4, 3, 3, 3] });
    await answer('2025-03-06T12:00:00+01:00', { kind: 'who5', answers: [3, 3, 3, 2, 3] });
    await answer('2025-03-06T12:05:00+01:00', { kind: 'burnout', answers: [2] });
    await openChecks(keel);
    const who5 = await screen.findByRole('table', { name: 'WHO-5 Well-Being Index over time' });
    expect(
      within(who5)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['Thu, Feb 2068', 'Thu, Mar 656']);
    const burnout = screen.getByRole('table', { name: 'Single-item burnout measure over time' });
    expect(
      within(burnout)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['Thu, Mar 62']);
    // No check-ins yet, but the scores still show.
    expect(screen.getByRole('heading', { name: 'No check-ins in these weeks yet' })).toBeInTheDocument();
  });

  it('shows main’s sentence when trends cannot be read, and tries again', async () => {
    const keel = createTestKeel();
    keel.fail('checkin:trends', sqliteError('SQLITE_IOERR_READ'));
    const { user } = renderView('checkin', keel);
    const trends = await screen.findByRole('region', { name: 'Trends' });
    expect(await within(trends).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.io);
    keel.heal('checkin:trends');
    await user.click(within(trends).getByRole('button', { name: 'Try again' }));
    expect(await within(trends).findByText('No check-ins in these weeks yet')).toBeInTheDocument();
    expect(keel.callsTo('checkin:trends').length).toBeGreaterThanOrEqual(2);
  });
});

describe('Check-ins: questionnaires', SLOW, () => {
  const WHO5_ON = { checkins: { cadence: null, customTags: [], burnout: false, who5: true } };

  it('shows only the questionnaires that are turned on', async () => {
    await openChecks();
    expect(screen.queryByRole('region', { name: 'WHO-5 Well-Being Index' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Single-item burnout measure' })).toBeNull();
  });

  it('WHO-5: five statements under the stem, the score, and a calm note with resources', async () => {
    const { user, keel } = await openChecks({ settings: WHO5_ON });
    const card = screen.getByRole('region', { name: 'WHO-5 Well-Being Index' });
    expect(within(card).getByText('This is a self-reflection aid, not a diagnosis.')).toBeInTheDocument();
    expect(within(card).getByText(/Topp CW, Østergaard SD/)).toBeInTheDocument();
    const stem = within(card).getByRole('group', { name: 'Over the last two weeks…' });
    const items = within(stem).getAllByRole('radiogroup');
    expect(items).toHaveLength(5);
    expect(
      within(stem).getByRole('radiogroup', { name: 'I have felt calm and relaxed' }),
    ).toBeInTheDocument();

    // Not all answered: nothing is sent.
    await user.click(within(items[0] as HTMLElement).getByRole('radio', { name: 'Some of the time' }));
    await user.click(within(card).getByRole('button', { name: 'See my score' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Answer each of the five statements.');
    expect(keel.callsTo('checkin:questionnaire')).toHaveLength(0);
    expect(within(items[1] as HTMLElement).getByRole('radio', { name: 'All of the time' })).toHaveFocus();

    for (const item of items.slice(1))
      await user.click(within(item).getByRole('radio', { name: 'Some of the time' }));
    await user.click(within(card).getByRole('button', { name: 'See my score' }));

    const score = await within(card).findByRole('heading', { name: 'Your score: 20 out of 100' });
    expect(score).toHaveFocus();
    expect(keel.callsTo('checkin:questionnaire')).toEqual([{ kind: 'who5', answers: [1, 1, 1, 1, 1] }]);
    expect(within(card).getByText('A score of 50 or below suggests low well-being.')).toBeInTheDocument();
    const note = within(card).getByRole('region', { name: 'Your well-being score is on the low side' });
    expect(note).toHaveTextContent(/it can help to talk it over with someone/);
    // Each thing is said once: the threshold and the disclaimer are not repeated in the note.
    expect(card.textContent?.match(/50 or below/g)).toHaveLength(1);
    expect(card.textContent?.match(/not a diagnosis/g)).toHaveLength(1);
    expect(within(note).getByText('A helpline')).toBeInTheDocument();
    expect(within(note).getByText(/findahelpline.com/)).toBeInTheDocument();
    expect(within(note).getAllByRole('listitem')).toHaveLength(4);
    // Calm: nothing is announced as an alert.
    expect(within(card).queryByRole('alert')).toBeNull();

    await user.click(within(card).getByRole('button', { name: 'Done' }));
    // Not due any more: the last score, and a way to take it again.
    const again = await within(card).findByRole('button', { name: 'Take it again' });
    expect(again).toHaveFocus();
    expect(card).toHaveTextContent('Last answered Tue, Mar 11: 20 out of 100.');
  });

  it('WHO-5: shows main’s outcome as returned, with no note when there is none', async () => {
    const { user, keel } = await openChecks({ settings: WHO5_ON });
    const card = screen.getByRole('region', { name: 'WHO-5 Well-Being Index' });
    for (const item of within(card).getAllByRole('radiogroup'))
      await user.click(within(item).getByRole('radio', { name: 'Most of the time' }));
    await user.click(within(card).getByRole('button', { name: 'See my score' }));
    expect(
      await within(card).findByRole('heading', { name: 'Your score: 80 out of 100' }),
    ).toBeInTheDocument();
    expect(within(card).queryByRole('region')).toBeNull();
    expect(keel.services.checkin.trends('4w').who5).toEqual([expect.objectContaining({ score: 80 })]);
  });

  it('burnout: not due, so the last answer and "Take it again"; one question of five statements', async () => {
    const keel = createTestKeel({
      settings: { checkins: { cadence: null, customTags: [], burnout: true, who5: false } },
    });
    await keel.at('2025-03-09T12:00:00+01:00', () =>
      keel.call('checkin:questionnaire', { kind: 'burnout', answers: [3] }),
    );
    const { user } = await openChecks(keel);
    const card = screen.getByRole('region', { name: 'Single-item burnout measure' });
    expect(card).toHaveTextContent('Last answered Sun, Mar 9: 3 of 5.');
    expect(within(card).queryByRole('radiogroup')).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Take it again' }));
    const question = within(card).getByRole('radiogroup', {
      name: /how would you rate your level of burnout/,
    });
    expect(within(question).getAllByRole('radio')).toHaveLength(5);
    expect(within(question).getAllByRole('radio')[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    await user.click(within(card).getByRole('button', { name: 'See my score' }));
    expect(await within(card).findByRole('heading', { name: 'Your answer: 2 of 5' })).toBeInTheDocument();
    expect(keel.callsTo('checkin:questionnaire')).toEqual([{ kind: 'burnout', answers: [2] }]);
    expect(
      within(card).getByText(
        'In the validation studies, answers of 1 or 2 are read as no symptoms of burnout.',
      ),
    ).toBeInTheDocument();
  });
});

describe('Sign-off offers the quick check', SLOW, () => {
  /** Tuesday evening, signed off at 17:42. */
  async function signedOff(options: TestKeelOptions = {}): Promise<TestKeel> {
    const keel = createTestKeel({ ...options, now: '2025-03-11T17:50:00+01:00' });
    await keel.at('2025-03-11T17:42:00+01:00', () =>
      keel.call('signoff:submit', { done: '', unfinished: [], firstTomorrow: '' }),
    );
    return keel;
  }

  it('when the cadence is "at sign-off", and goes to Check-ins', async () => {
    const { user } = await renderApp(
      await signedOff({
        settings: { checkins: { cadence: { mode: 'signoff' }, customTags: [], burnout: false, who5: false } },
      }),
    );
    await user.click(navItem('Sign-off'));
    const card = await screen.findByRole('region', { name: 'Signed off at 17:42' });
    await user.click(within(card).getByRole('button', { name: 'Take the quick check' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Check-ins');
    expect(await screen.findByRole('form', { name: 'Quick check' })).toBeInTheDocument();
  });

  it('not with another cadence', async () => {
    renderView('signoff', await signedOff());
    const card = await screen.findByRole('region', { name: 'Signed off at 17:42' });
    expect(within(card).queryByRole('button', { name: 'Take the quick check' })).toBeNull();
  });
});
