import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { STATE_TOPICS } from '../../src-main/shared/state';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createServices } from '../../src-main/services';
import type { DatabaseChangeTrigger } from '../../src-main/services/ports';
import { call } from '../helpers/populate';
import { makeApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const MONDAY = Date.parse('2027-03-15T08:00:00Z');

/** A trigger driven by hand: `fire()` plays "the database files changed". */
function handTrigger() {
  let listener: (() => void) | null = null;
  const trigger: DatabaseChangeTrigger = (onChange) => {
    listener = onChange;
    return () => {
      listener = null;
    };
  };
  return { trigger, fire: () => listener?.(), listening: () => listener !== null };
}

describe('createKeelApp', () => {
  it('listens for resume while running and lets go when stopped', () => {
    const { app, power } = makeApp(Date.parse('2027-03-15T09:00:00Z'));
    app.start();
    expect(power.listenerCount('resume')).toBe(1);
    app.stop();
    expect(power.listenerCount('resume')).toBe(0);
  });

  it('announces a recovery made at start-up, with the plain-words message', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'keel.db'), 'not a database at all'.repeat(200));
    const { app, notifier, services } = makeApp(MONDAY, { dataDir });
    app.start();
    expect(notifier.shown[0]).toMatchObject({
      title: 'Keel started afresh',
      body: services.recovery?.message,
      view: 'settings',
    });
    app.stop();
  });

  it('takes up restored data at once: re-plans and tells the window every topic changed', async () => {
    // 07:00 in Berlin, before the first planned block.
    const { app, services, pushed } = makeApp(MONDAY - 2 * 3_600_000);
    app.start();
    services.data.backupNow();
    await call(services, 'focus:start', { minutes: 30 });
    expect(app.trayState()).toBe('focus');
    pushed.length = 0;
    // Today's backup has no focus block: restoring it ends the running one here too.
    await call(services, 'data:restore', { id: 'daily-2027-03-15' });
    expect(services.focus.running()).toBeUndefined();
    expect(app.trayState()).not.toBe('focus');
    expect(pushed).toContainEqual({ type: 'changed', topics: [...STATE_TOPICS] });
    app.stop();
  });

  it("answers the window through its handler table, with the shell's file dialogs", async () => {
    const { app, shell } = makeApp(MONDAY);
    const status = await dispatch(app.handlers, 'app:status', {});
    expect(status.ok).toBe(true);
    const choices = { from: '2027-03-08', to: '2027-03-15', sections: ['focus' as const], noteIds: [] };
    const preview = await dispatch(app.handlers, 'summary:preview', { choices, format: 'md' });
    const contentHash = preview.ok ? (preview.value as { hashes: { md: string } }).hashes.md : '';
    const copied = await dispatch(app.handlers, 'summary:copy', { choices, contentHash });
    expect(copied.ok).toBe(true);
    expect(shell.copied).toHaveLength(1);
    app.close();
  });

  it('keeps the login item in step with the setting, and tells when the system refuses', async () => {
    const { app, services, autostart, notifier, problems } = makeApp(MONDAY);
    services.settings.set('autostart', true);
    app.start();
    await vi.waitFor(() => expect(autostart.enabled).toBe(true));
    autostart.failNext = new Error('denied');
    services.settings.set('autostart', false);
    await vi.waitFor(() => expect(problems).toEqual(['could not update start at login']));
    expect(notifier.shown.at(-1)).toMatchObject({ title: 'Start at login', view: 'settings' });
    app.stop();
    services.settings.set('autostart', false);
    expect(autostart.history).toEqual([true, false]);
    app.close();
  });

  it('takes up what the keel CLI wrote, through the trigger it is given, until stopped', () => {
    const hand = handTrigger();
    const withTrigger = makeApp(MONDAY - 2 * 3_600_000, {
      adapters: { externalChanges: { trigger: hand.trigger } },
    });
    // The CLI: services only, on the same data folder.
    const cli = createServices({
      dataDir: withTrigger.dataDir,
      clock: withTrigger.clock,
      version: '0.0.0-test',
      systemZone: () => 'Europe/Berlin',
    });
    withTrigger.app.start();
    expect(hand.listening()).toBe(true);
    cli.focus.startAdhoc({ minutes: 25 });
    hand.fire();
    // Debounced on the timers given (here the app's hand-driven clock).
    expect(withTrigger.tray.state).not.toBe('focus');
    withTrigger.clock.advanceBy(200);
    expect(withTrigger.tray.state).toBe('focus');
    expect(withTrigger.pushed).toContainEqual({ type: 'changed', topics: [...STATE_TOPICS] });
    withTrigger.app.stop();
    expect(hand.listening()).toBe(false);
    cli.close();
    withTrigger.app.close();
  });

  it('stops every timer it armed, and starts again after a stop', () => {
    const { app, clock, tray } = makeApp(MONDAY);
    app.start();
    expect(tray.state).toBe('focus');
    expect(clock.pendingCount()).toBeGreaterThan(0);
    app.stop();
    expect(clock.pendingCount()).toBe(0);
    tray.menu = [];
    app.start();
    expect(tray.menu.length).toBeGreaterThan(0);
    expect(clock.pendingCount()).toBeGreaterThan(0);
    app.close();
    expect(app.services.db.open).toBe(false);
  });
});

describe('createKeelApp and planned rule changes', () => {
  it('reads the settings again when a planned change takes effect, and tells the window', () => {
    // Monday 2027-03-15, 10:00 in Berlin; new hours from Wednesday.
    const { app, services, clock, pushed } = makeApp(Date.parse('2027-03-15T09:00:00Z'));
    app.start();
    const early = { start: '08:00', end: '16:00' };
    const usual = { start: '09:00', end: '17:30' };
    const hours = { mon: early, tue: early, wed: early, thu: early, fri: early, sat: null, sun: null };
    services.settings.set('workingHours', hours, { from: '2027-03-17' });
    expect(services.settings.get().workingHours.wed).toEqual(usual);
    pushed.length = 0;
    // Tuesday evening: nothing yet.
    clock.advanceTo(Date.parse('2027-03-16T22:00:00Z'));
    const settingsPushes = () => pushed.filter((e) => e.type === 'changed' && e.topics.includes('settings'));
    expect(settingsPushes()).toEqual([]);
    // Midnight in Berlin, Wednesday: the change is in force and the window is told.
    clock.advanceTo(Date.parse('2027-03-16T23:00:30Z'));
    expect(settingsPushes().length).toBeGreaterThan(0);
    expect(services.settings.get().workingHours.wed).toEqual(early);
    app.stop();
  });
});
