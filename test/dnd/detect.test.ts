import { describe, expect, it } from 'vitest';
import type { DndSettings } from '../../src-main/services/ports';
import {
  detectDndController,
  LINUX_UNSUPPORTED_HELP,
  OTHER_UNSUPPORTED_HELP,
  WINDOWS_HELP,
} from '../../src-main/platform/dnd/detect';
import { GNOME_LOCKED_HELP, GNOME_UNAVAILABLE_HELP } from '../../src-main/platform/dnd/gnome-dnd';
import { MACOS_SHORTCUTS_HELP } from '../../src-main/platform/dnd/macos-dnd';
import { fakeGsettings, FakeNotificationsBus, missingProgram } from './support/fakes';

const settings = (): DndSettings => ({ enabled: true });

function detect(
  platform: NodeJS.Platform,
  desktop: string | undefined,
  options: { gsettings?: 'ok' | 'locked' | 'missing'; inhibit?: boolean } = {},
) {
  const bus = new FakeNotificationsBus();
  bus.supportsInhibit = options.inhibit ?? false;
  const runner =
    options.gsettings === 'missing'
      ? missingProgram()
      : fakeGsettings(true, { writable: options.gsettings !== 'locked' }).runner;
  const env = desktop === undefined ? {} : { XDG_CURRENT_DESKTOP: desktop };
  return detectDndController({ platform, env, runner, bus, settings }).then((c) => ({ c, bus, runner }));
}

describe('detectDndController', () => {
  it.each(['GNOME', 'ubuntu:GNOME', 'Unity', 'Budgie:GNOME', 'budgie'])(
    'picks GNOME show-banners control on %s',
    async (desktop) => {
      const { c } = await detect('linux', desktop);
      expect(c).toMatchObject({ id: 'gnome', capability: 'control', help: null });
    },
  );

  it('names the GNOME-family desktop it found', async () => {
    expect((await detect('linux', 'Budgie:GNOME')).c.desktop).toBe('Budgie');
    expect((await detect('linux', 'ubuntu:GNOME')).c.desktop).toBe('GNOME');
  });

  it('is unsupported with help on GNOME without gsettings or the schema', async () => {
    const { c } = await detect('linux', 'GNOME', { gsettings: 'missing' });
    expect(c).toMatchObject({ capability: 'unsupported', help: GNOME_UNAVAILABLE_HELP });
    expect(await c.isOn()).toBeNull();
  });

  it('is read-only on GNOME when an administrator locked the key', async () => {
    const { c } = await detect('linux', 'GNOME', { gsettings: 'locked' });
    expect(c).toMatchObject({ id: 'gnome', capability: 'read-only', help: GNOME_LOCKED_HELP });
  });

  it('picks freedesktop inhibition on KDE without probing', async () => {
    const { c, bus, runner } = await detect('linux', 'KDE');
    expect(c).toMatchObject({ id: 'freedesktop-inhibit', capability: 'control', desktop: 'KDE Plasma' });
    expect(bus.log).toEqual([]);
    expect(runner.calls).toEqual([]);
  });

  it('picks freedesktop inhibition on another desktop whose server supports it', async () => {
    const { c } = await detect('linux', 'LXQt', { inhibit: true });
    expect(c).toMatchObject({ id: 'freedesktop-inhibit', capability: 'control', desktop: 'LXQt' });
  });

  it('falls back to read-only GNOME detection on another desktop without inhibition', async () => {
    const { c } = await detect('linux', 'X-Cinnamon');
    expect(c).toMatchObject({ id: 'gnome', capability: 'read-only', desktop: 'X-Cinnamon' });
    expect(await c.isOn()).toBe(false);
  });

  it('is unsupported on another desktop with neither', async () => {
    const { c } = await detect('linux', 'XFCE', { gsettings: 'missing' });
    expect(c).toMatchObject({ capability: 'unsupported', desktop: 'XFCE', help: LINUX_UNSUPPORTED_HELP });
  });

  it('handles a Linux session without XDG_CURRENT_DESKTOP', async () => {
    const { c } = await detect('linux', undefined, { gsettings: 'missing' });
    expect(c).toMatchObject({ capability: 'unsupported', desktop: 'this Linux desktop' });
  });

  it('uses Shortcuts on macOS (unsupported with help until configured)', async () => {
    const { c } = await detect('darwin', undefined);
    expect(c).toMatchObject({ id: 'macos-shortcuts', capability: 'unsupported', help: MACOS_SHORTCUTS_HELP });
  });

  it('is unsupported on Windows with the Focus assist help', async () => {
    const { c, runner } = await detect('win32', undefined);
    expect(c).toMatchObject({ capability: 'unsupported', desktop: 'Windows', help: WINDOWS_HELP });
    expect(runner.calls).toEqual([]);
  });

  it('is unsupported elsewhere with a clear sentence', async () => {
    const { c } = await detect('aix', undefined);
    expect(c).toMatchObject({ capability: 'unsupported', help: OTHER_UNSUPPORTED_HELP });
    await expect(c.turnOn({})).rejects.toThrow(OTHER_UNSUPPORTED_HELP);
  });
});
