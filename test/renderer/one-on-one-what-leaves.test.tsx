import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { createServices } from '../../src-main/services';
import { privateNotesText } from '../../src-renderer/lib/oneOnOne';
import { navItem, renderApp, renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/**
 * Issue #16, item 4, in the window on the real stack: private notes are counted, not shown, until
 * revealed; custom tags of private check-ins are offered to tick; and a save refused because the
 * summary changed since the preview says so in one sentence and shows the new preview.
 */

const PRIVATE_NOTES = ['Slept badly all week', 'Thinking about leaving', 'Doctor on Friday'];

async function seeded(): Promise<TestKeel> {
  const keel = createTestKeel();
  const check = (instant: string, input: ChannelInput<'checkin:add'>) =>
    keel.at(instant, () => keel.call('checkin:add', input));
  await check('2025-03-05T16:00:00+01:00', {
    workload: 4,
    energy: 2,
    sustainable: 'mostly',
    note: 'The migration deadline feels tight',
    shareable: true,
  });
  for (const [i, note] of PRIVATE_NOTES.entries()) {
    await check(`2025-03-0${6 + i}T16:00:00+01:00`, {
      workload: 5,
      energy: 1,
      sustainable: 'no',
      stretched: i === 0 ? ['meetings', 'job hunting'] : ['meetings'],
      note,
    });
  }
  await keel.at('2025-03-03T10:00:00+01:00', () => keel.call('talk:add', { text: 'Conference budget' }));
  return keel;
}

const region = (name: string) => screen.getByRole('region', { name });
const builder = () => region('Build a summary');
const previewCard = () => region('Preview');
type PreviewInput = ChannelInput<'summary:preview'>;

/** The Markdown on screen once the buttons are ready, checked against main's answer. */
async function shownMarkdown(keel: TestKeel): Promise<string> {
  await waitFor(() =>
    expect(within(previewCard()).getByRole('button', { name: 'Copy Markdown' })).toBeEnabled(),
  );
  const input = keel.callsTo('summary:preview').at(-1) as PreviewInput;
  const { text } = await keel.call('summary:preview', input);
  expect(within(previewCard()).getByLabelText('Summary as Markdown').textContent).toBe(text);
  return text;
}

describe('One-on-one: private notes are hidden until revealed', () => {
  it('says "3 private notes hidden", reveals them with a keyboard-reachable button, hides them on reopening', async () => {
    const { user } = await renderApp(await seeded());
    await user.click(navItem('One-on-one'));
    await screen.findByRole('group', { name: 'Sections' });
    await user.click(within(builder()).getByRole('checkbox', { name: 'Notes' }));
    const notes = within(builder()).getByRole('group', { name: 'Notes in this period' });
    expect(within(notes).getByText('3 private notes hidden')).toBeInTheDocument();
    expect(privateNotesText(1)).toBe('1 private note hidden');
    expect(within(notes).getByRole('checkbox', { name: /The migration deadline/ })).toBeEnabled();
    for (const text of PRIVATE_NOTES) expect(screen.queryByText(text, { exact: false })).toBeNull();

    const reveal = within(notes).getByRole('button', { name: 'Show private notes' });
    expect(reveal).toHaveAttribute('aria-expanded', 'false');
    reveal.focus();
    await user.keyboard('{Enter}');
    expect(reveal).toHaveAttribute('aria-expanded', 'true');
    expect(reveal).toHaveAccessibleName('Hide private notes');
    const list = within(notes).getByRole('list', { name: 'Private notes' });
    for (const text of PRIVATE_NOTES)
      expect(within(list).getByRole('checkbox', { name: new RegExp(text) })).toBeDisabled();

    // Open the builder again: hidden again.
    await user.click(navItem('Today'));
    await user.click(navItem('One-on-one'));
    const again = await screen.findByRole('group', { name: 'Notes in this period' });
    expect(within(again).getByText('3 private notes hidden')).toBeInTheDocument();
    expect(within(again).getByRole('button', { name: 'Show private notes' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    for (const text of PRIVATE_NOTES) expect(screen.queryByText(text, { exact: false })).toBeNull();
  });
});

describe('One-on-one: custom tags of private check-ins', () => {
  it('lists them unticked, keeps them out until ticked, and a ticked one appears in the preview', async () => {
    const { keel, user } = renderView('one-on-one', await seeded());
    await screen.findByRole('group', { name: 'Sections' });
    expect(screen.queryByRole('group', { name: 'Your own tags from private check-ins' })).toBeNull();
    await user.click(within(builder()).getByRole('checkbox', { name: 'Where I feel stretched' }));
    const tags = within(builder()).getByRole('group', { name: 'Your own tags from private check-ins' });
    expect(
      within(tags).getByText(/stay out of “Where I feel stretched” unless you tick them/),
    ).toBeInTheDocument();
    const box = within(tags).getByRole('checkbox', { name: 'Job hunting (named in 1 check-in)' });
    expect(box).not.toBeChecked();
    expect(within(tags).getAllByRole('checkbox')).toHaveLength(1); // "Meetings" is a default tag
    const before = await shownMarkdown(keel);
    expect(before).toContain('- Meetings: 3 of 4 check-ins');
    expect(before).not.toContain('Job hunting');

    await user.click(box);
    expect(box).toBeChecked();
    await waitFor(() =>
      expect((keel.callsTo('summary:preview').at(-1) as PreviewInput).choices.privateTags).toEqual([
        'job-hunting',
      ]),
    );
    await waitFor(async () => expect(await shownMarkdown(keel)).toContain('- Job hunting: 1 of 4 check-ins'));
  });
});

describe('One-on-one: a save refused because the summary changed', () => {
  it('shows the sentence and the new preview, writes and logs nothing, and saves once checked', async () => {
    const { keel, user } = renderView('one-on-one', await seeded());
    const seen = await shownMarkdown(keel);
    expect(seen).not.toContain('Raise the on-call pay');

    // `keel talk add` in a terminal: another process on the same file, no push to this window.
    const cli = createServices({
      dataDir: keel.dataDir,
      clock: new ManualClock(keel.clock.now()),
      version: '0',
    });
    cli.talkingPoints.add('Raise the on-call pay');
    cli.close();

    const card = previewCard();
    await user.click(within(card).getByRole('button', { name: 'Save as Markdown…' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      'The summary changed since you previewed it (Talking points changed); here is the new preview — check it and save again.',
    );
    await waitFor(async () => expect(await shownMarkdown(keel)).toContain('Raise the on-call pay'));
    expect(within(card).getByRole('alert')).toBeInTheDocument();
    expect(keel.shell.saved).toEqual([]);
    expect(keel.services.summary.shares()).toEqual([]);

    await user.click(within(card).getByRole('button', { name: 'Save as Markdown…' }));
    expect(await within(card).findByText(/^Saved keel-one-on-one-/)).toBeInTheDocument();
    expect(keel.shell.saved.map((f) => f.content)).toEqual([await shownMarkdown(keel)]);
  });
});
