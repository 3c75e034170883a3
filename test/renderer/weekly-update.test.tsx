import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { resetStores } from '../../src-renderer/stores/reset';
import { renderApp, renderView, settle } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/**
 * Issue #19, item 2, in the window on the real stack: the weekly update is drafted from the
 * week's sign-offs, its lines are edited, added, removed and moved, the edits survive the window
 * closing, and what is copied is byte for byte the preview on screen. The offer shows once, on the
 * week's last sign-off, and never during a focus block.
 */

/** Friday 14 March 2025, after work. */
const FRIDAY_EVENING = '2025-03-14T18:30:00+01:00';
const WEEK = { from: '2025-03-10', to: '2025-03-16' };

async function signOff(keel: TestKeel, instant: string, input: ChannelInput<'signoff:submit'>) {
  await keel.at(instant, () => keel.call('signoff:submit', input));
}

async function seeded(): Promise<TestKeel> {
  const keel = createTestKeel({ now: FRIDAY_EVENING });
  await signOff(keel, '2025-03-10T17:30:00+01:00', {
    done: 'Merged the importer\nReviewed #412',
    unfinished: [{ item: 'Flaky e2e', plan: 'ask infra' }],
  });
  await signOff(keel, '2025-03-12T17:30:00+01:00', {
    done: 'Paired with Ana',
    unfinished: [
      { item: 'Release notes', plan: 'waiting on PM' },
      { item: 'Docs', plan: 'morning' },
    ],
    firstTomorrow: 'Plan Q2',
  });
  return keel;
}

const card = () => screen.getByRole('region', { name: 'Weekly update' });
const previewCard = () => screen.getByRole('region', { name: 'Update preview' });
const lines = (section: string) =>
  within(card())
    .queryAllByRole('textbox', { name: new RegExp(`^${section}, line`) })
    .map((input) => (input as HTMLInputElement).value);

describe('the weekly update in the One-on-one view', () => {
  it('drafts from the sign-offs, takes edits line by line, and copies exactly the preview', async () => {
    const keel = await seeded();
    const { user, unmount } = renderView('one-on-one', keel);
    await within(await screen.findByRole('region', { name: 'Weekly update' })).findByText(
      'March 10 – 16, 2025',
    );
    expect(lines('Shipped')).toEqual(['Merged the importer', 'Reviewed #412', 'Paired with Ana']);
    expect(lines('Next')).toEqual(['Plan Q2', 'Docs']);
    expect(lines('Blockers')).toEqual(['Release notes']);

    // Edit a line, move it up with the keyboard, remove one, and add a blocker.
    const third = within(card()).getByRole('textbox', { name: 'Shipped, line 3' });
    await user.clear(third);
    await user.type(third, 'Paired with Ana on the parser');
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(lines('Shipped')).toEqual([
      'Merged the importer',
      'Paired with Ana on the parser',
      'Reviewed #412',
    ]);
    // Focus follows the moved line in the next frame.
    await waitFor(() =>
      expect(within(card()).getByRole('textbox', { name: 'Shipped, line 2' })).toHaveFocus(),
    );
    await user.click(within(card()).getByRole('button', { name: 'Remove Next line 2' }));
    await user.click(within(card()).getByRole('button', { name: 'Add a line to Blockers' }));
    await waitFor(() =>
      expect(within(card()).getByRole('textbox', { name: 'Blockers, line 2' })).toHaveFocus(),
    );
    await user.keyboard('Waiting on <infra> & [[access](x)');
    await user.click(within(card()).getByRole('switch', { name: /Include focus time/ }));

    // Once the edits are kept, the preview is of them, and copying sends exactly that.
    await user.click(within(previewCard()).getByRole('radio', { name: 'Plain text' }));
    const copy = within(previewCard()).getByRole('button', { name: 'Copy update for chat' });
    await waitFor(() => expect(copy).toBeEnabled(), { timeout: 5000 });
    const { text } = await keel.call('update:preview', { ...WEEK, format: 'text' });
    expect(within(previewCard()).getByLabelText('Weekly update as plain text').textContent).toBe(text);
    expect(text).toContain(
      'Shipped\n• Merged the importer\n• Paired with Ana on the parser\n• Reviewed #412\n\nNext\n• Plan Q2\n\nBlockers\n• Release notes\n• Waiting on <infra> & [access](x)\n',
    );
    expect(text).toContain('Focus time: ');
    await user.click(copy);
    await within(previewCard()).findByText('Copied the text for chat. Paste it where your team reads it.');
    expect(keel.shell.copied).toEqual([text]);
    const shared = screen.getByRole('list', { name: 'Shared summaries' });
    expect(await within(shared).findByText(/Weekly update, Plain text/)).toBeInTheDocument();
    expect(within(shared).getByText(/Shipped, Next, Blockers/)).toBeInTheDocument();

    // Closing the window loses nothing: a fresh window shows the same lines.
    const kept = lines('Shipped');
    unmount();
    act(() => resetStores());
    renderView('one-on-one', keel);
    await waitFor(() => expect(lines('Shipped')).toEqual(kept));
    expect(within(card()).getByText(/Your edits are kept on this computer\./)).toBeInTheDocument();
    await user.click(within(card()).getByRole('button', { name: 'Start again from the sign-offs' }));
    await waitFor(() =>
      expect(lines('Shipped')).toEqual(['Merged the importer', 'Reviewed #412', 'Paired with Ana']),
    );
  });

  it('moves between weeks; a week without sign-offs says so', async () => {
    const keel = await seeded();
    const { user } = renderView('one-on-one', keel);
    await within(await screen.findByRole('region', { name: 'Weekly update' })).findByText(
      'March 10 – 16, 2025',
    );
    await user.click(within(card()).getByRole('button', { name: 'The week before' }));
    await within(card()).findByText('March 3 – 9, 2025');
    expect(
      within(card()).getByText(
        'No sign-offs in this week yet, so Keel has nothing to draft from; add lines yourself.',
      ),
    ).toBeInTheDocument();
    expect(lines('Shipped')).toEqual([]);
  });
});

