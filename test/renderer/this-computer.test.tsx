import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESKTOP_REPORT } from '../../src-main/platform/recording';
import type { DesktopReport } from '../../src-main/shared/desktop-probes';
import { renderView } from './harness';
import { createTestKeel } from './keel-bridge';

/** A desktop with a tray and a lock source but no idle time. */
const REPORT: DesktopReport = {
  version: '9.8.7',
  platform: 'linux',
  probes: [
    {
      id: 'idle',
      label: 'Idle time',
      state: 'not-available',
      detail: 'IDLE-DETAIL-41',
      action: 'IDLE-ACTION-41',
    },
    { id: 'lock', label: 'Screen lock', state: 'works', detail: 'LOCK-DETAIL-42' },
    { id: 'notifications', label: 'Notification buttons', state: 'limited', detail: 'NOTE-DETAIL-43' },
  ],
};

async function card() {
  return screen.findByRole('region', { name: 'This computer' });
}

describe('Settings → This computer', () => {
  it('lists every probe main ran, with its state, what Keel found and what to do', async () => {
    const keel = createTestKeel();
    keel.desktopProbes.next = REPORT;
    renderView('settings', keel);
    const region = await card();
    await within(region).findByText('Keel 9.8.7 on Linux');
    const items = within(region).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Idle timeNot availableIDLE-DETAIL-41What to do: IDLE-ACTION-41',
      'Screen lockWorksLOCK-DETAIL-42',
      // Named by its id in the window's language, whatever label main gave it.
      'NotificationsLimitedNOTE-DETAIL-43',
    ]);
    expect(keel.callsTo('desktop:probes')).toHaveLength(1);
  });

  it('copies, from the keyboard, exactly what keel doctor --json prints for the report shown', async () => {
    const keel = createTestKeel();
    keel.desktopProbes.next = REPORT;
    const { user } = renderView('settings', keel);
    const region = await card();
    const copy = await within(region).findByRole('button', { name: 'Copy for a bug report' });
    // A newer look that the window has not shown is not what gets copied.
    keel.desktopProbes.next = EXAMPLE_DESKTOP_REPORT;
    copy.focus();
    await user.keyboard('{Enter}');
    await within(region).findByText(/^Copied\./);
    expect(keel.shell.copied).toEqual([`${JSON.stringify(REPORT, null, 2)}\n`]);
  });

  it('"Check again" looks again and shows the new findings', async () => {
    const keel = createTestKeel();
    keel.desktopProbes.next = REPORT;
    const { user } = renderView('settings', keel);
    const region = await card();
    await within(region).findByText('IDLE-DETAIL-41');
    keel.desktopProbes.next = EXAMPLE_DESKTOP_REPORT;
    await user.click(within(region).getByRole('button', { name: 'Check again' }));
    await within(region).findByText(EXAMPLE_DESKTOP_REPORT.probes[0]!.detail);
    expect(within(region).queryByText('IDLE-DETAIL-41')).toBeNull();
    expect(keel.desktopProbes.runs).toBe(2);
  });

  it('says in one sentence when main cannot look, and tries again', async () => {
    const keel = createTestKeel();
    keel.reject('desktop:probes', new Error('bus gone'), 1);
    const { user } = renderView('settings', keel);
    const region = await card();
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).not.toMatch(/bus gone|Error/);
    await user.click(within(region).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(region).getAllByRole('listitem').length).toBeGreaterThan(0));
  });
});
