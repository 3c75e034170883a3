import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import { useSignoff } from '../../src-renderer/stores/signoff';
import { renderApp, renderView, settle } from './harness';
import { createTestKeel, sqliteError, type TestKeel } from './keel-bridge';

function card(name: string) {
  return screen.getByRole('region', { name });
}

/** Today on its own, once it shows its data. */
async function openToday(keel: TestKeel = createTestKeel()) {
  const utils = renderView('today', keel);
  await screen.findByRole('heading', { name: 'Working hours' });
  return utils;
}

/** A sign-off made at `at` (ISO), through the real channel. */
function signOffAt(keel: TestKeel, at: string, input: ChannelInput<'signoff:submit'>) {
  return keel.at(at, () => keel.call('signoff:submit', input));
}

describe('Today', () => {
  it('shows the date, working hours, focus blocks and next event from status', async () => {
    const keel = createTestKeel({ now: '2025-06-04T15:05:00-04:00' });
    await keel.settings({ zone: 'America/New_York' });
    await openToday(keel);
    expect(screen.getByText('Good afternoon. It’s Wednesday, June 4.')).toBeInTheDocument();
    expect(within(card('Working hours')).getByText('09:00–17:30')).toBeInTheDocument();
    expect(within(card('Working hours')).getByText('America/New_York')).toBeInTheDocument();

    const blocks = within(card('Focus blocks today')).getAllByRole('listitem');
    expect(blocks.map((b) => b.textContent)).toEqual(['09:00–11:002 hr', '14:00–16:002 hr']);

    const next = card('Next up');
    expect(within(next).getByText('Sign-off')).toBeInTheDocument();
    expect(within(next).getByText('Today, 17:30')).toBeInTheDocument();
    // Read once at start, and again only for each push that says status may have changed.
    await settle(keel);
    const announced = keel.pushed.filter(
      (e) => e.type === 'changed' && e.topics.some((t) => ['status', 'settings', 'agenda'].includes(t)),
    );
    expect(keel.callsTo('app:status')).toHaveLength(1 + announced.length);
  });

  it('says "Day off" and shows empty states when nothing is planned', async () => {
    // A Saturday evening with no working hours, no focus plan and check-ins only when asked.
    const keel = createTestKeel({ now: '2025-03-15T20:00:00+01:00' });
    await keel.settings({
      focusPlan: [],
      workingHours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null },
      checkins: { cadence: { mode: 'manual' }, customTags: [], burnout: false, who5: false },
    });
    await openToday(keel);
    expect(screen.getByText('Good evening. It’s Saturday, March 15.')).toBeInTheDocument();
    expect(within(card('Working hours')).getByText('Day off')).toBeInTheDocument();
    expect(within(card('Focus blocks today')).getByText('No focus blocks planned today')).toBeInTheDocument();
    expect(
      within(card('Focus blocks today')).getByText('No working hours today, so no blocks are planned.'),
    ).toBeInTheDocument();
    expect(within(card('Focus blocks today')).queryByRole('listitem')).toBeNull();
    expect(within(card('Next up')).getByText('Nothing planned next')).toBeInTheDocument();
  });

  it('names the day of a next event that is not today', async () => {
    // Friday evening, signed off: next is Monday's first focus block.
    const keel = createTestKeel({ now: '2025-03-14T19:00:00+01:00' });
    await signOffAt(keel, '2025-03-14T17:40:00+01:00', { done: '', unfinished: [], firstTomorrow: '' });
    await openToday(keel);
    // The title already says what it is, so the line gives only the day and time.
    expect(within(card('Next up')).getByText('Mon, Mar 17, 09:00–11:00')).toBeInTheDocument();
  });

  it('shows the API error sentence (no stack) and recovers with Try again', async () => {
    const keel = createTestKeel();
    keel.fail('app:status', sqliteError('SQLITE_IOERR_READ'));
    const { user } = renderView('today', keel);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(STORAGE_MESSAGES.io);
    expect(alert).not.toHaveTextContent('SQLITE');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Today');
    keel.heal('app:status');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('09:00–17:30')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('turns a call that throws into one sentence', async () => {
    const keel = createTestKeel();
    keel.reject('app:status', new Error('ECONNRESET at Socket.onread (node:net:1234)'));
    renderView('today', keel);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Keel could not reach its background process; please try again.');
    expect(alert).not.toHaveTextContent('ECONNRESET');
  });

  it('shows a loading state until status arrives', async () => {
    renderView('today', createTestKeel({ delayMs: 30 }));
    expect(screen.getByRole('status')).toHaveTextContent('Loading today…');
    expect(await screen.findByText('09:00–17:30')).toBeInTheDocument();
    expect(screen.queryByText('Loading today…')).toBeNull();
  });

  it('says when a focus block is running, and opens the Focus view from there', async () => {
    const keel = createTestKeel();
    await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('focus:start', { minutes: 25 }));
    const { user } = await renderApp(keel);
    expect(await screen.findByRole('region', { name: 'In a focus block until 08:55' })).toHaveTextContent(
      'Keel is holding its prompts',
    );
    await user.click(screen.getByRole('button', { name: 'Open Focus' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Focus' })).toBeInTheDocument();
  });

  it('shows no focus notice when no block runs', async () => {
    await openToday();
    expect(screen.queryByText(/In a focus block until/)).not.toBeInTheDocument();
  });

  it('shows the first thing from the last sign-off, with its unfinished things tucked away', async () => {
    const keel = createTestKeel({ now: '2025-03-10T08:40:00+01:00' });
    await signOffAt(keel, '2025-03-07T17:45:00+01:00', {
      done: '',
      firstTomorrow: 'Answer the design review',
      unfinished: [
        { item: 'Review Sam’s PR', plan: '10:00, after stand-up' },
        { item: 'Migration for old rows', plan: 'After lunch' },
      ],
    });
    const { user } = await openToday(keel);
    const first = await screen.findByRole('region', { name: 'First thing today' });
    expect(within(first).getByText('Answer the design review')).toBeInTheDocument();
    // Monday, March 10, from Friday's sign-off: older than yesterday, so it says its date.
    expect(within(first).getByText('From your sign-off on Friday, Mar 7')).toBeInTheDocument();
    const more = within(first).getByText('2 unfinished things');
    expect(more.closest('details')).not.toHaveAttribute('open');
    await user.click(more);
    expect(more.closest('details')).toHaveAttribute('open');
    expect(within(first).getByText('Review Sam’s PR')).toBeInTheDocument();
    expect(within(first).getByText('— After lunch')).toBeInTheDocument();
    // The rest of Today is still there.
    expect(card('Working hours')).toBeInTheDocument();
  });

  it('says "yesterday" for the day before', async () => {
    const keel = createTestKeel();
    await signOffAt(keel, '2025-03-10T17:45:00+01:00', {
      done: '',
      firstTomorrow: 'Tag the release',
      unfinished: [],
    });
    await openToday(keel);
    const first = await screen.findByRole('region', { name: 'First thing today' });
    expect(within(first).getByText('From your sign-off yesterday')).toBeInTheDocument();
    expect(first.querySelector('details')).toBeNull();
  });

  it('shows no first thing when nothing was carried over', async () => {
    const { keel } = await openToday();
    await waitFor(() => expect(keel.callsTo('signoff:status').length).toBeGreaterThan(0));
    await waitFor(() => expect(useSignoff.getState().status).not.toBeNull());
    expect(screen.queryByRole('region', { name: 'First thing today' })).toBeNull();
    expect(screen.queryByText(/Signed off at/)).toBeNull();
  });

  it('says when today was signed off', async () => {
    const keel = createTestKeel({ now: '2025-03-11T18:05:00+01:00' });
    await signOffAt(keel, '2025-03-10T17:45:00+01:00', {
      done: '',
      firstTomorrow: 'Yesterday’s plan',
      unfinished: [],
    });
    await signOffAt(keel, '2025-03-11T17:42:00+01:00', {
      done: '',
      firstTomorrow: 'Tag the release',
      unfinished: [],
    });
    const { user } = await renderApp(keel);
    expect(await screen.findByText(/Signed off at/)).toHaveTextContent(
      'Signed off at 17:42. The rest of the day is yours.',
    );
    // This morning's first thing is done with.
    expect(screen.queryByText('Yesterday’s plan')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open Sign-off' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign-off' })).toHaveFocus();
  });
});
