import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import { SUMMARY_MESSAGES } from '../../src-main/core/summary-choices';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { resetOneOnOne } from '../../src-renderer/stores/oneOnOne';
import { navItem, renderApp, renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/** The clock: Tuesday, March 11 2025 in Berlin; the last two weeks start on 26 February. */
const TWO_WEEKS = { from: '2025-02-26', to: '2025-03-11' };
const PDF_SENTENCE = 'PDF export needs the desktop app; export HTML here and print it from a browser.';

/**
 * Two check-ins with notes (one may be shared, one private) and two open talking points, written
 * through the real channels at their times. Returns the keel and the notes' ids.
 */
async function withHistory() {
  const keel = createTestKeel();
  const at = <T,>(instant: string, seed: () => Promise<T>) => keel.at(instant, seed);
  const shareable = await at('2025-03-05T16:00:00+01:00', () =>
    keel.call('checkin:add', {
      workload: 4,
      energy: 2,
      sustainable: 'mostly',
      note: 'The migration deadline feels tight',
      shareable: true,
    }),
  );
  const secret = await at('2025-03-07T16:00:00+01:00', () =>
    keel.call('checkin:add', {
      workload: 5,
      energy: 1,
      sustainable: 'no',
      note: 'Slept badly all week',
      shareable: false,
    }),
  );
  await at('2025-03-01T10:00:00+01:00', () => keel.call('talk:add', { text: 'Conference budget' }));
  await at('2025-03-03T10:00:00+01:00', () =>
    keel.call('talk:add', { text: 'Ask about the on-call rotation' }),
  );
  return { keel, shareableId: shareable.id, privateId: secret.id };
}

/** One-on-one alone, or (`app`) the whole app opened on it, for tests that go elsewhere. */
async function openOneOnOne(keel?: TestKeel, { app = false } = {}) {
  const given = keel ?? (await withHistory()).keel;
  const utils = app ? await renderApp(given) : renderView('one-on-one', given);
  if (app) await utils.user.click(navItem('One-on-one'));
  await screen.findByRole('group', { name: 'Sections' });
  return utils;
}

const region = (name: string) => screen.getByRole('region', { name });
const builder = () => region('Build a summary');
const previewCard = () => region('Preview');

type PreviewInput = ChannelInput<'summary:preview'>;

/** The choices of the latest preview call, once one has been made after `after` calls. */
async function lastPreviewChoices(keel: TestKeel, after = 0) {
  await waitFor(() => expect(keel.callsTo('summary:preview').length).toBeGreaterThan(after));
  return (keel.callsTo('summary:preview').at(-1) as PreviewInput).choices;
}

/** Waits until the Markdown on screen is main's answer for the latest call, and returns it. */
async function shownMarkdown(keel: TestKeel): Promise<string> {
  await waitFor(() =>
    expect(within(previewCard()).getByRole('button', { name: 'Copy Markdown' })).toBeEnabled(),
  );
  const input = keel.callsTo('summary:preview').at(-1) as PreviewInput;
  const { text } = await keel.call('summary:preview', input);
  const pre = within(previewCard()).getByLabelText('Summary as Markdown');
  expect(pre.tagName).toBe('PRE');
  expect(pre.textContent).toBe(text);
  return text;
}

describe('One-on-one: the summary builder', () => {
  it('keeps a half-written talking point across a view switch', async () => {
    const { user } = await openOneOnOne(undefined, { app: true });
    await user.type(screen.getByLabelText('New talking point'), 'Raise the release freeze');
    await user.click(navItem('Today'));
    await user.click(navItem('One-on-one'));
    expect(await screen.findByLabelText('New talking point')).toHaveValue('Raise the release freeze');
  });

  it('ticks trends and talking points by default, and previews exactly main’s text', async () => {
    const { keel } = await openOneOnOne();
    const sections = within(builder()).getByRole('group', { name: 'Sections' });
    expect(within(sections).getByRole('checkbox', { name: 'Workload and energy' })).toBeChecked();
    expect(within(sections).getByRole('checkbox', { name: 'Talking points' })).toBeChecked();
    for (const name of ['Sustainability', 'Where I feel stretched', 'Focus time', 'End of day', 'Notes'])
      expect(within(sections).getByRole('checkbox', { name })).not.toBeChecked();
    expect(
      within(builder()).getByText('Nothing shared yet — the last two weeks: Wed, Feb 26 – Tue, Mar 11.'),
    ).toBeInTheDocument();
    expect(await lastPreviewChoices(keel)).toEqual({
      ...TWO_WEEKS,
      sections: ['trends', 'talkingPoints'],
      noteIds: [],
      privateTags: [],
      locale: 'en-US',
    });
    const text = await shownMarkdown(keel);
    expect(text).toContain('Conference budget');
    expect(screen.getByText(/This is exactly what will leave Keel\./)).toBeInTheDocument();
  });

  it('remembers the name line and the chosen sections after a restart; the name line heads the preview', async () => {
    const { keel: seeded } = await withHistory();
    const { keel, user, unmount } = await openOneOnOne(seeded);
    const line = 'Alex Doe — one-on-one with Sam, 3 December';
    const field = () => within(builder()).getByRole('textbox', { name: 'Name line (optional)' });
    await waitFor(() => expect(field()).toBeEnabled());
    await user.type(field(), line);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(keel.services.settings.get().summary.nameLine).toBe(line));
    await waitFor(async () =>
      expect(await shownMarkdown(keel)).toContain(`# One-on-one summary\n\n${line}\n`),
    );
    await user.click(within(builder()).getByRole('checkbox', { name: 'Focus time' }));
    await waitFor(() =>
      expect(keel.services.settings.get().summary.sections).toEqual(['trends', 'talkingPoints', 'focus']),
    );

    // Keel quits and starts again: the store starts afresh and reads what was saved.
    unmount();
    resetOneOnOne();
    await openOneOnOne(keel);
    await waitFor(() => expect(field()).toHaveValue(line));
    expect(within(builder()).getByRole('checkbox', { name: 'Focus time' })).toBeChecked();
    await waitFor(async () =>
      expect((await lastPreviewChoices(keel)).sections).toEqual(['trends', 'focus', 'talkingPoints']),
    );
  });

  it('lists a private note disabled, never ticks it, and sends a ticked shareable note’s id', async () => {
    const { keel: seeded, shareableId, privateId } = await withHistory();
    const { keel, user } = await openOneOnOne(seeded);
    await user.click(within(builder()).getByRole('checkbox', { name: 'Notes' }));
    const notes = within(builder()).getByRole('group', { name: 'Notes in this period' });
    await user.click(within(notes).getByRole('button', { name: 'Show private notes' }));
    const privateBox = within(notes).getByRole('checkbox', { name: /Slept badly all week/ });
    expect(privateBox).toBeDisabled();
    expect(privateBox).toHaveAccessibleDescription('Private — not marked “may be shared”');
    await user.click(privateBox);
    expect(privateBox).not.toBeChecked();

    const shareable = within(notes).getByRole('checkbox', { name: /The migration deadline feels tight/ });
    expect(shareable).toBeEnabled();
    expect(shareable).not.toBeChecked();
    const before = keel.callsTo('summary:preview').length;
    await user.click(shareable);
    expect(shareable).toBeChecked();
    await waitFor(async () =>
      expect(await lastPreviewChoices(keel, before)).toEqual({
        ...TWO_WEEKS,
        sections: ['trends', 'talkingPoints', 'notes'],
        noteIds: [shareableId],
        privateTags: [],
        locale: 'en-US',
      }),
    );
    const text = await shownMarkdown(keel);
    expect(text).toContain('The migration deadline feels tight');
    expect(text).not.toContain('Slept badly');
    // No call ever named the private note.
    for (const call of keel.calls) expect(JSON.stringify(call.input ?? null)).not.toContain(privateId);

    // Unticking the Notes section takes the ticked notes out of the choices.
    await user.click(within(builder()).getByRole('checkbox', { name: 'Notes' }));
    await waitFor(async () =>
      expect(await lastPreviewChoices(keel)).toEqual({
        ...TWO_WEEKS,
        sections: ['trends', 'talkingPoints'],
        noteIds: [],
        privateTags: [],
        locale: 'en-US',
      }),
    );
  });

  it('shows main’s sentence when the preview is refused', async () => {
    const { keel: seeded } = await withHistory();
    seeded.failNext('summary:preview', new KeelError('invalid_input', SUMMARY_MESSAGES.unshareable));
    await openOneOnOne(seeded);
    expect(await within(previewCard()).findByRole('alert')).toHaveTextContent(SUMMARY_MESSAGES.unshareable);
    expect(within(previewCard()).getByRole('button', { name: 'Save as Markdown…' })).toBeDisabled();
  });

  it('renders HTML in a sandboxed frame with exactly main’s text', async () => {
    const { keel, user } = await openOneOnOne();
    await shownMarkdown(keel);
    await user.click(within(previewCard()).getByRole('radio', { name: 'HTML' }));
    const frame = await within(previewCard()).findByTitle('Summary as HTML');
    const input = keel.callsTo('summary:preview').at(-1) as PreviewInput;
    expect(input.format).toBe('html');
    const answer = await keel.call('summary:preview', { choices: input.choices, format: 'html' });
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(answer.text);
  });
});

