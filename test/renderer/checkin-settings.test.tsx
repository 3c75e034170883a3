import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import type { TestKeelOptions } from './keel-bridge';
import { navItem, renderApp, renderView } from './harness';

const SLOW = { timeout: 30_000 };

/** Settings alone, or (`app`) the whole app opened on Settings, for tests that go on to Check-ins. */
async function openSettings(options: TestKeelOptions = {}, { app = false } = {}) {
  const utils = app ? await renderApp(options) : renderView('settings', options);
  if (app) await utils.user.click(navItem('Settings'));
  const card = await screen.findByRole('region', { name: 'Check-ins' });
  return { ...utils, card };
}

const DEFAULT_CHECKINS = { cadence: null, customTags: [], burnout: false, who5: false };

describe('Settings: Check-ins — the one-on-one and the cadence', SLOW, () => {
  it('starts with no one-on-one and the default cadence, and says what the default means', async () => {
    const { card } = await openSettings();
    expect(within(card).getByRole('combobox', { name: 'Day' })).toHaveValue('');
    expect(within(card).getByLabelText('One-on-one time')).toBeDisabled();
    const byDefault = within(card).getByRole('radio', {
      name: 'Default: the working day before my one-on-one',
    });
    expect(byDefault).toBeChecked();
    expect(byDefault).toHaveAccessibleDescription('Weekly on Friday at 16:00, until you set a one-on-one.');
    expect(within(card).getByLabelText('Daily check-in time')).toBeDisabled();
  });

  it('saves the usual one-on-one; the default then follows it', async () => {
    const { user, card, keel } = await openSettings();
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Day' }), 'Wednesday');
    const time = within(card).getByLabelText('One-on-one time');
    expect(time).toBeEnabled();
    fireEvent.change(time, { target: { value: '10:30' } });
    expect(
      within(card).getByRole('radio', { name: 'Default: the working day before my one-on-one' }),
    ).toHaveAccessibleDescription('Weekly on Tuesday at 16:00.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('All changes saved.')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'oneOnOne', value: { weekday: 'wed', time: '10:30' } },
    ]);
    expect(keel.services.settings.get().oneOnOne).toEqual({ weekday: 'wed', time: '10:30' });
    expect(keel.services.settings.get().checkins.cadence).toBeNull();
  });

  it('a Monday one-on-one puts the default on Friday (the working day before); "none" clears it', async () => {
    const { user, card, keel } = await openSettings({
      settings: { oneOnOne: { weekday: 'mon', time: '09:00' } },
    });
    const day = within(card).getByRole('combobox', { name: 'Day' });
    expect(day).toHaveValue('mon');
    expect(within(card).getByLabelText('One-on-one time')).toHaveValue('09:00');
    expect(
      within(card).getByRole('radio', { name: 'Default: the working day before my one-on-one' }),
    ).toHaveAccessibleDescription('Weekly on Friday at 16:00.');
    await user.selectOptions(day, 'No regular one-on-one');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('All changes saved.');
    expect(keel.callsTo('settings:set')).toEqual([{ key: 'oneOnOne', value: null }]);
    expect(keel.services.settings.get().oneOnOne).toBeNull();
  });

  it('saves each cadence: daily, weekly, at sign-off, manual, and back to the default', async () => {
    const { user, card, keel } = await openSettings({
      settings: { checkins: { ...DEFAULT_CHECKINS, who5: true } },
    });
    const save = () => user.click(screen.getByRole('button', { name: 'Save changes' }));
    const lastSet = () => keel.callsTo('settings:set').at(-1);

    await user.click(within(card).getByRole('radio', { name: 'Every workday' }));
    const daily = within(card).getByLabelText('Daily check-in time');
    expect(daily).toBeEnabled();
    expect(daily).toHaveValue('16:00');
    fireEvent.change(daily, { target: { value: '08:45' } });
    await save();
    await waitFor(() =>
      expect(keel.services.settings.get().checkins.cadence).toEqual({ mode: 'daily', time: '08:45' }),
    );
    // The rest of the check-in settings are kept as they were.
    expect(lastSet()).toEqual({
      key: 'checkins',
      value: { cadence: { mode: 'daily', time: '08:45' }, customTags: [], burnout: false, who5: true },
    });

    await user.click(within(card).getByRole('radio', { name: 'Weekly' }));
    await user.selectOptions(within(card).getByRole('combobox', { name: 'Weekly check-in day' }), 'Thursday');
    fireEvent.change(within(card).getByLabelText('Weekly check-in time'), { target: { value: '09:30' } });
    await save();
    await waitFor(() =>
      expect(keel.services.settings.get().checkins.cadence).toEqual({
        mode: 'weekly',
        weekday: 'thu',
        time: '09:30',
      }),
    );

    await user.click(within(card).getByRole('radio', { name: 'At sign-off' }));
    await save();
    await waitFor(() => expect(keel.services.settings.get().checkins.cadence).toEqual({ mode: 'signoff' }));

    await user.click(within(card).getByRole('radio', { name: 'Manual only' }));
    await save();
    await waitFor(() => expect(keel.services.settings.get().checkins.cadence).toEqual({ mode: 'manual' }));

    await user.click(
      within(card).getByRole('radio', { name: 'Default: the working day before my one-on-one' }),
    );
    await save();
    await waitFor(() => expect(keel.services.settings.get().checkins.cadence).toBeNull());
    expect(keel.services.settings.get().checkins.who5).toBe(true);
    // Only check-in settings were written; the one-on-one did not change.
    expect(keel.callsTo('settings:set').map((input) => (input as { key: string }).key)).toEqual([
      'checkins',
      'checkins',
      'checkins',
      'checkins',
      'checkins',
    ]);

    // Nothing left to save: the save bar is gone.
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(keel.callsTo('settings:set')).toHaveLength(5);
  });

  it('shows the saved cadence when Settings open', async () => {
    const { card } = await openSettings({
      settings: {
        checkins: { ...DEFAULT_CHECKINS, cadence: { mode: 'weekly', weekday: 'tue', time: '15:15' } },
      },
    });
    expect(within(card).getByRole('radio', { name: 'Weekly' })).toBeChecked();
    expect(within(card).getByRole('combobox', { name: 'Weekly check-in day' })).toHaveValue('tue');
    expect(within(card).getByLabelText('Weekly check-in time')).toHaveValue('15:15');
  });

  it('shows main’s sentence when the cadence is refused, and keeps the choice', async () => {
    const { user, card, keel } = await openSettings();
    keel.readOnly(true);
    await user.click(within(card).getByRole('radio', { name: 'Every workday' }));
    fireEvent.change(within(card).getByLabelText('Daily check-in time'), { target: { value: '07:30' } });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(within(card).getByRole('radio', { name: 'Every workday' })).toBeChecked();
    expect(within(card).getByLabelText('Daily check-in time')).toHaveValue('07:30');
    expect(keel.services.settings.get().checkins.cadence).toBeNull();
  });

  it('asks for a time before saving an empty one', async () => {
    const { user, card, keel } = await openSettings();
    await user.click(within(card).getByRole('radio', { name: 'Every workday' }));
    fireEvent.change(within(card).getByLabelText('Daily check-in time'), { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Use a 24-hour time such as 16:00.');
    expect(keel.callsTo('settings:set')).toHaveLength(0);
  });
});

describe('Settings: Check-ins — own tags', SLOW, () => {
  it('adds a tag (main stores its slug) and removes it', async () => {
    const { user, card, keel } = await openSettings();
    const tags = within(card).getByRole('region', { name: 'Your own tags' });
    expect(within(tags).getByText('No tags of your own yet.')).toBeInTheDocument();
    await user.type(within(tags).getByRole('textbox', { name: 'New tag' }), 'Code review{Enter}');
    expect(await within(tags).findByText('Code review')).toBeInTheDocument();
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'checkins', value: { ...DEFAULT_CHECKINS, customTags: ['Code review'] } },
    ]);
    expect(keel.services.settings.get().checkins.customTags).toEqual(['code-review']);
    expect(within(tags).getByRole('textbox', { name: 'New tag' })).toHaveValue('');

    await user.type(within(tags).getByRole('textbox', { name: 'New tag' }), 'Hiring');
    await user.click(within(tags).getByRole('button', { name: 'Add tag' }));
    await within(tags).findByText('Hiring');
    expect(keel.services.settings.get().checkins.customTags).toEqual(['code-review', 'hiring']);

    await user.click(within(tags).getByRole('button', { name: 'Remove the tag Code review' }));
    await waitFor(() => expect(keel.services.settings.get().checkins.customTags).toEqual(['hiring']));
    // Focus moves to the next tag's button, not to the page (once the window has the new list).
    await waitFor(() =>
      expect(within(tags).getByRole('button', { name: 'Remove the tag Hiring' })).toHaveFocus(),
    );
    await user.click(within(tags).getByRole('button', { name: 'Remove the tag Hiring' }));
    await waitFor(() => expect(keel.services.settings.get().checkins.customTags).toEqual([]));
    await waitFor(() => expect(within(tags).getByRole('textbox', { name: 'New tag' })).toHaveFocus());
  });

  it('says when a tag is already offered, and shows main’s sentence for one it refuses', async () => {
    const { user, card, keel } = await openSettings({
      settings: { checkins: { ...DEFAULT_CHECKINS, customTags: ['hiring'] } },
    });
    const tags = within(card).getByRole('region', { name: 'Your own tags' });
    const input = within(tags).getByRole('textbox', { name: 'New tag' });
    // Keel's own tags come with the check-in form.
    await waitFor(() => expect(keel.callsTo('checkin:form')).not.toHaveLength(0));
    await user.type(input, 'meetings{Enter}');
    expect(within(tags).getByRole('alert')).toHaveTextContent('“Meetings” is already offered.');
    await user.clear(input);
    await user.type(input, 'HIRING{Enter}');
    expect(within(tags).getByRole('alert')).toHaveTextContent('“Hiring” is already offered.');
    expect(keel.callsTo('settings:set')).toHaveLength(0);

    await user.clear(input);
    await user.type(input, 'C++{Enter}');
    expect(await within(tags).findByRole('alert')).toHaveTextContent(
      'The tag "C++" can only use letters, digits, spaces and hyphens.',
    );
    expect(input).toHaveValue('C++');
    expect(input).toHaveFocus();
    expect(keel.services.settings.get().checkins.customTags).toEqual(['hiring']);
  });

  it('offers the new tag in the quick check', async () => {
    const { user, card } = await openSettings({}, { app: true });
    const tags = within(card).getByRole('region', { name: 'Your own tags' });
    await user.type(within(tags).getByRole('textbox', { name: 'New tag' }), 'Pairing{Enter}');
    await within(tags).findByText('Pairing');
    await user.click(navItem('Check-ins'));
    const form = await screen.findByRole('form', { name: 'Quick check' });
    expect(await within(form).findByRole('checkbox', { name: 'Pairing' })).not.toBeChecked();
  });
});

