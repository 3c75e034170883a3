import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main';
import type { DoctorReport } from '../../src-main/cli/doctor';
import { systemClock } from '../../src-main/core/clock';
import type { CommandRunner } from '../../src-main/platform/dnd/command-runner';
import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import type { ProbeResult } from '../../src-main/shared/desktop-probes';
import { FakeMutterIdleMonitor } from '../dbus/support/fake-desktop';
import {
  serveNotifications,
  serveScreenSaver,
  serveShortcutsPortal,
  serveStatusNotifierWatcher,
} from '../dbus/support/fake-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from '../dbus/support/private-bus';
import { tempDir } from '../helpers/temp';

/** gsettings as on a GNOME where Do Not Disturb can be read and changed (`get` and `writable` say true). */
const gnomeSettings: CommandRunner = {
  run: async () => ({ code: 0, stdout: 'true\n', stderr: '' }),
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `keel …` in this process, on Linux, with the environment and gsettings given. */
async function keel(args: string[], env: Record<string, string>, runner = gnomeSettings): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'keel', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    systemZone: () => 'Europe/Berlin',
    clock: systemClock,
    calendarParser: new InProcessCalendarParser(),
    platform: 'linux',
    commandRunner: runner,
  });
  return { code, stdout, stderr };
}

async function doctor(env: Record<string, string>): Promise<Map<string, ProbeResult>> {
  const run = await keel(['doctor', '--json'], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as DoctorReport;
  return new Map(report.probes.map((p) => [p.id, p]));
}

describe.skipIf(!hasDaemon)(`keel doctor on a private session bus${skipReason}`, () => {
  let bus: PrivateBus | undefined;
  afterEach(() => bus?.stop());

  // The private bus stands for the system bus too, so no real logind answers the lock probe.
  const gnomeWayland = (b: PrivateBus, dataDir = path.join(tempDir(), 'Keel')) => ({
    DBUS_SESSION_BUS_ADDRESS: b.address,
    DBUS_SYSTEM_BUS_ADDRESS: b.address,
    XDG_SESSION_TYPE: 'wayland',
    XDG_CURRENT_DESKTOP: 'ubuntu:GNOME',
    KEEL_DATA_DIR: dataDir,
  });

  it('sees a GNOME that offers everything: idle monitor, buttons, a tray host, the shortcuts portal', async () => {
    bus = await startPrivateBus();
    const mutter = await new FakeMutterIdleMonitor(() => Date.now()).start(bus);
    mutter.lastInputAt = Date.now() - 125_000;
    await serveNotifications(bus, ['body', 'actions']);
    await serveStatusNotifierWatcher(bus, true);
    await serveShortcutsPortal(bus);
    const probes = await doctor(gnomeWayland(bus));
    expect(probes.get('session')).toMatchObject({ state: 'works', detail: 'Wayland' });
    expect(probes.get('desktop')).toMatchObject({ state: 'works', detail: 'ubuntu:GNOME' });
    expect(probes.get('idle')?.state).toBe('works');
    expect(probes.get('idle')?.detail).toMatch(/org\.gnome\.Mutter\.IdleMonitor.*idle for 12[5-9] s/);
    expect(probes.get('notifications')?.state).toBe('works');
    expect(probes.get('notifications')?.detail).toMatch(
      /fake-notifyd 1\.2 \(Keel tests\) shows notifications with buttons/,
    );
    expect(probes.get('tray')?.state).toBe('works');
    expect(probes.get('shortcut')?.state).toBe('works');
    expect(probes.get('shortcut')?.detail).toMatch(/GlobalShortcuts portal/);
    expect(probes.get('dnd')?.state).toBe('works');
    expect(probes.get('data')?.state).toBe('works');
  });

  it('says what is missing on a bare Wayland GNOME, and what to do', async () => {
    bus = await startPrivateBus();
    await serveNotifications(bus, ['body']);
    await serveStatusNotifierWatcher(bus, false);
    const probes = await doctor(gnomeWayland(bus));
    expect(probes.get('idle')).toMatchObject({ state: 'not-available' });
    expect(probes.get('idle')?.action).toMatch(/Lock the screen/);
    expect(probes.get('lock')?.state).toBe('not-available');
    expect(probes.get('notifications')?.state).toBe('limited');
    expect(probes.get('notifications')?.detail).toMatch(/without buttons/);
    expect(probes.get('tray')?.state).toBe('not-available');
    expect(probes.get('tray')?.action).toMatch(/AppIndicator and KStatusNotifierItem Support/);
    expect(probes.get('shortcut')?.state).toBe('not-available');
    expect(probes.get('shortcut')?.action).toMatch(/Custom Shortcuts.*keel focus start.*Ctrl\+Alt\+F/);
  });

  it('finds no shortcuts portal where the desktop portal runs without GlobalShortcuts', async () => {
    bus = await startPrivateBus();
    // A portal whose backend offers no GlobalShortcuts exports the other interfaces only.
    const portal = bus.connect();
    portal.exportObject(
      '/org/freedesktop/portal/desktop',
      { name: 'org.freedesktop.portal.Settings', properties: { version: 'u' } },
      { version: 2 },
    );
    expect(await portal.requestName('org.freedesktop.portal.Desktop', 0)).toBe(1);
    const probes = await doctor(gnomeWayland(bus));
    expect(probes.get('shortcut')).toMatchObject({
      state: 'not-available',
      action: expect.stringMatching(/keel focus start/),
    });
  });

  it('finds no tray host when no watcher runs, and the screensaver service on KDE', async () => {
    bus = await startPrivateBus();
    await serveScreenSaver(bus);
    const probes = await doctor({ ...gnomeWayland(bus), XDG_CURRENT_DESKTOP: 'KDE' });
    expect(probes.get('idle')?.state).toBe('works');
    expect(probes.get('idle')?.detail).toMatch(/org\.freedesktop\.ScreenSaver/);
    expect(probes.get('lock')?.state).toBe('works');
    expect(probes.get('tray')?.state).toBe('not-available');
    expect(probes.get('tray')?.action).toMatch(/Add a system tray/);
    expect(probes.get('notifications')?.state).toBe('not-available');
  });

  it('creates no data folder and no database, and prints plain lines without --json', async () => {
    bus = await startPrivateBus();
    const dataDir = path.join(tempDir(), 'Keel');
    const run = await keel(['doctor'], gnomeWayland(bus, dataDir));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Keel .* on linux\n/);
    expect(run.stdout).toMatch(/\nTray: not available — .*\n {4}What to do: /);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('says when the data folder is open to others', async () => {
    bus = await startPrivateBus();
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    expect((await doctor(gnomeWayland(bus, dataDir))).get('data')).toMatchObject({ state: 'limited' });
    fs.chmodSync(dataDir, 0o700);
    expect((await doctor(gnomeWayland(bus, dataDir))).get('data')).toMatchObject({ state: 'works' });
  });

  it('escapes what the desktop says before it reaches the terminal', async () => {
    bus = await startPrivateBus();
    await serveNotifications(bus, ['actions'], ['evil\u001b]0;owned\u0007', 'v', '1', '1.2']);
    const run = await keel(['doctor'], gnomeWayland(bus));
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('evil\\u001b]0;owned\\u0007');
  });

  it('answers within its time limit when a service never replies', async () => {
    bus = await startPrivateBus();
    const stuck = bus.connect();
    const name = 'org.freedesktop.Notifications';
    stuck.exportObject(
      '/org/freedesktop/Notifications',
      { name, methods: { GetServerInformation: ['', 'ssss'], GetCapabilities: ['', 'as'] } },
      {
        GetServerInformation: () => new Promise(() => undefined),
        GetCapabilities: () => new Promise(() => undefined),
      },
    );
    await stuck.requestName(name, 0);
    const started = Date.now();
    const probes = await doctor(gnomeWayland(bus));
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(probes.get('notifications')?.state).toBe('not-available');
    expect(probes.get('tray')?.state).toBe('not-available');
  }, 15_000);
});

describe('keel doctor without a session bus', () => {
  it('says the bus is missing instead of failing', async () => {
    const run = await keel(
      ['doctor', '--json'],
      { XDG_SESSION_TYPE: 'x11', KEEL_DATA_DIR: path.join(tempDir(), 'Keel') },
      {
        run: async () => ({ code: 1, stdout: '', stderr: 'no' }),
      },
    );
    expect(run.code).toBe(0);
    const probes = new Map((JSON.parse(run.stdout) as DoctorReport).probes.map((p) => [p.id, p]));
    expect(probes.get('tray')?.detail).toMatch(/cannot reach the session bus/);
    expect(probes.get('shortcut')?.state).toBe('works');
    expect(probes.get('dnd')?.state).toBe('not-available');
  });
});
