import { afterEach, describe, expect, it } from 'vitest';
import { desktopAdapters, type DesktopAdapters } from '../../src-main/electron/desktop-adapters';
import { lockProbe, presenceProbes } from '../../src-main/platform/doctor/presence-probes';
import { runDesktopProbes } from '../../src-main/platform/doctor/probes';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import { RecordingNotifier } from '../../src-main/platform/recording';
import type { PresenceStatus } from '../../src-main/platform/linux-presence/linux-power';
import { tempDir } from '../helpers/temp';
import { FakeLogind, FakeMutterIdleMonitor } from './support/fake-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from './support/private-bus';

let bus: PrivateBus | undefined;
let desktop: DesktopAdapters | undefined;
afterEach(() => {
  desktop?.dispose();
  bus?.stop();
  bus = desktop = undefined;
});

const probe = (report: { probes: { id: string }[] }, id: string) => report.probes.find((p) => p.id === id);

describe.skipIf(!hasDaemon)(`Settings → This computer inside the app${skipReason}`, () => {
  it('says which idle and lock sources presence uses (logind, as keel doctor does)', async () => {
    bus = await startPrivateBus();
    const started = bus;
    await new FakeMutterIdleMonitor(() => Date.now()).start(started);
    await new FakeLogind().start(started);
    const env = {
      XDG_CURRENT_DESKTOP: 'ubuntu:GNOME',
      XDG_SESSION_TYPE: 'wayland',
      DBUS_SESSION_BUS_ADDRESS: started.address,
      DBUS_SYSTEM_BUS_ADDRESS: started.address,
    };
    desktop = desktopAdapters({
      platform: 'linux',
      env,
      powerMonitor: new FakePowerMonitor(),
      dataDir: tempDir(),
      version: '0.0.0-test',
      fallbackNotifier: new RecordingNotifier(),
      connect: () => started.connect(),
    });
    const { adapters } = desktop;
    await expect.poll(() => (adapters.screenLockReported as () => boolean)()).toBe(true);
    const report = await adapters.desktopProbes!.report();
    expect(probe(report, 'idle')).toEqual({
      id: 'idle',
      label: 'Idle time',
      state: 'works',
      detail:
        "GNOME's idle monitor (org.gnome.Mutter.IdleMonitor); it tells Keel when you go idle and come back.",
    });
    expect(probe(report, 'lock')).toMatchObject({
      state: 'works',
      detail: expect.stringContaining('logind'),
    });
    // keel doctor, a process of its own, tries the same sources on the same buses: logind too.
    const [doctorLock] = await runDesktopProbes({
      platform: 'linux',
      env,
      dataDir: tempDir(),
      probes: [lockProbe],
    });
    expect(doctorLock).toMatchObject({ state: 'works', detail: expect.stringContaining('logind') });
    // The rest of the report is keel doctor's own probes, in its order.
    expect(report.probes.map((p) => p.id)).toContain('tray');
  });
});

describe('the in-app idle and lock lines', () => {
  const run = async (status: PresenceStatus) => {
    const { idle, lock } = presenceProbes(() => status);
    const context = {} as Parameters<typeof idle.run>[0];
    return { idle: await idle.run(context), lock: await lock.run(context) };
  };

  it('an idle time that stayed 0 through a lock is limited, with presence’s reason', async () => {
    const why =
      'The idle time stayed at 0 while the screen was locked for 12 minutes, so Keel goes by lock and sleep times instead.';
    const found = await run({
      idleSource: 'screensaver',
      idleWatches: false,
      trusted: false,
      why,
      lockSource: 'none',
    });
    expect(found.idle.state).toBe('limited');
    expect(found.idle.detail).toContain(why);
    expect(found.lock.state).toBe('not-available');
  });

  it('no idle source: not available, with what to do', async () => {
    const found = await run({ idleSource: 'none', idleWatches: false, trusted: false, lockSource: 'logind' });
    expect(found.idle).toMatchObject({
      state: 'not-available',
      action: expect.stringContaining('Lock the screen'),
    });
    expect(found.lock.state).toBe('works');
  });
});