describe('the offer on the sign-off screen', () => {
  it('offers the draft after the week’s last sign-off; "Draft it" opens the update, and it does not come back', async () => {
    const keel = await seeded();
    await signOff(keel, '2025-03-14T17:45:00+01:00', { done: 'Wrapped up the week' });
    const { user } = await renderApp(keel);
    await user.click(screen.getByRole('button', { name: 'Sign-off' }));
    const offer = await screen.findByText(/^Draft this week’s update\?/);
    expect(offer).toHaveTextContent('10–16 March 2025');
    await user.click(screen.getByRole('button', { name: 'Draft it' }));
    await waitFor(() =>
      expect(screen.getByText('Weekly update', { selector: '#weekly-update-title' })).toHaveFocus(),
    );
    expect(lines('Shipped')).toContain('Wrapped up the week');
    expect(await keel.call('update:offer', {})).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Sign-off' }));
    await screen.findByText(/Signed off at/);
    await settle(keel);
    expect(screen.queryByText(/^Draft this week’s update\?/)).toBeNull();
  });

  it('is never shown during a focus block, and "Skip" answers it for the week', async () => {
    const keel = await seeded();
    await signOff(keel, '2025-03-14T17:45:00+01:00', {});
    await keel.call('focus:start', { minutes: 25 });
    const { user } = renderView('signoff', keel);
    await screen.findByText(/Signed off at/);
    await settle(keel);
    expect(screen.queryByText(/^Draft this week’s update\?/)).toBeNull();
    await keel.call('focus:stop', {});
    await screen.findByText(/^Draft this week’s update\?/);
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.queryByText(/^Draft this week’s update\?/)).toBeNull());
    expect(keel.callsTo('update:answerOffer')).toHaveLength(1);
    expect(await keel.call('update:offer', {})).toBeNull();
  });

  it('is not offered on a day that is not the week’s last working day', async () => {
    const keel = await seeded();
    // Wednesday's sign-off, seen on Wednesday evening.
    await keel.at('2025-03-12T18:00:00+01:00', async () => {
      expect(await keel.call('update:offer', {})).toBeNull();
    });
  });
});

describe('the weekly update in the window’s language', () => {
  it('a German window previews, and would copy, the update in German', async () => {
    const keel = await seeded();
    const { user } = await renderApp(keel, { locale: { messages: 'de', format: 'de-DE' } });
    await user.click(screen.getByRole('button', { name: 'Einzelgespräch' }));
    await within(await screen.findByRole('region', { name: 'Vorschau des Updates' })).findByText(/Erledigt/);
    // Every call for the update's text names the window's language, so preview = save = copy.
    const previews = keel.callsTo('update:preview') as { locale?: string }[];
    expect(previews.length).toBeGreaterThan(0);
    expect(previews.every((call) => call.locale === 'de-DE')).toBe(true);
  });
});