describe('Settings: Check-ins — questionnaires', SLOW, () => {
  it('turns each questionnaire on and off, each with its source and the disclaimer', async () => {
    const { user, card, keel } = await openSettings({}, { app: true });
    const section = within(card).getByRole('region', { name: 'Questionnaires' });
    const burnout = await within(section).findByRole('switch', { name: 'Single-item burnout measure' });
    const who5 = within(section).getByRole('switch', { name: 'WHO-5 Well-Being Index' });
    expect(burnout).not.toBeChecked();
    expect(who5).not.toBeChecked();
    await waitFor(() => expect(burnout).toHaveAccessibleDescription(/Rohland BM/));
    expect(burnout).toHaveAccessibleDescription(
      /^Offered once a week\. This is a self-reflection aid, not a diagnosis\./,
    );
    expect(who5).toHaveAccessibleDescription(
      /^Offered every two weeks\. This is a self-reflection aid, not a diagnosis\./,
    );
    expect(who5).toHaveAccessibleDescription(/World Health Organization/);

    await user.click(who5);
    await waitFor(() => expect(keel.services.settings.get().checkins.who5).toBe(true));
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'checkins', value: { ...DEFAULT_CHECKINS, who5: true } },
    ]);
    await waitFor(() => expect(who5).toBeChecked());

    await user.click(burnout);
    await waitFor(() =>
      expect(keel.services.settings.get().checkins).toEqual({
        ...DEFAULT_CHECKINS,
        burnout: true,
        who5: true,
      }),
    );
    await user.click(who5);
    await waitFor(() =>
      expect(keel.services.settings.get().checkins).toEqual({
        ...DEFAULT_CHECKINS,
        burnout: true,
        who5: false,
      }),
    );

    // The quick check view now offers the burnout measure only.
    await user.click(navItem('Check-ins'));
    expect(await screen.findByRole('region', { name: 'Single-item burnout measure' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'WHO-5 Well-Being Index' })).toBeNull();
  });

  it('keeps the switch as it was when the save is refused', async () => {
    const { user, card, keel } = await openSettings();
    keel.readOnly(true);
    const section = within(card).getByRole('region', { name: 'Questionnaires' });
    const burnout = within(section).getByRole('switch', { name: 'Single-item burnout measure' });
    await user.click(burnout);
    expect(await within(section).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(burnout).not.toBeChecked();
    expect(keel.services.settings.get().checkins.burnout).toBe(false);
  });
});
