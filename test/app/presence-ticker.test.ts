import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESENCE_SAMPLE_MS, STARTUP_BACKUP_DELAY_MS } from '../../src-main/app/presence-ticker';
import { listBackups } from '../../src-main/storage/backups';
import { makeApp } from '../helpers/app';

const MONDAY = Date.parse('2027-03-15T08:00:00Z');
const DAY = 86_400_000;
// 2027-03-15 is a Monday; Berlin is UTC+1 until 2027-03-28.
const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);

/** The app started at `start`; `plan: false` empties the focus plan first. */
function setup(start: number, { plan = true } = {}) {
  const made = makeApp(start);
  if (!plan) made.services.settings.set('focusPlan', []);
  made.app.start();
  return made;
}

describe('presence ticker: the daily backup', () => {
  it('writes the daily backup at start-up and with the first presence sample of each new day', () => {
    const { app, clock, dataDir, pushed } = makeApp(MONDAY);
    app.start();
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
    app.stop();
  });

  it('tells the user once a day when a backup cannot be written, and carries on', () => {
    const { app, clock, dataDir, notifier } = makeApp(MONDAY);
    // A file where the backups folder should be: every copy fails.
    fs.writeFileSync(path.join(dataDir, 'backups'), 'in the way');
    app.start();
    clock.advanceBy(4 * PRESENCE_SAMPLE_MS);
    const told = notifier.shown.filter((n) => n.title === 'Today’s backup was not written');
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toBe(
      'Keel could not write a backup copy of its data; the last good copy is kept. Keel tries again later; your data itself is safe.',
    );
    expect(told[0]?.view).toBe('settings');
    app.stop();
  });
});

describe('presence ticker: presence', () => {
  it('keeps only the first and last input of each workday, from the OS idle time', () => {
    const { clock, power, services } = setup(at('08:50'), { plan: false });
    power.idle = 0;
    clock.advanceTo(at('12:00'));
    power.idle = 600; // the last input was at 11:55 when the screen locks at 12:05
    clock.advanceTo(at('12:05'));
    power.emit('lock-screen');
    power.idle = 99_999;
    clock.advanceTo(at('13:00'));
    const status = services.signoff.status();
    // Samples ran at 08:50, 09:05 … 11:50 and 12:05 (on lock): the last input is known to the minute.
    expect([status.firstActive, status.lastActive]).toEqual(['08:50', '11:55']);
    const columns = services.db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('workdays')")
      .all()
      .map((c) => c.name);
    // What the table can hold at all: two instants a day and the sign-off; no apps, windows or keys.
    expect(columns).toEqual([
      'date',
      'zone',
      'first_active',
      'last_active',
      'suggested_at',
      'snoozed_until',
      'not_today',
      'signed_off_at',
      'done',
      'unfinished',
      'first_tomorrow',
      'energy',
      'quiet_until',
    ]);
  });

  it('samples at most four times an hour, plus on lock, unlock, suspend and resume', () => {
    const { clock, power } = setup(at('10:00'), { plan: false });
    let reads = 0;
    const idle = power.idleSeconds.bind(power);
    power.idleSeconds = () => {
      reads++;
      return idle();
    };
    clock.advanceTo(at('14:00'));
    // Each sample reads the idle time once to record it and once for the policy.
    expect(reads).toBe(16 * 2);
  });
});

describe('presence ticker: a running block in the tray', () => {
  it('refreshes the time left at most every 15 minutes while a block runs', () => {
    const { clock, tray } = setup(at('08:59'));
    clock.advanceTo(at('09:00'));
    const before = clock.firedCount;
    clock.advanceTo(at('10:43'));
    // The presence samples (09:14, 09:29 … 10:59, four an hour) also refresh the tray: no timer
    // of its own, no per-second polling.
    expect(tray.menu[0]).toMatchObject({ label: 'Focus until 11:00 · 31 mins left' });
    clock.advanceTo(at('10:59'));
    expect(clock.firedCount - before).toBe(8);
    expect(tray.menu[0]).toMatchObject({ label: 'Focus until 11:00 · 1 min left' });
  });
});
