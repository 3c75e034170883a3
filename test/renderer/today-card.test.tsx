import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { greetingLine } from '../../src-renderer/lib/today';
import { useToday } from '../../src-renderer/stores/today';
import type { TodayCard } from '../../src-renderer/api/types';
import { renderApp } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/**
 * Today's card is one read: the greeting, the state, the blocks and a running block all come from
 * `today:card`. Berlin, hours 09:00–17:30, blocks 09:00–11:00 and 14:00–16:00 on weekdays.
 */
const region = (name: string | RegExp) => screen.getByRole('region', { name });

function heading(name: string | RegExp): HTMLElement {
  return screen.getByRole('heading', { name });
}

/** A block started on the spot at `at` for `minutes`, through the real service. */
function startAt(keel: TestKeel, at: string, minutes: number) {
  return keel.at(at, () => keel.services.focus.startAdhoc({ minutes }));
}

describe('Today: the greeting and the card are one read', () => {
  it('past midnight, the greeting follows the card that was read, not an older status', async () => {
    const keel = createTestKeel({ now: '2025-03-11T23:58:00+01:00' });
    await renderApp(keel);
    await screen.findByRole('region', { name: 'After hours' });
    expect(screen.getByText('Good evening. It’s Tuesday, March 11.')).toBeInTheDocument();
    // Only the card is read again (its own push); the status line is not.
    await act(async () => {
      keel.clock.jumpTo(Date.parse('2025-03-12T00:02:00+01:00'));
      await useToday.getState().load();
    });
    expect(await screen.findByText('Good evening. It’s Wednesday, March 12.')).toBeInTheDocument();
    // The card still speaks of Tuesday's sign-off (the workday runs to the 04:00 boundary).
    expect(region('After hours')).toHaveTextContent('Working hours ended at 17:30.');
  });

  it('moves the greeting on with the minute tick, across noon and midnight', () => {
    const card = { now: '2025-03-11T11:59:30+01:00', workday: '2025-03-11' } as TodayCard;
    const at = 1_000_000;
    expect(greetingLine(card, at, at)).toBe('Good morning. It’s Tuesday, March 11.');
    expect(greetingLine(card, at, at + 60_000)).toBe('Good afternoon. It’s Tuesday, March 11.');
    const late = { ...card, now: '2025-03-11T23:59:10+01:00' };
    expect(greetingLine(late, at, at + 60_000)).toBe('Good evening. It’s Wednesday, March 12.');
    expect(greetingLine(late, at, at + 5 * 3_600_000 + 60_000)).toBe(
      'Good morning. It’s Wednesday, March 12.',
    );
  });
});

describe('Today: one way to each place', () => {
  it('on a Monday during the day: one "Open Focus", and the recap opens last week in Focus', async () => {
    const keel = createTestKeel({ now: '2025-03-17T12:00:00+01:00' });
    await startAt(keel, '2025-03-12T12:00:00+01:00', 50);
    await keel.at('2025-03-12T12:50:00+01:00', () => keel.services.focus.stop());
    const { user } = await renderApp(keel);
    await screen.findByRole('region', { name: 'During the day' });
    const recap = await screen.findByRole('region', { name: 'Last week' });
    expect(screen.getAllByRole('button', { name: 'Open Focus' })).toHaveLength(1);
    await user.click(within(recap).getByRole('button', { name: 'Last week in Focus' }));
    const week = await screen.findByRole('region', { name: 'Last week' });
    expect(week).toHaveTextContent('Monday, Mar 10 to Sunday, Mar 16.');
    expect(keel.callsTo('focus:stats').at(-1)).toEqual({ from: '2025-03-10', to: '2025-03-16' });
    // Opened again from the menu, Focus shows this week as always.
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await user.click(screen.getByRole('button', { name: 'Focus' }));
    expect(await screen.findByRole('region', { name: 'This week' })).toBeInTheDocument();
  });
});

