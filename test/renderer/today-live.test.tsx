import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

const region = (name: string) => screen.getByRole('region', { name });

async function advanceTo(keel: TestKeel, iso: string) {
  await act(async () => {
    keel.clock.advanceTo(Date.parse(iso));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('Today as a live card', () => {
  it('before hours: when the day and its first block start', async () => {
    renderView('today', createTestKeel({ now: '2025-03-11T08:10:00+01:00' }));
    const card = await screen.findByRole('region', { name: 'Before hours' });
    expect(card).toHaveTextContent('Your day starts at 09:00; the first focus block is at 09:00.');
  });

  it('during the day: the next block, minutes protected so far, and a due check-in in one tap', async () => {
    const keel = createTestKeel({ now: '2025-03-11T12:00:00+01:00' });
    await keel.settings({
      checkins: { cadence: { mode: 'daily', time: '10:00' }, customTags: [], burnout: false, who5: false },
    });
    await keel.at('2025-03-11T11:20:00+01:00', () => keel.services.focus.startAdhoc({ minutes: 25 }));
    await keel.at('2025-03-11T11:45:00+01:00', () => keel.services.focus.stop());
    const { user } = await renderApp(keel);
    const card = await screen.findByRole('region', { name: 'During the day' });
    expect(within(card).getByText('Protected so far today').nextSibling).toHaveTextContent('25 min');
    expect(within(card).getByText('Next block').nextSibling).toHaveTextContent('14:00–16:00');
    await user.click(within(card).getByRole('button', { name: 'Check in now' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Check-ins' })).toHaveFocus();
  });

  it('after hours at 17:31: the sign-off form inline, and signing off there says when', async () => {
    const keel = createTestKeel({ now: '2025-03-11T17:20:00+01:00' });
    const { user } = await renderApp(keel);
    await screen.findByRole('region', { name: 'During the day' });
    await advanceTo(keel, '2025-03-11T17:31:00+01:00');
    const after = await screen.findByRole('region', { name: 'After hours' });
    expect(after).toHaveTextContent('Working hours ended at 17:30.');
    const form = screen.getByRole('form', { name: 'Sign off for today' });
    await user.type(within(form).getByLabelText(/What got done/), 'Shipped the fix');
    await user.click(within(form).getByRole('button', { name: 'Sign off' }));
    expect(await screen.findByText(/Signed off at/)).toHaveTextContent('Signed off at 17:31.');
    expect(keel.services.signoff.status().signedOff?.done).toBe('Shipped the fix');
  });

  it('on a holiday: Keel is quiet today, with the holiday’s name', async () => {
    const keel = createTestKeel({ now: '2025-03-11T10:00:00+01:00' });
    await keel.settings({ holidays: [{ from: '2025-03-11', to: '2025-03-11', note: 'Spring break' }] });
    renderView('today', keel);
    const card = await screen.findByRole('region', { name: 'Keel is quiet today' });
    expect(card).toHaveTextContent('Spring break: no working hours, no focus blocks and no prompts.');
    expect(screen.queryByRole('region', { name: 'Last week' })).toBeNull();
  });

  it('on Monday: last week against the week before, each figure with how it was counted', async () => {
    const keel = createTestKeel({ now: '2025-03-17T09:30:00+01:00' });
    await keel.at('2025-03-12T12:00:00+01:00', () => keel.services.focus.startAdhoc({ minutes: 50 }));
    await keel.at('2025-03-12T12:50:00+01:00', () => keel.services.focus.stop());
    await keel.call('talk:add', { text: 'On-call rota' });
    renderView('today', keel);
    const recap = await screen.findByRole('region', { name: 'Last week' });
    expect(recap).toHaveTextContent('March 10 – 16, 2025, compared with March 3 – 9, 2025.');
    expect(within(recap).getByText('50 min protected · 20 hr planned')).toBeInTheDocument();
    expect(
      within(recap).getByText('50 min more than the week before (0 min protected · 20 hr planned).'),
    ).toBeInTheDocument();
    expect(within(recap).getByText('1 talking point waiting')).toBeInTheDocument();
    expect(within(recap).getAllByText('How this is counted')).toHaveLength(4);
    // The Focus view's own figure for that week is the same.
    const stats = await keel.call('focus:stats', { from: '2025-03-10', to: '2025-03-16' });
    expect(stats.totals.protectedMinutes).toBe(50);
  });

  it('moves from before hours to during the day as the clock passes 09:00', async () => {
    const keel = createTestKeel({ now: '2025-03-11T08:50:00+01:00' });
    await renderApp(keel);
    await screen.findByRole('region', { name: 'Before hours' });
    await advanceTo(keel, '2025-03-11T09:01:00+01:00');
    await waitFor(() => expect(region('In a focus block until 11:00')).toBeInTheDocument());
  });
});
