import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import { englishCreepSummary } from '../helpers/creep-summary';
import { navItem, renderApp, renderView } from './harness';
import { createTestKeel, sqliteError, type TestKeel, type TestKeelOptions } from './keel-bridge';

/** The clock: Tuesday, March 11 2025, 17:42 in Berlin; hours 09:00–17:30 on weekdays. */
const EVENING = '2025-03-11T17:42:00+01:00';

/**
 * Tuesday evening with the user away from the keyboard: the OS reports no idle time, so the
 * runtime samples no presence and suggests nothing until a test says otherwise.
 */
function evening(options: TestKeelOptions = {}): TestKeel {
  const keel = createTestKeel({ now: EVENING, ...options });
  keel.power.idle = Infinity;
  return keel;
}

/** Tuesday evening with the user at the keyboard: the runtime suggests signing off at once. */
function suggesting(options: TestKeelOptions = {}): TestKeel {
  const keel = createTestKeel({ now: EVENING, ...options });
  keel.power.idle = 0;
  return keel;
}

/** The user touched the machine at each of these instants (a presence sample right then). */
async function activeAt(keel: TestKeel, ...instants: string[]): Promise<void> {
  for (const at of instants) await keel.at(at, () => keel.services.signoff.samplePresence(0));
}

async function signOffAt(keel: TestKeel, at: string, input: ChannelInput<'signoff:submit'>) {
  await keel.at(at, () => keel.call('signoff:submit', input));
}

/** Sign-off alone, or (`app`) the whole app opened on Sign-off, for tests that go elsewhere. */
async function openSignoff(given: TestKeel | TestKeelOptions = evening(), { app = false } = {}) {
  const keel = 'api' in given ? given : evening(given);
  const utils = app ? await renderApp(keel) : renderView('signoff', keel);
  if (app) await utils.user.click(navItem('Sign-off'));
  await screen.findByRole('region', { name: /Wrap up the day|Signed off at/ });
  return utils;
}

function region(name: string | RegExp) {
  return screen.getByRole('region', { name });
}

function ritual() {
  return region('Wrap up the day');
}

const RECORD: ChannelInput<'signoff:submit'> = {
  done: 'Shipped the retry fix',
  unfinished: [{ item: 'Review Sam’s PR', plan: '10:00, after stand-up' }],
  firstTomorrow: 'Answer the design review',
  energy: 4,
};

/** Signed off at 17:42 with RECORD. */
async function signedOff(): Promise<TestKeel> {
  const keel = evening();
  await signOffAt(keel, EVENING, RECORD);
  return keel;
}

describe('Sign-off: the header', () => {
  it('says when working hours end and shows the two presence times Keel keeps', async () => {
    const keel = evening();
    await activeAt(keel, '2025-03-11T08:52:00+01:00', '2025-03-11T17:40:00+01:00');
    await openSignoff(keel);
    expect(screen.getByText('Working hours end at 17:30.')).toBeInTheDocument();
    const day = region('Your day');
    expect(within(day).getByText('First active 08:52 · last active 17:40')).toBeInTheDocument();
    expect(within(day).getByText(/Keel keeps only when you were first and last active/)).toBeInTheDocument();
  });

  it('names a holiday, and a day off', async () => {
    await openSignoff({
      settings: { holidays: [{ from: '2025-03-10', to: '2025-03-14', note: 'Ski week' }] },
    });
    expect(screen.getByText('Holiday: Ski week.')).toBeInTheDocument();
    expect(within(region('Your day')).getByText('No activity noticed yet today.')).toBeInTheDocument();
  });

  it('says a day off is a day off', async () => {
    await openSignoff({ now: '2025-03-15T11:00:00+01:00' });
    expect(screen.getByText('A day off: no working hours today.')).toBeInTheDocument();
  });

  it('says when hours end the next day', async () => {
    await openSignoff({
      settings: {
        workingHours: {
          mon: null,
          tue: { start: '22:00', end: '06:00' },
          wed: null,
          thu: null,
          fri: null,
          sat: null,
          sun: null,
        },
      },
    });
    expect(screen.getByText('Working hours end at 06:00 (the next day).')).toBeInTheDocument();
  });
});

