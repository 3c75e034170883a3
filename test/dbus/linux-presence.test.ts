import { afterEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src-main/core/clock';
import type { SessionBusOptions } from '../../src-main/platform/dbus/session-bus';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import { createLinuxPresence, type LinuxPresence } from '../../src-main/platform/linux-presence/compose';
import { makeApp } from '../helpers/app';
import { FakeLogind, FakeMutterIdleMonitor, FakeScreenSaver } from './support/fake-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

// 2027-03-15 is a Monday; Berlin is UTC+1.
const at = (hhmm: string) => Date.parse(`2027-03-15T${hhmm}:00+01:00`);
const GNOME = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', XDG_SESSION_TYPE: 'wayland' };
const KDE = { XDG_CURRENT_DESKTOP: 'KDE', XDG_SESSION_TYPE: 'wayland' };
/** The quarter-hour ticks from 08:50 that fall after 12:05 and by 13:00: 12:20, 12:35, 12:50. */
const SAMPLES_1205_TO_1300 = 3;

let bus: PrivateBus | undefined;
let presence: LinuxPresence | undefined;
afterEach(() => {
  presence?.dispose();
  bus?.stop();
  presence = bus = undefined;
});

/**
 * Presence on the private bus (both the "session" and the "system" bus, so the fake logind sits
 * there too), on a clock the test holds; `later` gets it once the app made it.
 */
async function setup(env: Record<string, string>, timeoutMs?: number) {
  const started = await startPrivateBus();
  bus = started;
  const clockRef: { clock?: ManualClock } = {};
  const now = () => clockRef.clock?.now() ?? at('08:50');
  const pm = new FakePowerMonitor();
  const address = bus.address;
  // Every address the adapter asks for is this private bus (session and "system" alike).
  const connect = (_address: string, options: SessionBusOptions) => started.connect(options);
  const start = () => {
    presence = createLinuxPresence({
      env: { ...env, DBUS_SESSION_BUS_ADDRESS: address, DBUS_SYSTEM_BUS_ADDRESS: address },
      powerMonitor: pm,
      clock: { now },
      connect,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    return presence;
  };
  return { bus: started, now, pm, start, clockRef };
}

function appOn(linux: LinuxPresence, clockRef: { clock?: ManualClock }) {
  const made = makeApp(at('08:50'), { adapters: { power: linux.power, screenLockReported: true } });
  clockRef.clock = made.clock;
  return made;
}

const activeSpan = (made: ReturnType<typeof makeApp>) => {
  const s = made.services.signoff.status();
  return [s.firstActive, s.lastActive];
};

describe.skipIf(!hasDaemon)(`presence on Linux desktops, on a private dbus-daemon${skipReason}`, () => {
  it('GNOME: first and last input of the day from Mutter through the presence ticker; logind locks', async () => {
    const { bus, now, start, clockRef } = await setup(GNOME);
    const mutter = await new FakeMutterIdleMonitor(now).start(bus);
    const logind = await new FakeLogind().start(bus);
    const linux = start();
    await linux.ready;
    expect(linux.status()).toEqual({
      idleSource: 'mutter',
      idleWatches: true,
      trusted: true,
      lockSource: 'logind',
    });
    const made = appOn(linux, clockRef);
    const locks: string[] = [];
    linux.power.on('lock-screen', () => locks.push('lock'));
    linux.power.on('unlock-screen', () => locks.push('unlock'));
    made.app.start();
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '08:50']);
    mutter.lastInputAt = at('11:55');
    made.clock.advanceTo(at('12:05'));
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '11:55']);
    logind.setLockedHint(true);
    await expect.poll(() => locks).toEqual(['lock']);
    // Away over lunch: the quarter-hour samples read Mutter's growing idle time, not "0".
    await bus.quiet();
    const calls = mutter.getIdletimeCalls;
    made.clock.advanceTo(at('13:00'));
    await bus.quiet(); // each sample's answer is in, and the app has looked at it
    expect(mutter.getIdletimeCalls - calls).toBe(SAMPLES_1205_TO_1300);
    expect(activeSpan(made)).toEqual(['08:50', '11:55']);
    logind.setLockedHint(false);
    await expect.poll(() => locks).toEqual(['lock', 'unlock']);
    made.app.stop();
  });

  it("GNOME: Mutter's idle and active watches keep the idle time current without asking", async () => {
    const { bus, start, clockRef } = await setup(GNOME);
    const clock = { t: at('09:00') };
    clockRef.clock = { now: () => clock.t } as ManualClock;
    const mutter = await new FakeMutterIdleMonitor(() => clock.t).start(bus);
    const linux = start();
    await linux.ready;
    expect([...mutter.idleWatches.values()]).toEqual([60_000]);
    clock.t = at('09:07');
    mutter.fireIdleWatches(); // away since 09:00
    await expect.poll(() => linux.power.idleSeconds()).toBe(7 * 60);
    await expect.poll(() => mutter.activeWatches.size).toBe(1);
    clock.t = at('09:30');
    expect(linux.power.idleSeconds()).toBe(30 * 60);
    mutter.input(); // back
    await expect.poll(() => linux.power.idleSeconds()).toBe(0);
    // One reading at start and one when the idle watch fired; the return came from the watch.
    expect(mutter.getIdletimeCalls).toBe(2);
  });

  it('logind: Lock/Unlock and LockedHint become lock-screen/unlock-screen, once per change', async () => {
    const { bus, start } = await setup(KDE);
    const logind = await new FakeLogind().start(bus);
    const linux = start();
    await linux.ready;
    expect(linux.status().lockSource).toBe('logind');
    const events: string[] = [];
    linux.power.on('lock-screen', () => events.push('lock'));
    linux.power.on('unlock-screen', () => events.push('unlock'));
    logind.signal('Lock');
    await expect.poll(() => events).toEqual(['lock']);
    logind.setLockedHint(true);
    logind.setLockedHint(false);
    await expect.poll(() => events).toEqual(['lock', 'unlock']);
    logind.signal('Unlock');
    logind.signal('Lock');
    await expect.poll(() => events).toEqual(['lock', 'unlock', 'lock']);
  });

  it('an idle time that stays 0 through a lock is not trusted: presence goes by lock times', async () => {
    const { bus, now, start, clockRef } = await setup(KDE);
    const saver = await new FakeScreenSaver(now).start(bus);
    saver.broken = true;
    const linux = start();
    await linux.ready;
    expect(linux.status()).toEqual({
      idleSource: 'screensaver',
      idleWatches: false,
      trusted: true,
      lockSource: 'screensaver',
    });
    const made = appOn(linux, clockRef);
    let locks = 0;
    linux.power.on('lock-screen', () => locks++);
    made.app.start();
    await expect.poll(() => activeSpan(made)).toEqual(['08:50', '08:50']);
    made.clock.advanceTo(at('12:00'));
    saver.setActive(true); // locked at 12:00
    await expect.poll(() => locks).toBe(1);
    await bus.quiet();
    const calls = saver.idleCalls;
    made.clock.advanceTo(at('12:30'));
    await bus.quiet(); // the samples during the lock are read: they are the evidence
    expect(saver.idleCalls - calls).toBe(2);
    saver.setActive(false);
    await expect.poll(() => linux.status().trusted).toBe(false);
    expect(linux.status().why).toBe(
      'The idle time stayed at 0 while the screen was locked for 30 minutes, so Keel goes by lock and sleep times instead.',
    );
    made.clock.advanceTo(at('17:00'));
    saver.setActive(true);
    await expect.poll(() => locks).toBe(2);
    await bus.quiet();
    const before = saver.idleCalls;
    made.clock.advanceTo(at('18:00'));
    await bus.quiet();
    expect(saver.idleCalls - before).toBe(4);
    // Away since the lock at 17:00, although the source still says "0".
    expect(activeSpan(made)).toEqual(['08:50', '17:00']);
    made.app.stop();
  });

  it('a source that does not answer is given up after the timeout, and the next one is used', async () => {
    // 1.5 s: Mutter's three calls must each answer within it on a heavily loaded 2-core machine.
    const { bus, now, start } = await setup(KDE, 1_500);
    const saver = await new FakeScreenSaver(now).start(bus);
    saver.stall = true;
    await new FakeMutterIdleMonitor(now).start(bus);
    const started = Date.now();
    const linux = start();
    await linux.ready;
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(linux.status().idleSource).toBe('mutter');
  });

  it('Wayland with no idle source says so, and counts suspend as away', async () => {
    const { start, pm, clockRef } = await setup(KDE);
    const clock = { t: at('10:00') };
    clockRef.clock = { now: () => clock.t } as ManualClock;
    const linux = start();
    await linux.ready;
    expect(linux.status()).toMatchObject({ idleSource: 'none', trusted: false, lockSource: 'none' });
    expect(linux.status().why).toBe(
      'This desktop tells Keel no idle time, so Keel goes by lock and sleep times instead.',
    );
    pm.idleSeconds = 0;
    pm.emit('suspend');
    clock.t = at('10:20');
    expect(linux.power.idleSeconds()).toBe(20 * 60);
    pm.emit('resume');
    expect(linux.power.idleSeconds()).toBe(0);
  });
});
