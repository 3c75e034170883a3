import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderView } from './harness';

// Slow CI machines: each test drives a whole app through user-event.
const SLOW = { timeout: 30_000 };

function quickCheck() {
  return screen.getByRole('form', { name: 'Quick check' });
}

describe('chips toggle on Enter and Space and never submit the check-in', () => {
  it('Enter and Space on a "Where are you stretched?" chip toggle it; nothing is saved', SLOW, async () => {
    const { keel, user } = renderView('checkin');
    await screen.findByRole('form', { name: 'Quick check' });
    // A half-filled check: only the workload.
    await user.click(within(quickCheck()).getByRole('radio', { name: /Heavy/ }));
    const meetings = within(quickCheck()).getByRole('checkbox', { name: 'Meetings' });
    meetings.focus();
    await user.keyboard('{Enter}');
    expect(meetings).toBeChecked();
    await user.keyboard('{Enter}');
    expect(meetings).not.toBeChecked();
    await user.keyboard(' ');
    expect(meetings).toBeChecked();
    // No "answer the energy question": the form was never submitted, and nothing was sent.
    expect(screen.queryByText(/energy/i, { selector: '.choice__error' })).toBeNull();
    expect(keel.calls.filter((c) => c.channel === 'checkin:add')).toEqual([]);
    expect(meetings).toHaveFocus();
  });

  it('Enter on a chip of a fully answered check does not save it; Ctrl+Enter does', SLOW, async () => {
    const { keel, user } = renderView('checkin');
    await screen.findByRole('form', { name: 'Quick check' });
    const form = quickCheck();
    await user.click(within(form).getByRole('radio', { name: /Heavy/ }));
    await user.click(
      within(within(form).getByRole('radiogroup', { name: 'Energy' })).getByRole('radio', { name: /Okay/ }),
    );
    await user.click(within(form).getByRole('radio', { name: 'Yes' }));
    within(form).getByRole('checkbox', { name: 'Deadlines' }).focus();
    await user.keyboard('{Enter}');
    expect(within(form).getByRole('checkbox', { name: 'Deadlines' })).toBeChecked();
    expect(keel.calls.filter((c) => c.channel === 'checkin:add')).toEqual([]);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByText('Saved. Thanks for checking in.');
    const added = keel.calls.filter((c) => c.channel === 'checkin:add');
    expect(added).toHaveLength(1);
    expect(added[0]?.input).toMatchObject({ stretched: ['deadlines'] });
  });
});
