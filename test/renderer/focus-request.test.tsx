import { act, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Card } from '../../src-renderer/components/Card';
import { requestFocus, useFocusTarget } from '../../src-renderer/components/focusRequest';
import { useNavigation } from '../../src-renderer/stores/navigation';
import { renderApp, settle } from './harness';

/**
 * One way to move focus after an action or a command (components/focusRequest.ts): a named target
 * takes focus when it is asked for, whether it is drawn already or drawn later.
 */

function Later() {
  const [shown, setShown] = useState(false);
  const ref = useFocusTarget<HTMLInputElement>('new-talking-point');
  return (
    <>
      <button type="button" onClick={() => setShown((s) => !s)}>
        Show
      </button>
      {shown && <input ref={ref} aria-label="Later field" />}
    </>
  );
}

describe('focus requests', () => {
  it('a target drawn already takes focus at once; a form passes it to its first field', () => {
    function Form() {
      const ref = useFocusTarget<HTMLFormElement>('quick-check');
      return (
        <form ref={ref} aria-label="A form">
          <p>Intro</p>
          <input aria-label="First" />
          <input aria-label="Second" />
        </form>
      );
    }
    render(<Form />);
    act(() => requestFocus('quick-check'));
    expect(screen.getByRole('textbox', { name: 'First' })).toHaveFocus();
  });

  it('a target drawn later takes focus when it is drawn, once', async () => {
    render(<Later />);
    act(() => requestFocus('new-talking-point'));
    act(() => screen.getByRole('button', { name: 'Show' }).click());
    const field = screen.getByRole('textbox', { name: 'Later field' });
    expect(field).toHaveFocus();
    // Taken: drawing it again does not pull focus back.
    const show = screen.getByRole('button', { name: 'Show' });
    show.focus();
    act(() => show.click());
    act(() => show.click());
    expect(screen.getByRole('textbox', { name: 'Later field' })).toBeInTheDocument();
    expect(show).toHaveFocus();
  });

  it('a navigation drops a request nothing took, so it cannot steal focus later', () => {
    render(<Later />);
    act(() => requestFocus('new-talking-point'));
    act(() => useNavigation.getState().navigate('focus', { focus: false }));
    const show = screen.getByRole('button', { name: 'Show' });
    show.focus();
    act(() => show.click());
    expect(show).toHaveFocus();
  });

  it('a card with a text title is asked for by it: its heading takes focus', () => {
    render(
      <Card title="Time zone">
        <p>Body</p>
      </Card>,
    );
    act(() => requestFocus('section:Time zone'));
    expect(screen.getByRole('heading', { name: 'Time zone' })).toHaveFocus();
  });

  it('the palette opens the quick check on its first question from Check-ins itself', async () => {
    const { user, keel } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Check-ins' }));
    const form = await screen.findByRole('form', { name: 'Quick check' });
    await settle(keel);
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' }, { timeout: 4000 });
    await user.type(within(dialog).getByRole('combobox', { name: 'Command' }), 'quick check');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(form.contains(document.activeElement)).toBe(true));
    expect(document.activeElement).toHaveAttribute('role', 'radio');
  });
});
