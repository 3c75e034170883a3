import { describe, expect, it } from 'vitest';
import type { SessionBus } from '../../src-main/platform/dbus/session-bus';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import { createLinuxPresence } from '../../src-main/platform/linux-presence/compose';
import { InMemoryMutter } from '../../bench/lib/fake-mutter';

describe('Linux presence disposed before its sources answered', () => {
  it('lets go of a source that answers after dispose: its idle watch is removed, not kept', async () => {
    // Replies already on their way when Keel quits still arrive (this bus answers after close).
    const mutter = new InMemoryMutter();
    const connect = (): SessionBus =>
      Object.assign(mutter, { onClose: () => undefined, close: () => undefined }) as unknown as SessionBus;
    const presence = createLinuxPresence({
      env: {
        XDG_CURRENT_DESKTOP: 'GNOME',
        XDG_SESSION_TYPE: 'wayland',
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/x',
      },
      powerMonitor: new FakePowerMonitor(),
      clock: { now: () => 0 },
      connect,
    });
    presence.dispose();
    await presence.ready;
    expect(mutter.calls.get('AddIdleWatch')).toBe(1);
    expect(mutter.calls.get('RemoveWatch')).toBe(1);
    expect(presence.status().idleSource).toBe('none');
  });
});
