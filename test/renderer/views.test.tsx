import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import { navItem, renderApp } from './harness';
import { createTestKeel, sqliteError } from './keel-bridge';

const VIEWS: [nav: string, h1: string, says: RegExp][] = [
  ['Today', 'Today', /Good morning/],
  ['Focus', 'Focus', /Next block today at 09:00/],
  ['Check-ins', 'Check-ins', /About twenty seconds, just for you/],
  ['Sign-off', 'Sign-off', /Working hours end at 17:30/],
  ['One-on-one', 'One-on-one', /see exactly what will be shared before anything leaves/],
  ['Settings', 'Settings', /Stored on this computer only/],
];

describe('views', () => {
  it.each(VIEWS)('%s renders exactly one h1 and says what it holds', async (nav, title, says) => {
    const { user } = await renderApp();
    await user.click(navItem(nav));
    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]).toHaveTextContent(title);
    expect(within(screen.getByRole('main')).getByText(says)).toBeInTheDocument();
  });

  it('Focus lists the current focus plan from settings in the editor', async () => {
    const keel = createTestKeel();
    await keel.settings({
      focusPlan: [
        { weekday: 'mon', start: '08:30', end: '10:00' },
        { weekday: 'thu', start: '13:00', end: '15:30' },
      ],
    });
    const { user } = await renderApp(keel);
    await user.click(navItem('Focus'));
    const plan = await screen.findByRole('region', { name: 'Weekly plan' });
    expect(within(plan).getByLabelText('Monday block 1 start')).toHaveValue('08:30');
    expect(within(plan).getByLabelText('Monday block 1 end')).toHaveValue('10:00');
    expect(within(plan).getByLabelText('Thursday block 1 start')).toHaveValue('13:00');
    expect(within(plan).getByLabelText('Thursday block 1 end')).toHaveValue('15:30');
    expect(within(plan).getAllByText('No blocks')).toHaveLength(5);
  });

  it('Focus shows the API error sentence when settings cannot be read, and retries', async () => {
    const keel = createTestKeel();
    keel.failNext('settings:get', sqliteError('SQLITE_IOERR_READ'));
    const { user } = await renderApp(keel);
    await user.click(navItem('Focus'));
    const plan = await screen.findByRole('region', { name: 'Weekly plan' });
    expect(within(plan).getByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.io);
    await user.click(within(plan).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('Monday block 1 start')).toHaveValue('09:00');
    expect(within(screen.getByRole('region', { name: 'Weekly plan' })).queryByRole('alert')).toBeNull();
    expect(keel.callsTo('settings:get')).toHaveLength(2);
  });
});
