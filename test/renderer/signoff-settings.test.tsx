import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import type { TestKeelOptions } from './keel-bridge';
import { navItem, renderApp, renderView } from './harness';

async function openSettings(options: TestKeelOptions = {}) {
  const utils = renderView('settings', options);
  const card = await screen.findByRole('region', { name: 'Sign-off' });
  return { ...utils, card };
}

describe('Settings: Sign-off', () => {
  it('shows the long-day limit in hours and saves it in minutes', async () => {
    const { user, keel, card } = await openSettings();
    const limit = within(card).getByRole('spinbutton', { name: 'Long-day limit (hours)' });
    expect(limit).toHaveValue(9);

    await user.clear(limit);
    await user.type(limit, '10.5');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('All changes saved.')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'signoff', value: { longDayCapMinutes: 630, quietAfterSignoff: false } },
    ]);
    expect(keel.services.settings.get().signoff.longDayCapMinutes).toBe(630);
  });

  it('refuses a limit outside 4–16 hours before saving', async () => {
    const { user, keel, card } = await openSettings();
    const limit = within(card).getByRole('spinbutton', { name: 'Long-day limit (hours)' });
    await user.clear(limit);
    await user.type(limit, '17');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(within(card).getByText('Use a long-day limit from 4 to 16 hours.')).toBeInTheDocument();
    expect(limit).toHaveAttribute('aria-invalid', 'true');
    expect(limit).toHaveValue(17);
    expect(keel.callsTo('settings:set')).toHaveLength(0);
  });

  it('shows main’s sentence when the limit is refused', async () => {
    const { user, keel, card } = await openSettings();
    keel.readOnly(true);
    const limit = within(card).getByRole('spinbutton', { name: 'Long-day limit (hours)' });
    await user.clear(limit);
    await user.type(limit, '8');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await within(card).findByText(STORAGE_MESSAGES.readOnly)).toBeInTheDocument();
    expect(limit).toHaveValue(8);
    expect(keel.services.settings.get().signoff.longDayCapMinutes).toBe(540);
  });

  it('saves "Quiet until tomorrow" ticked by default as soon as the switch moves', async () => {
    // The whole app: the Sign-off view must follow.
    const { user, keel } = await renderApp({
      settings: { signoff: { longDayCapMinutes: 600, quietAfterSignoff: false } },
    });
    await user.click(navItem('Settings'));
    const card = await screen.findByRole('region', { name: 'Sign-off' });
    const quiet = within(card).getByRole('switch', { name: 'Tick “Quiet until tomorrow” by default' });
    expect(quiet).not.toBeChecked();
    await user.click(quiet);
    await waitFor(() => expect(quiet).toBeChecked());
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'signoff', value: { longDayCapMinutes: 600, quietAfterSignoff: true } },
    ]);
    expect(keel.services.settings.get().signoff.quietAfterSignoff).toBe(true);
    // The ritual now starts with it ticked.
    await user.click(navItem('Sign-off'));
    expect(await screen.findByRole('switch', { name: 'Quiet until tomorrow' })).toBeChecked();
  });
});

describe('Settings: Holidays & days off', () => {
  it('adds a holiday with a note and removes it', async () => {
    const { user, keel } = await openSettings();
    const holidays = screen.getByRole('region', { name: 'Holidays & days off' });
    expect(within(holidays).getByText('No holidays or days off planned.')).toBeInTheDocument();
    await user.type(within(holidays).getByLabelText('From'), '2025-04-18');
    await user.type(within(holidays).getByLabelText('To'), '2025-04-21');
    await user.type(within(holidays).getByLabelText('Note (optional)'), 'Easter');
    await user.click(within(holidays).getByRole('button', { name: 'Add holiday' }));

    expect(await within(holidays).findByText('Fri, Apr 18 – Mon, Apr 21')).toBeInTheDocument();
    expect(within(holidays).getByText('Easter')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'holidays', value: [{ from: '2025-04-18', to: '2025-04-21', note: 'Easter' }] },
    ]);
    expect(keel.services.settings.get().focusPauses).toEqual([]);

    await user.click(
      within(holidays).getByRole('button', { name: 'Remove the holiday Fri, Apr 18 – Mon, Apr 21' }),
    );
    expect(await within(holidays).findByText('No holidays or days off planned.')).toBeInTheDocument();
    expect(keel.services.settings.get().holidays).toEqual([]);
  });

  it('keeps a refused holiday in the form with main’s sentence', async () => {
    const { user, keel } = await openSettings();
    const holidays = screen.getByRole('region', { name: 'Holidays & days off' });
    await user.type(within(holidays).getByLabelText('From'), '2025-04-21');
    await user.type(within(holidays).getByLabelText('To'), '2025-04-18');
    await user.click(within(holidays).getByRole('button', { name: 'Add holiday' }));
    expect(await within(holidays).findByRole('alert')).toHaveTextContent(
      'A holiday must end on or after the day it starts.',
    );
    expect(within(holidays).getByLabelText('From')).toHaveValue('2025-04-21');
    expect(keel.services.settings.get().holidays).toEqual([]);
  });

  it('a one-day holiday needs only its first day', async () => {
    const { user, keel } = await openSettings();
    const holidays = screen.getByRole('region', { name: 'Holidays & days off' });
    await user.click(within(holidays).getByRole('button', { name: 'Add holiday' }));
    expect(within(holidays).getByRole('alert')).toHaveTextContent('Choose the first day of the holiday.');
    await user.type(within(holidays).getByLabelText('From'), '2025-05-01');
    await user.click(within(holidays).getByRole('button', { name: 'Add holiday' }));
    expect(await within(holidays).findByText('Thu, May 1')).toBeInTheDocument();
    expect(keel.services.settings.get().holidays).toEqual([{ from: '2025-05-01', to: '2025-05-01' }]);
  });
});
