import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { navItem, renderApp } from './harness';

/**
 * Settings' unsaved-changes guard beyond switching views: quitting Keel asks too, and a tag or a
 * holiday typed but not added counts as an unsaved edit.
 */
const SLOW = { timeout: 30_000 };

async function openSettingsInApp() {
  const app = await renderApp();
  await app.user.click(navItem('Settings'));
  await screen.findByRole('combobox', { name: 'Time zone' });
  return app;
}

const asked = () => screen.queryByRole('dialog', { name: 'Save your changes?' });
const bar = () => screen.queryByRole('region', { name: 'Unsaved changes' });
const h1 = () => screen.getByRole('heading', { level: 1 });
const mondayEnd = () => screen.getByLabelText('Monday end');
const holidays = () => screen.getByRole('region', { name: 'Holidays & days off' });

describe('quitting Keel with unsaved Settings edits', () => {
  it('Ctrl+Q asks; Stay keeps the edit and does not quit', SLOW, async () => {
    const { user, keel } = await openSettingsInApp();
    fireEvent.change(mondayEnd(), { target: { value: '18:45' } });
    await user.keyboard('{Control>}q{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Save your changes?' });
    expect(keel.callsTo('app:quit')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    await waitFor(() => expect(asked()).toBeNull());
    expect(mondayEnd()).toHaveValue('18:45');
    expect(keel.callsTo('app:quit')).toEqual([]);
    expect(keel.shell.quitRequested).toBe(false);
  });

  it('the Quit button asks; Save saves, then quits', SLOW, async () => {
    const { user, keel } = await openSettingsInApp();
    fireEvent.change(mondayEnd(), { target: { value: '18:45' } });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'Quit Keel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(keel.shell.quitRequested).toBe(true));
    expect(keel.services.settings.get().workingHours.mon).toEqual({ start: '09:00', end: '18:45' });
  });

  it('Discard drops the edit, then quits; without edits, quitting asks nothing', SLOW, async () => {
    const { user, keel } = await openSettingsInApp();
    fireEvent.change(mondayEnd(), { target: { value: '18:45' } });
    await user.keyboard('{Control>}q{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Save your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(keel.shell.quitRequested).toBe(true));
    expect(keel.callsTo('settings:set')).toHaveLength(0);
    expect(keel.callsTo('app:quit')).toEqual([{}]);

    await user.keyboard('{Control>}q{/Control}');
    await waitFor(() => expect(keel.callsTo('app:quit')).toEqual([{}, {}]));
    expect(asked()).toBeNull();
  });
});

describe('typed but not added: a tag or a holiday is an unsaved edit', () => {
  it('a typed tag shows in the save bar, leaving asks, and Save adds it', SLOW, async () => {
    const { user, keel } = await openSettingsInApp();
    await user.type(screen.getByRole('textbox', { name: 'New tag' }), 'Code review');
    expect(bar()).toHaveTextContent('Unsaved changes in Check-ins (a new tag).');

    await user.click(navItem('Today'));
    const dialog = await screen.findByRole('dialog', { name: 'Save your changes?' });
    expect(dialog).toHaveTextContent('You changed Check-ins (a new tag)');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(h1()).toHaveTextContent('Today'));
    expect(keel.services.settings.get().checkins.customTags).toEqual(['code-review']);
  });

  it('a typed holiday shows in the save bar, and Discard in the guard clears it', SLOW, async () => {
    const { user, keel } = await openSettingsInApp();
    fireEvent.change(within(holidays()).getByLabelText('From'), { target: { value: '2025-04-18' } });
    expect(bar()).toHaveTextContent('Unsaved changes in Holidays & days off.');

    await user.click(navItem('Focus'));
    const dialog = await screen.findByRole('dialog', { name: 'Save your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(h1()).toHaveTextContent('Focus'));
    expect(keel.callsTo('settings:set')).toHaveLength(0);
    await user.click(navItem('Settings'));
    await screen.findByRole('combobox', { name: 'Time zone' });
    expect(within(holidays()).getByLabelText('From')).toHaveValue('');
    expect(bar()).toBeNull();
  });

  it('the save bar adds a typed holiday with the other edits', SLOW, async () => {
    const { user, keel } = await openSettingsInApp();
    fireEvent.change(within(holidays()).getByLabelText('From'), { target: { value: '2025-04-18' } });
    fireEvent.change(mondayEnd(), { target: { value: '18:45' } });
    expect(bar()).toHaveTextContent(
      'Unsaved changes in Time zone and Working hours and Holidays & days off.',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(bar()).toBeNull());
    expect(keel.services.settings.get().holidays).toEqual([{ from: '2025-04-18', to: '2025-04-18' }]);
    expect(within(holidays()).getByLabelText('From')).toHaveValue('');
  });
});
