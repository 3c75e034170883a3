import { screen, within } from '@testing-library/react';
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
});
