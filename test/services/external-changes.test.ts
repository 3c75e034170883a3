import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import type fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { STATE_TOPICS } from '../../src-main/shared/state';
import { watchDatabaseFiles } from '../../src-main/platform/database-watch';
import type { DatabaseChangeTrigger } from '../../src-main/services/ports';
import { databasePath } from '../../src-main/storage/paths';
import { systemTimers } from '../../src-main/core/clock';
import { RecordingDndController } from '../../src-main/platform/recording';
import { createServices } from '../../src-main/services';
import { ExternalChangeWatcher } from '../../src-main/services/external-changes';
import { makeApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);
const FIXTURES = path.resolve(__dirname, '../calendar/fixtures');

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

/**
 * Two connections to one temporary database: A is the app (createKeelApp, recording desktop, the
 * watcher), B is the `keel` CLI (services only, as the CLI builds them).
 */
function setup(start = at('07:00'), options: { realTimers?: boolean } = {}) {
  const dnd = new RecordingDndController();
  const made = makeApp(start, { dndController: dnd });
  const { dataDir, clock, tray, notifier, pushed, app: runtime, services: app } = made;
  const cli = createServices({
    dataDir,
    clock,
    version: '0.0.0-test',
    systemZone: () => 'Europe/Berlin',
    calendarParser: new InProcessCalendarParser(),
  });
  runtime.start();
  const errors: unknown[] = [];
  const watcher = new ExternalChangeWatcher({
    db: app.db,
    settings: app.settings,
    calendar: app.calendar,
    replan: () => runtime.externalChange(),
    push: (e) => pushed.push(e),
    timers: options.realTimers ? systemTimers : clock,
    ...(options.realTimers ? { debounceMs: 20 } : {}),
    onError: (e) => errors.push(e),
  });
  const everything = () =>
    pushed.filter((e) => e.type === 'changed' && e.topics.length === STATE_TOPICS.length).length;
  const close = () => {
    watcher.stop();
    runtime.stop();
    cli.close();
    app.close();
  };
  return {
    dataDir,
    clock,
    app,
    cli,
    dnd,
    tray,
    notifier,
    pushed,
    runtime,
    watcher,
    errors,
    everything,
    close,
  };
}

