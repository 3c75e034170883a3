import { describe, expect, it } from 'vitest';
import { createElectronNotifier } from '../../src-main/platform/electron-notifier';
import { createElectronPower } from '../../src-main/platform/electron-power';
import { createElectronTray } from '../../src-main/platform/electron-tray';
import { FakeNotificationCenter } from '../../src-main/platform/fakes/fake-notification';
import { FakePowerMonitor } from '../../src-main/platform/fakes/fake-power-monitor';
import { FakeTray, fakeMenu } from '../../src-main/platform/fakes/fake-tray';
import { makeApp } from '../helpers/app';

/** The app built as main.ts builds it (createKeelApp), with Electron's objects replaced by fakes. */
function setup(startIso: string) {
  const icons = { idle: 'idle.png', focus: 'focus.png', 'after-hours': 'after-hours.png' };
  const electronTray = new FakeTray(icons.idle);
  const center = new FakeNotificationCenter();
  const pm = new FakePowerMonitor();
  const made = makeApp(Date.parse(startIso), {
    adapters: {
      tray: createElectronTray({ tray: electronTray, menu: fakeMenu, icons }),
      notifier: createElectronNotifier({
        create: center.create,
        isSupported: center.isSupported,
        platform: 'darwin',
      }),
      power: createElectronPower(pm),
    },
  });
  return { ...made, electronTray, center, pm };
}

describe('the app on the Electron adapters', () => {
  it('shows its state in the tray, and the menu opens and quits Keel', () => {
    const { app, electronTray, shell } = setup('2027-03-15T19:00:00Z'); // Monday 20:00 Berlin
    app.start();
    expect(electronTray.image).toBe('after-hours.png');
    expect(electronTray.tooltip).toBe('Keel — after hours');
    expect(electronTray.contextMenu?.labels).toContain('Quit Keel');

    electronTray.select('open');
    expect(shell.shown).toEqual([undefined]);
    electronTray.select('quit');
    expect(shell.quitRequested).toBe(true);
    app.close();
  });

  it('opens the window on the view of a clicked notification', () => {
    const { app, services, clock, center, shell } = setup('2027-03-15T09:00:00Z');
    const at = Date.parse('2027-03-15T09:30:00Z');
    // 10:30 in Berlin is inside a default focus block, which would hold the prompt.
    services.settings.set('focusPlan', []);
    services.agenda.addSource({
      name: 'one',
      eventsBetween: (from, to) =>
        at >= from && at < to ? [{ id: 'e1', kind: 'check', title: 'Quick check', start: at }] : [],
    });
    app.start();
    clock.advanceTo(at);
    expect(center.latest().options.title).toBe('Quick check');
    center.latest().click();
    expect(shell.shown).toEqual(['checkin']);
    app.close();
  });

  it('re-plans on resume and lets go of powerMonitor when stopped', () => {
    const { app, pm } = setup('2027-03-15T09:00:00Z');
    app.start();
    expect(pm.listenerCount('resume')).toBe(1);
    expect(pm.listenerCount('unlock-screen')).toBe(1);
    pm.emit('resume');
    app.stop();
    expect(pm.listenerCount('resume')).toBe(0);
    expect(pm.listenerCount('unlock-screen')).toBe(0);
    app.close();
  });
});
