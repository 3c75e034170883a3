import fs from 'node:fs';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import { renderView } from './harness';
import { createTestKeel, sqliteError, type TestKeel } from './keel-bridge';

/** The clock: Tuesday, March 11 2025, 08:40 in Berlin; plan 09:00–11:00 and 14:00–16:00 (defaults). */
async function openFocus(keel: TestKeel = createTestKeel()) {
  const utils = renderView('focus', keel);
  await screen.findByRole('region', { name: /Start a focus block|Focus until/ });
  return utils;
}

function region(name: string | RegExp) {
  return screen.getByRole('region', { name });
}

/** A 25-minute block started at 08:30, running until 08:55. */
async function running(): Promise<TestKeel> {
  const keel = createTestKeel();
  await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('focus:start', { minutes: 25 }));
  return keel;
}

/** An iCalendar file with these meetings (UTC instants). */
function ics(events: { title: string; start: string; end: string }[]): string {
  const utc = (iso: string) =>
    new Date(iso)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Keel tests//EN',
    ...events.flatMap((e, i) => [
      'BEGIN:VEVENT',
      `UID:meeting-${i}@keel.test`,
      'DTSTAMP:20250301T000000Z',
      `DTSTART:${utc(e.start)}`,
      `DTEND:${utc(e.end)}`,
      `SUMMARY:${e.title}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** Imports `content` as the calendar file `name`, as if chosen in the open dialog. */
async function importCalendar(keel: TestKeel, name: string, content: string): Promise<string> {
  const file = keel.writeFile(name, content);
  keel.shell.nextChosenFile = file;
  await keel.call('calendar:import', {});
  keel.shell.nextChosenFile = null;
  return file;
}

describe('Focus: the block now', () => {
  it('starts a 25-minute block and shows "Focus until" with the time left', async () => {
    const { user, keel } = await openFocus();
    await user.click(screen.getByRole('button', { name: 'Start a 25 min block' }));
    const now = await screen.findByRole('region', { name: 'Focus until 09:05' });
    expect(keel.callsTo('focus:start')).toEqual([{ minutes: 25 }]);
    expect(keel.services.focus.running()?.plannedEnd).toBe(Date.parse('2025-03-11T09:05:00+01:00'));
    expect(within(now).getByText('25 min left')).toBeInTheDocument();
    expect(within(now).getByRole('progressbar', { name: 'Time in this block' })).toHaveAttribute(
      'aria-valuetext',
      '0 min of 25 min',
    );
    expect(within(now).getByText(/0 interruptions/)).toBeInTheDocument();
  });

  it('starts until the next block', async () => {
    const { user, keel } = await openFocus();
    const button = screen.getByRole('button', { name: 'Until next meeting or block' });
    expect(button).toHaveAccessibleDescription('“Until next meeting or block” would end at 09:00.');
    await user.click(button);
    expect(await screen.findByRole('region', { name: 'Focus until 09:00' })).toBeInTheDocument();
    expect(keel.callsTo('focus:start')).toEqual([{ until: 'next' }]);
  });

  it('offers no "until next" block when nothing comes, and says so in a sentence', async () => {
    // No plan and no calendar (as after hours): "until next" has nothing to run up to.
    const { keel } = await openFocus(createTestKeel({ settings: { focusPlan: [] } }));
    const card = region('Start a focus block');
    expect(within(card).queryByRole('button', { name: /Until next/ })).toBeNull();
    expect(
      within(card).getByText(
        'No meeting or block comes in the next 8 hours, so pick a length for this block.',
      ),
    ).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Start a 25 min block' })).toBeEnabled();
    expect(keel.callsTo('focus:start')).toEqual([]);
  });

  it('records an interruption with its kind, note and where you left off', async () => {
    const { user, keel } = await openFocus(await running());
    const now = region('Focus until 08:55');
    expect(within(now).getByText('15 min left')).toBeInTheDocument();
    await user.click(within(now).getByRole('button', { name: 'I got interrupted' }));
    const dialog = screen.getByRole('dialog', { name: 'What interrupted you?' });

    // Without a kind nothing is saved.
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose what interrupted you.');
    expect(keel.callsTo('focus:interrupt')).toHaveLength(0);

    await user.click(within(dialog).getByRole('radio', { name: 'Incident' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note (optional)' }), 'Pager: API 500s');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Where did you leave off?' }),
      'Writing the test for the retry',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(keel.callsTo('focus:interrupt')).toEqual([{ kind: 'incident', note: 'Pager: API 500s' }]);
    expect(keel.callsTo('focus:leaveOff')).toEqual([{ text: 'Writing the test for the retry' }]);
    expect(await within(region('Focus until 08:55')).findByText(/1 interruption$/)).toBeInTheDocument();
    expect(keel.services.focus.status().running?.interruptions).toBe(1);
  });

  it('does not count an interruption twice when only the left-off line failed', async () => {
    const { user, keel } = await openFocus(await running());
    await user.click(screen.getByRole('button', { name: 'I got interrupted' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Chat' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Where did you leave off?' }),
      'Reviewing #42',
    );
    keel.failNext('focus:leaveOff', sqliteError('SQLITE_FULL'));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(STORAGE_MESSAGES.full)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(keel.callsTo('focus:interrupt')).toHaveLength(1);
    expect(keel.callsTo('focus:leaveOff')).toHaveLength(2);
    expect(keel.services.focus.status().running?.interruptions).toBe(1);
  });

  it('ends the block, then asks where you left off; Not now hides the prompt', async () => {
    const { user, keel } = await openFocus(await running());
    await user.click(screen.getByRole('button', { name: 'End block' }));
    expect(await screen.findByRole('region', { name: 'Start a focus block' })).toBeInTheDocument();
    expect(keel.callsTo('focus:stop')).toHaveLength(1);
    expect(keel.services.focus.running()).toBeUndefined();
    const prompt = await screen.findByRole('region', { name: 'Where did you leave off?' });
    await user.click(within(prompt).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('region', { name: 'Where did you leave off?' })).toBeNull();
    expect(keel.callsTo('focus:leaveOff')).toHaveLength(0);
  });

  it('saves the left-off line from the prompt and shows it when the next block starts', async () => {
    // A block that ended a few minutes ago, with nothing noted yet.
    const keel = createTestKeel();
    await keel.at('2025-03-11T08:10:00+01:00', () => keel.call('focus:start', { minutes: 25 }));
    await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('focus:stop', {}));
    const { user } = await openFocus(keel);
    const prompt = screen.getByRole('region', { name: 'Where did you leave off?' });
    await user.click(within(prompt).getByRole('button', { name: 'Save' }));
    expect(within(prompt).getByRole('alert')).toHaveTextContent('Write one line, or choose Not now.');
    await user.type(
      within(prompt).getByRole('textbox', { name: 'Where did you leave off?' }),
      'Step 3 of the plan',
    );
    await user.click(within(prompt).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Where did you leave off?' })).toBeNull(),
    );
    expect(keel.callsTo('focus:leaveOff')).toEqual([{ text: 'Step 3 of the plan' }]);

    act(() => keel.clock.advanceBy(60_000));
    await user.click(screen.getByRole('button', { name: 'Start a 50 min block' }));
    const now = await screen.findByRole('region', { name: 'Focus until 09:31' });
    expect(within(now).getByText('Where you left off:').parentElement).toHaveTextContent(
      'Where you left off: Step 3 of the plan',
    );
  });
});

describe('Focus: today and this week', () => {
  it("lists today's blocks with states and overlaps, and skips the next one", async () => {
    const keel = createTestKeel();
    await importCalendar(
      keel,
      'team.ics',
      ics([{ title: 'Standup', start: '2025-03-11T09:30:00+01:00', end: '2025-03-11T09:45:00+01:00' }]),
    );
    const { user } = await openFocus(keel);
    const today = region('Today’s blocks');
    const items = within(today)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement?.className === 'blocks');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('09:00–11:00');
    expect(items[0]).toHaveTextContent('Upcoming');
    await waitFor(() => expect(items[0]).toHaveTextContent('Overlaps “Standup” 09:30–09:45'));
    expect(items[1]).toHaveTextContent('14:00–16:00');

    // Only the next upcoming block offers Skip.
    expect(within(today).getAllByRole('button', { name: /^Skip/ })).toHaveLength(1);
    await user.click(within(today).getByRole('button', { name: 'Skip the 09:00–11:00 block' }));
    expect(keel.callsTo('focus:skip')).toEqual([{ occurrenceId: 'focus:2025-03-11@09:00' }]);
    await waitFor(() => expect(items[0]).toHaveTextContent('Skipped'));
    expect(within(today).getByRole('button', { name: 'Skip the 14:00–16:00 block' })).toBeInTheDocument();
  });

  it('shows planned and protected minutes per day, totals and interruptions by kind', async () => {
    // Monday: the morning block protected 09:00–10:20 (two meetings and a chat), the afternoon one
    // whole, and an hour started on the spot after it: more protected than planned, never a share of it.
    const keel = createTestKeel();
    const monday = (time: string) => `2025-03-10T${time}:00+01:00`;
    await keel.at(monday('09:00'), () => keel.call('focus:start', { minutes: 120 }));
    await keel.at(monday('09:30'), () => keel.call('focus:interrupt', { kind: 'meeting' }));
    await keel.at(monday('09:50'), () => keel.call('focus:interrupt', { kind: 'meeting' }));
    await keel.at(monday('10:10'), () => keel.call('focus:interrupt', { kind: 'chat' }));
    await keel.at(monday('10:20'), () => keel.call('focus:stop', {}));
    await keel.at(monday('14:00'), () => keel.call('focus:start', { minutes: 120 }));
    await keel.at(monday('16:00'), () => keel.call('focus:stop', {}));
    await keel.at(monday('16:10'), () => keel.call('focus:start', { minutes: 60 }));
    await keel.at(monday('17:10'), () => keel.call('focus:stop', {}));
    await keel.at(monday('17:11'), () => keel.call('focus:leaveOff', { text: 'Done for the day' }));

    await openFocus(keel);
    const week = region('This week');
    const table = await within(week).findByRole('table', { name: 'Focus minutes per day this week' });
    expect(keel.callsTo('focus:stats').at(-1)).toEqual({ from: '2025-03-10', to: '2025-03-16' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(7);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader')).toHaveTextContent('Mon, Mar 10');
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['', '4 hr, 20 min', '4 hr']);
    expect(within(rows[1] as HTMLElement).getByRole('rowheader')).toHaveAttribute('aria-current', 'date');
    expect(
      within(rows[6] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['', '0 min', '0 min']);
    expect(within(week).getByText('Protected this week').nextElementSibling).toHaveTextContent(
      // Side by side, with the planned time that has come: Monday's 4 h (Tuesday's first block is at 09:00).
      /^4 hr, 20 min · 20 hr planned \(4 hr of it so far\)$/,
    );
    expect(week).not.toHaveTextContent(/%| of 20 h/);
    const kinds = within(week).getByText('Interruptions').nextElementSibling as HTMLElement;
    expect(kinds).toHaveTextContent('Meeting 2');
    expect(kinds).toHaveTextContent('Chat 1');
    expect(kinds).toHaveTextContent('Incident 0');
  });
});

describe('Focus: weekly plan and pauses', () => {
  it('adds and removes blocks and saves the plan', async () => {
    const { user, keel } = await openFocus(
      createTestKeel({ settings: { focusPlan: [{ weekday: 'mon', start: '09:00', end: '11:00' }] } }),
    );
    const plan = region('Weekly plan');
    expect(within(plan).getByRole('button', { name: 'Save plan' })).toBeDisabled();

    await user.selectOptions(within(plan).getByRole('combobox', { name: 'Weekday' }), 'wed');
    const start = within(plan).getByLabelText('Start');
    const end = within(plan).getByLabelText('End');
    await user.clear(start);
    await user.type(start, '13:00');
    await user.clear(end);
    await user.type(end, '15:30');
    await user.click(within(plan).getByRole('button', { name: 'Add block' }));
    expect(within(plan).getByLabelText('Wednesday block 1 start')).toHaveValue('13:00');

    await user.click(within(plan).getByRole('button', { name: 'Remove Monday block 1' }));
    expect(within(plan).queryByLabelText('Monday block 1 start')).toBeNull();
    expect(within(plan).getByText('Unsaved changes')).toBeInTheDocument();

    await user.click(within(plan).getByRole('button', { name: 'Save plan' }));
    expect(await within(plan).findByText('Saved')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'focusPlan', value: [{ weekday: 'wed', start: '13:00', end: '15:30' }] },
    ]);
    expect(keel.services.settings.get().focusPlan).toEqual([
      { weekday: 'wed', start: '13:00', end: '15:30' },
    ]);
  });

  it('refuses a block that ends before it starts, before saving', async () => {
    const { user } = await openFocus();
    const plan = region('Weekly plan');
    const end = within(plan).getByLabelText('End');
    await user.clear(end);
    await user.type(end, '08:00');
    await user.click(within(plan).getByRole('button', { name: 'Add block' }));
    expect(within(plan).getByRole('alert')).toHaveTextContent(
      'A focus block must end after it starts, on the same day.',
    );
  });

  it("shows the API's sentence under the editor and keeps the edits", async () => {
    const { user, keel } = await openFocus(
      createTestKeel({ settings: { focusPlan: [{ weekday: 'mon', start: '09:00', end: '11:00' }] } }),
    );
    const plan = region('Weekly plan');
    await user.selectOptions(within(plan).getByRole('combobox', { name: 'Weekday' }), 'mon');
    const start = within(plan).getByLabelText('Start');
    const end = within(plan).getByLabelText('End');
    await user.clear(start);
    await user.type(start, '10:00');
    await user.clear(end);
    await user.type(end, '12:00');
    await user.click(within(plan).getByRole('button', { name: 'Add block' }));
    await user.click(within(plan).getByRole('button', { name: 'Save plan' }));

    const sentence = 'Focus blocks on Monday overlap (09:00–11:00 and 10:00–12:00).';
    const alert = await within(plan).findByRole('alert');
    expect(alert).toHaveTextContent(sentence);
    // Under Monday's row (main's path names the block), not under the whole plan.
    const monday = within(plan).getByRole('group', { name: 'Monday' });
    expect(monday).toContainElement(alert);
    expect(monday).toHaveAccessibleDescription(sentence);
    expect(within(plan).getByLabelText('Monday block 2 start')).toHaveAccessibleDescription(sentence);
    expect(within(plan).getByLabelText('Monday block 2 end')).toHaveAttribute('aria-invalid', 'true');
    expect(within(plan).getByLabelText('Monday block 1 start')).not.toHaveAttribute('aria-invalid');
    expect(plan.querySelectorAll('[aria-invalid="true"]')).toHaveLength(2);
    expect(within(plan).getByLabelText('Monday block 2 start')).toHaveValue('10:00');
    expect(within(plan).getByLabelText('Monday block 2 end')).toHaveValue('12:00');
    expect(within(plan).getByText('Unsaved changes')).toBeInTheDocument();
    expect(keel.services.settings.get().focusPlan).toHaveLength(1);

    // Fix it and save.
    await user.click(within(plan).getByRole('button', { name: 'Remove Monday block 1' }));
    await user.click(within(plan).getByRole('button', { name: 'Save plan' }));
    expect(await within(plan).findByText('Saved')).toBeInTheDocument();
    expect(within(plan).queryByRole('alert')).toBeNull();
    expect(keel.services.settings.get().focusPlan).toEqual([
      { weekday: 'mon', start: '10:00', end: '12:00' },
    ]);
  });

  it('adds a pause with a note and removes it', async () => {
    const { user, keel } = await openFocus();
    const pauses = region('Pauses');
    expect(within(pauses).getByText('No pauses planned.')).toBeInTheDocument();
    await user.type(within(pauses).getByLabelText('From'), '2025-04-14');
    await user.type(within(pauses).getByLabelText('To'), '2025-04-18');
    await user.type(within(pauses).getByLabelText('Note (optional)'), 'Easter');
    await user.click(within(pauses).getByRole('button', { name: 'Add pause' }));

    expect(await within(pauses).findByText('Mon, Apr 14 – Fri, Apr 18')).toBeInTheDocument();
    expect(within(pauses).getByText('Easter')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'focusPauses', value: [{ from: '2025-04-14', to: '2025-04-18', note: 'Easter' }] },
    ]);
    expect(keel.services.settings.get().focusPauses).toEqual([
      { from: '2025-04-14', to: '2025-04-18', note: 'Easter' },
    ]);
    expect(within(pauses).getByLabelText('From')).toHaveValue('');

    await user.click(
      within(pauses).getByRole('button', { name: 'Remove the pause Mon, Apr 14 – Fri, Apr 18' }),
    );
    expect(await within(pauses).findByText('No pauses planned.')).toBeInTheDocument();
    expect(keel.services.settings.get().focusPauses).toEqual([]);
  });

  it('keeps the typed pause when it is refused', async () => {
    const { user } = await openFocus();
    const pauses = region('Pauses');
    await user.type(within(pauses).getByLabelText('From'), '2025-04-18');
    await user.type(within(pauses).getByLabelText('To'), '2025-04-14');
    await user.click(within(pauses).getByRole('button', { name: 'Add pause' }));
    // Main's own sentence, path included.
    expect(await within(pauses).findByRole('alert')).toHaveTextContent(
      'A pause must end on or after the day it starts.',
    );
    expect(within(pauses).getByLabelText('From')).toHaveValue('2025-04-18');
  });
});

describe('Focus: calendar', () => {
  it('exports the plan, imports a calendar and stops using it', async () => {
    const keel = createTestKeel();
    const { user } = await openFocus(keel);
    const card = region('Calendar');
    await user.click(
      within(card).getByRole('button', { name: 'Export focus plan as a calendar file (.ics)' }),
    );
    expect(await within(card).findByText('Saved as keel-focus.ics')).toBeInTheDocument();
    expect(keel.shell.saved.map((f) => String(f.content))).toEqual([
      expect.stringContaining('BEGIN:VCALENDAR'),
    ]);

    expect(within(card).getByText(/No calendar imported/)).toBeInTheDocument();
    keel.shell.nextChosenFile = keel.writeFile(
      'work.ics',
      ics([
        { title: 'Planning', start: '2025-03-11T13:00:00+01:00', end: '2025-03-11T13:30:00+01:00' },
        { title: 'Retro', start: '2025-03-12T15:00:00+01:00', end: '2025-03-12T16:00:00+01:00' },
      ]),
    );
    await user.click(within(card).getByRole('button', { name: 'Import a calendar file (.ics)…' }));
    expect(await within(card).findByText('work.ics')).toBeInTheDocument();
    expect(within(card).getByText('2 meetings')).toBeInTheDocument();
    expect(within(card).getByText('today at 08:40')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Stop using this calendar' }));
    expect(await within(card).findByText(/No calendar imported/)).toBeInTheDocument();
    expect(keel.callsTo('calendar:clear')).toHaveLength(1);
    expect(keel.services.calendar.status().file).toBeNull();
  });

  it('shows nothing on a cancelled export, and the file error sentence', async () => {
    // The imported file has gone since: start-up cannot read it again.
    const keel = createTestKeel();
    const file = await importCalendar(
      keel,
      'team.ics',
      ics([{ title: 'Demo', start: '2025-03-11T15:00:00+01:00', end: '2025-03-11T15:30:00+01:00' }]),
    );
    fs.rmSync(file);
    keel.shell.cancelSaves = true;
    const { user } = await openFocus(keel);
    const card = region('Calendar');
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      'Keel could not find the calendar file; it may have been moved or deleted.',
    );
    expect(within(card).getByText('team.ics')).toBeInTheDocument();
    await user.click(
      within(card).getByRole('button', { name: 'Export focus plan as a calendar file (.ics)' }),
    );
    await waitFor(() =>
      expect(
        within(card).getByRole('button', { name: 'Export focus plan as a calendar file (.ics)' }),
      ).toBeEnabled(),
    );
    expect(keel.callsTo('focus:exportIcs')).toHaveLength(1);
    expect(within(card).queryByText(/Saved as/)).toBeNull();
  });
});

describe('Focus: state pushes', () => {
  it('re-reads status and stats when a block starts elsewhere (the tray)', async () => {
    const { keel } = await openFocus();
    await waitFor(() => expect(keel.callsTo('focus:stats').length).toBeGreaterThan(0));
    const before = { status: keel.callsTo('focus:status').length, stats: keel.callsTo('focus:stats').length };
    await act(async () => keel.tray.select({ kind: 'focus-start', minutes: 25 }));
    expect(await screen.findByRole('region', { name: 'Focus until 09:05' })).toBeInTheDocument();
    expect(keel.callsTo('focus:status').length).toBe(before.status + 1);
    expect(keel.callsTo('focus:stats').length).toBe(before.stats + 1);
  });
});