describe('ExternalChangeWatcher: the CLI writes while the app runs', () => {
  it('takes up a setting and a focus block the CLI wrote: tray, settings, window, timer', () => {
    const s = setup();
    const hand = handTrigger();
    s.watcher.start(hand.trigger);
    expect(s.tray.state).toBe('after-hours');

    // The CLI: `keel settings set theme dark`, `keel settings set workingHours …`, `keel focus start --minutes 50`.
    s.cli.settings.set('theme', 'dark');
    s.cli.settings.set('workingHours', {
      ...s.cli.settings.get().workingHours,
      mon: { start: '06:00', end: '14:00' },
    });
    s.cli.focus.startAdhoc({ minutes: 50 });
    // The app has not looked yet.
    expect(s.app.settings.get().theme).toBe('system');
    expect(s.tray.state).toBe('after-hours');

    hand.fire();
    hand.fire(); // one commit fires several file events
    expect(s.everything()).toBe(0); // debounced: nothing until the files are quiet
    s.clock.advanceBy(200);

    expect(s.app.settings.get().theme).toBe('dark');
    expect(s.tray.state).toBe('focus');
    expect(s.tray.tooltip).toBe('Keel — focus until 07:50');
    expect(s.tray.menu[0]).toMatchObject({
      label: expect.stringMatching(/^Focus until 07:50 · 4\d mins left$/),
    });
    expect(s.pushed).toContainEqual({ type: 'changed', topics: [...STATE_TOPICS] });
    expect(s.everything()).toBe(1);
    // Quietly: the user just typed the command.
    expect(s.notifier.shown).toEqual([]);
    expect(s.errors).toEqual([]);

    // The one timer was re-armed for the block's end: the app ends it on time and says so.
    s.clock.advanceTo(at('07:50'));
    expect(s.app.focus.running()).toBeUndefined();
    expect(s.tray.state).toBe('idle'); // 07:50 is inside the CLI's new working hours
    expect(s.notifier.shown.map((n) => n.title)).toEqual(['50 mins protected, no interruptions']);
    s.close();
  });

  it('follows a block the CLI stops, and turns do-not-disturb on and off for CLI blocks', () => {
    const s = setup();
    const hand = handTrigger();
    s.watcher.start(hand.trigger);
    s.app.settings.set('dnd', { enabled: true });
    // The app's own write: same connection, so data_version is unchanged and nothing is re-read.
    hand.fire();
    s.clock.advanceBy(200);
    expect(s.everything()).toBe(0);
    expect(s.watcher.check()).toBe(false);

    s.cli.focus.startAdhoc({ minutes: 25 });
    expect(s.watcher.check()).toBe(true);
    expect(s.tray.state).toBe('focus');
    return vi
      .waitFor(() => expect(s.dnd.history).toEqual([true]))
      .then(async () => {
        s.cli.focus.stop();
        hand.fire();
        s.clock.advanceBy(200);
        expect(s.tray.state).toBe('after-hours');
        expect(s.app.focus.running()).toBeUndefined();
        await vi.waitFor(() => expect(s.dnd.history).toEqual([true, false]));
        expect(s.everything()).toBe(2);
        s.close();
      });
  });

  it('a write by the app itself does not count as external', () => {
    const s = setup();
    s.app.settings.set('theme', 'light');
    s.app.focus.startAdhoc({ minutes: 25 });
    expect(s.watcher.check()).toBe(false);
    expect(s.everything()).toBe(0);
    // …and a later CLI write still does.
    s.cli.settings.set('theme', 'dark');
    expect(s.watcher.check()).toBe(true);
    expect(s.watcher.check()).toBe(false);
    expect(s.app.settings.get().theme).toBe('dark');
    s.close();
  });

  it('follows a calendar the CLI imports and clears', async () => {
    const s = setup();
    await s.cli.calendar.importFrom(path.join(FIXTURES, 'standup.ics'));
    expect(s.app.calendar.status().file).toBeNull();
    s.watcher.check();
    await vi.waitFor(() => expect(s.app.calendar.status().file).toBe('standup.ics'));
    s.cli.calendar.clear();
    s.watcher.check();
    await vi.waitFor(() => expect(s.app.calendar.status().file).toBeNull());
    expect(s.errors).toEqual([]);
    s.close();
  });

  it('stops listening on stop(), and a failed check is reported, not thrown', () => {
    const s = setup();
    const hand = handTrigger();
    s.watcher.start(hand.trigger);
    expect(hand.listening()).toBe(true);
    s.cli.settings.set('theme', 'dark');
    hand.fire();
    s.watcher.stop();
    expect(hand.listening()).toBe(false);
    s.clock.advanceBy(1000);
    expect(s.everything()).toBe(0); // the pending check was cancelled too

    s.app.db.close();
    expect(s.watcher.check()).toBe(false);
    expect(s.errors).toHaveLength(1);
    s.runtime.stop();
    s.cli.close();
  });

  it('with the real fs.watch trigger, sees a CLI write by itself', async () => {
    const s = setup(at('07:00'), { realTimers: true });
    s.watcher.start(watchDatabaseFiles(databasePath(s.dataDir)));
    s.cli.settings.set('theme', 'dark');
    s.cli.focus.startAdhoc({ minutes: 50 });
    await vi.waitFor(
      () => {
        expect(s.app.settings.get().theme).toBe('dark');
        expect(s.tray.state).toBe('focus');
      },
      { timeout: 5000, interval: 20 },
    );
    expect(s.pushed).toContainEqual({ type: 'changed', topics: [...STATE_TOPICS] });
    s.close();
  });
});

describe('watchDatabaseFiles', () => {
  it('reports changes to keel.db and keel.db-wal only', () => {
    const fired: string[] = [];
    let handler: ((event: string, name: string | null) => void) | undefined;
    let closed = false;
    const fakeWatch = ((_dir: string, _options: unknown, listener: typeof handler) => {
      handler = listener;
      return { on: () => undefined, close: () => (closed = true) };
    }) as unknown as typeof fs.watch;
    const stop = watchDatabaseFiles('/data/keel.db', fakeWatch)(() => fired.push('change'));
    handler?.('change', 'keel.db-wal');
    handler?.('change', 'keel.db-shm');
    handler?.('rename', 'keel.db');
    handler?.('change', 'exports');
    handler?.('change', null);
    expect(fired).toHaveLength(3);
    stop();
    expect(closed).toBe(true);
  });

  it('does nothing (and does not throw) for a folder that is gone', () => {
    const stop = watchDatabaseFiles(path.join(tempDir(), 'missing', 'keel.db'))(() => undefined);
    expect(() => stop()).not.toThrow();
  });
});
