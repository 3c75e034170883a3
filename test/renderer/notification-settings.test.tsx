import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import type { TestKeelOptions } from './keel-bridge';
import { renderView } from './harness';

async function openSettings(options: TestKeelOptions = {}) {
  const utils = renderView('settings', options);
  const card = await screen.findByRole('region', { name: 'Notifications' });
  const group = within(card).getByRole('group', { name: 'Hide my words in notifications' });
  const choice = (name: string) => within(group).getByRole('radio', { name });
  return { ...utils, card, group, choice };
}

describe('Settings: Notifications', () => {
  it('hides my words on the lock screen by default, and says what each OS allows', async () => {
    const { group, choice } = await openSettings();
    expect(choice('When the screen is locked')).toBeChecked();
    expect(choice('Always')).not.toBeChecked();
    expect(choice('Never')).not.toBeChecked();
    expect(group).toHaveAccessibleDescription(
      'Where you left off, meeting titles and Shortcut names are replaced by a plain sentence. ' +
        'macOS and Windows tell Keel when the screen locks; on Linux Keel cannot tell yet, so ' +
        '“When the screen is locked” hides them all the time there.',
    );
  });

  it('saves a choice through the real handlers as soon as it is made', async () => {
    const { user, keel, choice } = await openSettings();
    await user.click(choice('Always'));
    await waitFor(() => expect(choice('Always')).toBeChecked());
    expect(keel.services.settings.get().hideWordsInNotifications).toBe('always');
    await user.click(choice('Never'));
    await waitFor(() => expect(choice('Never')).toBeChecked());
    expect(keel.services.settings.get().hideWordsInNotifications).toBe('never');
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'hideWordsInNotifications', value: 'always' },
      { key: 'hideWordsInNotifications', value: 'never' },
    ]);
  });

  it('shows the stored value, and follows a change made elsewhere (the CLI)', async () => {
    const { keel, choice } = await openSettings({ settings: { hideWordsInNotifications: 'never' } });
    expect(choice('Never')).toBeChecked();
    await act(async () => keel.services.settings.set('hideWordsInNotifications', 'always'));
    await waitFor(() => expect(choice('Always')).toBeChecked());
  });

  it('says why when the choice cannot be saved, and keeps the one saved', async () => {
    const { user, keel, card, choice } = await openSettings();
    keel.readOnly(true);
    await user.click(choice('Never'));
    expect(await within(card).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(choice('When the screen is locked')).toBeChecked();
    expect(choice('Never')).toBeEnabled();
  });
});
