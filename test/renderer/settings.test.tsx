import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import { navItem, renderApp, renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

async function openSettings(keel: TestKeel = createTestKeel()) {
  const view = renderView('settings', keel);
  await screen.findByRole('combobox', { name: 'Time zone' });
  return { ...view, stored: () => keel.services.settings.get() };
}

function zoneInput() {
  return screen.getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement;
}

function day(name: string) {
  return screen.getByRole('group', { name });
}

describe('Settings', () => {
  it('shows the current zone and working hours', async () => {
    const keel = createTestKeel();
    await keel.settings({ zone: 'Asia/Tokyo' });
    await openSettings(keel);
    expect(zoneInput()).toHaveValue('Asia/Tokyo');
    expect(within(day('Monday')).getByLabelText('Monday start')).toHaveValue('09:00');
    expect(within(day('Monday')).getByLabelText('Monday end')).toHaveValue('17:30');
    expect(within(day('Monday')).getByRole('checkbox', { name: /Day off/ })).not.toBeChecked();
    expect(within(day('Sunday')).getByRole('checkbox', { name: /Day off/ })).toBeChecked();
    expect(within(day('Sunday')).getByLabelText('Sunday start')).toBeDisabled();
  });

  it('saves a new zone through keel.settings.set and says "Saved"', async () => {
    // The whole app: Today must follow.
    const { user, keel } = await renderApp();
    await user.click(navItem('Settings'));
    await user.clear(await screen.findByRole('combobox', { name: 'Time zone' }));
    await user.type(zoneInput(), 'America/Toronto');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('All changes saved.')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toEqual([{ key: 'zone', value: 'America/Toronto' }]);
    expect(keel.services.settings.get().zone).toBe('America/Toronto');
    expect(zoneInput()).toHaveValue('America/Toronto');
    expect(zoneInput()).not.toHaveAttribute('aria-invalid');
    // Today follows: status is re-read after the change.
    await user.click(navItem('Today'));
    expect(await screen.findByText('America/Toronto')).toBeInTheDocument();
  });

  it('on a bad zone shows the API sentence under the field, keeps the typed value and saves nothing', async () => {
    const { user, keel, stored } = await openSettings();
    await user.clear(zoneInput());
    await user.type(zoneInput(), 'Mars/Olympus_Mons');
    // An edit to working hours in the same form must not be saved either.
    await user.click(within(day('Saturday')).getByRole('checkbox', { name: /Day off/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const message =
      'That is not a time zone Keel knows; type a city and pick its zone, such as Europe/Berlin.';
    const error = await screen.findByText(message);
    expect(zoneInput()).toHaveValue('Mars/Olympus_Mons');
    expect(zoneInput()).toHaveAttribute('aria-invalid', 'true');
    expect(zoneInput().getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(zoneInput()).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(zoneInput()).toHaveFocus();
    expect(screen.queryByText('All changes saved.')).toBeNull();

    expect(keel.callsTo('settings:set')).toEqual([{ key: 'zone', value: 'Mars/Olympus_Mons' }]);
    expect(stored().zone).toBe('Europe/Berlin');
    expect(stored().workingHours.sat).toBeNull();
    // The unsaved edit is still in the form.
    expect(within(day('Saturday')).getByRole('checkbox', { name: /Day off/ })).not.toBeChecked();

    // Fixing it saves both and clears the error.
    await user.clear(zoneInput());
    await user.type(zoneInput(), 'Europe/Lisbon');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('All changes saved.')).toBeInTheDocument();
    expect(screen.queryByText(message)).toBeNull();
    expect(stored().zone).toBe('Europe/Lisbon');
    expect(stored().workingHours.sat).toEqual({ start: '09:00', end: '17:30' });
  });

  it('saves working hours per weekday, with Day off as null', async () => {
    const { user, keel, stored } = await openSettings();
    fireEvent.change(screen.getByLabelText('Monday start'), { target: { value: '08:15' } });
    fireEvent.change(screen.getByLabelText('Monday end'), { target: { value: '16:45' } });
    await user.click(within(day('Friday')).getByRole('checkbox', { name: /Day off/ }));
    expect(screen.getByLabelText('Friday start')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('All changes saved.')).toBeInTheDocument();
    const sets = keel.callsTo('settings:set');
    expect(sets).toHaveLength(1);
    expect(sets[0]).toEqual({
      key: 'workingHours',
      value: {
        mon: { start: '08:15', end: '16:45' },
        tue: { start: '09:00', end: '17:30' },
        wed: { start: '09:00', end: '17:30' },
        thu: { start: '09:00', end: '17:30' },
        fri: null,
        sat: null,
        sun: null,
      },
    });
    expect(stored().workingHours.fri).toBeNull();
  });

  it('accepts hours that run past midnight and says they end the next day', async () => {
    const { user, stored } = await openSettings();
    expect(screen.queryByText('ends next day')).toBeNull();
    fireEvent.change(screen.getByLabelText('Monday start'), { target: { value: '22:00' } });
    fireEvent.change(screen.getByLabelText('Monday end'), { target: { value: '06:00' } });
    expect(within(day('Monday')).getByText('ends next day')).toBeInTheDocument();
    expect(screen.getByLabelText('Monday end')).toHaveAccessibleDescription('ends next day');
    expect(within(day('Tuesday')).queryByText('ends next day')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('All changes saved.')).toBeInTheDocument();
    expect(stored().workingHours.mon).toEqual({ start: '22:00', end: '06:00' });
  });

  it('shows the API sentence for refused working hours and keeps the input', async () => {
    const { user, stored } = await openSettings();
    fireEvent.change(screen.getByLabelText('Tuesday end'), { target: { value: '09:00' } });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Start and end must differ.');
    expect(screen.getByLabelText('Tuesday end')).toHaveValue('09:00');
    // Only Tuesday's times are marked and described by the sentence: not all twenty.
    const invalid = screen
      .getAllByLabelText(/ (start|end)$/)
      .filter((i) => i.getAttribute('aria-invalid') === 'true');
    expect(invalid.map((i) => i.getAttribute('aria-label'))).toEqual(['Tuesday start', 'Tuesday end']);
    expect(screen.getByLabelText('Tuesday end')).toHaveAccessibleDescription(
      expect.stringContaining('Start and end must differ.'),
    );
    expect(screen.getByLabelText('Monday end')).not.toHaveAccessibleDescription(/differ/);
    expect(stored().workingHours.tue).toEqual({ start: '09:00', end: '17:30' });
    expect(screen.queryByText('All changes saved.')).toBeNull();
  });

  it('does not call the API when nothing changed', async () => {
    const { user, keel } = await openSettings();
    // Nothing changed: no save bar to press, nothing written.
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    await user.click(within(day('Monday')).getByRole('checkbox', { name: /Day off/ }));
    await user.click(within(day('Monday')).getByRole('checkbox', { name: /Day off/ }));
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(keel.callsTo('settings:set')).toHaveLength(0);
  });

  it('applies the theme immediately: data-theme on <html>, removed for System', async () => {
    const { user, keel, stored } = await openSettings();
    const html = document.documentElement;
    expect(html).not.toHaveAttribute('data-theme');

    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(html).toHaveAttribute('data-theme', 'dark'));
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(keel.callsTo('settings:set')).toEqual([{ key: 'theme', value: 'dark' }]);

    await user.click(screen.getByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(html).toHaveAttribute('data-theme', 'light'));

    await user.click(screen.getByRole('radio', { name: 'System' }));
    await waitFor(() => expect(html).not.toHaveAttribute('data-theme'));
    expect(stored().theme).toBe('system');
  });

  it('applies a stored theme on start-up', async () => {
    const keel = createTestKeel();
    await keel.settings({ theme: 'dark' });
    renderView('today', keel);
    await waitFor(() => expect(document.documentElement).toHaveAttribute('data-theme', 'dark'));
  });

  it('shows the error sentence when a theme cannot be saved and leaves the theme alone', async () => {
    const { user, keel, stored } = await openSettings();
    keel.readOnly(true);
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(stored().theme).toBe('system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();
  });

  it('takes settings changed elsewhere into untouched fields but keeps unsaved edits', async () => {
    const { user, keel, stored } = await openSettings();
    fireEvent.change(screen.getByLabelText('Monday start'), { target: { value: '07:00' } });
    // Written in main (as by the CLI); the runtime announces it.
    await act(async () => {
      keel.services.settings.set('zone', 'Asia/Kolkata');
      keel.services.settings.set('workingHours', {
        ...stored().workingHours,
        mon: { start: '10:00', end: '18:00' },
        wed: { start: '12:00', end: '20:00' },
      });
    });
    await waitFor(() => expect(zoneInput()).toHaveValue('Asia/Kolkata'));
    expect(screen.getByLabelText('Wednesday start')).toHaveValue('12:00');
    expect(screen.getByLabelText('Monday start')).toHaveValue('07:00');
    expect(keel.callsTo('settings:set')).toEqual([]);
    void user;
  });
});
