import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestKeel, type TestKeel } from './keel-bridge';
import { navItem, renderApp, settle } from './harness';

/** The first run (#18) on the real stack: a new data file (TUESDAY_MORNING, 11 March 2025, Berlin). */

function heading(name: string | RegExp) {
  return screen.getByRole('heading', { level: 1, name });
}

async function startFresh(): Promise<{
  keel: TestKeel;
  user: Awaited<ReturnType<typeof renderApp>>['user'];
}> {
  const keel = createTestKeel({ welcome: true });
  const { user } = await renderApp(keel, { ready: false });
  await screen.findByRole('heading', { level: 1, name: 'When do you work?' });
  return { keel, user };
}

/** What the user stored: dated changes by key, and the other settings rows (Keel's own left out). */
function stored(keel: TestKeel) {
  const rules = keel.services.db
    .prepare('SELECT key, effective_from AS "from", value FROM rule_changes ORDER BY key, effective_from')
    .all() as { key: string; from: string; value: string }[];
  return rules.map((r) => ({ key: r.key, from: r.from, value: JSON.parse(r.value) as unknown }));
}

describe('the first run', () => {
  it('takes the whole window: step 1 focused, no sidebar, no palette or view shortcuts', async () => {
    const { user } = await startFresh();
    expect(heading('When do you work?')).toHaveFocus();
    expect(screen.getByText('Welcome to Keel · Step 1 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.getByText(/These are Keel’s starting hours, not yet yours/)).toBeInTheDocument();
    await user.keyboard('{Control>}4{/Control}');
    await user.keyboard('{Control>}k{/Control}');
    expect(heading('When do you work?')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('goes through all three steps, saving each through settings:set, and ends on Today with the four jobs', async () => {
    const { keel, user } = await startFresh();
    // Step 1: a city finds its zone; the hours end later; Saturday is no working day anyway.
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'Lisbon');
    await user.click(await screen.findByRole('option', { name: /Europe \/ Lisbon/ }));
    const end = screen.getByLabelText('End');
    await user.clear(end);
    await user.type(end, '18:00');
    await user.click(screen.getByRole('checkbox', { name: 'Friday' }));
    expect(stored(keel)).toEqual([]); // nothing written before Next
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await waitFor(() => expect(heading('Your focus blocks')).toHaveFocus());
    expect(keel.services.settings.get().zone).toBe('Europe/Lisbon');
    const hours = keel.services.settings.get().workingHours;
    expect(hours.mon).toEqual({ start: '09:00', end: '18:00' });
    expect(hours.fri).toBeNull();

    // Step 2: start Keel's plan tomorrow, on the working days chosen in step 1.
    expect(screen.getByRole('radio', { name: 'Start this plan tomorrow' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(heading('Your one-on-one')).toHaveFocus());
    expect(keel.services.settings.on('2025-03-11').focusPlan).toEqual([]);
    const tomorrow = keel.services.settings.on('2025-03-12').focusPlan;
    expect(tomorrow.map((r) => r.weekday)).not.toContain('fri');
    expect(tomorrow).toContainEqual({ weekday: 'thu', start: '14:00', end: '16:00' });

    // Step 3: Thursday's one-on-one sets the check-in on Wednesday.
    await user.click(screen.getByRole('radio', { name: 'Thursday' }));
    expect(screen.getByText(/weekly on Wednesday at 16:00, the working day before/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));

    const note = await screen.findByRole('region', { name: 'Keel is set up: here is what it does' });
    await waitFor(() => expect(within(note).getByRole('heading')).toHaveFocus());
    for (const job of ['Focus blocks.', 'End-of-day sign-off.', 'Workload check-ins.', 'One-on-one summary.'])
      expect(within(note).getByText(job)).toBeInTheDocument();
    expect(within(note).queryByText(/Keel’s defaults/)).toBeNull();
    expect(keel.services.settings.get().oneOnOne).toEqual({ weekday: 'thu', time: '10:00' });
    expect(keel.services.welcome.status().show).toBe('none');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();

    await user.click(within(note).getByRole('button', { name: 'Got it' }));
    expect(screen.queryByRole('region', { name: /Keel is set up/ })).toBeNull();
  });

  it('Enter in a time field stays on the step; only the button or Ctrl+Enter moves on', async () => {
    const { keel, user } = await startFresh();
    const end = screen.getByLabelText('End');
    await user.clear(end);
    await user.type(end, '18:00{Enter}');
    expect(heading('When do you work?')).toBeInTheDocument();
    expect(stored(keel)).toEqual([]);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(heading('Your focus blocks')).toHaveFocus());
    expect(keel.services.settings.get().workingHours.mon).toEqual({ start: '09:00', end: '18:00' });

    await user.click(screen.getByRole('button', { name: 'Skip this step' }));
    await waitFor(() => expect(heading('Your one-on-one')).toHaveFocus());
    // Nothing set: "None" is the choice shown, and Done keeps it (nothing to write).
    expect(screen.getByRole('radio', { name: 'None' })).toHaveAttribute('aria-checked', 'true');
    await user.click(screen.getByRole('radio', { name: 'Tuesday' }));
    const time = screen.getByLabelText('Usual time');
    await user.clear(time);
    await user.type(time, '11:00{Enter}');
    expect(heading('Your one-on-one')).toBeInTheDocument();
    expect(keel.services.settings.get().oneOnOne).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('region', { name: /Keel is set up/ });
    expect(keel.services.settings.get().oneOnOne).toEqual({ weekday: 'tue', time: '11:00' });
  });

  it('step 3 with no one-on-one set: "None" is chosen, and Done goes on without a word of refusal', async () => {
    const { keel, user } = await startFresh();
    for (const name of ['Skip this step', 'Skip this step'])
      await user.click(await screen.findByRole('button', { name }));
    await waitFor(() => expect(heading('Your one-on-one')).toHaveFocus());
    expect(screen.getByRole('radio', { name: 'None' })).toHaveAttribute('aria-checked', 'true');
    expect(
      screen.getByText(/With no regular one-on-one \(None\), Keel asks how stretched you are/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('region', { name: /Keel is set up/ });
    expect(keel.services.settings.get().oneOnOne).toBeNull();
    expect(stored(keel)).toEqual([]);
  });

  it('skipping every step writes nothing, and Today names the defaults still in force', async () => {
    const { keel, user } = await startFresh();
    await user.click(screen.getByRole('button', { name: 'Skip this step' }));
    await waitFor(() => expect(heading('Your focus blocks')).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Skip this step' }));
    await waitFor(() => expect(heading('Your one-on-one')).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Skip and finish' }));
    const note = await screen.findByRole('region', { name: /Keel is set up/ });
    expect(note).toHaveTextContent(
      'These are Keel’s defaults, not yet yours: working hours (Monday to Friday, 09:00–17:30) and the focus plan (09:00–11:00 and 14:00–16:00, Monday to Friday).',
    );
    expect(stored(keel)).toEqual([]);
    expect(keel.services.welcome.status().show).toBe('none');
  });

  it('a refused step stays, says why in one sentence at the field, and writes nothing', async () => {
    const { keel, user } = await startFresh();
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'Atlantis');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    // Said once, at the field (a second live region would announce it twice).
    expect(await screen.findByRole('alert')).toHaveTextContent(/time zone/);
    expect(zone).toHaveFocus();
    expect(zone).toHaveAttribute('aria-invalid', 'true');
    expect(heading('When do you work?')).toBeInTheDocument();
    expect(stored(keel)).toEqual([]);
  });

  it('Back returns to the step before; re-opened from Settings it shows the values saved', async () => {
    const { keel, user } = await startFresh();
    await user.click(screen.getByRole('button', { name: 'Skip this step' }));
    await waitFor(() => expect(heading('Your focus blocks')).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(heading('When do you work?')).toHaveFocus());
    for (const name of ['Skip this step', 'Skip this step', 'Skip and finish'])
      await user.click(await screen.findByRole('button', { name }));
    await screen.findByRole('region', { name: /Keel is set up/ });
    await act(() => keel.services.settings.set('oneOnOne', { weekday: 'mon', time: '11:30' }));

    await user.click(navItem('Settings'));
    await user.click(await screen.findByRole('button', { name: 'Open the welcome steps' }));
    await waitFor(() => expect(heading('When do you work?')).toHaveFocus());
    for (const name of ['Skip this step', 'Skip this step'])
      await user.click(await screen.findByRole('button', { name }));
    await waitFor(() => expect(heading('Your one-on-one')).toHaveFocus());
    await settle(keel);
    expect(screen.getByRole('radio', { name: 'Monday' })).toHaveAttribute('aria-checked', 'true');
  });
});

describe('Keel’s defaults while the first run is open', () => {
  const during = '2025-03-11T09:30:00+01:00'; // inside the default 09:00–11:00 block

  it('start no planned block by themselves', async () => {
    const fresh = createTestKeel({ welcome: true, now: during });
    await renderApp(fresh, { ready: false });
    await screen.findByRole('heading', { level: 1, name: 'When do you work?' });
    await settle(fresh);
    expect(fresh.services.focus.running()).toBeUndefined();
  });

  it('(a user who went through it gets the block running now)', async () => {
    const known = createTestKeel({ now: during });
    await renderApp(known);
    await settle(known);
    expect(known.services.focus.running()?.kind).toBe('planned');
  });
});

describe('data from before the first run', () => {
  it('gets "Review your settings" on Today, never the first run; "Not now" keeps it away', async () => {
    const keel = createTestKeel({ welcome: true });
    keel.services.db.prepare("DELETE FROM settings WHERE key = 'welcome'").run();
    keel.services.talkingPoints.add('From before the welcome existed');
    const { user } = await renderApp(keel);
    const note = await screen.findByRole('region', { name: 'Review your settings?' });
    expect(screen.queryByRole('heading', { name: 'When do you work?' })).toBeNull();
    await user.click(within(note).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Review your settings?' })).toBeNull());
    expect(keel.services.welcome.status().show).toBe('none');
  });

  it('"Review your settings" opens the three steps', async () => {
    const keel = createTestKeel({ welcome: true });
    keel.services.db.prepare("DELETE FROM settings WHERE key = 'welcome'").run();
    keel.services.talkingPoints.add('From before the welcome existed');
    const { user } = await renderApp(keel);
    const note = await screen.findByRole('region', { name: 'Review your settings?' });
    await user.click(within(note).getByRole('button', { name: 'Review your settings' }));
    await waitFor(() => expect(heading('When do you work?')).toHaveFocus());
  });
});
