import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src-main/cli/doctor';
import type { ProbeResult } from '../../src-main/shared/desktop-probes';
import { reachesAbstractSockets } from '../../src-main/platform/dbus/session-bus';
import { FakeLogind, FakeMutterIdleMonitor, FakeScreenSaver } from '../dbus/support/fake-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from '../dbus/support/private-bus';
import { CLI } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/**
 * The built `keel doctor --json`, a process of its own, against the fakes on a private bus: it
 * must name the idle and lock sources the app's presence would take up (the order in
 * src-main/platform/linux-presence/sources.ts), not an order of its own. The fakes answer from
 * this process, so the binary runs without blocking it (no spawnSync).
 */
function doctor(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'doctor', '--json'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function probes(env: Record<string, string>): Promise<Map<string, ProbeResult>> {
  const run = await doctor({ KEEL_DATA_DIR: path.join(tempDir(), 'Keel'), ...env });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return new Map((JSON.parse(run.stdout) as DoctorReport).probes.map((p) => [p.id, p]));
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('Run `npm run build` first: these tests run the built keel.');
});

let bus: PrivateBus | undefined;
afterEach(() => {
  bus?.stop();
  bus = undefined;
});

/** The private bus is the session bus and the "system" bus alike, as in the presence tests. */
const on = (b: PrivateBus, desktop: string) => ({
  DBUS_SESSION_BUS_ADDRESS: b.address,
  DBUS_SYSTEM_BUS_ADDRESS: b.address,
  XDG_SESSION_TYPE: 'wayland',
  XDG_CURRENT_DESKTOP: desktop,
});

describe.skipIf(!hasDaemon)(
  `the built keel doctor names the app's presence sources${skipReason}`,
  {
    timeout: 30_000,
  },
  () => {
    it('GNOME with Mutter, the screensaver and logind: Mutter for idle time, logind for the lock', async () => {
      bus = await startPrivateBus();
      const mutter = await new FakeMutterIdleMonitor(() => Date.now()).start(bus);
      mutter.lastInputAt = Date.now() - 125_000;
      const saver = await new FakeScreenSaver(() => Date.now()).start(bus);
      await new FakeLogind().start(bus);
      const found = await probes(on(bus, 'ubuntu:GNOME'));
      expect(saver.idleCalls).toBe(0);
      expect(found.get('idle')?.state).toBe('works');
      expect(found.get('idle')?.detail).toMatch(
        /^GNOME's idle monitor \(org\.gnome\.Mutter\.IdleMonitor\); idle for 12[5-9] s now\.$/,
      );
      expect(found.get('lock')).toMatchObject({
        state: 'works',
        detail: 'The login manager (logind: LockedHint, Lock and Unlock); the screen is not locked now.',
      });
    });

    it('KDE with both idle services: the screensaver first, as presence takes it on non-GNOME desktops', async () => {
      bus = await startPrivateBus();
      const mutter = await new FakeMutterIdleMonitor(() => Date.now()).start(bus);
      const saver = await new FakeScreenSaver(() => Date.now()).start(bus);
      saver.lastInputAt = Date.now() - 40_000;
      saver.active = true;
      const found = await probes(on(bus, 'KDE'));
      expect(found.get('idle')?.detail).toMatch(
        /^The desktop's screensaver service \(org\.freedesktop\.ScreenSaver, GetSessionIdleTime\); idle for (4\d) s now\.$/,
      );
      expect(saver.idleCalls).toBe(1);
      expect(mutter.getIdletimeCalls).toBe(0);
      // No logind: the lock comes from the screensaver's ActiveChanged.
      expect(found.get('lock')).toMatchObject({
        state: 'works',
        detail: "The desktop's screensaver service (ActiveChanged); the screen is locked now.",
      });
    });

    it('KDE with only the screensaver and logind: logind for the lock, read from the system bus', async () => {
      bus = await startPrivateBus();
      const system = await startPrivateBus();
      try {
        await new FakeScreenSaver(() => Date.now()).start(bus);
        const logind = await new FakeLogind().start(system);
        logind.setLockedHint(true);
        const found = await probes({ ...on(bus, 'KDE'), DBUS_SYSTEM_BUS_ADDRESS: system.address });
        expect(found.get('idle')?.detail).toMatch(/org\.freedesktop\.ScreenSaver/);
        expect(found.get('lock')).toMatchObject({
          state: 'works',
          detail: 'The login manager (logind: LockedHint, Lock and Unlock); the screen is locked now.',
        });
      } finally {
        system.stop();
      }
    });

    it('a Mutter that owns its name but takes no watch, and no logind: nothing the app would use', async () => {
      bus = await startPrivateBus();
      // Answers GetIdletime but has no AddIdleWatch: presence cannot start it, so neither may doctor.
      const half = bus.connect();
      const name = 'org.gnome.Mutter.IdleMonitor';
      half.exportObject(
        '/org/gnome/Mutter/IdleMonitor/Core',
        { name, methods: { GetIdletime: ['', 't'] } },
        { GetIdletime: () => 5_000 },
      );
      expect(await half.requestName(name, 0)).toBe(1);
      const found = await probes(on(bus, 'GNOME'));
      expect(found.get('idle')).toMatchObject({
        state: 'not-available',
        action: expect.stringMatching(/Lock the screen/),
      });
      expect(found.get('lock')).toMatchObject({
        state: 'not-available',
        action: expect.stringMatching(/sleep and wake/),
      });
    });
  },
);

describe('keel doctor with a session bus address of abstract sockets only', { timeout: 30_000 }, () => {
  it('says in one sentence what Keel reaches and what to do', async () => {
    const address = `unix:abstract=/tmp/keel-nobody-${randomUUID()}`;
    const found = await probes({
      DBUS_SESSION_BUS_ADDRESS: address,
      DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${path.join(tempDir(), 'no-system-bus')}`,
      XDG_SESSION_TYPE: 'wayland',
      XDG_CURRENT_DESKTOP: 'GNOME',
    });
    for (const id of ['idle', 'lock', 'notifications', 'tray', 'shortcut']) {
      const probe = found.get(id);
      expect(probe?.state).toBe('not-available');
      if (reachesAbstractSockets()) {
        expect(probe?.detail).toBe(
          'Keel cannot reach the session bus: nothing answers at DBUS_SESSION_BUS_ADDRESS.',
        );
      } else {
        expect(probe?.detail).toBe(
          `DBUS_SESSION_BUS_ADDRESS names only abstract sockets (unix:abstract=), which Keel reaches on Node 22 or later but not on Node ${process.versions.node}, which this keel runs on.`,
        );
        expect(probe?.action).toMatch(/unix:path=\$XDG_RUNTIME_DIR\/bus/);
      }
    }
  });
});
