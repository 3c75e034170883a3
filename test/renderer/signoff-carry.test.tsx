import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

const SLOW = { timeout: 30_000 };

/** A keel at `now` whose sign-off of `at` left two things unfinished. */
async function afterSignoff(now: string, at: string): Promise<TestKeel> {
  const keel = createTestKeel({ now });
  await keel.at(at, () =>
    keel.call('signoff:submit', {
      done: 'Release notes',
      unfinished: [
        { item: 'Review Sam’s PR', plan: 'First thing, before stand-up' },
        { item: 'Migration for old rows', plan: 'After lunch' },
      ],
      firstTomorrow: '',
      energy: 3,
    }),
  );
  return keel;
}

async function openRitual(keel: TestKeel) {
  const utils = renderView('signoff', keel);
  const form = await screen.findByRole('region', { name: 'Wrap up the day' });
  return { ...utils, form };
}

const rows = (form: HTMLElement) =>
  within(form)
    .getAllByRole('textbox', { name: /^Unfinished thing \d+$/ })
    .map((input) => (input as HTMLInputElement).value);

describe('the sign-off carries the last working day’s unfinished things forward', () => {
  it('fills them in, editable; nothing is saved until the user signs off', SLOW, async () => {
    // Monday, March 10 signed off; Tuesday evening.
    const keel = await afterSignoff('2025-03-11T17:42:00+01:00', '2025-03-10T17:30:00+01:00');
    const { user, form } = await openRitual(keel);
    expect(rows(form)).toEqual(['Review Sam’s PR', 'Migration for old rows']);
    expect(within(form).getByRole('textbox', { name: 'How unfinished thing 2 continues' })).toHaveValue(
      'After lunch',
    );
    expect(within(form).getByText(/What was unfinished on Monday, Mar 10 is filled in/)).toBeInTheDocument();
    expect(keel.services.signoff.status().signedOff).toBeNull();

    await user.click(within(form).getByRole('button', { name: 'Remove unfinished thing 1' }));
    const plan = within(form).getByRole('textbox', { name: 'How unfinished thing 1 continues' });
    await user.clear(plan);
    await user.type(plan, 'Wednesday morning');
    expect(keel.callsTo('signoff:submit')).toHaveLength(0);
    await user.click(within(form).getByRole('button', { name: 'Sign off' }));
    await screen.findByRole('region', { name: /Signed off at/ });
    expect(keel.callsTo('signoff:submit')[0]).toMatchObject({
      unfinished: [{ item: 'Migration for old rows', plan: 'Wednesday morning' }],
    });
  });

  it('on a Monday, from Friday (the last working day), not from the weekend', SLOW, async () => {
    const keel = await afterSignoff('2025-03-17T17:42:00+01:00', '2025-03-14T17:30:00+01:00');
    const { form } = await openRitual(keel);
    expect(rows(form)).toEqual(['Review Sam’s PR', 'Migration for old rows']);
    expect(within(form).getByText(/What was unfinished on Friday, Mar 14 is filled in/)).toBeInTheDocument();
  });

  it('starts with one empty row when the last working day left nothing', SLOW, async () => {
    const { form } = await openRitual(createTestKeel({ now: '2025-03-11T17:42:00+01:00' }));
    expect(rows(form)).toEqual(['']);
    expect(within(form).queryByText(/is filled in/)).toBeNull();
  });
});
