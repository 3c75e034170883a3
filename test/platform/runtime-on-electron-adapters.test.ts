import { describe, expect, it } from 'vitest';
import type { StateEvent } from '../../src-main/shared/state';
import { createElectronNotifier } from '../../src-main/platform/electron-notifier';
import { createElectronPower } from '../../src-main/platform/electron-power';
import { createElectronTray } from '../../src-main/platform/electron-tray';
import { FakeNotificationCenter } from '../../src-main/platform/fakes/fake-notification';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import { FakeTray, fakeMenu } from '../../src-main/platform/fakes/fake-tray';
import { RecordingShell } from '../../src-main/platform/recording';
import { KeelRuntime } from '../../src-main/services/runtime';
import { makeServices } from '../helpers/services';

/** The runtime wired exactly as main.ts wires it, with Electron's objects replaced by fakes. */
function setup(startIso: string) {
  const { services, clock } = makeServices(Date.parse(startIso), 'Europe/Berlin');
  const icons = { idle: 'idle.png', focus: 'focus.png', 'after-hours': 'after-hours.png' };
  const electronTray = new FakeTray(icons.idle);
  const center = new FakeNotificationCenter();
  const pm = new FakePowerMonitor();
  const shell = new RecordingShell();
  const pushed: StateEvent[] = [];
  const runtime = new KeelRuntime({
    services,
    clock,
    timers: clock,
    tray: createElectronTray({ tray: electronTray, menu: fakeMenu, icons }),
    notifier: createElectronNotifier({
      create: center.create,
      isSupported: center.isSupported,
      platform: 'darwin',
    }),
    power: createElectronPower(pm),
    shell,
    push: (event) => pushed.push(event),
  });
  return { services, clock, electronTray, center, pm, shell, runtime };
}

describe('KeelRuntime on the Electron adapters', () => {
  it('shows its state in the tray, and the menu opens and quits Keel', () => {
    const { runtime, electronTray, shell, services } = setup('2027-03-15T19:00:00Z'); // Monday 20:00 Berlin
    runtime.start();
    expect(electronTray.image).toBe('after-hours.png');
    expect(electronTray.tooltip).toBe('Keel — after hours');
    expect(electronTray.contextMenu?.labels).toContain('Quit Keel');

    electronTray.select('open');
    expect(shell.shown).toEqual([undefined]);
    electronTray.select('quit');
    expect(shell.quitRequested).toBe(true);
    runtime.stop();
    services.close();
  });

  it('opens the window on the view of a clicked notification', () => {
    const { runtime, services, clock, center, shell } = setup('2027-03-15T09:00:00Z');
    const at = Date.parse('2027-03-15T09:30:00Z');
    // 10:30 in Berlin is inside a default focus block, which would hold the prompt.
    services.settings.set('focusPlan', []);
    services.agenda.addSource({
      name: 'one',
      eventsBetween: (from, to) =>
        at >= from && at < to ? [{ id: 'e1', kind: 'check', title: 'Quick check', start: at }] : [],
    });
    runtime.start();
    clock.advanceTo(at);
    expect(center.latest().options.title).toBe('Quick check');
    center.latest().click();
    expect(shell.shown).toEqual(['checks']);
    runtime.stop();
    services.close();
  });

  it('re-plans on resume and lets go of powerMonitor when stopped', () => {
    const { runtime, pm, services } = setup('2027-03-15T09:00:00Z');
    runtime.start();
    expect(pm.listenerCount('resume')).toBe(1);
    expect(pm.listenerCount('unlock-screen')).toBe(1);
    pm.emit('resume');
    runtime.stop();
    expect(pm.listenerCount('resume')).toBe(0);
    expect(pm.listenerCount('unlock-screen')).toBe(0);
    services.close();
  });
});
