import { afterEach, describe, expect, it } from 'vitest';
import { PRESENCE_SAMPLE_MS } from '../../src-main/app/presence-ticker';
import type { ManualClock } from '../../src-main/core/clock';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import { createLinuxPresence, type LinuxPresence } from '../../src-main/platform/linux-presence/compose';
import { makeApp } from '../helpers/app';
import { FakeLogind, FakeMutterIdleMonitor } from './support/fake-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

// 2027-03-15 is a Monday; Berlin is UTC+1.
const at = (hhmm: string) => Date.parse(`2027-03-15T${hhmm}:00+01:00`);
const GNOME = { XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'wayland' };

let bus: PrivateBus | undefined;
let presence: LinuxPresence | undefined;
afterEach(() => {
  presence?.dispose();
  bus?.stop();
  presence = bus = undefined;
});

/** GNOME presence on a private bus (session and "system" alike), and the app on it at 08:50. */
async function gnomeApp() {
  const started = await startPrivateBus();
  bus = started;
  const clockRef: { clock?: ManualClock } = {};
  const now = () => clockRef.clock?.now() ?? at('08:50');
  const mutter = await new FakeMutterIdleMonitor(now).start(started);
  const logind = await new FakeLogind().start(started);
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
  return { made, mutter, logind, linux };
}

const activeSpan = (made: ReturnType<typeof makeApp>) => {
  const s = made.services.signoff.status();
  return [s.firstActive, s.lastActive];
};

describe.skipIf(!hasDaemon)(`Mutter's watches replace the quarter-hour samples${skipReason}`, () => {
  it('nothing asks Mutter while the user is away; the return samples at once and ticking resumes', async () => {
    const { made, mutter } = await gnomeApp();
    made.app.start();
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '08:50']);
    made.clock.advanceTo(at('09:00'));
    mutter.input();
    made.clock.advanceTo(at('09:05'));
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '09:00']);
    // The last input at 09:07; Mutter's idle watch fires a minute later.
    made.clock.advanceTo(at('09:07'));
    mutter.input();
    made.clock.advanceTo(at('09:08'));
    mutter.fireIdleWatches();
    await expect.poll(() => mutter.activeWatches.size).toBe(1);
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '09:07']);
    const asked = mutter.getIdletimeCalls;
    // Away three hours: no quarter-hour wake-up, no question to Mutter.
    const pendingAway = made.clock.pendingCount();
    made.clock.advanceTo(at('12:03'));
    expect(made.clock.pendingCount()).toBe(pendingAway);
    await bus!.quiet(); // a call a wake-up made would have been answered by now
    expect(mutter.getIdletimeCalls).toBe(asked);
    expect(activeSpan(made)).toEqual(['08:50', '09:07']);
    // Back at 12:03: the active watch is the sample, and the quarter-hour wake-up is armed again.
    mutter.input();
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '12:03']);
    expect(made.clock.pendingCount()).toBe(pendingAway + 1);
    made.clock.advanceTo(at('12:03') + PRESENCE_SAMPLE_MS);
    await expect.poll(() => mutter.getIdletimeCalls).toBe(asked + 2);
    made.app.stop();
  });

  it('an untrusted verdict brings the quarter-hour samples back', async () => {
    const { made, mutter, logind, linux } = await gnomeApp();
    made.app.start();
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '08:50']);
    made.clock.advanceTo(at('09:01'));
    mutter.fireIdleWatches();
    await expect.poll(() => mutter.activeWatches.size).toBe(1);
    const pendingAway = made.clock.pendingCount();
    // Locked for ten minutes while Mutter, broken now, says 0 and fires nothing.
    logind.setLockedHint(true);
    mutter.broken = true;
    made.clock.advanceTo(at('09:05'));
    await linux.power.refreshIdle();
    made.clock.advanceTo(at('09:15'));
    await linux.power.refreshIdle();
    logind.setLockedHint(false);
    await expect.poll(() => linux.status().trusted).toBe(false);
    expect(made.clock.pendingCount()).toBe(pendingAway + 1);
    made.app.stop();
  });
});
