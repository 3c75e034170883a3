import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderView } from './harness';
import { createTestKeel } from './keel-bridge';

const NOTICE = 'Keel cannot trust this desktop’s idle time, so it goes by the screen lock and sleep instead.';

describe("Settings: the notice when Keel does not believe the desktop's idle time", () => {
  it('appears in Settings itself, outside This computer, when main says the verdict flipped', async () => {
    const keel = createTestKeel();
    renderView('settings', keel);
    const computer = await screen.findByRole('region', { name: 'This computer' });
    await within(computer).findByText(/^Keel .* on /);
    expect(screen.queryByText(NOTICE)).toBeNull();
    expect(keel.desktopProbes.runs).toBe(1);

    act(() => keel.desktopProbes.setTrust({ trusted: false, notice: NOTICE }));
    const notice = await screen.findByText(NOTICE);
    expect(computer.contains(notice)).toBe(false);
    expect(notice.closest('[role="status"]')).not.toBeNull();
    // This computer looks again too, without "Check again".
    await expect.poll(() => keel.desktopProbes.runs).toBe(2);

    act(() => keel.desktopProbes.setTrust({ trusted: true, notice: null }));
    await expect.poll(() => screen.queryByText(NOTICE)).toBeNull();
  });

  it('is there when Settings opens on a desktop already found untrustworthy', async () => {
    const keel = createTestKeel();
    keel.desktopProbes.trust = { trusted: false, notice: NOTICE };
    renderView('settings', keel);
    expect(await screen.findByText(NOTICE)).toBeTruthy();
  });
});
