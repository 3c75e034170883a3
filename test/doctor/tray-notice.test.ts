import { afterEach, describe, expect, it } from 'vitest';
import { tellIfNoTrayHost, tellShortcutMissing } from '../../src-main/electron/desktop-notices';
import { focusCommandFor } from '../../src-main/platform/shortcut-offer';
import { serveStatusNotifierWatcher } from '../dbus/support/fake-desktop';
import { hasDaemon, skipReason, startPrivateBus, type PrivateBus } from '../dbus/support/private-bus';
import { tempDir } from '../helpers/temp';

/** A Keel that records its one-time notices, each topic told once. */
function recordingKeel() {
  const told: { topic: string; title: string; body: string }[] = [];
  return {
    told,
    noticeOnce(topic: 'no-tray-host' | 'no-shortcut', title: string, body: string) {
      if (told.some((t) => t.topic === topic)) return false;
      told.push({ topic, title, body });
      return true;
    },
  };
}

describe.skipIf(!hasDaemon)(`the tray-host notice on a private session bus${skipReason}`, () => {
  let bus: PrivateBus | undefined;
  afterEach(() => bus?.stop());

  const deps = (b: PrivateBus, keel: ReturnType<typeof recordingKeel>) => ({
    keel,
    platform: 'linux' as const,
    env: { DBUS_SESSION_BUS_ADDRESS: b.address, XDG_SESSION_TYPE: 'wayland', XDG_CURRENT_DESKTOP: 'GNOME' },
    dataDir: tempDir(),
  });

  it('tells GNOME users what to install when no host is registered, once', async () => {
    bus = await startPrivateBus();
    await serveStatusNotifierWatcher(bus, false);
    const keel = recordingKeel();
    expect(await tellIfNoTrayHost(deps(bus, keel))).toBe(true);
    expect(await tellIfNoTrayHost(deps(bus, keel))).toBe(false);
    expect(keel.told).toHaveLength(1);
    expect(keel.told[0]?.body).toMatch(/AppIndicator and KStatusNotifierItem Support/);
  });

  it('says nothing when a tray host is registered', async () => {
    bus = await startPrivateBus();
    await serveStatusNotifierWatcher(bus, true);
    const keel = recordingKeel();
    expect(await tellIfNoTrayHost(deps(bus, keel))).toBe(false);
    expect(keel.told).toEqual([]);
  });
});

describe('the focus-shortcut notice', () => {
  it('shows the exact steps for the desktop, naming keel focus start', () => {
    const keel = recordingKeel();
    tellShortcutMissing({ keel, platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'KDE' }, dataDir: tempDir() });
    expect(keel.told[0]?.body).toMatch(
      /System Settings → Keyboard → Shortcuts.*enter keel focus start as the command.*Ctrl\+Alt\+F/,
    );
  });

  it("names this install's own command (an installed .deb runs resources/bin/keel by its full path)", () => {
    const keel = recordingKeel();
    const command = focusCommandFor({
      platform: 'linux',
      packaged: true,
      resourcesPath: '/opt/Keel/resources',
      env: {},
    });
    const deps = {
      keel,
      platform: 'linux' as const,
      env: { XDG_CURRENT_DESKTOP: 'GNOME' },
      dataDir: tempDir(),
    };
    tellShortcutMissing(deps, command);
    expect(command).toBe('/opt/Keel/resources/bin/keel focus start');
    expect(keel.told[0]?.body).toContain('run /opt/Keel/resources/bin/keel focus start from a shortcut');
    expect(keel.told[0]?.body).not.toMatch(/(^|[^/])keel focus start/);
  });

  it('says nothing on macOS and Windows about a tray host', async () => {
    const keel = recordingKeel();
    expect(await tellIfNoTrayHost({ keel, platform: 'darwin', env: {}, dataDir: tempDir() })).toBe(false);
    expect(keel.told).toEqual([]);
  });
});
