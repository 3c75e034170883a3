import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

const SLOW = { timeout: 30_000 };

/** Three points added a minute apart, before the view opens (Tuesday 11 March 2025, Berlin). */
async function withPoints(): Promise<TestKeel> {
  const keel = createTestKeel();
  const texts = ['Hiring plan', 'On-call rotation', 'Conference budget'];
  for (const [i, text] of texts.entries()) {
    await keel.at(`2025-03-11T08:0${i}:00+01:00`, () => keel.call('talk:add', { text }));
  }
  return keel;
}

async function open(keel: TestKeel) {
  const utils = renderView('one-on-one', keel);
  const list = await screen.findByRole('list', { name: 'Open talking points' });
  return { ...utils, list };
}

const shown = (list: HTMLElement) =>
  within(list)
    .getAllByRole('checkbox')
    .map((box) => box.getAttribute('aria-label')?.replace(/^Discussed: /, ''));

/** The talking points of the summary's Markdown, as main renders it now. */
function summaryPoints(keel: TestKeel): string[] {
  const { text } = keel.services.summary.preview(
    { from: '2025-03-01', to: '2025-03-11', sections: ['talkingPoints'] },
    'md',
  );
  return text
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).replace(/\\/g, ''));
}

describe('talking points: oldest first, labelled, editable and reorderable from the keyboard', () => {
  it('lists them oldest first, each with a labelled "Discussed" box', SLOW, async () => {
    const { list } = await open(await withPoints());
    expect(shown(list)).toEqual(['Hiring plan', 'On-call rotation', 'Conference budget']);
    const box = within(list).getByRole('checkbox', { name: 'Discussed: Hiring plan' });
    expect(box.closest('label')).toHaveTextContent('Discussed');
  });

  it(
    'Move up / Move down and Alt+Arrow keys reorder them; focus stays, the change is announced',
    SLOW,
    async () => {
      const keel = await withPoints();
      const { user, list } = await open(keel);
      const up = within(list).getByRole('button', { name: 'Move “Conference budget” up' });
      await user.click(up);
      await waitFor(() =>
        expect(shown(list)).toEqual(['Hiring plan', 'Conference budget', 'On-call rotation']),
      );
      expect(up).toHaveFocus();
      expect(screen.getByText('“Conference budget” is now number 2 of 3.')).toBeInTheDocument();

      // Alt+ArrowUp from the button again: to the top, where Up is disabled and focus moves to Down.
      await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
      await waitFor(() =>
        expect(shown(list)).toEqual(['Conference budget', 'Hiring plan', 'On-call rotation']),
      );
      expect(within(list).getByRole('button', { name: 'Move “Conference budget” down' })).toHaveFocus();

      // From the "Discussed" box of another point.
      within(list).getByRole('checkbox', { name: 'Discussed: On-call rotation' }).focus();
      await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
      await waitFor(() =>
        expect(shown(list)).toEqual(['Conference budget', 'On-call rotation', 'Hiring plan']),
      );
      expect(within(list).getByRole('checkbox', { name: 'Discussed: On-call rotation' })).toHaveFocus();
      expect(within(list).getByRole('checkbox', { name: 'Discussed: On-call rotation' })).not.toBeChecked();

      // Main keeps the order, and the summary's agenda comes out the same.
      expect(keel.services.talkingPoints.list().map((p) => p.text)).toEqual(shown(list));
      expect(summaryPoints(keel)).toEqual(shown(list));
    },
  );

  it('edits a point in place: Enter saves, Escape cancels, focus returns to Edit', SLOW, async () => {
    const keel = await withPoints();
    const { user, list } = await open(keel);
    await user.click(within(list).getByRole('button', { name: 'Edit “On-call rotation”' }));
    const field = within(list).getByRole('textbox', { name: 'Talking point (was “On-call rotation”)' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'On-call rotation for Q2{Enter}');
    const edit = await within(list).findByRole('button', { name: 'Edit “On-call rotation for Q2”' });
    await waitFor(() => expect(edit).toHaveFocus());
    expect(shown(list)).toEqual(['Hiring plan', 'On-call rotation for Q2', 'Conference budget']);
    expect(keel.callsTo('talk:edit')).toHaveLength(1);
    expect(summaryPoints(keel)[1]).toBe('On-call rotation for Q2');

    await user.click(edit);
    await user.keyboard('Changed my mind{Escape}');
    await waitFor(() =>
      expect(within(list).getByRole('button', { name: 'Edit “On-call rotation for Q2”' })).toHaveFocus(),
    );
    expect(keel.callsTo('talk:edit')).toHaveLength(1);

    await user.click(within(list).getByRole('button', { name: 'Edit “Hiring plan”' }));
    await user.clear(within(list).getByRole('textbox', { name: /Talking point/ }));
    await user.keyboard('{Enter}');
    expect(await within(list).findByRole('alert')).toHaveTextContent('Write the talking point.');
    expect(keel.services.talkingPoints.list()[0]?.text).toBe('Hiring plan');
  });
});
