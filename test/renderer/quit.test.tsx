import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { renderApp } from './harness';

/**
 * Closing the window only hides Keel, and a desktop without a tray host has no tray menu: the
 * window itself must quit Keel, through main (the same shell.quit as the tray's Quit, so main's
 * before-quit puts do-not-disturb back first).
 */
describe('quitting from the window', () => {
  it('"Quit Keel" in the sidebar asks main to quit', async () => {
    const { keel, user } = await renderApp();
    expect(keel.shell.quitRequested).toBe(false);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'Quit Keel' }));
    await waitFor(() => expect(keel.shell.quitRequested).toBe(true));
    expect(keel.callsTo('app:quit')).toEqual([{}]);
  });

  it('Ctrl+Q quits, and the shortcuts list says so', async () => {
    const { keel, user } = await renderApp();
    await user.keyboard('{Control>}q{/Control}');
    await waitFor(() => expect(keel.shell.quitRequested).toBe(true));

    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText(/^Quit Keel/)).toBeInTheDocument();
  });

  it('Q alone, or with Shift, does not quit (typing in a field stays typing)', async () => {
    const { keel, user } = await renderApp();
    await user.keyboard('q{Control>}{Shift>}q{/Shift}{/Control}');
    expect(keel.callsTo('app:quit')).toEqual([]);
    expect(keel.shell.quitRequested).toBe(false);
  });

  it('where there is no window to quit (the keel command), the channel says so in one sentence', async () => {
    const { keel } = await renderApp();
    const result = await dispatch(createHandlers(keel.services), 'app:quit', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'There is no Keel window here to quit.' },
    });
  });
});
