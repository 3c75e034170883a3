import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { useSignoff } from '../../src-renderer/stores/signoff';
import { englishCreepSummary } from '../helpers/creep-summary';
import { renderView, settle } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/**
 * Day one (#14): nothing counts before Keel existed. Keel is opened for the first time on
 * Tuesday, March 11 2025 at 22:55 in Berlin (hours 09:00–17:30, blocks 09:00–11:00 and 14:00–16:00),
 * with the user at the keyboard.
 */
const FIRST_RUN = '2025-03-11T22:55:00+01:00';

function firstRun(): TestKeel {
  const keel = createTestKeel({ now: FIRST_RUN, firstRun: true });
  keel.power.idle = 0;
  return keel;
}

function region(name: string | RegExp) {
  return screen.getByRole('region', { name });
}

describe('Day one: opened for the first time at 22:55', () => {
  it('the day’s blocks were before Keel started, and the week shows no share of nothing', async () => {
    const keel = firstRun();
    renderView('focus', keel);
    const today = await screen.findByRole('region', { name: 'Today’s blocks' });
    await waitFor(() => expect(within(today).getAllByText('Before Keel started')).toHaveLength(2));
    expect(today).not.toHaveTextContent(/Missed|Not started/);

    const week = region('This week');
    const table = await within(week).findByRole('table', { name: 'Focus minutes per day this week' });
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (row: number) =>
      within(rows[row] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // Monday was before Keel: not counted, no figures. Tuesday's blocks were over; Wednesday's are to come.
    expect(cells(0)).toEqual(['Not counted: before Keel started', '—', '—']);
    expect(rows[0]).toHaveClass('week__row--before');
    expect(cells(1)).toEqual(['', '0 min', '0 min']);
    expect(cells(2)).toEqual(['', '0 min', '4 hr']);
    const totals = within(week).getByText('Protected this week').nextElementSibling as HTMLElement;
    expect(totals).toHaveTextContent(/^0 min · 12 hr planned$/);
    expect(week).not.toHaveTextContent('%');
    expect(within(week).getByText(/^Counting since Tuesday, Mar 11\./)).toBeInTheDocument();
    expect(week).toHaveTextContent(
      'Planned is your plan’s blocks on working days, by the plan in force each day: never on holidays, pauses or days off, and only since Keel started. Protected is how long your focus blocks ran; interruptions are counted, not subtracted.',
    );
  });

  it('the next day, a block nobody started reads “Not started”, as quietly as a skipped one', async () => {
    const keel = firstRun();
    keel.clock.jumpTo(Date.parse('2025-03-12T12:00:00+01:00'));
    renderView('focus', keel);
    const today = await screen.findByRole('region', { name: 'Today’s blocks' });
    const items = await waitFor(() => {
      const found = within(today)
        .getAllByRole('listitem')
        .filter((li) => li.parentElement?.className === 'blocks');
      expect(found).toHaveLength(2);
      return found;
    });
    expect(items[0]).toHaveTextContent('09:00–11:002 hrNot started');
    expect(items[0]).toHaveClass('blocks__item--not-started');
    expect(items[1]).toHaveTextContent('Upcoming');
    expect(today).not.toHaveTextContent(/Missed|Before Keel started/);
    // Two hours of Wednesday's plan have come, none protected: said as such, with no share.
    const totals = within(region('This week')).getByText('Protected this week').nextElementSibling;
    await waitFor(() => expect(totals).toHaveTextContent('0 min · 12 hr planned (2 hr of it so far)'));
  });

  it('with no plan, the week says so plainly: no “0 min of 0 min”, no share', async () => {
    const keel = createTestKeel({ settings: { focusPlan: [] } });
    renderView('focus', keel);
    const week = await screen.findByRole('region', { name: 'This week' });
    await within(week).findByText('Nothing is planned this week.');
    expect(within(week).getByText('Protected this week').nextElementSibling).toHaveTextContent(
      /^0 min, nothing planned$/,
    );
    expect(week).not.toHaveTextContent(/%|of 0 min/);
    // Counted since long before this week: no "Counting since".
    expect(week).not.toHaveTextContent('Counting since');
  });

  it('the creep card makes no claim about evenings or sign-offs, and the weeks before are not counted', async () => {
    const keel = firstRun();
    renderView('signoff', keel);
    const card = await screen.findByRole('region', { name: 'Working later than planned' });
    const summary = await within(card).findByText(/nothing to look back on yet/);
    expect(summary.textContent).toBe(englishCreepSummary(keel.services.signoff.creep(4)));
    expect(card).not.toHaveTextContent(
      /Every workday ended with a sign-off|\d+ evenings? ran late|stayed your own/,
    );
    expect(within(card).getByText('Evenings that ran late').nextElementSibling).toHaveTextContent('0');
    expect(within(card).getByText('Workdays without a sign-off').nextElementSibling).toHaveTextContent('0');
    expect(within(card).getByText(/^Counting since Tuesday, Mar 11, when Keel started/)).toBeInTheDocument();
    // No point at 22:55 on "when your workdays ended": Keel did not see this one end.
    expect(within(card).getByText('Nothing to chart yet')).toBeInTheDocument();
    // The user is active at 22:55 today: the day is there, and it is not a late evening.
    expect(keel.services.signoff.day('2025-03-11')).toMatchObject({ late: false, counted: true });
    expect(keel.services.signoff.day('2025-03-10')).toMatchObject({ counted: false });
  });

  it('the weeks before Keel are "Not counted" in the creep table, not zero late evenings', async () => {
    const keel = firstRun();
    // A week later, with an evening that did run late (Monday, March 17 until 19:30).
    const monday = (time: string) => `2025-03-17T${time}:00+01:00`;
    await keel.at(monday('09:00'), () => keel.services.signoff.samplePresence(0));
    await keel.at(monday('19:30'), () => keel.services.signoff.samplePresence(0));
    keel.clock.jumpTo(Date.parse('2025-03-18T12:00:00+01:00'));
    keel.power.idle = Infinity; // away from the keyboard on Tuesday: Monday is the week's only day
    renderView('signoff', keel);
    const card = await screen.findByRole('region', { name: 'Working later than planned' });
    const table = await within(card).findByRole('table', { name: 'When your workdays ended, week by week' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Week of', 'Typical last activity', 'Late evenings'],
      ['Mon, Feb 24', '–No data', 'Not counted'],
      ['Mon, Mar 3', '–No data', 'Not counted'],
      ['Mon, Mar 10', '–No data', '0'],
      ['Mon, Mar 17', '19:30', '1'],
    ]);
    expect(within(card).getByText('Evenings that ran late').nextElementSibling).toHaveTextContent('1');
  });
});

/** A sign-off made at `at` (ISO), through the real channel. */
function signOffAt(keel: TestKeel, at: string, firstTomorrow: string) {
  const input: ChannelInput<'signoff:submit'> = { done: '', firstTomorrow, unfinished: [] };
  return keel.at(at, () => keel.call('signoff:submit', input));
}

async function openToday(keel: TestKeel) {
  renderView('today', keel);
  await screen.findByRole('heading', { name: 'Working hours' });
  await waitFor(() => expect(useSignoff.getState().status).not.toBeNull());
  await settle(keel);
}

describe('Day one: the first thing today comes from the last working day only', () => {
  it('on Monday, Friday’s first thing, with its date', async () => {
    const keel = createTestKeel({ now: '2025-03-10T08:40:00+01:00' });
    await signOffAt(keel, '2025-03-06T17:45:00+01:00', 'Thursday’s plan');
    await signOffAt(keel, '2025-03-07T17:45:00+01:00', 'Answer the design review');
    await openToday(keel);
    const first = screen.getByRole('region', { name: 'First thing today' });
    expect(within(first).getByText('Answer the design review')).toBeInTheDocument();
    expect(within(first).getByText('From your sign-off on Friday, Mar 7')).toBeInTheDocument();
  });

  it('nothing when Friday had no sign-off: not Thursday’s, nor one written on Saturday', async () => {
    const keel = createTestKeel({ now: '2025-03-10T08:40:00+01:00' });
    await signOffAt(keel, '2025-03-06T17:45:00+01:00', 'Thursday’s plan');
    await signOffAt(keel, '2025-03-08T12:00:00+01:00', 'Saturday’s plan');
    await openToday(keel);
    expect(screen.queryByRole('region', { name: 'First thing today' })).toBeNull();
    expect(screen.queryByText(/Thursday’s plan|Saturday’s plan/)).toBeNull();
  });

  it('nothing on a day off, even after a signed-off Friday', async () => {
    const keel = createTestKeel({ now: '2025-03-08T10:00:00+01:00' });
    await signOffAt(keel, '2025-03-07T17:45:00+01:00', 'Answer the design review');
    await openToday(keel);
    expect(screen.queryByRole('region', { name: 'First thing today' })).toBeNull();
  });

  it('over a Monday holiday, Friday’s, with its date', async () => {
    const keel = createTestKeel({
      now: '2025-03-11T08:40:00+01:00',
      settings: { holidays: [{ from: '2025-03-10', to: '2025-03-10', note: 'Bridge day' }] },
    });
    await signOffAt(keel, '2025-03-07T17:45:00+01:00', 'Answer the design review');
    await openToday(keel);
    const first = screen.getByRole('region', { name: 'First thing today' });
    expect(within(first).getByText('From your sign-off on Friday, Mar 7')).toBeInTheDocument();
  });
});
