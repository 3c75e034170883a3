import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { navItem, renderApp } from './harness';

const SLOW = { timeout: 30_000 };

async function openSettingsInApp() {
  const app = await renderApp();
  await app.user.click(navItem('Settings'));
  await screen.findByRole('combobox', { name: 'Time zone' });
  return app;
}

const mondayEnd = () => screen.getByLabelText('Monday end');
const asked = () => screen.queryByRole('dialog', { name: 'Save your changes?' });
const h1 = () => screen.getByRole('heading', { level: 1 });

describe('Settings: one save bar, and leaving with unsaved edits asks first', () => {
  it('the sidebar asks; Stay keeps the edit in Settings', SLOW, async () => {
    const { user, keel } = await openSettingsInApp();
    expect(screen.queryByRole('region', { name: 'Unsaved changes' })).toBeNull();
    fireEvent.change(mondayEnd(), { target: { value: '18:45' } });
    const bar = screen.getByRole('region', { name: 'Unsaved changes' });
    expect(bar).toHaveTextContent('Unsaved changes in Time zone and Working hours.');

    await user.click(navItem('Today'));
    const dialog = await screen.findByRole('dialog', { name: 'Save your changes?' });
    expect(dialog).toHaveTextContent('You changed Time zone and Working hours and have not saved yet.');
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(asked()).toBeNull());
    expect(h1()).toHaveTextContent('Settings');
    expect(mondayEnd()).toHaveValue('18:45');
    expect(keel.callsTo('settings:set')).toHaveLength(0);
  });

  it('Ctrl+1 asks; Save saves, then goes', SLOW, async () => {
    const { user, keel } = await openSettingsInApp();
    fireEvent.change(mondayEnd(), { target: { value: '18:45' } });
    await user.keyboard('{Control>}1{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Save your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(h1()).toHaveTextContent('Today'));
    expect(keel.services.settings.get().workingHours.mon).toEqual({ start: '09:00', end: '18:45' });
  });

  it('the palette asks; Discard drops the edit, then goes', SLOW, async () => {
    const { user, keel } = await openSettingsInApp();
    fireEvent.change(mondayEnd(), { target: { value: '18:45' } });
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    await user.type(within(palette).getByRole('combobox'), 'Open Focus');
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Save your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(h1()).toHaveTextContent('Focus'));
    expect(keel.callsTo('settings:set')).toHaveLength(0);
    await user.click(navItem('Settings'));
    expect(await screen.findByLabelText('Monday end')).toHaveValue('17:30');
  });

  it('without edits, leaving asks nothing', SLOW, async () => {
    const { user } = await openSettingsInApp();
    await user.click(navItem('Focus'));
    await waitFor(() => expect(h1()).toHaveTextContent('Focus'));
    expect(asked()).toBeNull();
  });

  it(
    'a city for a zone: the sentence sits under the zone field alone, with the zone it means',
    SLOW,
    async () => {
      const { user, keel } = await openSettingsInApp();
      const zone = screen.getByRole('combobox', { name: 'Time zone' });
      await user.clear(zone);
      await user.type(zone, 'Berlin');
      await user.keyboard('{Escape}');
      fireEvent.change(mondayEnd(), { target: { value: '18:45' } });
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      const sentence = 'That is not a time zone Keel knows; did you mean Europe/Berlin?';
      await screen.findByText(sentence);
      expect(zone).toHaveAttribute('aria-invalid', 'true');
      expect(zone).toHaveAccessibleDescription(expect.stringContaining(sentence));
      expect(zone).toHaveFocus();
      expect(screen.getByRole('alert')).toHaveTextContent(sentence);
      expect(document.body.textContent).not.toMatch(/zone: |IANA/);
      const marked = [...document.querySelectorAll('[aria-invalid="true"]')];
      expect(marked).toEqual([zone]);
      expect(keel.callsTo('settings:set')).toEqual([{ key: 'zone', value: 'Berlin' }]);
      expect(mondayEnd()).toHaveValue('18:45');
    },
  );
});
