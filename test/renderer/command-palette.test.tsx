import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, settle } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/** The clock: Tuesday 11 March 2025, 08:40 in Berlin (the default test keel). */

async function openPalette(keel: TestKeel = createTestKeel()) {
  const utils = await renderApp(keel);
  await settle(keel);
  await utils.user.keyboard('{Control>}k{/Control}');
  const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
  const input = within(dialog).getByRole('combobox', { name: 'Command' });
  await settle(keel);
  return { ...utils, dialog, input };
}

/** The option the combobox points at (aria-activedescendant). */
function activeOption(input: HTMLElement): HTMLElement {
  const id = input.getAttribute('aria-activedescendant');
  const option = id === null ? null : document.getElementById(id);
  if (option === null) throw new Error('no active option');
  return option;
}

function optionNames(dialog: HTMLElement): string[] {
  return within(dialog)
    .queryAllByRole('option')
    .map((o) => o.querySelector('.palette__label')?.textContent ?? '');
}

/** A 25-minute block started at 08:30, running until 08:55. */
async function running(): Promise<TestKeel> {
  const keel = createTestKeel();
  await keel.at('2025-03-11T08:30:00+01:00', () => keel.call('focus:start', { minutes: 25 }));
  return keel;
}

describe('command palette: opening and closing', () => {
  it('opens with Ctrl+K as a modal combobox with grouped options, and Esc gives focus back', async () => {
    const keel = createTestKeel();
    const { user } = await renderApp(keel);
    await settle(keel);
    const focusItem = screen.getByRole('button', { name: 'Focus' });
    focusItem.focus();
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    const input = within(dialog).getByRole('combobox', { name: 'Command' });
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute('aria-expanded', 'true');
    const list = within(dialog).getByRole('listbox', { name: 'Commands' });
    expect(input).toHaveAttribute('aria-controls', list.id);
    const groups = within(list).getAllByRole('group');
    expect(
      groups
        .map((g) => g.getAttribute('aria-labelledby'))
        .map((id) => document.getElementById(id!)?.textContent),
    ).toEqual(['Actions', 'Go to', 'Settings']);
    expect(activeOption(input)).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
    expect(focusItem).toHaveFocus();
  });

  it('opens from inside a text field too, and Ctrl+K again closes it', async () => {
    const keel = createTestKeel();
    const { user } = await renderApp(keel);
    await user.click(screen.getByRole('button', { name: 'One-on-one' }));
    const field = await screen.findByLabelText('New talking point');
    await user.click(field);
    await user.keyboard('abc{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    expect(within(dialog).getByRole('combobox')).toHaveFocus();
    await user.keyboard('{Control>}k{/Control}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
    expect(field).toHaveFocus();
    expect(field).toHaveValue('abc');
  });

  it('does not open over another dialog, and the shortcuts list shows Ctrl K', async () => {
    const keel = createTestKeel();
    const { user } = await renderApp(keel);
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const shortcuts = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const row = within(shortcuts).getByText('Open the command palette').closest('div')!;
    expect([...row.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Ctrl', 'K']);
    await user.keyboard('{Control>}k{/Control}');
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
  });
});

describe('command palette: filtering and moving', () => {
  it('filters by the start of words, abbreviations too, and says when nothing matches', async () => {
    const { user, dialog, input } = await openPalette();
    await user.type(input, '50');
    expect(optionNames(dialog)).toEqual(['Start a 50-minute block']);
    await user.clear(input);
    await user.type(input, 'go chk');
    expect(optionNames(dialog)).toEqual(['Check-ins']);
    await user.clear(input);
    await user.type(input, 'zone');
    expect(optionNames(dialog)).toEqual(['Time zone']);
    expect(within(dialog).getByRole('group', { name: 'Settings' })).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'qwxz');
    expect(optionNames(dialog)).toEqual([]);
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(within(dialog).getByText(/No command matches “qwxz”/)).toBeInTheDocument();
  });

  it('Up and Down move the active option (wrapping), the first runnable one is active after typing', async () => {
    const { user, dialog, input } = await openPalette();
    const options = within(dialog).getAllByRole('option');
    expect(activeOption(input)).toBe(options[0]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeOption(input)).toBe(options[2]);
    expect(options[2]).toHaveAttribute('aria-selected', 'true');
    expect(options[0]).toHaveAttribute('aria-selected', 'false');
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(activeOption(input)).toBe(options[options.length - 1]);
    await user.type(input, 'settings');
    expect(optionNames(dialog).slice(0, 2)).toEqual(['Settings', 'Appearance']);
    expect(activeOption(input)).toBe(within(dialog).getAllByRole('option')[0]);
  });
});

describe('command palette: commands', () => {
  it('"Start a 25-minute block" starts a real block and gives focus back', async () => {
    const keel = createTestKeel();
    const { user } = await renderApp(keel);
    await settle(keel);
    const today = screen.getByRole('button', { name: 'Today' });
    today.focus();
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    await user.type(within(dialog).getByRole('combobox'), 'start 25');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
    expect(keel.callsTo('focus:start')).toEqual([{ minutes: 25 }]);
    expect(keel.services.focus.running()?.plannedEnd).toBe(Date.parse('2025-03-11T09:05:00+01:00'));
    expect(screen.getByRole('status')).toHaveTextContent('Focus block started, until 09:05.');
    expect(today).toHaveFocus();
  });

  it('while a block runs: starting is disabled with why, "I got interrupted" opens its dialog', async () => {
    const keel = await running();
    const { user, dialog, input } = await openPalette(keel);
    await user.type(input, 'start 50');
    const start = within(dialog).getByRole('option', { name: /Start a 50-minute block/ });
    expect(start).toHaveAttribute('aria-disabled', 'true');
    expect(start).toHaveTextContent('End the current block first.');
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('End the current block first.');
    expect(keel.callsTo('focus:start')).toEqual([]);

    await user.clear(input);
    await user.type(input, 'interrupted');
    await user.keyboard('{Enter}');
    const asked = await screen.findByRole('dialog', { name: 'What interrupted you?' });
    await user.click(within(asked).getByRole('radio', { name: 'Chat' }));
    await user.click(within(asked).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'What interrupted you?' })).toBeNull());
    expect(keel.callsTo('focus:interrupt')).toEqual([{ kind: 'chat' }]);
    expect((await keel.call('focus:status', {})).running?.interruptions).toBe(1);
  });

  it('without a block: "I got interrupted" and "End the current block" are disabled with why', async () => {
    const { user, dialog, input } = await openPalette();
    await user.type(input, 'interrupted');
    const option = within(dialog).getByRole('option', { name: /I got interrupted/ });
    expect(option).toHaveAttribute('aria-disabled', 'true');
    expect(option).toHaveTextContent('There is no focus block running now.');
    await user.click(option);
    expect(screen.queryByRole('dialog', { name: 'What interrupted you?' })).toBeNull();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('There is no focus block running now.');
    await user.clear(input);
    await user.type(input, 'end block');
    expect(within(dialog).getByRole('option', { name: /End the current block/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('"talk: text" adds a talking point; without text it opens the field on One-on-one', async () => {
    const { user, keel, input } = await openPalette();
    await user.type(input, 'talk: Ask about the on-call rotation');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
    const points = await keel.call('talk:list', { includeDiscussed: true });
    expect(points.map((p) => p.text)).toEqual(['Ask about the on-call rotation']);
    expect(screen.getByRole('status')).toHaveTextContent('Talking point added');

    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByRole('combobox', { name: 'Command' }), 'talking point');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByLabelText('New talking point')).toHaveFocus());
    expect(screen.getByRole('heading', { level: 1, name: 'One-on-one' })).toBeInTheDocument();
  });

  it('"Do a quick check" opens Check-ins on the quick check\'s first question', async () => {
    const { user, input } = await openPalette();
    await user.type(input, 'quick check');
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Quick check' });
    await waitFor(() => expect(form.contains(document.activeElement)).toBe(true));
  });

  it('"Sign off for today" opens the sign-off form, and is disabled once signed off', async () => {
    const keel = createTestKeel();
    const { user, input } = await openPalette(keel);
    await user.type(input, 'sign off');
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: 'Sign off for today' });
    await waitFor(() => expect(form.contains(document.activeElement)).toBe(true));

    await keel.call('signoff:submit', {});
    await settle(keel);
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByRole('combobox', { name: 'Command' }), 'sign off');
    const option = screen.getByRole('option', { name: /Sign off for today/ });
    expect(option).toHaveAttribute('aria-disabled', 'true');
    expect(option).toHaveTextContent('You have signed off for today already.');
  });

  it('opens a view, and a Settings section with focus on its heading', async () => {
    const { user, input } = await openPalette();
    // "focus" alone fits the block actions first; "go" is the Go to group's word.
    await user.type(input, 'go focus');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Focus' })).toHaveFocus());

    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByRole('combobox', { name: 'Command' }), 'time zone');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Time zone' })).toHaveFocus());
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });
});
