import { afterEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src-main/core/clock';
import type { SessionBus } from '../../src-main/platform/dbus/session-bus';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import { createLinuxPresence, type LinuxPresence } from '../../src-main/platform/linux-presence/compose';
import { makeApp } from '../helpers/app';
import { FakeLogind, FakeMutterIdleMonitor } from './support/fake-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

// 2027-03-15 is a Monday; Berlin is UTC+1.
const at = (hhmm: string) => Date.parse(`2027-03-15T${hhmm}:00+01:00`);
const GNOME = { XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'x11' };

let bus: PrivateBus | undefined;
let presence: LinuxPresence | undefined;
afterEach(() => {
  presence?.dispose();
  bus?.stop();
  presence = bus = undefined;
});

async function gnomeApp() {
  const started = await startPrivateBus();
  bus = started;
  const clockRef: { clock?: ManualClock } = {};
  const now = () => clockRef.clock?.now() ?? at('08:50');
  const mutter = await new FakeMutterIdleMonitor(now).start(started);
  await new FakeLogind().start(started);
  const linux = createLinuxPresence({
    env: { ...GNOME, DBUS_SESSION_BUS_ADDRESS: started.address, DBUS_SYSTEM_BUS_ADDRESS: started.address },
    powerMonitor: new FakePowerMonitor(),
    clock: { now },
    connect: () => started.connect(),
  });
  presence = linux;
  await linux.ready;
  const made = makeApp(at('08:50'), { adapters: { power: linux.power, screenLockReported: true } });
  clockRef.clock = made.clock;
  return { made, mutter, now, started };
}

const activeSpan = (made: ReturnType<typeof makeApp>) => {
  const s = made.services.signoff.status();
  return [s.firstActive, s.lastActive];
};

/** gnome-shell restarted (Alt+F2 r on X11, or a crash): its watches are gone with it. */
function restartMutter(mutter: FakeMutterIdleMonitor): void {
  (mutter as unknown as { server: SessionBus }).server.close();
}

/**
 * The bus as GDBus services use it: the object is exported before the name is owned (the fakes
 * own it first), so a client that hears of the new owner finds the object there.
 */
function exportingFirst(bus: PrivateBus): PrivateBus {
  return {
    ...bus,
    connect(options) {
      const connection = bus.connect(options);
      let name = '';
      return {
        ...connection,
        requestName: (wanted: string) => Promise.resolve(((name = wanted), 1)),
        exportObject(...args: Parameters<SessionBus['exportObject']>) {
          connection.exportObject(...args);
          void connection.requestName(name);
        },
      };
    },
  };
}

describe.skipIf(!hasDaemon)(`a desktop whose idle monitor goes away while the user is${skipReason}`, () => {
  it('the quarter-hour tick does not sleep for good when Mutter restarts while the user is away', async () => {
    const { made, mutter, now, started } = await gnomeApp();
    made.app.start();
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '08:50']);
    made.clock.advanceTo(at('09:01'));
    mutter.fireIdleWatches();
    await expect.poll(() => mutter.activeWatches.size).toBe(1);
    const pendingAway = made.clock.pendingCount();
    restartMutter(mutter);
    const restarted = await new FakeMutterIdleMonitor(now).start(exportingFirst(started));
    await started.quiet();
    // Back at 10:00: the new Mutter knows of Keel's return only through watches Keel asked it for.
    made.clock.advanceTo(at('10:00'));
    restarted.input();
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '10:00']);
    expect(made.clock.pendingCount()).toBe(pendingAway + 1);
    // And the next time away is told again.
    made.clock.advanceTo(at('10:05'));
    restarted.fireIdleWatches();
    await expect.poll(() => restarted.activeWatches.size).toBe(1);
    made.app.stop();
  });

  it('the quarter-hour tick comes back when Mutter leaves the bus while the user is away', async () => {
    const { made, mutter } = await gnomeApp();
    made.app.start();
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '08:50']);
    made.clock.advanceTo(at('09:01'));
    mutter.fireIdleWatches();
    await expect.poll(() => mutter.activeWatches.size).toBe(1);
    const pendingAway = made.clock.pendingCount();
    restartMutter(mutter);
    await expect.poll(() => made.clock.pendingCount()).toBe(pendingAway + 1);
    made.app.stop();
  });
});
