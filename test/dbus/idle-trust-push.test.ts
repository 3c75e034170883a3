import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app';
import { FakeLogind, FakeMutterIdleMonitor } from './support/fake-desktop';
import { desktopAdaptersOn, linuxEnv, lockReported, privateBusForTest } from './support/linux-desktop';
import { hasDaemon, skipReason } from './support/private-bus';

const at = (hhmm: string) => Date.parse(`2027-03-15T${hhmm}:00+01:00`);
const UNTRUSTED =
  'Keel cannot trust this desktop’s idle time, so it goes by the screen lock and sleep instead.';

describe.skipIf(!hasDaemon)(`the idle time's verdict reaches the window${skipReason}`, () => {
  it('an idle time stuck at 0 through a lock pushes "desktop" to the window, and the notice says so', async () => {
    const started = await privateBusForTest();
    const clock = { t: at('09:00') };
    const now = () => clock.t;
    const mutter = await new FakeMutterIdleMonitor(now).start(started);
    const logind = await new FakeLogind().start(started);
    const desktop = desktopAdaptersOn(started, {
      env: linuxEnv(started, { XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'wayland' }),
      clock: { now },
    });
    const { adapters } = desktop;
    const made = makeApp(at('09:00'), {
      adapters: { power: adapters.power, desktopProbes: adapters.desktopProbes },
    });
    made.app.start();
    const trust = () => made.app.handlers['desktop:idleTrust']({});
    const desktopPushes = () =>
      made.pushed.filter((e) => e.type === 'changed' && e.topics.includes('desktop')).length;
    // Once presence has found Mutter and logind: believed, no notice.
    await expect.poll(() => lockReported(adapters)).toBe(true);
    await expect.poll(() => desktopPushes()).toBeGreaterThanOrEqual(1);
    const settled = desktopPushes();
    expect(await trust()).toEqual({ trusted: true, notice: null });
    // Locked for ten minutes while Mutter says 0.
    const locks: string[] = [];
    adapters.power.on('lock-screen', () => locks.push('lock'));
    mutter.broken = true;
    logind.setLockedHint(true);
    await expect.poll(() => locks).toEqual(['lock']);
    clock.t = at('09:10');
    await adapters.power.refreshIdle?.();
    logind.setLockedHint(false);
    await expect.poll(() => desktopPushes()).toBe(settled + 1);
    expect(made.pushed.at(-1)).toEqual({ type: 'changed', topics: ['desktop'] });
    expect(await trust()).toEqual({ trusted: false, notice: UNTRUSTED });
    made.app.stop();
    desktop.dispose();
  });
});
