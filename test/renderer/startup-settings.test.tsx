import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeKeelOptions } from './fake-keel';
import { navItem, renderApp } from './render-app';

async function openSettings(options: FakeKeelOptions = {}) {
  const utils = await renderApp(options);
  await utils.user.click(navItem('Settings'));
  const card = await screen.findByRole('region', { name: 'Startup' });
  const toggle = within(card).getByRole('switch', { name: 'Start Keel when I log in' });
  return { ...utils, card, toggle };
}

describe('Settings: Startup', () => {
  it('is off by default, and saves autostart as soon as the switch moves', async () => {
    const { user, fake, toggle } = await openSettings();
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription(
      'Keel starts quietly in the tray, without opening its window.',
    );

    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(fake.settings.autostart).toBe(true);

    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(fake.callsTo('settings.set').map((c) => c.input)).toEqual([
      { key: 'autostart', value: true },
      { key: 'autostart', value: false },
    ]);
  });

  it('shows the stored value, and follows a change made elsewhere (the CLI)', async () => {
    const { fake, toggle } = await openSettings({ settings: { autostart: true } });
    expect(toggle).toBeChecked();
    fake.replaceSettings({ autostart: false });
    act(() => fake.emit({ type: 'changed', topics: ['settings'] }));
    await waitFor(() => expect(toggle).not.toBeChecked());
  });

  it('says why when the setting cannot be saved, and leaves the switch as it was', async () => {
    const { user, fake, card, toggle } = await openSettings();
    fake.failNext('settings.set', { code: 'storage', message: 'Keel could not save your settings.' });
    await user.click(toggle);
    expect(await within(card).findByRole('alert')).toHaveTextContent('Keel could not save your settings.');
    expect(toggle).not.toBeChecked();
    expect(toggle).toBeEnabled();
  });
});
