import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-main/core/settings';
import { renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/** The clock stands on Tuesday, March 11 2025 (TUESDAY_MORNING), in Berlin. */
const TODAY = '2025-03-11';
const HOURS = defaultSettings('Europe/Berlin').workingHours;
const SLOW = { timeout: 30_000 };

async function openSettings(keel: TestKeel = createTestKeel()) {
  const view = renderView('settings', keel);
  await screen.findByRole('combobox', { name: 'Time zone' });
  // Today's date comes with the status; the hints compare with it.
  await waitFor(() => expect(keel.callsTo('app:status').length).toBeGreaterThan(0));
  return view;
}

/** The zone-and-hours form: the one with the time zone. */
function hoursForm(): HTMLElement {
  return screen.getByRole('combobox', { name: 'Time zone' }).closest('form') as HTMLElement;
}

function appliesFrom(scope: HTMLElement): HTMLElement {
  return within(scope).getByRole('group', { name: 'Applies from' });
}

function chooseDate(scope: HTMLElement, date: string) {
  fireEvent.click(within(appliesFrom(scope)).getByRole('radio', { name: 'A date…' }));
  fireEvent.change(within(appliesFrom(scope)).getByLabelText('Applies from date'), {
    target: { value: date },
  });
}

const workingHoursChanges = (keel: TestKeel) => keel.services.settings.book().changesOf('workingHours');

describe('Settings: rules that take effect on a date', SLOW, () => {
  it('saves working hours from today by default, and says days before keep their rules', async () => {
    const keel = createTestKeel();
    const { user } = await openSettings(keel);
    const group = appliesFrom(hoursForm());
    expect(within(group).getByRole('radio', { name: 'Today' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Today' })).toHaveAccessibleDescription(
      'Days before today keep the rules they had.',
    );
    fireEvent.change(screen.getByLabelText('Monday start'), { target: { value: '08:00' } });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('All changes saved.')).toBeInTheDocument();
    const monday = { start: '08:00', end: '17:30' };
    expect(keel.callsTo('settings:set')).toEqual([{ key: 'workingHours', value: { ...HOURS, mon: monday } }]);
    expect(workingHoursChanges(keel)).toEqual([{ from: TODAY, value: { ...HOURS, mon: monday } }]);
    // Nothing is planned for later.
    expect(screen.queryByRole('region', { name: 'Planned changes' })).toBeNull();
  });

  it('saves from a chosen date: stored with that date, today keeps its hours, and the change is listed', async () => {
    const keel = createTestKeel();
    const { user } = await openSettings(keel);
    fireEvent.change(screen.getByLabelText('Friday end'), { target: { value: '13:00' } });
    chooseDate(hoursForm(), '2025-04-01');
    expect(within(appliesFrom(hoursForm())).getByLabelText('Applies from date')).toHaveAccessibleDescription(
      'Days before Tue, Apr 1, 2025 keep the rules they had.',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await within(hoursForm()).findByText('Saved, from Tue, Apr 1, 2025')).toBeInTheDocument();
    const shortFridays = { ...HOURS, fri: { start: '09:00', end: '13:00' } };
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'workingHours', value: shortFridays, from: '2025-04-01' },
    ]);
    expect(workingHoursChanges(keel)).toEqual([{ from: '2025-04-01', value: shortFridays }]);
    expect(keel.services.settings.get().workingHours).toEqual(HOURS);
    // The form shows what is in force today again, and the next change starts from today.
    expect(screen.getByLabelText('Friday end')).toHaveValue('17:30');
    expect(within(appliesFrom(hoursForm())).getByRole('radio', { name: 'Today' })).toBeChecked();
    const planned = await screen.findByRole('region', { name: 'Planned changes' });
    expect(within(planned).getByRole('listitem')).toHaveTextContent(
      'From Tue, Apr 1, 2025: working hours Mon–Thu 09:00–17:30 and Fri 09:00–13:00',
    );
  });

  it('a past date is allowed and says plainly that the days since are recounted', async () => {
    const keel = createTestKeel();
    const { user } = await openSettings(keel);
    fireEvent.change(screen.getByRole('combobox', { name: 'Time zone' }), {
      target: { value: 'Europe/Lisbon' },
    });
    chooseDate(hoursForm(), '2025-03-03');
    const date = within(appliesFrom(hoursForm())).getByLabelText('Applies from date');
    expect(date).toHaveAccessibleDescription(
      'Days before Mon, Mar 3, 2025 keep the rules they had. Figures for the days since Mon, Mar 3, 2025 will be recounted.',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await within(hoursForm()).findByText('Saved, from Mon, Mar 3, 2025')).toBeInTheDocument();
    expect(keel.services.settings.book().changesOf('zone')).toEqual([
      { from: '2025-03-03', value: 'Europe/Lisbon' },
    ]);
    // In force since the 3rd, so today too: the form shows it.
    expect(keel.services.settings.get().zone).toBe('Europe/Lisbon');
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Lisbon'),
    );
    expect(screen.queryByRole('region', { name: 'Planned changes' })).toBeNull();
  });

  it('"A date…" without a date says so under it and saves nothing', async () => {
    const keel = createTestKeel();
    const { user } = await openSettings(keel);
    fireEvent.change(screen.getByLabelText('Monday start'), { target: { value: '08:00' } });
    fireEvent.click(within(appliesFrom(hoursForm())).getByRole('radio', { name: 'A date…' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await within(appliesFrom(hoursForm())).findByRole('alert')).toHaveTextContent(
      'Choose the day the change takes effect.',
    );
    expect(within(appliesFrom(hoursForm())).getByLabelText('Applies from date')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(keel.callsTo('settings:set')).toEqual([]);
  });

  it('lists upcoming changes soonest first, and withdraws one from the keyboard', async () => {
    const keel = createTestKeel();
    await keel.call('settings:set', { key: 'dayBoundary', value: '05:00', from: '2025-09-01' });
    await keel.call('settings:set', {
      key: 'workingHours',
      value: { ...HOURS, fri: null },
      from: '2025-06-02',
    });
    // In force already: not planned.
    await keel.call('settings:set', { key: 'zone', value: 'Europe/Berlin', from: '2025-03-01' });
    const { user } = await openSettings(keel);

    const planned = await screen.findByRole('region', { name: 'Planned changes' });
    expect(
      within(planned)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'From Mon, Jun 2, 2025: working hours Mon–Thu 09:00–17:30Withdraw',
      'From Mon, Sep 1, 2025: day boundary 05:00Withdraw',
    ]);
    const first = within(planned).getByRole('button', {
      name: 'Withdraw the change of working hours from Mon, Jun 2, 2025',
    });
    first.focus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(within(planned).getAllByRole('listitem')).toHaveLength(1));
    expect(keel.callsTo('settings:cancelChange')).toEqual([{ key: 'workingHours', from: '2025-06-02' }]);
    expect(workingHoursChanges(keel)).toEqual([]);
    expect(within(planned).getByRole('status')).toHaveTextContent(
      'Withdrawn: working hours from Mon, Jun 2, 2025.',
    );
    // Focus moves to the next change's button, then, with none left, to the empty line.
    const second = within(planned).getByRole('button', { name: /^Withdraw the change of day boundary/ });
    await waitFor(() => expect(second).toHaveFocus());
    await user.keyboard('{Enter}');
    const none = await within(planned).findByText('No changes planned.');
    await waitFor(() => expect(none).toHaveFocus());
    expect(keel.services.settings.book().changesOf('dayBoundary')).toEqual([]);
  });

  it('a holiday that starts before today offers its start as the date, with what that recounts', async () => {
    const keel = createTestKeel();
    const { user } = await openSettings(keel);
    const holidays = screen.getByRole('region', { name: 'Holidays & days off' });
    await user.type(within(holidays).getByLabelText('From'), '2025-03-03');
    await user.type(within(holidays).getByLabelText('To'), '2025-03-04');
    const offer = within(holidays).getByRole('button', { name: 'Apply from Mon, Mar 3, 2025' });
    expect(offer.parentElement).toHaveTextContent(
      'This holiday starts before today: saved from today, its earlier days stay as they were. ' +
        'Apply it from Mon, Mar 3, 2025 instead? Figures for the days since Mon, Mar 3, 2025 will be recounted.',
    );
    // Never silently: until it is accepted, the change still applies from today.
    expect(within(appliesFrom(holidays)).getByRole('radio', { name: 'Today' })).toBeChecked();
    await user.click(offer);

    const date = within(appliesFrom(holidays)).getByLabelText('Applies from date');
    expect(date).toHaveValue('2025-03-03');
    expect(date).toHaveAccessibleDescription(
      expect.stringContaining('Figures for the days since Mon, Mar 3, 2025 will be recounted.'),
    );
    expect(within(holidays).queryByRole('button', { name: /^Apply from/ })).toBeNull();
    await user.click(within(holidays).getByRole('button', { name: 'Add holiday' }));

    await within(holidays).findByText('Mon, Mar 3 – Tue, Mar 4');
    const range = [{ from: '2025-03-03', to: '2025-03-04' }];
    expect(keel.callsTo('settings:set')).toEqual([{ key: 'holidays', value: range, from: '2025-03-03' }]);
    expect(keel.services.settings.on('2025-03-03').holidays).toEqual(range);
    expect(keel.services.settings.on('2025-03-02').holidays).toEqual([]);
    expect(within(appliesFrom(holidays)).getByRole('radio', { name: 'Today' })).toBeChecked();
  });

  it('a past holiday added without accepting the offer applies from today', async () => {
    const keel = createTestKeel();
    const { user } = await openSettings(keel);
    const holidays = screen.getByRole('region', { name: 'Holidays & days off' });
    await user.type(within(holidays).getByLabelText('From'), '2025-03-10');
    expect(
      within(holidays).getByRole('button', { name: 'Apply from Mon, Mar 10, 2025' }),
    ).toBeInTheDocument();
    await user.click(within(holidays).getByRole('button', { name: 'Add holiday' }));
    await within(holidays).findByText('Mon, Mar 10');
    expect(keel.callsTo('settings:set')).toEqual([
      { key: 'holidays', value: [{ from: '2025-03-10', to: '2025-03-10' }] },
    ]);
    expect(
      keel.services.settings
        .book()
        .changesOf('holidays')
        .map((c) => c.from),
    ).toEqual([TODAY]);
    // A holiday from next week offers nothing.
    await user.type(within(holidays).getByLabelText('From'), '2025-03-17');
    expect(within(holidays).queryByRole('button', { name: /^Apply from/ })).toBeNull();
  });
});

describe('Focus: the weekly plan from a date', SLOW, () => {
  it('saves the plan from the chosen date and keeps today’s blocks', async () => {
    const keel = createTestKeel();
    const { user } = renderView('focus', keel);
    await screen.findByRole('button', { name: 'Save plan' });
    const plan = screen.getByRole('region', { name: 'Weekly plan' });
    await user.click(within(plan).getByRole('button', { name: 'Remove Monday block 2' }));
    chooseDate(plan, '2025-03-17');
    await user.click(within(plan).getByRole('button', { name: 'Save plan' }));

    expect(await within(plan).findByText('Saved, from Mon, Mar 17, 2025')).toBeInTheDocument();
    const changes = keel.services.settings.book().changesOf('focusPlan');
    expect(changes.map((c) => c.from)).toEqual(['2025-03-17']);
    expect(keel.services.settings.on('2025-03-17').focusPlan).toHaveLength(9);
    expect(keel.services.settings.get().focusPlan).toHaveLength(10);
    expect(within(plan).getAllByRole('button', { name: /^Remove Monday block/ })).toHaveLength(2);
  });
});
