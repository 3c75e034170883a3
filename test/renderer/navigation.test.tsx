import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { navItem, renderApp } from './harness';

const LABELS = ['Today', 'Focus', 'Check-ins', 'Sign-off', 'One-on-one', 'Settings'];

function h1() {
  return screen.getByRole('heading', { level: 1 });
}

describe('sidebar navigation', () => {
  it('lists the six views in a labelled nav, Today current and the only tab stop', async () => {
    await renderApp();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const items = LABELS.map((name) => navItem(name));
    for (const item of items) expect(nav).toContainElement(item);
    expect(navItem('Today')).toHaveAttribute('aria-current', 'page');
    expect(items.filter((i) => i.hasAttribute('aria-current'))).toHaveLength(1);
    expect(items.map((i) => i.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('moves focus with arrows, Home and End (wrapping) without opening anything', async () => {
    const { user } = await renderApp();
    await user.tab(); // the skip link
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus();
    await user.tab();
    expect(navItem('Today')).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    expect(navItem('Focus')).toHaveFocus();
    expect(navItem('Focus').tabIndex).toBe(0);
    expect(navItem('Today').tabIndex).toBe(-1);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(navItem('Sign-off')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(navItem('Check-ins')).toHaveFocus();
    await user.keyboard('{End}');
    expect(navItem('Settings')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(navItem('Today')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(navItem('Settings')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(navItem('Today')).toHaveFocus();

    // Moving focus is not navigating.
    expect(h1()).toHaveTextContent('Today');
    expect(navItem('Today')).toHaveAttribute('aria-current', 'page');
  });

  it('opens a view with Enter or Space, marks it current and focuses its h1', async () => {
    const { user } = await renderApp();
    navItem('Today').focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(h1()).toHaveTextContent('Focus');
    expect(h1()).toHaveFocus();
    expect(navItem('Focus')).toHaveAttribute('aria-current', 'page');
    expect(navItem('Today')).not.toHaveAttribute('aria-current');

    // The tab stop follows the open view.
    expect(navItem('Focus').tabIndex).toBe(0);
    navItem('Focus').focus();
    await user.keyboard('{End} ');
    expect(h1()).toHaveTextContent('Settings');
    expect(h1()).toHaveFocus();
    expect(navItem('Settings')).toHaveAttribute('aria-current', 'page');
  });

  it('jumps to views with Ctrl+1…6 and Cmd+digit, from anywhere', async () => {
    const { user } = await renderApp();
    await user.keyboard('{Control>}3{/Control}');
    expect(h1()).toHaveTextContent('Check-ins');
    expect(h1()).toHaveFocus();
    expect(navItem('Check-ins')).toHaveAttribute('aria-current', 'page');

    await user.keyboard('{Control>}6{/Control}');
    expect(h1()).toHaveTextContent('Settings');

    // Also from inside a text field.
    await user.click(await screen.findByRole('combobox', { name: 'Time zone' }));
    await user.keyboard('{Meta>}4{/Meta}');
    expect(h1()).toHaveTextContent('Sign-off');
    expect(navItem('Sign-off')).toHaveAttribute('aria-current', 'page');

    await user.keyboard('{Control>}1{/Control}');
    expect(h1()).toHaveTextContent('Today');

    // Digits without the modifier, and Ctrl+7 (no such view), do nothing.
    await user.keyboard('5');
    await user.keyboard('{Control>}7{/Control}');
    expect(h1()).toHaveTextContent('Today');
  });

  it('opens a view with a click and the skip link jumps to the h1', async () => {
    const { user } = await renderApp();
    await user.click(navItem('One-on-one'));
    expect(h1()).toHaveTextContent('One-on-one');
    await user.click(screen.getByRole('link', { name: 'Skip to content' }));
    await waitFor(() => expect(h1()).toHaveFocus());
  });

  it('does not steal focus on start-up', async () => {
    await renderApp();
    expect(document.body).toHaveFocus();
  });
});