describe('Today: says the true thing about blocks', () => {
  it('on a day with no blocks planned says so, not "No more blocks today"', async () => {
    const keel = createTestKeel({ now: '2025-03-11T08:30:00+01:00' });
    await keel.settings({ focusPlan: [] });
    await renderApp(keel);
    expect(await screen.findByRole('region', { name: 'Before hours' })).toHaveTextContent(
      'Your day starts at 09:00; no focus blocks are planned today.',
    );
    keel.clock.jumpTo(Date.parse('2025-03-11T12:00:00+01:00'));
    await act(() => useToday.getState().load());
    const card = await screen.findByRole('region', { name: 'During the day' });
    expect(within(card).getByText('Next block').nextSibling).toHaveTextContent(/^None planned today$/);
    expect(card).not.toHaveTextContent('No more blocks');
  });

  it('after the last block of a day that had some: no more blocks today', async () => {
    await renderApp(createTestKeel({ now: '2025-03-11T16:30:00+01:00' }));
    const card = await screen.findByRole('region', { name: 'During the day' });
    expect(within(card).getByText('Next block').nextSibling).toHaveTextContent(/^No more blocks today$/);
  });
});

describe('Today: a running block wins in every state', () => {
  it('before hours: the running block with its end, End block, and the day’s start as context', async () => {
    const keel = createTestKeel({ now: '2025-03-11T08:10:00+01:00' });
    await startAt(keel, '2025-03-11T08:00:00+01:00', 25);
    const { user } = await renderApp(keel);
    const card = await screen.findByRole('region', { name: 'In a focus block until 08:25' });
    expect(card).toHaveTextContent('Before hours: your day starts at 09:00.');
    expect(within(card).getByText('Protected so far today').nextSibling).toHaveTextContent('10 min');
    expect(screen.queryByRole('region', { name: 'Before hours' })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Open Focus' })).toHaveLength(1);
    await user.click(within(card).getByRole('button', { name: 'End block' }));
    await waitFor(() => expect(heading('Before hours').firstElementChild).toHaveFocus());
    expect(keel.services.focus.running()).toBeUndefined();
  });

  it('after hours: the running block, not the sign-off form, until it ends', async () => {
    const keel = createTestKeel({ now: '2025-03-11T18:20:00+01:00' });
    await startAt(keel, '2025-03-11T18:00:00+01:00', 50);
    const { user } = await renderApp(keel);
    const card = await screen.findByRole('region', { name: 'In a focus block until 18:50' });
    expect(card).toHaveTextContent(
      'After hours: working hours ended at 17:30. Sign off once the block ends.',
    );
    expect(screen.queryByRole('form', { name: 'Sign off for today' })).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'End block' }));
    await waitFor(() => expect(heading('After hours').firstElementChild).toHaveFocus());
    expect(screen.getByRole('form', { name: 'Sign off for today' })).toBeInTheDocument();
  });

  it('after a sign-off: ending a block lands on the signed-off note', async () => {
    const keel = createTestKeel({ now: '2025-03-11T18:20:00+01:00' });
    await keel.at('2025-03-11T17:45:00+01:00', () => keel.call('signoff:submit', { done: 'Shipped' }));
    await startAt(keel, '2025-03-11T18:00:00+01:00', 50);
    const { user } = await renderApp(keel);
    const card = await screen.findByRole('region', { name: 'In a focus block until 18:50' });
    await user.click(within(card).getByRole('button', { name: 'End block' }));
    const note = await screen.findByText(
      (_, el) => el?.tagName === 'P' && /^Signed off at 17:45\./.test(el.textContent ?? ''),
    );
    await waitFor(() => expect(note).toHaveFocus());
  });

  it('on a day off: the running block, with the day off as context', async () => {
    const keel = createTestKeel({ now: '2025-03-15T10:30:00+01:00' });
    await startAt(keel, '2025-03-15T10:00:00+01:00', 90);
    await renderApp(keel);
    const card = await screen.findByRole('region', { name: 'In a focus block until 11:30' });
    expect(card).toHaveTextContent('A day off: no working hours today.');
    expect(screen.queryByRole('region', { name: 'Keel is quiet today' })).toBeNull();
  });

  it('when the block ends by time, the card goes back to the state’s own', async () => {
    const keel = createTestKeel({ now: '2025-03-11T18:00:00+01:00' });
    await startAt(keel, '2025-03-11T18:00:00+01:00', 25);
    await renderApp(keel);
    await screen.findByRole('region', { name: 'In a focus block until 18:25' });
    await act(async () => {
      keel.clock.advanceTo(Date.parse('2025-03-11T18:26:00+01:00'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(await screen.findByRole('region', { name: 'After hours' })).toHaveTextContent(
      '25 min of focus protected today.',
    );
  });
});
