import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SUMMARY_MESSAGES } from '../../src-main/core/summary-choices';
import type { FakeKeel, FakeKeelOptions } from './fake-keel';
import { navItem, renderApp } from './render-app';

/** The fake's clock: Tuesday 11 March 2025 in Berlin; the last two weeks start on 26 February. */
const TWO_WEEKS = { from: '2025-02-26', to: '2025-03-11' };
const SHAREABLE_ID = '00000000-0000-4000-8000-00000000000a';
const PRIVATE_ID = '00000000-0000-4000-8000-00000000000b';
const PDF_SENTENCE = 'PDF export needs the desktop app; export HTML here and print it from a browser.';

const HISTORY: FakeKeelOptions = {
  checks: {
    history: [
      {
        id: SHAREABLE_ID,
        at: '2025-03-05T16:00:00+01:00',
        workload: 4,
        energy: 2,
        sustainable: 'mostly',
        note: 'The migration deadline feels tight',
        shareable: true,
      },
      {
        id: PRIVATE_ID,
        at: '2025-03-07T16:00:00+01:00',
        workload: 5,
        energy: 1,
        sustainable: 'no',
        note: 'Slept badly all week',
        shareable: false,
      },
    ],
  },
  talk: {
    points: [
      { text: 'Ask about the on-call rotation', createdAt: '2025-03-03T10:00:00+01:00' },
      { text: 'Conference budget', createdAt: '2025-03-01T10:00:00+01:00' },
    ],
  },
};

async function openOneOnOne(options: FakeKeelOptions = HISTORY) {
  const utils = await renderApp(options);
  await utils.user.click(navItem('One-on-one'));
  await screen.findByRole('group', { name: 'Sections' });
  return utils;
}

const region = (name: string) => screen.getByRole('region', { name });
const builder = () => region('Build a summary');
const previewCard = () => region('Preview');

/** The choices of the latest preview call, once one has been made after `after` calls. */
async function lastPreviewChoices(fake: FakeKeel, after = 0) {
  await waitFor(() => expect(fake.callsTo('summary.preview').length).toBeGreaterThan(after));
  return (fake.callsTo('summary.preview').at(-1)?.input as { choices: unknown }).choices;
}

/** Waits until the Markdown on screen is the fake's answer for the latest call, and returns it. */
async function shownMarkdown(fake: FakeKeel): Promise<string> {
  await waitFor(() =>
    expect(within(previewCard()).getByRole('button', { name: 'Copy Markdown' })).toBeEnabled(),
  );
  const input = fake.callsTo('summary.preview').at(-1)?.input as Parameters<
    FakeKeel['api']['summary']['preview']
  >[0];
  const answer = await fake.api.summary.preview(input);
  if (!answer.ok) throw new Error(answer.error.message);
  const pre = within(previewCard()).getByLabelText('Summary as Markdown');
  expect(pre.tagName).toBe('PRE');
  expect(pre.textContent).toBe(answer.value.text);
  return answer.value.text;
}

