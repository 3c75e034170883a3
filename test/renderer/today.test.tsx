import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

function card(name: string) {
  return screen.getByRole('region', { name });
}

describe('Today', () => {
  it('shows the date, working hours, focus blocks and next event from status', async () => {
    const { fake } = await renderApp({
      settings: { zone: 'America/New_York' },
      status: {
        now: '2025-06-04T15:05:00-04:00',
        today: { date: '2025-06-04', weekday: 'wed' },
        nextEvent: {
          id: 'signoff:2025-06-04',
          kind: 'signoff',
          title: 'Time to sign off',
          start: '2025-06-04T17:15:00-04:00',
        },
      },
    });
    expect(screen.getByText('Good afternoon. It’s Wednesday, 4 June.')).toBeInTheDocument();
    expect(within(card('Working hours')).getByText('09:00–17:30')).toBeInTheDocument();
    expect(within(card('Working hours')).getByText('America/New_York')).toBeInTheDocument();

    const blocks = within(card('Focus blocks today')).getAllByRole('listitem');
    expect(blocks.map((b) => b.textContent)).toEqual(['09:00–11:002 h', '14:00–16:002 h']);

    const next = card('Next up');
    expect(within(next).getByText('Time to sign off')).toBeInTheDocument();
    expect(within(next).getByText('Sign-off · Today, 17:15')).toBeInTheDocument();
    expect(fake.callsTo('app.status')).toHaveLength(1);
  });

  it('says "Day off" and shows empty states when nothing is planned', async () => {
    await renderApp({
      status: {
        now: '2025-03-15T20:00:00+01:00',
        today: { date: '2025-03-15', weekday: 'sat' },
        nextEvent: null,
      },
    });
    expect(screen.getByText('Good evening. It’s Saturday, 15 March.')).toBeInTheDocument();
    expect(within(card('Working hours')).getByText('Day off')).toBeInTheDocument();
    expect(within(card('Focus blocks today')).getByText('No focus blocks planned today')).toBeInTheDocument();
    expect(within(card('Focus blocks today')).queryByRole('listitem')).toBeNull();
    expect(within(card('Next up')).getByText('Nothing planned next')).toBeInTheDocument();
  });

  it('names the day of a next event that is not today', async () => {
    await renderApp({
      status: {
        today: { date: '2025-03-14', weekday: 'fri' },
        nextEvent: {
          id: 'focus:2025-03-17T09:00',
          kind: 'focus',
          title: 'Focus block',
          start: '2025-03-17T09:00:00+01:00',
          end: '2025-03-17T11:00:00+01:00',
        },
      },
    });
    // The title already says what it is, so the line gives only the day and time.
    expect(within(card('Next up')).getByText('Mon 17 Mar, 09:00–11:00')).toBeInTheDocument();
  });

  it('shows the API error sentence (no stack) and recovers with Try again', async () => {
    const { user } = await renderApp(
      {},
      {
        ready: false,
        before: (f) =>
          f.failNext('app.status', { code: 'storage', message: 'Keel could not read its database.' }),
      },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Keel could not read its database.');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Today');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('09:00–17:30')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('turns a call that throws into one sentence', async () => {
    await renderApp(
      {},
      {
        ready: false,
        before: (f) => {
          f.api.app.status = () => Promise.reject(new Error('ECONNRESET at Socket.onread (node:net:1234)'));
        },
      },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Keel could not reach its background process; please try again.');
    expect(alert).not.toHaveTextContent('ECONNRESET');
  });

  it('shows a loading state until status arrives', async () => {
    await renderApp({ delayMs: 30 }, { ready: false });
    expect(screen.getByRole('status')).toHaveTextContent('Loading today…');
    expect(await screen.findByText('09:00–17:30')).toBeInTheDocument();
    expect(screen.queryByText('Loading today…')).toBeNull();
  });

  it('says when a focus block is running, and opens the Focus view from there', async () => {
    const { user } = await renderApp({
      status: { now: '2025-03-11T08:40:00+01:00', today: { date: '2025-03-11', weekday: 'tue' } },
      focus: {
        running: {
          sessionId: 1,
          kind: 'adhoc',
          occurrenceId: null,
          startedAt: '2025-03-11T08:30:00+01:00',
          endsAt: '2025-03-11T08:55:00+01:00',
          endTime: '08:55',
          protectedMinutes: 10,
          interruptions: 0,
        },
      },
    });
    expect(screen.getByText(/In a focus block until/)).toHaveTextContent('In a focus block until 08:55.');
    await user.click(screen.getByRole('button', { name: 'Open Focus' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Focus' })).toBeInTheDocument();
  });

  it('shows no focus notice when no block runs', async () => {
    await renderApp();
    expect(screen.queryByText(/In a focus block until/)).not.toBeInTheDocument();
  });

  it('shows the first thing from the last sign-off, with its unfinished things tucked away', async () => {
    const { user } = await renderApp({
      signoff: {
        carriedOver: {
          workday: '2025-03-07',
          firstTomorrow: 'Answer the design review',
          unfinished: [
            { item: 'Review Sam’s PR', plan: '10:00, after stand-up' },
            { item: 'Migration for old rows', plan: 'After lunch' },
          ],
        },
      },
    });
    const first = await screen.findByRole('region', { name: 'First thing today' });
    expect(within(first).getByText('Answer the design review')).toBeInTheDocument();
    // Tuesday 11 March, from Friday's sign-off.
    expect(within(first).getByText('From your sign-off on Friday')).toBeInTheDocument();
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
    await renderApp({
      signoff: { carriedOver: { workday: '2025-03-10', firstTomorrow: 'Tag the release', unfinished: [] } },
    });
    const first = await screen.findByRole('region', { name: 'First thing today' });
    expect(within(first).getByText('From your sign-off yesterday')).toBeInTheDocument();
    expect(first.querySelector('details')).toBeNull();
  });

  it('shows no first thing when nothing was carried over', async () => {
    const { fake } = await renderApp();
    await waitFor(() => expect(fake.callsTo('signoff.status')).toHaveLength(1));
    await act(() => Promise.resolve());
    expect(screen.queryByRole('region', { name: 'First thing today' })).toBeNull();
    expect(screen.queryByText(/Signed off at/)).toBeNull();
  });

  it('says when today was signed off', async () => {
    const { user } = await renderApp({
      status: { now: '2025-03-11T18:05:00+01:00' },
      signoff: {
        signedOff: {
          workday: '2025-03-11',
          signedOffAt: '2025-03-11T17:42:00+01:00',
          signedOffTime: '17:42',
          done: '',
          unfinished: [],
          firstTomorrow: 'Tag the release',
          energy: null,
          quietUntil: null,
        },
        carriedOver: { workday: '2025-03-10', firstTomorrow: 'Yesterday’s plan', unfinished: [] },
      },
    });
    expect(await screen.findByText(/Signed off at/)).toHaveTextContent(
      'Signed off at 17:42. The rest of the day is yours.',
    );
    // This morning's first thing is done with.
    expect(screen.queryByText('Yesterday’s plan')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open Sign-off' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign-off' })).toHaveFocus();
  });
});
