import { describe, expect, it } from 'vitest';
import type { DndSettings } from '../../src-main/services/ports';
import { MACOS_SHORTCUTS_HELP, MacosShortcutsDndController } from '../../src-main/platform/dnd/macos-dnd';
import { fail, FakeRunner } from './support/fakes';

describe("macOS do-not-disturb through the user's Shortcuts", () => {
  it('is unsupported, with help, until both Shortcut names are set', () => {
    let settings: DndSettings = { enabled: true, macosShortcutOn: 'Keel focus on' };
    const mac = new MacosShortcutsDndController(new FakeRunner(), () => settings);
    expect(mac.capability).toBe('unsupported');
    expect(mac.help).toBe(MACOS_SHORTCUTS_HELP);
    settings = { ...settings, macosShortcutOff: 'Keel focus off' };
    expect(mac.capability).toBe('control');
    expect(mac.help).toBeNull();
  });

  it('runs the Shortcuts by name as argv (no shell), and cannot read the state', async () => {
    const on = 'Keel "focus" on; rm -rf ~';
    const runner = new FakeRunner();
    const mac = new MacosShortcutsDndController(runner, () => ({
      enabled: true,
      macosShortcutOn: on,
      macosShortcutOff: 'Keel focus off',
    }));
    expect(await mac.isOn()).toBeNull();
    const prior = await mac.capturePrior();
    expect(prior).toEqual({ shortcutOff: 'Keel focus off' });
    expect(runner.calls).toEqual([]);
    await mac.turnOn(prior);
    await mac.restore(prior);
    expect(runner.calls).toEqual([
      { cmd: 'shortcuts', args: ['run', '--', on] },
      { cmd: 'shortcuts', args: ['run', '--', 'Keel focus off'] },
    ]);
  });

  it('restores with the recorded Shortcut when the setting was cleared mid-block', async () => {
    const runner = new FakeRunner();
    const mac = new MacosShortcutsDndController(runner, () => ({ enabled: true }));
    await mac.restore({ shortcutOff: 'Keel focus off' });
    expect(runner.calls).toEqual([{ cmd: 'shortcuts', args: ['run', '--', 'Keel focus off'] }]);
  });

  it('passes a name that starts with "-" after `--`, so the tool cannot read it as an option', async () => {
    const runner = new FakeRunner();
    const mac = new MacosShortcutsDndController(runner, () => ({ enabled: true }));
    await mac.restore({ shortcutOff: '--help' });
    expect(runner.calls).toEqual([{ cmd: 'shortcuts', args: ['run', '--', '--help'] }]);
  });

  it('reports a Shortcut that fails to run', async () => {
    const mac = new MacosShortcutsDndController(new FakeRunner(() => fail('not found')), () => ({
      enabled: true,
      macosShortcutOn: 'A',
      macosShortcutOff: 'B',
    }));
    await expect(mac.turnOn({ shortcutOff: 'B' })).rejects.toThrow('The Shortcut "A" did not run');
  });
});
