import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_TOPICS } from '../../src-main/shared/state';
import { PRESENCE_SAMPLE_MS, STARTUP_BACKUP_DELAY_MS } from '../../src-main/services/runtime';
import { listBackups } from '../../src-main/storage/backups';
import { call } from '../helpers/populate';
import { makeRuntime } from '../helpers/runtime';
import { tempDir } from '../helpers/temp';

const MONDAY = Date.parse('2027-03-15T08:00:00Z');
const DAY = 86_400_000;

describe('the runtime and the user’s data', () => {
  it('writes the daily backup at start-up and with the first presence sample of each new day', () => {
    const { runtime, clock, dataDir, pushed } = makeRuntime(MONDAY);
    runtime.start();
    // Not during start-up itself: the window and tray come first.
    expect(listBackups(dataDir)).toEqual([]);
    clock.advanceBy(STARTUP_BACKUP_DELAY_MS);
    expect(listBackups(dataDir).map((b) => b.id)).toEqual(['daily-2027-03-15', 'weekly-2027-03-15']);
    expect(pushed).toContainEqual({ type: 'changed', topics: ['data'] });
    clock.advanceBy(DAY + PRESENCE_SAMPLE_MS);
    expect(
      listBackups(dataDir)
        .filter((b) => b.kind === 'daily')
        .map((b) => b.id),
    ).toEqual(['daily-2027-03-16', 'daily-2027-03-15']);
    runtime.stop();
  });

  it('tells the user once a day when a backup cannot be written, and carries on', () => {
    const { runtime, clock, dataDir, notifier } = makeRuntime(MONDAY);
    // A file where the backups folder should be: every copy fails.
    fs.writeFileSync(path.join(dataDir, 'backups'), 'in the way');
    runtime.start();
    clock.advanceBy(4 * PRESENCE_SAMPLE_MS);
    const told = notifier.shown.filter((n) => n.title === 'Today’s backup was not written');
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toBe(
      'Keel could not write a backup copy of its data; the last good copy is kept. Keel tries again later; your data itself is safe.',
    );
    expect(told[0]?.view).toBe('settings');
    runtime.stop();
  });

  it('announces a recovery made at start-up, with the plain-words message', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'keel.db'), 'not a database at all'.repeat(200));
    const { runtime, notifier, services } = makeRuntime(MONDAY, { dataDir });
    runtime.start();
    expect(notifier.shown[0]).toMatchObject({
      title: 'Keel started afresh',
      body: services.recovery?.message,
      view: 'settings',
    });
    runtime.stop();
  });

  it('takes up restored data at once: re-plans and tells the window every topic changed', async () => {
    // 07:00 in Berlin, before the first planned block.
    const { runtime, services, pushed } = makeRuntime(MONDAY - 2 * 3_600_000);
    runtime.start();
    services.data.backupNow();
    await call(services, 'focus:start', { minutes: 30 });
    expect(runtime.trayState()).toBe('focus');
    pushed.length = 0;
    // Today's backup has no focus block: restoring it ends the running one here too.
    await call(services, 'data:restore', { id: 'daily-2027-03-15' });
    expect(services.focus.running()).toBeUndefined();
    expect(runtime.trayState()).not.toBe('focus');
    expect(pushed).toContainEqual({ type: 'changed', topics: [...STATE_TOPICS] });
    runtime.stop();
  });
});
