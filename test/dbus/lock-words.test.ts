import { afterEach, describe, expect, it } from 'vitest';
import { desktopAdapters, type DesktopAdapters } from '../../src-main/electron/desktop-adapters';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import { RecordingNotifier } from '../../src-main/platform/recording';
import { makeApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';
import { FakeLogind } from './support/fake-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

// 2027-03-15 is a Monday; Berlin is UTC+1. The default plan has a block at 09:00–11:00.
const at = (hhmm: string) => Date.parse(`2027-03-15T${hhmm}:00+01:00`);
const CUE = 'CUE-51f0: the flaky upload test';

let bus: PrivateBus | undefined;
let desktop: DesktopAdapters | undefined;
afterEach(() => {
  desktop?.dispose();
  bus?.stop();
  bus = desktop = undefined;
});

/** Main's adapters on Linux (GNOME on Wayland), every bus they open being the private one. */
async function linuxAdapters(withLogind: boolean) {
  const started = await startPrivateBus();
  bus = started;
  const logind = withLogind ? await new FakeLogind().start(started) : undefined;
  desktop = desktopAdapters({
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
    connect: () => started.connect(),
  });
  const { adapters } = desktop;
  const reported = adapters.screenLockReported as () => boolean;
  return { adapters, logind, reported };
}

describe.skipIf(!hasDaemon)(`"hide my words when locked" on Linux${skipReason}`, () => {
  it('with logind, the lock is known: the words show unlocked and are taken back at the lock', async () => {
    const { adapters, logind, reported } = await linuxAdapters(true);
    await expect.poll(reported).toBe(true);
    const made = makeApp(at('08:58'), {
      adapters: { power: adapters.power, screenLockReported: adapters.screenLockReported },
    });
    made.services.focus.leaveOff(CUE);
    made.app.start();
    made.clock.advanceTo(at('09:00'));
    const cue = made.notifier.shown.find((n) => n.body.includes(CUE));
    expect(cue).toBeDefined();
    logind!.setLockedHint(true);
    await expect.poll(() => made.notifier.withdrawn).toEqual([cue!.id]);
    made.app.stop();
  });

  it('without logind or a screensaver the lock stays unknown, so the words stay hidden', async () => {
    const { adapters, reported } = await linuxAdapters(false);
    // Every source has been tried: no call is waiting for its answer, nor one about to be made.
    await bus!.quiet();
    expect(reported()).toBe(false);
    const made = makeApp(at('08:58'), {
      adapters: { power: adapters.power, screenLockReported: adapters.screenLockReported },
    });
    made.services.focus.leaveOff(CUE);
    made.app.start();
    made.clock.advanceTo(at('09:00'));
    expect(made.notifier.shown.at(-1)?.body).toBe('Where you left off is waiting in Keel.');
    made.app.stop();
  });
});
