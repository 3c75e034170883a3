import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { KeelError } from '../../src-main/core/errors';
import { INVALID_CALENDAR_MESSAGE } from '../../src-main/core/ics-import';
import { defaultSettings, type Settings } from '../../src-main/core/settings';
import { FakeFileWatch, nodeFileWatch } from '../../src-main/platform/file-watch';
import {
  CalendarService,
  IMPORT_UNREADABLE_MESSAGE,
  UNREADABLE_FILE_MESSAGE,
  type CalendarFileStore,
} from '../../src-main/services/calendar-service';
import type { CalendarStatus } from '../../src-main/shared/dto';
import { tempDir } from '../helpers/temp';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

function event(uid: string, title: string, start: string, end: string): string {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20270101T000000Z',
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${title}`,
    'END:VEVENT',
  ].join('\r\n');
}
const calendar = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');

/** A CalendarService over an in-memory "disk", a fake watcher and a hand-driven clock. */
function setup(options: { storedPath?: string | null; settings?: Partial<Settings> } = {}) {
  const clock = new ManualClock(Date.parse('2027-03-15T08:00:00Z'));
  const files = new Map<string, string>();
  const watch = new FakeFileWatch();
  let stored: string | null = options.storedPath ?? null;
  const store: CalendarFileStore = { get: () => stored, set: (p) => void (stored = p) };
  const settings: Settings = { ...defaultSettings('Europe/Berlin'), ...options.settings };
  let reads = 0;
  const service = new CalendarService({
    readFile: (p) => {
      reads++;
      const text = files.get(p);
      return text === undefined ? Promise.reject(new Error(`ENOENT: ${p}`)) : Promise.resolve(text);
    },
    watch,
    clock,
    timers: clock,
    settings: { get: () => settings },
    store,
    installId: () => '6f1c2b9a-3d4e-4a7b-8c5d-0e9f8a7b6c5d',
  });
  const changes: CalendarStatus[] = [];
  service.onDidChange.on((s) => changes.push(s));
  return { clock, files, watch, service, changes, stored: () => stored, reads: () => reads };
}

const MARCH_15 = Date.parse('2027-03-15T00:00:00Z');
const DAY = 86_400_000;

describe('CalendarService', () => {
  it('imports a file: meetings become visible, the path is kept and watched', async () => {
    const t = setup();
    t.files.set('/home/ada/cal/work.ics', fixture('standup.ics'));
    const status = await t.service.importFrom('/home/ada/cal/work.ics');
    expect(status).toEqual({
      file: 'work.ics',
      // Mon/Wed standups from 15 March for 28 days, minus the cancelled 17th (moved 15th stays).
      upcomingMeetings: 8,
      lastReadAt: '2027-03-15T09:00:00+01:00',
      error: null,
    });
    expect(t.stored()).toBe('/home/ada/cal/work.ics');
    expect(t.watch.watching('/home/ada/cal/work.ics')).toBe(1);
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + 2 * DAY).map((m) => m.title)).toEqual([
      'Team standup (moved)',
    ]);
    expect(t.changes).toHaveLength(1);
  });

  it('re-reads the file after it is rewritten (debounced) and shows the new meetings', async () => {
    const t = setup();
    const file = '/cal/work.ics';
    t.files.set(file, calendar(event('a', 'Planning', '20270315T100000Z', '20270315T110000Z')));
    await t.service.importFrom(file);
    t.files.set(file, calendar(event('b', 'Retro', '20270315T130000Z', '20270315T140000Z')));
    // An editor's save fires several events; one read follows once they settle.
    t.watch.change(file);
    t.clock.advanceBy(200);
    t.watch.change(file);
    t.clock.advanceBy(499);
    expect(t.reads()).toBe(1);
    t.clock.advanceBy(1);
    await t.service.whenIdle();
    expect(t.reads()).toBe(2);
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY).map((m) => m.title)).toEqual(['Retro']);
    expect(t.changes.at(-1)?.lastReadAt).toBe('2027-03-15T09:00:00+01:00');
  });

  it('keeps the last good calendar when a rewrite is bad, and reports one sentence', async () => {
    const t = setup();
    const file = '/cal/work.ics';
    t.files.set(file, calendar(event('a', 'Planning', '20270315T100000Z', '20270315T110000Z')));
    await t.service.importFrom(file);
    t.files.set(file, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n'); // half-written
    t.watch.change(file);
    t.clock.advanceBy(500);
    await t.service.whenIdle();
    expect(t.service.status().error).toBe(INVALID_CALENDAR_MESSAGE);
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY).map((m) => m.title)).toEqual(['Planning']);
    // Deleted: same, with its own sentence. Written again: recovered, error cleared.
    t.files.delete(file);
    t.watch.change(file);
    t.clock.advanceBy(500);
    await t.service.whenIdle();
    expect(t.service.status()).toMatchObject({
      error: UNREADABLE_FILE_MESSAGE,
      file: 'work.ics',
      upcomingMeetings: 1,
    });
    t.files.set(file, calendar(event('c', 'Back', '20270316T100000Z', '20270316T110000Z')));
    t.watch.change(file);
    t.clock.advanceBy(500);
    await t.service.whenIdle();
    expect(t.service.status()).toMatchObject({ error: null, upcomingMeetings: 1 });
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + 2 * DAY).map((m) => m.title)).toEqual(['Back']);
  });

  it('a bad import changes nothing and throws one sentence', async () => {
    const t = setup();
    t.files.set('/cal/good.ics', fixture('standup.ics'));
    t.files.set('/cal/bad.ics', fixture('garbage.ics'));
    await t.service.importFrom('/cal/good.ics');
    const before = t.service.status();
    await expect(t.service.importFrom('/cal/bad.ics')).rejects.toEqual(
      new KeelError('invalid_input', INVALID_CALENDAR_MESSAGE),
    );
    await expect(t.service.importFrom('/cal/missing.ics')).rejects.toMatchObject({
      code: 'not_found',
      message: IMPORT_UNREADABLE_MESSAGE,
    });
    expect(t.service.status()).toEqual(before);
    expect(t.stored()).toBe('/cal/good.ics');
    expect(t.watch.watching()).toBe(1);
    expect(t.watch.watching('/cal/good.ics')).toBe(1);
  });

  it('clear() forgets the calendar and stops watching', async () => {
    const t = setup();
    t.files.set('/cal/work.ics', fixture('standup.ics'));
    await t.service.importFrom('/cal/work.ics');
    t.watch.change('/cal/work.ics'); // a pending re-read is dropped too
    const status = t.service.clear();
    expect(status).toEqual({ file: null, upcomingMeetings: 0, lastReadAt: null, error: null });
    expect(t.watch.watching()).toBe(0);
    expect(t.clock.pendingCount()).toBe(0);
    expect(t.stored()).toBeNull();
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + 28 * DAY)).toEqual([]);
    t.clock.advanceBy(1_000);
    await t.service.whenIdle();
    expect(t.reads()).toBe(1);
  });

  it('load() re-reads the stored path at start-up; a missing file is an error sentence, not a throw', async () => {
    const ok = setup({ storedPath: 'C:\\Users\\ada\\Calendars\\work.ics' });
    ok.files.set('C:\\Users\\ada\\Calendars\\work.ics', fixture('standup.ics'));
    expect(await ok.service.load()).toMatchObject({ file: 'work.ics', error: null, upcomingMeetings: 8 });

    const missing = setup({ storedPath: '/cal/gone.ics' });
    expect(await missing.service.load()).toEqual({
      file: 'gone.ics',
      upcomingMeetings: 0,
      lastReadAt: null,
      error: UNREADABLE_FILE_MESSAGE,
    });
    // Still watched, so the file coming back is picked up.
    missing.files.set('/cal/gone.ics', fixture('standup.ics'));
    missing.watch.change('/cal/gone.ics');
    missing.clock.advanceBy(500);
    await missing.service.whenIdle();
    expect(missing.service.status()).toMatchObject({ error: null, upcomingMeetings: 8 });

    const none = setup();
    expect(await none.service.load()).toEqual({
      file: null,
      upcomingMeetings: 0,
      lastReadAt: null,
      error: null,
    });
    expect(none.watch.watching()).toBe(0);
  });

  it('reads floating times in the user zone from settings', async () => {
    const t = setup({ settings: { zone: 'America/New_York' } });
    t.files.set('/cal/f.ics', calendar(event('f', 'Floating', '20270315T090000', '20270315T100000')));
    await t.service.importFrom('/cal/f.ics');
    expect(
      t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY).map((m) => new Date(m.start).toISOString()),
    ).toEqual(['2027-03-15T13:00:00.000Z']);
  });

  it('exports the focus plan through the shell save dialog', async () => {
    const t = setup();
    const saved: { defaultName: string; content: string | Uint8Array; filters: unknown }[] = [];
    const result = await t.service.exportPlan({
      saveFile: (o) => {
        saved.push(o);
        return Promise.resolve('my-focus.ics');
      },
    });
    expect(result).toEqual({ saved: true, fileName: 'my-focus.ics' });
    expect(saved[0]?.defaultName).toBe('keel-focus.ics');
    expect(saved[0]?.filters).toEqual([{ name: 'Calendar', extensions: ['ics'] }]);
    expect(saved[0]?.content).toContain('DTSTART;TZID=Europe/Berlin:20270315T090000');
    expect(String(saved[0]?.content).match(/BEGIN:VEVENT/g)).toHaveLength(10);
    expect(saved[0]?.content).toContain(
      'UID:focus-mon-0900-1100-6f1c2b9a-3d4e-4a7b-8c5d-0e9f8a7b6c5d@keel.local',
    );
    const cancelled = await t.service.exportPlan({ saveFile: () => Promise.resolve(null) });
    expect(cancelled).toEqual({ saved: false, fileName: null });
  });
});

describe('nodeFileWatch', () => {
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
    return check();
  };

  it('sees a file replaced by rename (as editors save), ignores siblings, and stops when asked', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'work.ics');
    fs.writeFileSync(file, 'one');
    let seen = 0;
    const stop = nodeFileWatch.watch(file, () => seen++);
    try {
      fs.writeFileSync(path.join(dir, 'other.txt'), 'x');
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toBe(0);
      fs.writeFileSync(path.join(dir, '.work.ics.tmp'), 'two');
      fs.renameSync(path.join(dir, '.work.ics.tmp'), file);
      expect(await waitFor(() => seen > 0)).toBe(true);
    } finally {
      stop();
    }
    const afterStop = seen;
    fs.writeFileSync(file, 'three');
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toBe(afterStop);
  });

  it('returns a no-op when the folder does not exist', () => {
    const stop = nodeFileWatch.watch(path.join(tempDir(), 'missing', 'x.ics'), () => {});
    expect(() => stop()).not.toThrow();
  });
});
