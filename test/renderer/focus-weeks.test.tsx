import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderView } from './harness';
import { createTestKeel } from './keel-bridge';

describe('Focus: week by week', () => {
  it('on Monday goes back to last week and its figures, by keyboard, naming each week’s range', async () => {
    // Monday, March 17 2025, 08:30: this week has nothing yet; last Wednesday had a 50-minute block.
    const keel = createTestKeel({ now: '2025-03-17T08:30:00+01:00' });
    await keel.at('2025-03-12T12:00:00+01:00', () => keel.call('focus:start', { minutes: 50 }));
    await keel.at('2025-03-12T12:50:00+01:00', () => keel.call('focus:stop', {}));
    const { user } = renderView('focus', keel);
    const thisWeek = await screen.findByRole('region', { name: 'This week' });
    expect(thisWeek).toHaveTextContent('Monday, Mar 17 to Sunday, Mar 23.');
    expect(await within(thisWeek).findByText('Protected this week')).toBeInTheDocument();
    expect(within(thisWeek).getByText('Protected this week').nextElementSibling).toHaveTextContent(
      /^0 min · 20 h/,
    );
    const next = within(thisWeek).getByRole('button', { name: 'Next week' });
    expect(next).toBeDisabled();

    within(thisWeek).getByRole('button', { name: 'Previous week' }).focus();
    await user.keyboard('{Enter}');
    const last = await screen.findByRole('region', { name: 'Last week' });
    expect(last).toHaveTextContent('Monday, Mar 10 to Sunday, Mar 16.');
    expect(keel.callsTo('focus:stats').at(-1)).toEqual({ from: '2025-03-10', to: '2025-03-16' });
    expect((await within(last).findByText('Protected last week')).nextElementSibling).toHaveTextContent(
      /^50 min · 20 hr planned/,
    );

    await user.click(within(last).getByRole('button', { name: 'Previous week' }));
    expect(await screen.findByRole('region', { name: 'Week of Mon, Mar 3' })).toHaveTextContent(
      'Monday, Mar 3 to Sunday, Mar 9.',
    );
    await user.click(screen.getByRole('button', { name: 'Next week' }));
    await user.click(screen.getByRole('button', { name: 'Next week' }));
    expect(await screen.findByRole('region', { name: 'This week' })).toBeInTheDocument();
    expect(keel.callsTo('focus:stats').at(-1)).toEqual({ from: '2025-03-17', to: '2025-03-23' });
  });
});
