import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import type { TestKeelOptions } from './keel-bridge';
import { renderView } from './harness';

async function openSettings(options: TestKeelOptions = {}) {
  const utils = renderView('settings', options);
  const card = await screen.findByRole('region', { name: 'Startup' });
  const toggle = within(card).getByRole('switch', { name: 'Start Keel when I log in' });
  return { ...utils, card, toggle };
}

describe('Settings: Startup', () => {
  it('is off by default, and saves autostart as soon as the switch moves', async () => {
    const { user, keel, toggle } = await openSettings();
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription(
      'Keel starts quietly in the tray, without opening its window.',
    );

    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(keel.services.settings.get().autostart).toBe(true);

    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'autostart', value: true },
      { key: 'autostart', value: false },
    ]);
  });

  it('shows the stored value, and follows a change made elsewhere (the CLI)', async () => {
    const { keel, toggle } = await openSettings({ settings: { autostart: true } });
    expect(toggle).toBeChecked();
    await act(async () => keel.services.settings.set('autostart', false));
    await waitFor(() => expect(toggle).not.toBeChecked());
  });

  it('says why when the setting cannot be saved, and leaves the switch as it was', async () => {
    const { user, keel, card, toggle } = await openSettings();
    keel.readOnly(true);
    await user.click(toggle);
    expect(await within(card).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(toggle).not.toBeChecked();
    expect(toggle).toBeEnabled();
  });
});
