import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import { UnsupportedDndController } from '../../src-main/services/ports';
import { renderView } from './harness';
import { controlledDnd, type TestKeelOptions } from './keel-bridge';

async function openSettings(options: TestKeelOptions = { dnd: controlledDnd('GNOME') }) {
  const utils = renderView('settings', options);
  const card = await screen.findByRole('region', { name: 'Focus' });
  return { ...utils, card };
}

describe('Settings: Focus', () => {
  it('saves the pre-warning minutes, and refuses values outside 0–60', async () => {
    const { user, keel, card } = await openSettings();
    const minutes = within(card).getByRole('spinbutton', {
      name: 'Heads-up before a planned block (minutes)',
    });
    expect(minutes).toHaveValue(5);

    await user.clear(minutes);
    await user.type(minutes, '75');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(within(card).getByText('Use 0 (no heads-up) to 60 minutes.')).toBeInTheDocument();
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    expect(keel.callsTo('settings:set')).toHaveLength(0);

    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('All changes saved.')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toEqual([{ key: 'focusWarningMinutes', value: 0 }]);
    expect(keel.services.settings.get().focusWarningMinutes).toBe(0);
  });

  it('turns do-not-disturb on and shows what Keel can do on this desktop', async () => {
    const { user, keel, card } = await openSettings();
    const toggle = within(card).getByRole('switch', { name: 'Do not disturb during focus blocks' });
    expect(toggle).not.toBeChecked();
    expect(await within(card).findByText('Keel can turn on do-not-disturb on GNOME.')).toBeInTheDocument();
    expect(toggle).toHaveAccessibleDescription('Keel can turn on do-not-disturb on GNOME.');

    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(keel.callsTo('settings:set')).toEqual([{ key: 'dnd', value: { enabled: true } }]);
    await waitFor(() => expect(keel.callsTo('dnd:status')).toHaveLength(2));
  });

  it('shows the help sentence on desktops Keel cannot control', async () => {
    const help =
      'Keel cannot change do-not-disturb on this desktop; turn it on from your panel during a block.';
    const { card } = await openSettings({
      dnd: new UnsupportedDndController('Xfce', help),
    });
    expect(await within(card).findByText(help)).toBeInTheDocument();
    expect(within(card).queryByRole('textbox', { name: /Shortcut/ })).toBeNull();
  });

  it('on macOS asks for the Shortcut names and saves them with the switch state', async () => {
    const { user, keel, card } = await openSettings({
      settings: { dnd: { enabled: true } },
      dnd: controlledDnd('macOS Shortcuts'),
    });
    const on = await within(card).findByRole('textbox', { name: 'Shortcut that turns Focus on' });
    await user.type(on, 'Focus on');
    await user.type(
      within(card).getByRole('textbox', { name: 'Shortcut that turns Focus off' }),
      'Focus off',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('All changes saved.')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'dnd', value: { enabled: true, macosShortcutOn: 'Focus on', macosShortcutOff: 'Focus off' } },
    ]);
  });

  it('shows the API sentence when the switch cannot be saved', async () => {
    const { user, keel, card } = await openSettings();
    keel.readOnly(true);
    const toggle = within(card).getByRole('switch', { name: 'Do not disturb during focus blocks' });
    await user.click(toggle);
    expect(await within(card).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(toggle).not.toBeChecked();
  });
});
