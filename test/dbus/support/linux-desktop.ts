import { expect, onTestFinished } from 'vitest';
import type { ManualClock } from '../../../src-main/core/clock';
import {
  desktopAdapters,
  type DesktopAdapterOptions,
  type DesktopAdapters,
} from '../../../src-main/electron/desktop-adapters';
import { FakePowerMonitor } from '../../../src-main/platform/fakes/fake-power-monitor';
import { createLinuxPresence, type LinuxPresence } from '../../../src-main/platform/linux-presence/compose';
import {
  createSwitchingNotifier,
  type SwitchingNotifierOptions,
} from '../../../src-main/platform/notify/switching-notifier';
import { RecordingNotifier } from '../../../src-main/platform/recording';
import { makeApp } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';
import { FakeLogind, FakeMutterIdleMonitor } from './fake-desktop';
import { startPrivateBus, type PrivateBus } from './private-bus';

/** Which desktop a Linux session says it is, as its environment tells. */
export interface Desktop {
  XDG_CURRENT_DESKTOP: string;
  XDG_SESSION_TYPE: string;
}

/** Ubuntu's GNOME on Wayland. */
export const UBUNTU_GNOME: Desktop = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', XDG_SESSION_TYPE: 'wayland' };

/** A session's environment on `desktop` whose session bus and "system" bus are both `bus`. */
export function linuxEnv(bus: Pick<PrivateBus, 'address'>, desktop: Desktop): Record<string, string> {
  return { ...desktop, DBUS_SESSION_BUS_ADDRESS: bus.address, DBUS_SYSTEM_BUS_ADDRESS: bus.address };
}

/**
 * Main's desktop adapters on Linux (Ubuntu's GNOME unless `overrides` says otherwise), every bus
 * they open being `bus`; the caller disposes them.
 */
export function desktopAdaptersOn(
  bus: PrivateBus,
  overrides: Partial<DesktopAdapterOptions> = {},
): DesktopAdapters {
  return desktopAdapters({
    platform: 'linux',
    env: linuxEnv(bus, UBUNTU_GNOME),
    powerMonitor: new FakePowerMonitor(),
    dataDir: tempDir(),
    version: '0.0.0-test',
    fallbackNotifier: new RecordingNotifier(),
    connect: () => bus.connect(),
    ...overrides,
  });
}

/**
 * Keel's notifier as main chooses it, on `bus` (a 2 s call limit unless `overrides` says
 * otherwise); Electron's stands in as a recording, `electron`.
 */
export function switchingNotifierOn(bus: PrivateBus, overrides: Partial<SwitchingNotifierOptions> = {}) {
  const electron = new RecordingNotifier();
  const notifier = createSwitchingNotifier({
    platform: 'linux',
    env: { DBUS_SESSION_BUS_ADDRESS: bus.address },
    connect: (_address, options) => bus.connect(options),
    fallback: electron,
    timeoutMs: 2_000,
    ...overrides,
  });
  return { notifier, electron };
}

/** Whether presence has found a source for the lock yet (screenLockReported is a function on Linux). */
export const lockReported = (adapters: DesktopAdapters['adapters']): boolean =>
  (adapters.screenLockReported as () => boolean)();

/** A private bus of its own for this test, stopped after it. */
export async function privateBusForTest(): Promise<PrivateBus> {
  const bus = await startPrivateBus();
  onTestFinished(() => bus.stop());
  return bus;
}

/**
 * Presence on `bus` (both the "session" and the "system" bus, so a fake logind sits there too),
 * on a clock the test holds: `startAt` until `appOn` makes the app, the app's clock after
 * (`clockRef` for a test that brings a clock of its own). `start` creates presence, disposed after
 * the test.
 */
export function presenceOn(bus: PrivateBus, desktop: Desktop, startAt: number, timeoutMs?: number) {
  const clockRef: { clock?: ManualClock } = {};
  const now = () => clockRef.clock?.now() ?? startAt;
  const pm = new FakePowerMonitor();
  const start = (): LinuxPresence => {
    const presence = createLinuxPresence({
      env: linuxEnv(bus, desktop),
      powerMonitor: pm,
      clock: { now },
      // Every address presence asks for is this private bus (session and "system" alike).
      connect: (_address, options) => bus.connect(options),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    onTestFinished(() => presence.dispose());
    return presence;
  };
  /** The app at `startAt` on that presence, which believes the lock is reported. */
  const appOn = (linux: LinuxPresence) => {
    const made = makeApp(startAt, { adapters: { power: linux.power, screenLockReported: true } });
    clockRef.clock = made.clock;
    return made;
  };
  return { now, pm, start, appOn, clockRef };
}

/** GNOME presence (Mutter's idle monitor, logind) on a private bus, and the app on it at `startAt`. */
export async function gnomeApp(desktop: Desktop, startAt: number) {
  const bus = await privateBusForTest();
  const { now, start, appOn } = presenceOn(bus, desktop, startAt);
  const mutter = await new FakeMutterIdleMonitor(now).start(bus);
  const logind = await new FakeLogind().start(bus);
  const linux = start();
  await linux.ready;
  return { bus, now, mutter, logind, linux, made: appOn(linux) };
}

/** At `when` Mutter's idle watch fires (the user is away); Keel answers with an active watch. */
export async function idleWatchFires(
  made: ReturnType<typeof makeApp>,
  mutter: FakeMutterIdleMonitor,
  when: number,
): Promise<void> {
  made.clock.advanceTo(when);
  mutter.fireIdleWatches();
  await expect.poll(() => mutter.activeWatches.size).toBe(1);
}

/** The day's first and last active times, as the sign-off shows them. */
export const activeSpan = (made: ReturnType<typeof makeApp>) => {
  const s = made.services.signoff.status();
  return [s.firstActive, s.lastActive];
};