describe('One-on-one: the summary builder', () => {
  it('keeps a half-written talking point across a view switch', async () => {
    const { user } = await openOneOnOne();
    await user.type(screen.getByLabelText('New talking point'), 'Raise the release freeze');
    await user.click(navItem('Today'));
    await user.click(navItem('One-on-one'));
    expect(await screen.findByLabelText('New talking point')).toHaveValue('Raise the release freeze');
  });

  it('ticks trends and talking points by default, and previews exactly the fake’s text', async () => {
    const { fake } = await openOneOnOne();
    const sections = within(builder()).getByRole('group', { name: 'Sections' });
    expect(within(sections).getByRole('checkbox', { name: 'Workload and energy' })).toBeChecked();
    expect(within(sections).getByRole('checkbox', { name: 'Talking points' })).toBeChecked();
    for (const name of ['Sustainability', 'Where I feel stretched', 'Focus time', 'End of day', 'Notes'])
      expect(within(sections).getByRole('checkbox', { name })).not.toBeChecked();
    expect(
      within(builder()).getByText('Nothing shared yet — the last two weeks: Wed 26 Feb – Tue 11 Mar.'),
    ).toBeInTheDocument();
    expect(await lastPreviewChoices(fake)).toEqual({
      ...TWO_WEEKS,
      sections: ['trends', 'talkingPoints'],
      noteIds: [],
    });
    const text = await shownMarkdown(fake);
    expect(text).toContain('Conference budget');
    expect(screen.getByText(/This is exactly what will leave Keel\./)).toBeInTheDocument();
  });

  it('lists a private note disabled, never ticks it, and sends a ticked shareable note’s id', async () => {
    const { fake, user } = await openOneOnOne();
    await user.click(within(builder()).getByRole('checkbox', { name: 'Notes' }));
    const notes = within(builder()).getByRole('group', { name: 'Notes in this period' });
    const privateBox = within(notes).getByRole('checkbox', { name: /Slept badly all week/ });
    expect(privateBox).toBeDisabled();
    expect(privateBox).toHaveAccessibleDescription('Private — not marked “may be shared”');
    await user.click(privateBox);
    expect(privateBox).not.toBeChecked();

    const shareable = within(notes).getByRole('checkbox', { name: /The migration deadline feels tight/ });
    expect(shareable).toBeEnabled();
    expect(shareable).not.toBeChecked();
    const before = fake.callsTo('summary.preview').length;
    await user.click(shareable);
    expect(shareable).toBeChecked();
    await waitFor(async () =>
      expect(await lastPreviewChoices(fake, before)).toEqual({
        ...TWO_WEEKS,
        sections: ['trends', 'talkingPoints', 'notes'],
        noteIds: [SHAREABLE_ID],
      }),
    );
    const text = await shownMarkdown(fake);
    expect(text).toContain('The migration deadline feels tight');
    expect(text).not.toContain('Slept badly');
    // No call ever named the private note.
    for (const call of fake.calls) expect(JSON.stringify(call.input ?? null)).not.toContain(PRIVATE_ID);

    // Unticking the Notes section takes the ticked notes out of the choices.
    await user.click(within(builder()).getByRole('checkbox', { name: 'Notes' }));
    await waitFor(async () =>
      expect(await lastPreviewChoices(fake)).toEqual({
        ...TWO_WEEKS,
        sections: ['trends', 'talkingPoints'],
        noteIds: [],
      }),
    );
  });

  it('shows main’s sentence when the preview is refused', async () => {
    const { fake } = await openOneOnOne(HISTORY);
    fake.failNext('summary.preview', { code: 'invalid_input', message: SUMMARY_MESSAGES.unshareable });
    expect(await within(previewCard()).findByRole('alert')).toHaveTextContent(SUMMARY_MESSAGES.unshareable);
    expect(within(previewCard()).getByRole('button', { name: 'Save as Markdown…' })).toBeDisabled();
  });

  it('renders HTML in a sandboxed frame with exactly the fake’s text', async () => {
    const { fake, user } = await openOneOnOne();
    await shownMarkdown(fake);
    await user.click(within(previewCard()).getByRole('radio', { name: 'HTML' }));
    const frame = await within(previewCard()).findByTitle('Summary as HTML');
    const input = fake.callsTo('summary.preview').at(-1)?.input as { format: string; choices: never };
    expect(input.format).toBe('html');
    const answer = await fake.api.summary.preview({ choices: input.choices, format: 'html' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(answer.value.text);
  });
});

describe('One-on-one: the period', () => {
  const SHARED: FakeKeelOptions = {
    ...HISTORY,
    summary: {
      shares: [
        {
          id: '00000000-0000-4000-9000-0000000000ff',
          at: '2025-03-04T09:30:00+01:00',
          from: '2025-02-18',
          to: '2025-03-04',
          sections: ['trends'],
          noteCount: 0,
          format: 'md',
          via: 'window',
          contentHash: 'abcdef0123456789'.repeat(4),
        },
      ],
    },
  };

  it('starts since the last share, and the presets and custom dates send their from/to', async () => {
    const { fake, user } = await openOneOnOne(SHARED);
    expect(
      within(builder()).getByText('Since you last shared on Tue 4 Mar: Tue 4 Mar – Tue 11 Mar.'),
    ).toBeInTheDocument();
    expect(await lastPreviewChoices(fake)).toMatchObject({ from: '2025-03-04', to: '2025-03-11' });

    await user.click(within(builder()).getByRole('radio', { name: 'Last 2 weeks' }));
    await waitFor(async () => expect(await lastPreviewChoices(fake)).toMatchObject(TWO_WEEKS));
    // The notes listed follow the period.
    expect(fake.callsTo('summary.options').at(-1)?.input).toEqual(TWO_WEEKS);

    await user.click(within(builder()).getByRole('radio', { name: 'Custom' }));
    const from = within(builder()).getByLabelText('From');
    const to = within(builder()).getByLabelText('To');
    expect(from).toHaveValue('2025-02-26');
    await user.clear(to);
    expect(within(builder()).getByText('Choose the last day.')).toBeInTheDocument();
    const calls = fake.callsTo('summary.preview').length;
    await user.type(to, '2025-03-06');
    await user.clear(from);
    await user.type(from, '2025-03-02');
    await waitFor(async () =>
      expect(await lastPreviewChoices(fake, calls)).toMatchObject({ from: '2025-03-02', to: '2025-03-06' }),
    );
  });

  it('refuses a custom period that ends before it starts, without asking for a preview', async () => {
    const { fake, user } = await openOneOnOne();
    await shownMarkdown(fake);
    await user.click(within(builder()).getByRole('radio', { name: 'Custom' }));
    const from = within(builder()).getByLabelText('From');
    await user.clear(from);
    await user.type(from, '2025-03-20');
    expect(
      within(builder()).getByText('The period must end on or after the day it starts.'),
    ).toBeInTheDocument();
    const calls = fake.callsTo('summary.preview').length;
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.callsTo('summary.preview')).toHaveLength(calls);
    expect(within(previewCard()).getByRole('button', { name: 'Save as Markdown…' })).toBeDisabled();
  });
});

describe('One-on-one: exporting', () => {
  it('saves Markdown, HTML and PDF and copies with the previewed choices, and logs each share', async () => {
    const { fake, user } = await openOneOnOne();
    await user.click(within(builder()).getByRole('checkbox', { name: 'Notes' }));
    await user.click(within(builder()).getByRole('checkbox', { name: /The migration deadline/ }));
    await waitFor(async () =>
      expect(await lastPreviewChoices(fake)).toMatchObject({ noteIds: [SHAREABLE_ID] }),
    );
    const markdown = await shownMarkdown(fake);
    const choices = { ...TWO_WEEKS, sections: ['trends', 'talkingPoints', 'notes'], noteIds: [SHAREABLE_ID] };
    const card = previewCard();
    const file = 'keel-one-on-one-2025-02-26-to-2025-03-11';

    await user.click(within(card).getByRole('button', { name: 'Save as Markdown…' }));
    expect(await within(card).findByText(`Saved ${file}.md.`)).toBeInTheDocument();
    expect(fake.exported.at(-1)?.text).toBe(markdown);

    await user.click(await within(card).findByRole('button', { name: 'Save as HTML…' }));
    expect(await within(card).findByText(`Saved ${file}.html.`)).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Save as PDF…' })).toBeEnabled());
    await user.click(within(card).getByRole('button', { name: 'Save as PDF…' }));
    expect(await within(card).findByText(`Saved ${file}.pdf.`)).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Copy Markdown' })).toBeEnabled());
    await user.click(within(card).getByRole('button', { name: 'Copy Markdown' }));
    expect(await within(card).findByText(/^Copied the Markdown/)).toBeInTheDocument();

    expect(fake.callsTo('summary.export').map((c) => c.input)).toEqual([
      { choices, format: 'md' },
      { choices, format: 'html' },
      { choices, format: 'pdf' },
    ]);
    expect(fake.callsTo('summary.copy').map((c) => c.input)).toEqual([{ choices }]);
    expect(fake.copied).toEqual([markdown]);

    const log = within(region('What you’ve shared'.replace('’', "'"))).getByRole('list', {
      name: 'Shared summaries',
    });
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(4));
    const first = within(log).getAllByRole('listitem')[0] as HTMLElement;
    expect(first).toHaveTextContent('Copied Markdown');
    expect(first).toHaveTextContent('Wed 26 Feb – Tue 11 Mar');
    expect(first).toHaveTextContent('Workload and energy, Talking points, Notes');
    expect(first).toHaveTextContent('1 note');
    const shares = await fake.api.summary.shares();
    if (!shares.ok) throw new Error('no shares');
    expect(first).toHaveTextContent(shares.value[0]?.contentHash.slice(0, 8) ?? 'missing');
  });

  it('shows an export error as one sentence and says nothing when the dialog is cancelled', async () => {
    const { fake, user } = await openOneOnOne({ ...HISTORY, summary: { cancelExport: true } });
    await shownMarkdown(fake);
    const card = previewCard();
    fake.failNext('summary.export', { code: 'unavailable', message: PDF_SENTENCE });
    await user.click(within(card).getByRole('button', { name: 'Save as PDF…' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(PDF_SENTENCE);
    expect(fake.callsTo('summary.export').at(-1)?.input).toMatchObject({ format: 'pdf' });

    await user.click(within(card).getByRole('button', { name: 'Save as Markdown…' }));
    await waitFor(() => expect(fake.callsTo('summary.export')).toHaveLength(2));
    await waitFor(() => expect(within(card).queryByRole('alert')).not.toBeInTheDocument());
    expect(within(card).queryByText(/^Saved/)).not.toBeInTheDocument();
    expect(screen.getByText('Nothing shared yet.')).toBeInTheDocument();
  });
});

describe('One-on-one: talking points', () => {
  it('lists open points oldest first, adds with Enter, marks discussed with undo, and deletes', async () => {
    const { fake, user } = await openOneOnOne();
    const card = region('Talking points');
    const open = () => within(card).getByRole('list', { name: 'Open talking points' });
    await waitFor(() =>
      expect(
        within(open())
          .getAllByRole('checkbox')
          .map((c) => c.getAttribute('aria-label')),
      ).toEqual(['Conference budget', 'Ask about the on-call rotation']),
    );

    await user.type(within(card).getByLabelText('New talking point'), '  Growth plan  {Enter}');
    expect(fake.callsTo('talk.add').map((c) => c.input)).toEqual([{ text: '  Growth plan  ' }]);
    expect(await within(open()).findByRole('checkbox', { name: 'Growth plan' })).toBeInTheDocument();
    expect(within(card).getByLabelText('New talking point')).toHaveValue('');

    await user.click(within(open()).getByRole('checkbox', { name: 'Conference budget' }));
    expect(fake.callsTo('talk.discussed').map((c) => c.input)).toEqual([
      { id: fake.talkingPoints()[0]?.id, discussed: true },
    ]);
    await waitFor(() =>
      expect(within(open()).queryByRole('checkbox', { name: 'Conference budget' })).toBeNull(),
    );
    expect(within(card).getByText('Discussed (1)')).toBeInTheDocument();
    // The summary's talking points follow.
    await waitFor(async () => expect(await shownMarkdown(fake)).not.toContain('Conference budget'));

    await user.click(within(card).getByRole('button', { name: 'Undo' }));
    expect(await within(open()).findByRole('checkbox', { name: 'Conference budget' })).toBeInTheDocument();
    expect(fake.callsTo('talk.discussed').at(-1)?.input).toMatchObject({ discussed: false });

    await user.click(within(card).getByRole('button', { name: 'Delete “Growth plan”' }));
    await waitFor(() => expect(within(open()).queryByRole('checkbox', { name: 'Growth plan' })).toBeNull());
    expect(fake.talkingPoints().map((p) => p.text)).toEqual([
      'Conference budget',
      'Ask about the on-call rotation',
    ]);
  });

  it('shows main’s sentence when a point cannot be added', async () => {
    const { user } = await openOneOnOne();
    const card = region('Talking points');
    await user.type(within(card).getByLabelText('New talking point'), '{Enter}');
    expect(await within(card).findByText('text: Write the talking point.')).toBeInTheDocument();
    expect(within(card).getByLabelText('New talking point')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('One-on-one: following main', () => {
  it('re-reads talking points and the share log when main says they changed', async () => {
    const { fake } = await openOneOnOne();
    const card = region('Talking points');
    await within(card).findByRole('checkbox', { name: 'Conference budget' });
    expect(screen.getByText('Nothing shared yet.')).toBeInTheDocument();

    // As if from the command line: the fake pushes `changed` for talk and summary.
    await fake.api.talk.add({ text: 'Written in a terminal' });
    expect(await within(card).findByRole('checkbox', { name: 'Written in a terminal' })).toBeInTheDocument();
    await fake.api.summary.copy({ choices: { ...TWO_WEEKS, sections: ['trends'] } });
    const log = await screen.findByRole('list', { name: 'Shared summaries' });
    expect(within(log).getByRole('listitem')).toHaveTextContent('Copied Markdown');
    expect(within(log).getByRole('listitem')).toHaveTextContent('Workload and energy · no notes');
    // The summary's talking points follow too.
    await waitFor(async () => expect(await shownMarkdown(fake)).toContain('Written in a terminal'));
  });
});