describe('Sign-off: the shutdown ritual', () => {
  it('submits exactly what was typed, then shows what was saved', async () => {
    const { user, keel } = await openSignoff();
    const form = ritual();
    await user.type(
      within(form).getByRole('textbox', { name: 'What got done today' }),
      'Shipped the retry fix{Enter}Paired with Sam',
    );
    await user.type(within(form).getByRole('textbox', { name: 'Unfinished thing 1' }), 'Review Sam’s PR');
    await user.type(
      within(form).getByRole('textbox', { name: 'How unfinished thing 1 continues' }),
      '10:00, after stand-up',
    );
    await user.click(within(form).getByRole('button', { name: 'Add an unfinished thing' }));
    // Focus moves to the new row.
    expect(within(form).getByRole('textbox', { name: 'Unfinished thing 2' })).toHaveFocus();
    await user.keyboard('Migration for old rows');
    await user.type(
      within(form).getByRole('textbox', { name: 'How unfinished thing 2 continues' }),
      'After lunch',
    );
    await user.type(
      within(form).getByRole('textbox', { name: 'First thing tomorrow' }),
      'Answer the design review',
    );
    await user.click(within(form).getByRole('radio', { name: 'Good' }));
    const quiet = within(form).getByRole('switch', { name: 'Quiet until tomorrow' });
    expect(quiet).not.toBeChecked();
    expect(quiet).toHaveAccessibleDescription(
      'Hold Keel’s prompts and turn on do-not-disturb until your next working start.',
    );
    await user.click(quiet);
    await user.click(within(form).getByRole('button', { name: 'Sign off' }));

    const done = await screen.findByRole('region', { name: 'Signed off at 17:42' });
    expect(keel.callsTo('signoff:submit')).toEqual([
      {
        done: 'Shipped the retry fix\nPaired with Sam',
        unfinished: [
          { item: 'Review Sam’s PR', plan: '10:00, after stand-up' },
          { item: 'Migration for old rows', plan: 'After lunch' },
        ],
        firstTomorrow: 'Answer the design review',
        energy: 4,
        quiet: true,
      },
    ]);
    expect(keel.services.signoff.status().signedOff).toMatchObject({
      signedOffTime: '17:42',
      done: 'Shipped the retry fix\nPaired with Sam',
      firstTomorrow: 'Answer the design review',
      energy: 4,
    });
    expect(within(done).getByText('Shipped the retry fix Paired with Sam')).toBeInTheDocument();
    expect(within(done).getByText('Review Sam’s PR')).toBeInTheDocument();
    expect(within(done).getByText('— After lunch')).toBeInTheDocument();
    expect(within(done).getByText('Answer the design review')).toBeInTheDocument();
    expect(within(done).getByText('4 · Good')).toBeInTheDocument();
    expect(within(done).getByText(/Quiet until/)).toHaveTextContent('Quiet until Wed 09:00');
    // Focus lands on the new card's heading, not on the page's body.
    const heading = within(done).getByRole('heading', { name: 'Signed off at 17:42' });
    expect(heading).toContainElement(document.activeElement as HTMLElement);
    expect(document.activeElement).toHaveTextContent('Signed off at 17:42');
    expect(screen.queryByRole('region', { name: 'Wrap up the day' })).toBeNull();
  });

  it('can be done from the keyboard alone: Tab, arrows, Space, Ctrl+Enter', async () => {
    const { user, keel } = await openSignoff(suggesting(), { app: true });
    // Start from the view's heading, as after Ctrl+4.
    await user.keyboard('{Control>}4{/Control}');
    expect(screen.getByRole('heading', { level: 1, name: 'Sign-off' })).toHaveFocus();
    await user.tab();
    expect(within(region('Time to sign off?')).getByRole('button', { name: 'Sign off' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'What got done today' })).toHaveFocus();
    await user.keyboard('Fixed the flaky test');
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Unfinished thing 1' })).toHaveFocus();
    await user.keyboard('Release notes');
    await user.tab();
    await user.keyboard('First thing, 09:30');
    await user.tab(); // the row's Remove button
    await user.tab(); // Add an unfinished thing
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'First thing tomorrow' })).toHaveFocus();
    await user.keyboard('Tag the release');
    await user.tab();
    // One tab stop for the rating; arrows move and choose.
    expect(screen.getByRole('radio', { name: 'Drained' })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Okay' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'Okay' })).toHaveAttribute('aria-checked', 'true');
    await user.tab();
    expect(screen.getByRole('switch', { name: 'Quiet until tomorrow' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('switch', { name: 'Quiet until tomorrow' })).toBeChecked();
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await screen.findByRole('region', { name: 'Signed off at 17:42' })).toBeInTheDocument();
    expect(keel.callsTo('signoff:submit')).toEqual([
      {
        done: 'Fixed the flaky test',
        unfinished: [{ item: 'Release notes', plan: 'First thing, 09:30' }],
        firstTomorrow: 'Tag the release',
        energy: 3,
        quiet: true,
      },
    ]);
  });

  it('signs off with nothing written: every field is optional, empty rows are not sent', async () => {
    const { user, keel } = await openSignoff({
      settings: { signoff: { longDayCapMinutes: 540, quietAfterSignoff: true } },
    });
    // Quiet starts ticked when Settings say so.
    expect(within(ritual()).getByRole('switch', { name: 'Quiet until tomorrow' })).toBeChecked();
    await user.click(within(ritual()).getByRole('button', { name: 'Sign off' }));
    const done = await screen.findByRole('region', { name: 'Signed off at 17:42' });
    expect(keel.callsTo('signoff:submit')).toEqual([
      { done: '', unfinished: [], firstTomorrow: '', energy: null, quiet: true },
    ]);
    expect(within(done).getByText('No notes today, and that’s fine.')).toBeInTheDocument();
  });

  it('on a refused submit shows the sentence and keeps everything typed', async () => {
    const { user, keel } = await openSignoff();
    const form = ritual();
    await user.type(within(form).getByRole('textbox', { name: 'What got done today' }), 'Reviewed three PRs');
    await user.type(within(form).getByRole('textbox', { name: 'First thing tomorrow' }), 'Plan the sprint');
    keel.readOnly(true);
    await user.click(within(form).getByRole('button', { name: 'Sign off' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(within(form).getByRole('textbox', { name: 'What got done today' })).toHaveValue(
      'Reviewed three PRs',
    );
    expect(within(form).getByRole('textbox', { name: 'First thing tomorrow' })).toHaveValue(
      'Plan the sprint',
    );
    expect(keel.services.signoff.status().signedOff).toBeNull();

    keel.readOnly(false);
    await user.click(within(form).getByRole('button', { name: 'Sign off' }));
    expect(await screen.findByRole('region', { name: 'Signed off at 17:42' })).toBeInTheDocument();
    expect(keel.callsTo('signoff:submit')).toHaveLength(2);
  });

  it('shows main’s sentence for a half-filled unfinished row and marks the field', async () => {
    const { user, keel } = await openSignoff();
    const form = ritual();
    await user.type(within(form).getByRole('textbox', { name: 'Unfinished thing 1' }), 'Write the ADR');
    await user.click(within(form).getByRole('button', { name: 'Sign off' }));

    expect(
      await within(form).findByText(
        'Say when and how it continues tomorrow (for example “10:00, after stand-up”).',
      ),
    ).toBeInTheDocument();
    expect(form).not.toHaveTextContent('unfinished.0.plan');
    const plan = within(form).getByRole('textbox', { name: 'How unfinished thing 1 continues' });
    expect(plan).toHaveAttribute('aria-invalid', 'true');
    expect(plan).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Unfinished thing 1' })).toHaveValue('Write the ADR');
    expect(keel.services.signoff.status().signedOff).toBeNull();
  });

  it('keeps what was typed across a trip to another view', async () => {
    const { user } = await openSignoff(evening(), { app: true });
    await user.type(within(ritual()).getByRole('textbox', { name: 'What got done today' }), 'Half a thought');
    await user.click(navItem('Today'));
    await user.click(navItem('Sign-off'));
    expect(await screen.findByRole('textbox', { name: 'What got done today' })).toHaveValue('Half a thought');
  });

  it('adds up to 10 unfinished rows and removes one, moving focus sensibly', async () => {
    const { user } = await openSignoff();
    const form = ritual();
    const add = within(form).getByRole('button', { name: 'Add an unfinished thing' });
    for (let i = 0; i < 9; i++) await user.click(add);
    expect(within(form).getAllByRole('textbox', { name: /^Unfinished thing \d+$/ })).toHaveLength(10);
    expect(add).toBeDisabled();
    expect(within(form).getByText('That’s the most Keel keeps: 10.')).toBeInTheDocument();

    await user.type(within(form).getByRole('textbox', { name: 'Unfinished thing 3' }), 'Third');
    await user.click(within(form).getByRole('button', { name: 'Remove unfinished thing 2' }));
    expect(within(form).getAllByRole('textbox', { name: /^Unfinished thing \d+$/ })).toHaveLength(9);
    // The old third row is now the second, and has focus.
    expect(within(form).getByRole('textbox', { name: 'Unfinished thing 2' })).toHaveValue('Third');
    expect(within(form).getByRole('textbox', { name: 'Unfinished thing 2' })).toHaveFocus();
    expect(add).toBeEnabled();
  });

  it('clears the energy rating when the chosen one is chosen again', async () => {
    const { user, keel } = await openSignoff();
    const form = ritual();
    const good = within(form).getByRole('radio', { name: 'Good' });
    await user.click(good);
    expect(good).toHaveAttribute('aria-checked', 'true');
    await user.click(within(form).getByRole('radio', { name: 'Drained' }));
    expect(good).toHaveAttribute('aria-checked', 'false');
    await user.click(within(form).getByRole('radio', { name: 'Drained' }));
    expect(
      within(form)
        .getAllByRole('radio')
        .filter((r) => r.getAttribute('aria-checked') === 'true'),
    ).toEqual([]);
    await user.click(within(form).getByRole('button', { name: 'Sign off' }));
    await screen.findByRole('region', { name: 'Signed off at 17:42' });
    expect(keel.callsTo('signoff:submit')[0]).toMatchObject({ energy: null });
  });
});

describe('Sign-off: signed off', () => {
  it('shows the saved answers, and Edit reopens them; saving keeps the first sign-off time', async () => {
    const { user, keel } = await openSignoff(await signedOff());
    const done = region('Signed off at 17:42');
    expect(within(done).getByText('Shipped the retry fix')).toBeInTheDocument();
    expect(within(done).getByText('— 10:00, after stand-up')).toBeInTheDocument();
    expect(within(done).queryByText(/Quiet until/)).toBeNull();

    act(() => keel.clock.advanceBy(20 * 60_000));
    await user.click(within(done).getByRole('button', { name: 'Edit today’s sign-off' }));
    const form = screen.getByRole('region', { name: 'Edit today’s sign-off' });
    expect(within(form).getByRole('textbox', { name: 'What got done today' })).toHaveValue(
      'Shipped the retry fix',
    );
    expect(within(form).getByRole('textbox', { name: 'What got done today' })).toHaveFocus();
    expect(within(form).getByRole('textbox', { name: 'Unfinished thing 1' })).toHaveValue('Review Sam’s PR');
    expect(within(form).getByRole('textbox', { name: 'How unfinished thing 1 continues' })).toHaveValue(
      '10:00, after stand-up',
    );
    expect(within(form).getByRole('textbox', { name: 'First thing tomorrow' })).toHaveValue(
      'Answer the design review',
    );
    expect(within(form).getByRole('radio', { name: 'Good' })).toHaveAttribute('aria-checked', 'true');
    expect(within(form).getByRole('switch', { name: 'Quiet until tomorrow' })).not.toBeChecked();

    const first = within(form).getByRole('textbox', { name: 'First thing tomorrow' });
    await user.clear(first);
    await user.type(first, 'Pair with Sam on the PR');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    const after = await screen.findByRole('region', { name: 'Signed off at 17:42' });
    expect(within(after).getByText('Pair with Sam on the PR')).toBeInTheDocument();
    expect(keel.callsTo('signoff:submit')).toEqual([
      {
        done: 'Shipped the retry fix',
        unfinished: [{ item: 'Review Sam’s PR', plan: '10:00, after stand-up' }],
        firstTomorrow: 'Pair with Sam on the PR',
        energy: 4,
        quiet: false,
      },
    ]);
    expect(keel.services.signoff.status().signedOff).toMatchObject({
      signedOffTime: '17:42',
      firstTomorrow: 'Pair with Sam on the PR',
    });
  });

  it('Cancel leaves the saved answers alone', async () => {
    const { user, keel } = await openSignoff(await signedOff());
    await user.click(screen.getByRole('button', { name: 'Edit today’s sign-off' }));
    await user.type(screen.getByRole('textbox', { name: 'First thing tomorrow' }), ' (maybe)');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const done = region('Signed off at 17:42');
    expect(within(done).getByText('Answer the design review')).toBeInTheDocument();
    expect(keel.callsTo('signoff:submit')).toHaveLength(0);
    // Editing again starts from what was saved, not from the cancelled edit.
    await user.click(within(done).getByRole('button', { name: 'Edit today’s sign-off' }));
    expect(screen.getByRole('textbox', { name: 'First thing tomorrow' })).toHaveValue(
      'Answer the design review',
    );
  });
});

describe('Sign-off: the suggestion', () => {
  it('offers the same three answers; "15 more minutes" snoozes', async () => {
    const { user, keel } = await openSignoff(suggesting());
    const banner = region('Time to sign off?');
    expect(within(banner).getByText('Your working hours ended at 17:30.')).toBeInTheDocument();
    await user.click(within(banner).getByRole('button', { name: '15 more minutes' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Time to sign off?' })).toBeNull());
    expect(keel.callsTo('signoff:respond')).toEqual([{ action: 'snooze' }]);
    expect(keel.services.signoff.status().snoozedUntil).toBe('2025-03-11T17:57:00+01:00');
    expect(within(region('Your day')).getByText('Keel will ask again around 17:57.')).toBeInTheDocument();
  });

  it('"Not today" sets suggestions aside for the day', async () => {
    const { user, keel } = await openSignoff(suggesting());
    await user.click(within(region('Time to sign off?')).getByRole('button', { name: 'Not today' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Time to sign off?' })).toBeNull());
    expect(keel.callsTo('signoff:respond')).toEqual([{ action: 'not-today' }]);
    expect(keel.services.signoff.status().notToday).toBe(true);
    expect(within(region('Your day')).getByText(/No more sign-off suggestions today/)).toBeInTheDocument();
    // The ritual is still there.
    expect(ritual()).toBeInTheDocument();
  });

  it('"Sign off" moves focus to the ritual', async () => {
    const { user, keel } = await openSignoff(suggesting());
    await user.click(within(region('Time to sign off?')).getByRole('button', { name: 'Sign off' }));
    expect(screen.getByRole('textbox', { name: 'What got done today' })).toHaveFocus();
    expect(keel.callsTo('signoff:respond')).toHaveLength(0);
  });

  it('explains a long-day suggestion kindly, and shows the API sentence when an answer fails', async () => {
    // At it since 07:10, and still at the keyboard at 16:15: past the 9-hour limit.
    const keel = suggesting({ now: '2025-03-11T16:15:00+01:00' });
    await activeAt(keel, '2025-03-11T07:10:00+01:00');
    const { user } = await openSignoff(keel);
    const banner = region('Time to sign off?');
    expect(
      within(banner).getByText('You’ve been at it since 07:10. A good moment to wrap up.'),
    ).toBeInTheDocument();
    keel.readOnly(true);
    await user.click(within(banner).getByRole('button', { name: '15 more minutes' }));
    expect(await within(banner).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
  });

  it('appears when main announces a suggestion', async () => {
    const { keel } = await openSignoff();
    expect(screen.queryByRole('region', { name: 'Time to sign off?' })).toBeNull();
    // The user comes back and unlocks the screen: the runtime looks again, and suggests.
    keel.power.idle = 0;
    await act(async () => keel.power.emit('unlock-screen'));
    expect(await screen.findByRole('region', { name: 'Time to sign off?' })).toBeInTheDocument();
  });
});

/**
 * Presence for creep: on each date the user was first active at 09:00 and last active this many
 * minutes after that midnight (past 1440: after midnight, still the same workday).
 */
async function history(keel: TestKeel, lastActive: Record<string, number>): Promise<void> {
  for (const [date, last] of Object.entries(lastActive)) {
    const midnight = Date.parse(`${date}T00:00:00+01:00`);
    await keel.at(midnight + 9 * 3_600_000, () => keel.services.signoff.samplePresence(0));
    await keel.at(midnight + last * 60_000, () => keel.services.signoff.samplePresence(0));
  }
}

describe('Sign-off: workday creep', () => {
  it('asks for 4, 13 and 52 weeks as the range changes', async () => {
    const { user, keel } = await openSignoff();
    const card = region('Working later than planned');
    await waitFor(() => expect(keel.callsTo('signoff:creep')).toHaveLength(1));
    expect(within(card).getByRole('radio', { name: '4 weeks' })).toBeChecked();
    await user.click(within(card).getByRole('radio', { name: '13 weeks' }));
    await user.click(within(card).getByRole('radio', { name: '52 weeks' }));
    await waitFor(() =>
      expect(keel.callsTo('signoff:creep')).toEqual([{ weeks: 4 }, { weeks: 13 }, { weeks: 52 }]),
    );
    expect(within(card).getByRole('radio', { name: '52 weeks' })).toBeChecked();
  });

  it('words main’s counts kindly, and the weeks in a table', async () => {
    const keel = evening();
    // Week of Mon, Feb 17: medians 17:40.
    await history(keel, {
      '2025-02-17': 17 * 60 + 30,
      '2025-02-18': 17 * 60 + 40,
      '2025-02-19': 17 * 60 + 50,
    });
    // Week of Mon, Feb 24: two late evenings and one past midnight; median 18:40.
    await history(keel, { '2025-02-24': 18 * 60 + 20, '2025-02-25': 18 * 60 + 40, '2025-02-26': 25 * 60 });
    // Week of Mon, Mar 3: one day, ending after midnight; and a Saturday with some work.
    await history(keel, { '2025-03-04': 24 * 60 + 30, '2025-03-08': 12 * 60 });
    await openSignoff(keel);
    const card = region('Working later than planned');
    const summary = await within(card).findByText(/evenings ran late/);
    expect(keel.callsTo('signoff:creep')).toHaveLength(1);
    // The window words main's counts (shared/i18n/creep-summary.ts).
    expect(summary.textContent).toBe(englishCreepSummary(keel.services.signoff.creep(4)));
    expect(summary).toHaveTextContent(/^4 evenings ran late, and 1 day off had some work\./);
    expect(within(card).getByText('Evenings that ran late').nextElementSibling).toHaveTextContent('4');
    expect(within(card).getByText('Days off with some work').nextElementSibling).toHaveTextContent('1');
    expect(within(card).getByText('Workdays without a sign-off').nextElementSibling).toHaveTextContent('7');
    // Counts, never a score: no percentages or "x of y".
    expect(card).not.toHaveTextContent(/%|\d+ ?\/ ?\d+|\d+ (of|out of) \d+/);

    // No canvas in jsdom: the chart falls back to its table and its description.
    expect(within(card).queryByRole('img')).toBeNull();
    const table = within(card).getByRole('table', { name: 'When your workdays ended, week by week' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Week of', 'Typical last activity', 'Late evenings'],
      ['Mon, Feb 17', '17:40', '0'],
      ['Mon, Feb 24', '18:40', '3'],
      ['Mon, Mar 3', '00:30 (after midnight)', '1'],
      ['Mon, Mar 10', '–No data', '0'],
    ]);
    expect(
      within(card).getByText(
        /The typical time of your last activity on workdays, week by week, over 4 weeks/,
      ),
    ).toHaveTextContent(
      'Most recently 00:30 (after midnight). Your working hours usually end at 17:30. The line has been moving later.',
    );
  });

  it('says there is nothing to chart before any activity', async () => {
    await openSignoff();
    const card = region('Working later than planned');
    expect(await within(card).findByText(/No activity recorded in this period yet/)).toBeInTheDocument();
    expect(within(card).getByText('Nothing to chart yet')).toBeInTheDocument();
    expect(within(card).queryByRole('table')).toBeNull();
  });

  it('shows the API sentence when creep cannot be read, and retries', async () => {
    const keel = evening();
    keel.failNext('signoff:creep', sqliteError('SQLITE_IOERR_READ'));
    const { user } = renderView('signoff', keel);
    const card = await screen.findByRole('region', { name: 'Working later than planned' });
    expect(await within(card).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.io);
    await user.click(within(card).getByRole('button', { name: 'Try again' }));
    expect(await within(card).findByText(/No activity recorded in this period yet/)).toBeInTheDocument();
    expect(within(card).queryByRole('alert')).toBeNull();
    expect(keel.callsTo('signoff:creep')).toHaveLength(2);
  });
});
