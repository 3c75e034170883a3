import { afterEach, describe, expect, it } from 'vitest';
import { desktopAdapters } from '../../src-main/electron/desktop-adapters';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import type { SwitchingNotifier } from '../../src-main/platform/notify/switching-notifier';
import { RecordingNotifier } from '../../src-main/platform/recording';
import { tempDir } from '../helpers/temp';
import { FakeLogind, FakeMutterIdleMonitor } from './support/fake-desktop';
import { FakeNotificationServer } from './support/fake-notification-server';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

let bus: PrivateBus | undefined;
afterEach(() => {
  bus?.stop();
  bus = undefined;
});

describe.skipIf(!hasDaemon)(`the desktop adapters at quit${skipReason}`, () => {
  it('dispose removes Mutter’s watches and closes every bus connection they opened', async () => {
    const started = await startPrivateBus();
    bus = started;
    const mutter = await new FakeMutterIdleMonitor(() => Date.now()).start(started);
    await new FakeLogind().start(started);
    await FakeNotificationServer.start(started, ['actions', 'body']);
    const closed: boolean[] = [];
    const desktop = desktopAdapters({
      platform: 'linux',
      env: {
        XDG_CURRENT_DESKTOP: 'ubuntu:GNOME',
        XDG_SESSION_TYPE: 'wayland',
        DBUS_SESSION_BUS_ADDRESS: started.address,
        DBUS_SYSTEM_BUS_ADDRESS: started.address,
      },
      powerMonitor: new FakePowerMonitor(),
      dataDir: tempDir(),
      version: '0.0.0-test',
      fallbackNotifier: new RecordingNotifier(),
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
    await expect.poll(() => (desktop.adapters.screenLockReported as () => boolean)()).toBe(true);
    expect(closed).toEqual([false, false, false]);

    desktop.dispose();
    await expect.poll(() => mutter.idleWatches.size + mutter.activeWatches.size).toBe(0);
    await expect.poll(() => closed).toEqual([true, true, true]);
  });
});
