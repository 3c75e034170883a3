import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-main/core/settings';
import { navItem, renderApp, settle } from './harness';
import type { TestKeel } from './keel-bridge';

/** Once start-up's reads and pushes are done: how often status and settings were read. */
async function settled(keel: TestKeel) {
  await settle(keel);
  return { status: keel.callsTo('app:status').length, settings: keel.callsTo('settings:get').length };
}

describe('state pushes (keel.onState)', () => {
  it('switches the view when main navigates (the tray menu)', async () => {
    const { keel } = await renderApp();
    expect(keel.listenerCount()).toBe(1);
    await act(async () => keel.tray.select({ kind: 'open', view: 'signoff' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Sign-off');
    expect(navItem('Sign-off')).toHaveAttribute('aria-current', 'page');
    await act(async () => keel.tray.select({ kind: 'open', view: 'one-on-one' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('One-on-one');
    expect(keel.shell.shown).toEqual(['signoff', 'one-on-one']);
  });

  it('re-reads status when the agenda changes in main (a block skipped from a notification)', async () => {
    const { keel } = await renderApp();
    const next = screen.getByRole('region', { name: 'Next up' });
    expect(within(next).getByText('Today, 09:00–11:00')).toBeInTheDocument();
    // The pre-warning comes first: a button can only be pressed on a notification Keel showed.
    await act(async () => keel.clock.advanceTo(Date.parse('2025-03-11T08:59:00+01:00')));
    expect(keel.notifier.shown.map((n) => n.id)).toContain('focus:2025-03-11@09:00#warn');
    const before = await settled(keel);
    await act(async () => keel.notifier.act('focus:2025-03-11@09:00#warn', 'skip'));
    expect(await within(next).findByText('Today, 14:00–16:00')).toBeInTheDocument();
    expect(keel.callsTo('app:status')).toHaveLength(before.status + 1);
    expect(keel.callsTo('settings:get')).toHaveLength(before.settings);
  });

  it('re-reads settings (and the status derived from them) when settings change in main', async () => {
    const { keel } = await renderApp();
    const before = await settled(keel);
    await act(async () =>
      keel.services.settings.set('workingHours', {
        ...defaultSettings('Europe/Berlin').workingHours,
        tue: { start: '10:00', end: '18:00' },
      }),
    );
    expect(await screen.findByText('10:00–18:00')).toBeInTheDocument();
    expect(keel.callsTo('settings:get')).toHaveLength(before.settings + 1);
  });

  it('unsubscribes when the app unmounts', async () => {
    const { keel, unmount } = await renderApp();
    unmount();
    expect(keel.listenerCount()).toBe(0);
  });
});