describe('One-on-one: the period', () => {
  /** Shared once, on Tuesday, March 4 at 09:30: the trends of the two weeks before. */
  async function shared(): Promise<TestKeel> {
    const { keel } = await withHistory();
    const choices = { from: '2025-02-18', to: '2025-03-04', sections: ['trends' as const] };
    await keel.at('2025-03-04T09:30:00+01:00', async () => {
      const { hashes } = await keel.call('summary:preview', { choices, format: 'md' });
      return keel.call('summary:copy', { choices, contentHash: hashes.md });
    });
    return keel;
  }

  it('starts since the last share, and the presets and custom dates send their from/to', async () => {
    const { keel, user } = await openOneOnOne(await shared());
    expect(
      within(builder()).getByText('Since you last shared on Tue, Mar 4: Tue, Mar 4 – Tue, Mar 11.'),
    ).toBeInTheDocument();
    expect(await lastPreviewChoices(keel)).toMatchObject({ from: '2025-03-04', to: '2025-03-11' });

    await user.click(within(builder()).getByRole('radio', { name: 'Last 2 weeks' }));
    await waitFor(async () => expect(await lastPreviewChoices(keel)).toMatchObject(TWO_WEEKS));
    // The notes listed follow the period.
    expect(keel.callsTo('summary:options').at(-1)).toEqual(TWO_WEEKS);

    await user.click(within(builder()).getByRole('radio', { name: 'Custom' }));
    const from = within(builder()).getByLabelText('From');
    const to = within(builder()).getByLabelText('To');
    expect(from).toHaveValue('2025-02-26');
    await user.clear(to);
    expect(within(builder()).getByText('Choose the last day.')).toBeInTheDocument();
    const calls = keel.callsTo('summary:preview').length;
    await user.type(to, '2025-03-06');
    await user.clear(from);
    await user.type(from, '2025-03-02');
    await waitFor(async () =>
      expect(await lastPreviewChoices(keel, calls)).toMatchObject({ from: '2025-03-02', to: '2025-03-06' }),
    );
  });

  it('refuses a custom period that ends before it starts, without asking for a preview', async () => {
    const { keel, user } = await openOneOnOne();
    await shownMarkdown(keel);
    await user.click(within(builder()).getByRole('radio', { name: 'Custom' }));
    const from = within(builder()).getByLabelText('From');
    await user.clear(from);
    await user.type(from, '2025-03-20');
    expect(
      within(builder()).getByText('The period must end on or after the day it starts.'),
    ).toBeInTheDocument();
    const calls = keel.callsTo('summary:preview').length;
    await new Promise((r) => setTimeout(r, 400));
    expect(keel.callsTo('summary:preview')).toHaveLength(calls);
    expect(within(previewCard()).getByRole('button', { name: 'Save as Markdown…' })).toBeDisabled();
  });
});

