import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './harness';
import { createTestKeel } from './keel-bridge';

/**
 * Keel's own shown times follow the system's 12/24-hour choice, which main reads from the system
 * (en-US: 12-hour, en-GB: 24-hour) and sends with app:status. Tuesday 11 March 2025, 08:40.
 */
async function openFocusWith(hourCycle: 'h12' | 'h23') {
  const keel = createTestKeel({
    hourCycle,
    settings: { focusPlan: [{ weekday: 'tue', start: '14:00', end: '16:00' }] },
  });
  const app = await renderApp(keel);
  return app;
}

describe('times follow the system 12/24-hour choice', () => {
  it('a 12-hour system (en-US) reads 9:00 AM–5:30 PM and 2:00 PM–4:00 PM', async () => {
    const { user } = await openFocusWith('h12');
    // The system's choice comes with app:status, which may answer after Today's card has drawn.
    expect(await screen.findByText('9:00 AM–5:30 PM')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Focus' }));
    const blocks = await screen.findByRole('region', { name: 'Today’s blocks' });
    expect(within(blocks).getByText('2:00 PM–4:00 PM')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\b14:00\b/);
  });

  it('a 24-hour system (en-GB) reads 09:00–17:30 and 14:00–16:00', async () => {
    const { user } = await openFocusWith('h23');
    expect(await screen.findByText('09:00–17:30')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Focus' }));
    const blocks = await screen.findByRole('region', { name: 'Today’s blocks' });
    expect(within(blocks).getByText('14:00–16:00')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\bPM\b/);
  });
});
