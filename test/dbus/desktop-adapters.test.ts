import { describe, expect, it } from 'vitest';
import type { SwitchingNotifier } from '../../src-main/platform/notify/switching-notifier';
import { FakeLogind, FakeMutterIdleMonitor } from './support/fake-desktop';
import { FakeNotificationServer } from './support/fake-notification-server';
import { desktopAdaptersOn, lockReported, privateBusForTest } from './support/linux-desktop';
import { hasDaemon, skipReason } from './support/private-bus';

describe.skipIf(!hasDaemon)(`the desktop adapters at quit${skipReason}`, () => {
  it('dispose removes Mutter’s watches and closes every bus connection they opened', async () => {
    const started = await privateBusForTest();
    const mutter = await new FakeMutterIdleMonitor(() => Date.now()).start(started);
    await new FakeLogind().start(started);
    await FakeNotificationServer.start(started, ['actions', 'body']);
    const closed: boolean[] = [];
    const desktop = desktopAdaptersOn(started, {
      connect: (_address, options) => {
        const connection = started.connect(options);
        const index = closed.push(false) - 1;
        connection.onClose(() => (closed[index] = true));
        return connection;
      },
    });
    // Presence's session and "system" connections, and the notifier's.
    expect(await (desktop.adapters.notifier as SwitchingNotifier).settled).toBe('server');
    await expect.poll(() => mutter.idleWatches.size).toBe(1);
    await expect.poll(() => lockReported(desktop.adapters)).toBe(true);
    expect(closed).toEqual([false, false, false]);

    desktop.dispose();
    await expect.poll(() => mutter.idleWatches.size + mutter.activeWatches.size).toBe(0);
    await expect.poll(() => closed).toEqual([true, true, true]);
  });
});
