import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { addLocalDays, instantAt, weekdayOf, type LocalDate } from '../../src-main/core/time';
import { runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/*
 * Issue #14's "done when", through the `keel` command: a crafted history imported with `keel
 * import` (an export of a Keel from before dated rules: format 1, settings without dates) keeps
 * its past days' figures after `keel settings set workingHours …`; a summary over a range with
 * holidays plans only working days; `keel agenda` moves a check-in off a holiday.
 */

const ZONE = 'Europe/Berlin';
const NOW = instantAt('2026-12-02', '09:00', ZONE); // a Wednesday
const at = (date: LocalDate, time: string) => instantAt(date, time, ZONE);
const HOLIDAYS = [{ from: '2026-11-26', to: '2026-11-27', note: 'Thanksgiving' }];

/** Four weeks of work, 2–27 Nov 2026: Mondays end at 17:45, other days at 17:20; mornings protected. */
function craftedExport(): object {
  const workdays: object[] = [];
  const sessions: object[] = [];
  for (let date = '2026-11-02'; date <= '2026-11-27'; date = addLocalDays(date, 1)) {
    const weekday = weekdayOf(date);
    if (weekday === 'sat' || weekday === 'sun' || date >= '2026-11-26') continue;
    const last = at(date, weekday === 'mon' ? '17:45' : '17:20');
    workdays.push({
      date,
      zone: ZONE,
      first_active: at(date, '08:55'),
      last_active: last,
      suggested_at: [],
      snoozed_until: null,
      not_today: 0,
      signed_off_at: last,
      done: null,
      unfinished: [],
      first_tomorrow: null,
      energy: null,
      quiet_until: null,
    });
    sessions.push({
      id: sessions.length + 1,
      kind: 'planned',
      occurrence_id: `focus:${date}@09:00`,
      started_at: at(date, '09:00'),
      planned_end: at(date, '11:00'),
      ended_at: at(date, '11:00'),
      end_reason: 'completed',
      local_date: date,
      zone: ZONE,
    });
  }
  return {
    format: 'keel-export',
    formatVersion: 1,
    exportedAt: at('2026-11-28', '10:00'),
    appVersion: '0.1.0',
    schemaVersion: 5,
    settings: { zone: ZONE, holidays: HOLIDAYS },
    records: { workdays, focus_sessions: sessions },
  };
}

interface SummaryJson {
  sections: { kind: string; plannedMinutes?: number; protectedMinutes?: number; lateEvenings?: number }[];
}

describe('dated rules through keel', () => {
  it('an imported history keeps its past days after the working hours change', async () => {
    const dir = tempDir();
    const clock = new ManualClock(NOW);
    const keel = (...args: string[]) => runKeel(args, { KEEL_DATA_DIR: dir, TZ: ZONE }, clock);
    const file = path.join(dir, 'history.json');
    fs.writeFileSync(file, JSON.stringify(craftedExport()));
    const imported = await keel('import', file);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const monday = async () =>
      JSON.parse((await keel('day', '--date', '2026-11-16', '--json')).stdout) as object;
    const summary = async () => {
      const r = await keel(
        'summary',
        '--from',
        '2026-11-16',
        '--to',
        '2026-11-27',
        '--format',
        'json',
        '--sections',
        'focus,endOfDay',
      );
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as SummaryJson;
    };
    const mondayBefore = await monday();
    expect(mondayBefore).toMatchObject({
      hours: { start: '09:00', end: '17:30' },
      late: false,
      counted: true,
    });
    const before = await summary();
    // 8 working days (26–27 Nov are holidays) × two 2-hour blocks: 32 h planned, 16 h protected.
    expect(before.sections.find((s) => s.kind === 'focus')).toMatchObject({
      plannedMinutes: 8 * 240,
      protectedMinutes: 8 * 120,
    });
    expect(before.sections.find((s) => s.kind === 'endOfDay')).toMatchObject({ lateEvenings: 0 });

    const earlier = { start: '09:00', end: '17:00' };
    const usual = { start: '09:00', end: '17:30' };
    const hours = { mon: earlier, tue: usual, wed: usual, thu: usual, fri: usual, sat: null, sun: null };
    const set = await keel('settings', 'set', 'workingHours', JSON.stringify(hours));
    expect(set.code).toBe(0);

    expect(await monday()).toEqual(mondayBefore);
    const after = await summary();
    expect(after.sections).toEqual(before.sections);
    // The new hours hold from today on: next Monday ends at 17:00.
    expect(JSON.parse((await keel('day', '--date', '2026-12-07', '--json')).stdout)).toMatchObject({
      hours: earlier,
    });
  });

  it('keel agenda moves the weekly check-in off a Friday holiday to Thursday', async () => {
    const dir = tempDir();
    const clock = new ManualClock(NOW);
    const keel = (...args: string[]) => runKeel(args, { KEEL_DATA_DIR: dir, TZ: ZONE }, clock);
    const agenda = async () =>
      (
        JSON.parse((await keel('agenda', '--from', '2026-12-03', '--to', '2026-12-04', '--json')).stdout) as {
          kind: string;
          start: string;
        }[]
      ).filter((e) => e.kind === 'check');
    expect((await agenda()).map((e) => e.start)).toEqual(['2026-12-04T16:00:00+01:00']);
    const holiday = [{ from: '2026-12-04', to: '2026-12-04' }];
    expect((await keel('settings', 'set', 'holidays', JSON.stringify(holiday))).code).toBe(0);
    expect((await agenda()).map((e) => e.start)).toEqual(['2026-12-03T16:00:00+01:00']);
    const friday = await keel('agenda', '--from', '2026-12-04', '--to', '2026-12-04', '--json');
    expect(JSON.parse(friday.stdout)).toEqual([]);
  });
});