describe('One-on-one: exporting', () => {
  it('saves Markdown, HTML and PDF and copies with the previewed choices, and logs each share', async () => {
    const { keel: seeded, shareableId } = await withHistory();
    const { keel, user } = await openOneOnOne(seeded);
    await user.click(within(builder()).getByRole('checkbox', { name: 'Notes' }));
    await user.click(within(builder()).getByRole('checkbox', { name: /The migration deadline/ }));
    await waitFor(async () =>
      expect(await lastPreviewChoices(keel)).toMatchObject({ noteIds: [shareableId] }),
    );
    const markdown = await shownMarkdown(keel);
    const choices = {
      ...TWO_WEEKS,
      sections: ['trends', 'talkingPoints', 'notes'],
      noteIds: [shareableId],
      privateTags: [],
      locale: 'en-US',
    };
    const { hashes } = await keel.call('summary:preview', { choices, format: 'md' } as PreviewInput);
    const card = previewCard();
    const file = 'keel-one-on-one-2025-02-26-to-2025-03-11';

    // A minute apart, so the share log's order is the order they were made in.
    const aMinuteLater = () => act(() => keel.clock.advanceBy(60_000));
    await user.click(within(card).getByRole('button', { name: 'Save as Markdown…' }));
    expect(await within(card).findByText(`Saved ${file}.md.`)).toBeInTheDocument();
    expect(keel.shell.saved.at(-1)).toEqual({
      path: expect.stringMatching(`${file}.md$`),
      content: markdown,
    });

    aMinuteLater();
    await user.click(await within(card).findByRole('button', { name: 'Save as HTML…' }));
    expect(await within(card).findByText(`Saved ${file}.html.`)).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Save as PDF…' })).toBeEnabled());
    aMinuteLater();
    await user.click(within(card).getByRole('button', { name: 'Save as PDF…' }));
    expect(await within(card).findByText(`Saved ${file}.pdf.`)).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Copy Markdown' })).toBeEnabled());
    aMinuteLater();
    await user.click(within(card).getByRole('button', { name: 'Copy Markdown' }));
    expect(await within(card).findByText(/^Copied the Markdown/)).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Copy for chat' })).toBeEnabled());
    aMinuteLater();
    await user.click(within(card).getByRole('button', { name: 'Copy for chat' }));
    expect(await within(card).findByText(/^Copied for chat/)).toBeInTheDocument();
    await waitFor(() =>
      expect(within(card).getByRole('button', { name: 'Copy as rich text' })).toBeEnabled(),
    );
    aMinuteLater();
    await user.click(within(card).getByRole('button', { name: 'Copy as rich text' }));
    expect(await within(card).findByText(/^Copied as rich text/)).toBeInTheDocument();

    // Each carries the preview's fingerprint of what it writes (PDF prints the HTML).
    expect(keel.callsTo('summary:export')).toEqual([
      { choices, format: 'md', contentHash: hashes.md },
      { choices, format: 'html', contentHash: hashes.html },
      { choices, format: 'pdf', contentHash: hashes.html },
    ]);
    expect(keel.callsTo('summary:copy')).toEqual([
      { choices, contentHash: hashes.md, format: 'md' },
      { choices, contentHash: hashes.text, format: 'text' },
      { choices, contentHash: hashes.rich, format: 'rich' },
    ]);
    const text = (await keel.call('summary:preview', { choices, format: 'text' } as PreviewInput)).text;
    const html = (await keel.call('summary:preview', { choices, format: 'html' } as PreviewInput)).text;
    expect(keel.shell.copied).toEqual([markdown, text]);
    expect(keel.shell.copiedRich).toEqual([{ html, text }]);
    expect(text).not.toContain('\\');
    // The PDF is the HTML, printed.
    expect(keel.shell.printed).toHaveLength(1);
    expect(keel.shell.saved.map((f) => f.path.slice(f.path.lastIndexOf('.')))).toEqual([
      '.md',
      '.html',
      '.pdf',
    ]);

    const log = within(region('What you’ve shared'.replace('’', "'"))).getByRole('list', {
      name: 'Shared summaries',
    });
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(6));
    const [first, second, third] = within(log).getAllByRole('listitem') as HTMLElement[];
    expect(first).toHaveTextContent('Copied as rich text');
    expect(second).toHaveTextContent('Plain text');
    expect(third).toHaveTextContent('Copied Markdown');
    expect(first).toHaveTextContent('Wed, Feb 26 – Tue, Mar 11');
    expect(first).toHaveTextContent('Workload and energy, Talking points, Notes');
    expect(first).toHaveTextContent('1 note');
    const shares = keel.services.summary.shares();
    expect(shares).toHaveLength(6);
    expect(shares.map((s) => s.format)).toEqual(['rich', 'text', 'clipboard', 'pdf', 'html', 'md']);
    expect(first).toHaveTextContent(shares[0]?.contentHash.slice(0, 8) ?? 'missing');
    // In plain words: the preview and the log name the same "summary code", not a "fingerprint".
    expect(first).toHaveTextContent(`summary code ${shares[0]?.contentHash.slice(0, 8)}`);
    expect(screen.getByRole('main')).not.toHaveTextContent(/fingerprint/i);
  });

  it('shows an export error as one sentence and says nothing when the dialog is cancelled', async () => {
    // Where there is no Electron to print with (the preview), PDF says so; saves are cancelled.
    const { keel: seeded } = await withHistory();
    seeded.shell.pdf = 'unavailable';
    seeded.shell.cancelSaves = true;
    const { keel, user } = await openOneOnOne(seeded);
    await shownMarkdown(keel);
    const card = previewCard();
    await user.click(within(card).getByRole('button', { name: 'Save as PDF…' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(PDF_SENTENCE);
    expect(keel.callsTo('summary:export').at(-1)).toMatchObject({ format: 'pdf' });

    await user.click(within(card).getByRole('button', { name: 'Save as Markdown…' }));
    await waitFor(() => expect(keel.callsTo('summary:export')).toHaveLength(2));
    await waitFor(() => expect(within(card).queryByRole('alert')).not.toBeInTheDocument());
    expect(within(card).queryByText(/^Saved/)).not.toBeInTheDocument();
    expect(screen.getByText('Nothing shared yet.')).toBeInTheDocument();
    expect(keel.services.summary.shares()).toEqual([]);
  });
});

describe('One-on-one: talking points', () => {
  it('lists open points oldest first, adds with Enter, marks discussed with undo, and deletes', async () => {
    const { keel, user } = await openOneOnOne();
    const card = region('Talking points');
    const open = () => within(card).getByRole('list', { name: 'Open talking points' });
    await waitFor(() =>
      expect(
        within(open())
          .getAllByRole('checkbox')
          .map((c) => c.getAttribute('aria-label')),
      ).toEqual(['Discussed: Conference budget', 'Discussed: Ask about the on-call rotation']),
    );

    await user.type(within(card).getByLabelText('New talking point'), '  Growth plan  {Enter}');
    expect(keel.callsTo('talk:add')).toEqual([{ text: '  Growth plan  ' }]);
    expect(
      await within(open()).findByRole('checkbox', { name: 'Discussed: Growth plan' }),
    ).toBeInTheDocument();
    expect(within(card).getByLabelText('New talking point')).toHaveValue('');

    await user.click(within(open()).getByRole('checkbox', { name: 'Discussed: Conference budget' }));
    const budget = keel.services.talkingPoints.list(true).find((p) => p.text === 'Conference budget');
    expect(keel.callsTo('talk:discussed')).toEqual([{ id: budget?.id, discussed: true }]);
    await waitFor(() =>
      expect(within(open()).queryByRole('checkbox', { name: 'Discussed: Conference budget' })).toBeNull(),
    );
    expect(within(card).getByText('Discussed (1)')).toBeInTheDocument();
    // The summary's talking points follow.
    await waitFor(async () => expect(await shownMarkdown(keel)).not.toContain('Conference budget'));

    await user.click(within(card).getByRole('button', { name: 'Undo' }));
    expect(
      await within(open()).findByRole('checkbox', { name: 'Discussed: Conference budget' }),
    ).toBeInTheDocument();
    expect(keel.callsTo('talk:discussed').at(-1)).toMatchObject({ discussed: false });

    await user.click(within(card).getByRole('button', { name: 'Delete “Growth plan”' }));
    await waitFor(() =>
      expect(within(open()).queryByRole('checkbox', { name: 'Discussed: Growth plan' })).toBeNull(),
    );
    expect(keel.services.talkingPoints.list(true).map((p) => p.text)).toEqual([
      'Conference budget',
      'Ask about the on-call rotation',
    ]);
  });

  it('shows main’s sentence when a point cannot be added', async () => {
    const { user } = await openOneOnOne();
    const card = region('Talking points');
    await user.type(within(card).getByLabelText('New talking point'), '{Enter}');
    expect(await within(card).findByText('Write the talking point.')).toBeInTheDocument();
    expect(card).not.toHaveTextContent('text:');
    expect(within(card).getByLabelText('New talking point')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('One-on-one: following main', () => {
  it('re-reads talking points and the share log when main says they changed', async () => {
    const { keel } = await openOneOnOne();
    const card = region('Talking points');
    await within(card).findByRole('checkbox', { name: 'Discussed: Conference budget' });
    expect(screen.getByText('Nothing shared yet.')).toBeInTheDocument();

    // Written in main (as from the command line): the runtime pushes `changed` for talk and summary.
    await act(async () => keel.services.talkingPoints.add('Written in a terminal'));
    expect(
      await within(card).findByRole('checkbox', { name: 'Discussed: Written in a terminal' }),
    ).toBeInTheDocument();
    const trends = { ...TWO_WEEKS, sections: ['trends' as const] };
    const { hashes } = keel.services.summary.preview(trends, 'md');
    await act(() => keel.services.summary.copy(trends, hashes.md, keel.shell));
    const log = await screen.findByRole('list', { name: 'Shared summaries' });
    expect(within(log).getByRole('listitem')).toHaveTextContent('Copied Markdown');
    expect(within(log).getByRole('listitem')).toHaveTextContent('Workload and energy · no notes');
    // The summary's talking points follow too.
    await waitFor(async () => expect(await shownMarkdown(keel)).toContain('Written in a terminal'));
  });
});
