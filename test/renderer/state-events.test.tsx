import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { navItem, renderApp } from './render-app';

describe('state pushes (keel.onState)', () => {
  it('switches the view on {type:"navigate"}', async () => {
    const { fake } = await renderApp();
    expect(fake.listenerCount()).toBe(1);
    act(() => fake.emit({ type: 'navigate', view: 'signoff' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Sign-off');
    expect(navItem('Sign-off')).toHaveAttribute('aria-current', 'page');
    act(() => fake.emit({ type: 'navigate', view: 'one-on-one' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('One-on-one');
  });

  it('re-reads status on a "status" change', async () => {
    const { fake } = await renderApp();
    fake.patchStatus({
      nextEvent: {
        id: 'check:1',
        kind: 'check',
        title: 'How is the workload?',
        start: '2025-03-11T13:00:00+01:00',
      },
    });
    act(() => fake.emit({ type: 'changed', topics: ['status'] }));
    const next = screen.getByRole('region', { name: 'Next up' });
    expect(await within(next).findByText('How is the workload?')).toBeInTheDocument();
    expect(fake.callsTo('app.status')).toHaveLength(2);
    expect(fake.callsTo('settings.get')).toHaveLength(1);
  });

  it('re-reads settings (and the status derived from them) on a "settings" change', async () => {
    const { fake } = await renderApp();
    fake.replaceSettings({
      workingHours: { ...fake.settings.workingHours, tue: { start: '10:00', end: '18:00' } },
    });
    act(() => fake.emit({ type: 'changed', topics: ['settings'] }));
    expect(await screen.findByText('10:00–18:00')).toBeInTheDocument();
    expect(fake.callsTo('settings.get')).toHaveLength(2);
  });

  it('unsubscribes when the app unmounts', async () => {
    const { fake, unmount } = await renderApp();
    unmount();
    expect(fake.listenerCount()).toBe(0);
  });
});
