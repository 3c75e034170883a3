import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/**
 * After every action focus lands on a sensible element, never on <body>. The clock: Tuesday
 * 11 March 2025, 08:40 in Berlin.
 */
const SLOW = { timeout: 30_000 };

async function openFocus(keel: TestKeel = createTestKeel()) {
  const utils = renderView('focus', keel);
  await screen.findByRole('region', { name: /Start a focus block|Focus until/ });
  return utils;
}

function heading(name: string | RegExp): HTMLElement {
  return screen.getByRole('heading', { name });
}

describe('focus after each action', () => {
  it(
    'starting a block lands on the running block; ending it on "Where did you leave off?"',
    SLOW,
    async () => {
      const { user } = await openFocus();
      await user.click(screen.getByRole('button', { name: 'Start a 25 min block' }));
      await waitFor(() => expect(heading('Focus until 09:05').firstElementChild).toHaveFocus());

      await user.click(screen.getByRole('button', { name: 'End block' }));
      const prompt = await screen.findByRole('region', { name: 'Where did you leave off?' });
      await waitFor(() =>
        expect(within(prompt).getByRole('textbox', { name: 'Where did you leave off?' })).toHaveFocus(),
      );

      // Not now: the prompt goes, focus lands on the start card's heading.
      await user.click(within(prompt).getByRole('button', { name: 'Not now' }));
      await waitFor(() => expect(heading('Start a focus block').firstElementChild).toHaveFocus());
      expect(document.activeElement).not.toBe(document.body);
    },
  );

  it('saving the left-off line lands on the start card', SLOW, async () => {
    const keel = createTestKeel();
    await keel.at('2025-03-11T08:10:00+01:00', () => keel.call('focus:start', { minutes: 25 }));
    await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('focus:stop', {}));
    const { user } = await openFocus(keel);
    const prompt = screen.getByRole('region', { name: 'Where did you leave off?' });
    await user.type(within(prompt).getByRole('textbox'), 'Step 3{Enter}');
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Where did you leave off?' })).toBeNull(),
    );
    await waitFor(() => expect(heading('Start a focus block').firstElementChild).toHaveFocus());
  });

  it('Save plan lands on the "Saved" line; Discard on the plan heading', SLOW, async () => {
    const { user } = await openFocus(
      createTestKeel({ settings: { focusPlan: [{ weekday: 'mon', start: '09:00', end: '11:00' }] } }),
    );
    const plan = screen.getByRole('region', { name: 'Weekly plan' });
    await user.click(within(plan).getByRole('button', { name: 'Remove Monday block 1' }));
    await user.click(within(plan).getByRole('button', { name: 'Save plan' }));
    const saved = await within(plan).findByText('Saved');
    await waitFor(() => expect(saved.closest('[role="status"]')).toHaveFocus());

    await user.click(within(plan).getByRole('button', { name: 'Add block' }));
    await user.click(within(plan).getByRole('button', { name: 'Discard changes' }));
    expect(within(plan).queryByRole('button', { name: 'Discard changes' })).toBeNull();
    expect(heading('Weekly plan').firstElementChild).toHaveFocus();
  });

  it('saving a check-in lands on the confirmation', SLOW, async () => {
    const { user } = renderView('checkin');
    const form = await screen.findByRole('form', { name: 'Quick check' });
    await user.click(within(form).getByRole('radio', { name: /Heavy/ }));
    await user.click(
      within(within(form).getByRole('radiogroup', { name: 'Energy' })).getByRole('radio', { name: /Okay/ }),
    );
    await user.click(within(form).getByRole('radio', { name: 'Yes' }));
    await user.click(within(form).getByRole('button', { name: 'Save check-in' }));
    const thanks = await screen.findByText('Saved. Thanks for checking in.');
    await waitFor(() => expect(thanks.closest('[role="status"]')).toHaveFocus());
  });
});
