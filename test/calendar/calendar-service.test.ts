import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { KeelError } from '../../src-main/core/errors';
import { INVALID_CALENDAR_MESSAGE } from '../../src-main/core/ics-import';
import { defaultSettings, type Settings } from '../../src-main/core/settings';
import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import { MISSING_CALENDAR_MESSAGE } from '../../src-main/platform/calendar-file';
import { FakeFileWatch, nodeFileWatch } from '../../src-main/platform/file-watch';
import {
  CalendarService,
  type CalendarFailure,
  type CalendarFileStore,
} from '../../src-main/services/calendar-service';
import type { CalendarParseRequest } from '../../src-main/services/ports';
import type { CalendarStatus } from '../../src-main/shared/dto';
import { CalendarRepo } from '../../src-main/storage/calendar-repo';
import { openDatabase } from '../../src-main/storage/database';
import { tempDir } from '../helpers/temp';
import { NOTHING_SKIPPED } from '../../src-main/core/ics/notes';
import { calendarNotesIn } from '../../src-main/shared/i18n/calendar-notes';
import { messagesFor } from '../../src-main/shared/i18n/intl';

const english = messagesFor({ messages: 'en-US', format: 'en-US' });
const german = messagesFor({ messages: 'de', format: 'de-DE' });

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

function event(uid: string, title: string, start: string, end: string, ...extra: string[]): string {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20270101T000000Z',
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${title}`,
    ...extra,
    'END:VEVENT',
  ].join('\r\n');
}
const calendar = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');

/**
 * A CalendarService over real files in a temp folder, the in-process parser (the worker's own
 * reading code; the worker has its own tests), a real SQLite cache, a fake watcher and a
 * hand-driven clock. `parses()` counts how often the file was parsed.
 */
function setup(options: { storedPath?: string | null; settings?: Partial<Settings>; dataDir?: string } = {}) {
  const clock = new ManualClock(Date.parse('2027-03-15T08:00:00Z'));
  const dir = tempDir();
  const dataDir = options.dataDir ?? tempDir();
  const db = openDatabase(path.join(dataDir, 'keel.db'));
  const watch = new FakeFileWatch();
  let stored: string | null = options.storedPath ?? null;
  const store: CalendarFileStore = { get: () => stored, set: (p) => void (stored = p) };
  let failure: CalendarFailure | null = null;
  const settings: Settings = { ...defaultSettings('Europe/Berlin'), ...options.settings };
  const inner = new InProcessCalendarParser();
  const requests: CalendarParseRequest[] = [];
  const service = new CalendarService({
    parser: { parse: (request) => (requests.push(request), inner.parse(request)) },
    cache: new CalendarRepo(db),
    stat: async (file) => {
      const stat = await fs.promises.stat(file);
      return { size: stat.size, mtimeMs: stat.mtimeMs };
    },
    watch,
    clock,
    timers: clock,
    settings: { get: () => settings },
    store,
    failures: { get: () => failure, set: (f) => void (failure = f) },
    installId: () => '6f1c2b9a-3d4e-4a7b-8c5d-0e9f8a7b6c5d',
  });
  const changes: CalendarStatus[] = [];
  service.onDidChange.on((s) => changes.push(s));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  return {
    clock,
    dir,
    dataDir,
    db,
    file,
    watch,
    service,
    changes,
    settings,
    failures: { get: () => failure, set: (f: CalendarFailure | null) => void (failure = f) },
    stored: () => stored,
    parses: () => requests.length,
    requests,
  };
}

const MARCH_15 = Date.parse('2027-03-15T00:00:00Z');
const DAY = 86_400_000;

/** Waits for a debounced re-read: the debounce on the manual clock, then the read itself. */
async function settle(t: ReturnType<typeof setup>) {
  t.clock.advanceBy(500);
  await t.service.whenIdle();
}

describe('CalendarService', () => {
  it('imports a file: meetings become visible, the path is kept and watched', async () => {
    const t = setup();
    const work = t.file('work.ics', fixture('standup.ics'));
    const status = await t.service.importFrom(work);
    expect(status).toEqual({
      file: 'work.ics',
      // Mon/Wed standups from 15 March for 28 days, minus the cancelled 17th (moved 15th stays).
      upcomingMeetings: 8,
      lastReadAt: '2027-03-15T09:00:00+01:00',
      error: null,
      reading: false,
      skipped: NOTHING_SKIPPED,
      daysOff: [],
    });
    expect(t.stored()).toBe(work);
    expect(t.watch.watching(work)).toBe(1);
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + 2 * DAY).map((m) => m.title)).toEqual([
      'Team standup (moved)',
    ]);
    expect(t.changes).toHaveLength(1);
    // The window Keel keeps: five weeks back, half a year on, read once.
    expect(t.parses()).toBe(1);
    expect(t.requests[0]).toMatchObject({ zone: 'Europe/Berlin', addresses: [] });
    expect((t.requests[0]!.to - t.requests[0]!.from) / DAY).toBeGreaterThanOrEqual(224);
  });

  it('answers status and meetings from SQLite: nothing is parsed again, even after a restart', async () => {
    const t = setup();
    const work = t.file('work.ics', fixture('standup.ics'));
    await t.service.importFrom(work);
    for (let i = 0; i < 5; i++) {
      t.service.status();
      t.service.meetingsBetween(MARCH_15 + i * DAY, MARCH_15 + (i + 1) * DAY);
    }
    expect(t.parses()).toBe(1);
    // A new process on the same data (the CLI, the next login): the file has not changed.
    const next = setup({ storedPath: work, dataDir: t.dataDir });
    expect(await next.service.load()).toMatchObject({ file: 'work.ics', upcomingMeetings: 8, error: null });
    expect(next.parses()).toBe(0);
    // The file changed while Keel was not running: read again.
    fs.writeFileSync(work, calendar(event('b', 'Retro', '20270315T130000Z', '20270315T140000Z')));
    const after = setup({ storedPath: work, dataDir: t.dataDir });
    await after.service.load();
    expect(after.parses()).toBe(1);
    expect(after.service.meetingsBetween(MARCH_15, MARCH_15 + DAY).map((m) => m.title)).toEqual(['Retro']);
  });

  it('reads again when the kept window runs short, and when the zone or the addresses change', async () => {
    const t = setup();
    const work = t.file(
      'work.ics',
      calendar(
        event(
          'a',
          'Planning',
          '20270315T100000Z',
          '20270315T110000Z',
          'ATTENDEE;PARTSTAT=DECLINED:mailto:ada@example.com',
        ),
      ),
    );
    await t.service.importFrom(work);
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY)).toHaveLength(1);
    // Ada says which address is hers: she declined, so the meeting is free.
    t.settings.calendar = { addresses: ['ada@example.com'], tentative: 'warn' };
    await t.service.settingsChanged();
    expect(t.parses()).toBe(2);
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY)).toEqual([]);
    // A setting that does not change how the file reads does not read it again.
    t.settings.calendar = { addresses: ['ada@example.com'], tentative: 'ignore' };
    await t.service.settingsChanged();
    expect(t.parses()).toBe(2);
    // Three months later the window would end too soon: the next question reads it again.
    t.clock.advanceBy(80 * DAY);
    t.service.meetingsBetween(t.clock.now(), t.clock.now() + DAY);
    await t.service.whenIdle();
    expect(t.parses()).toBe(3);
  });

  it('re-reads the file after it is rewritten (debounced) and shows the new meetings', async () => {
    const t = setup();
    const work = t.file('work.ics', calendar(event('a', 'Planning', '20270315T100000Z', '20270315T110000Z')));
    await t.service.importFrom(work);
    fs.writeFileSync(work, calendar(event('b', 'Retro', '20270315T130000Z', '20270315T140000Z')));
    // An editor's save fires several events; one read follows once they settle.
    t.watch.change(work);
    t.clock.advanceBy(200);
    t.watch.change(work);
    t.clock.advanceBy(499);
    expect(t.parses()).toBe(1);
    t.clock.advanceBy(1);
    await t.service.whenIdle();
    expect(t.parses()).toBe(2);
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY).map((m) => m.title)).toEqual(['Retro']);
  });

  it('keeps the last good meetings when a rewrite is bad or the file goes, and says why', async () => {
    const t = setup();
    const work = t.file('work.ics', calendar(event('a', 'Planning', '20270315T100000Z', '20270315T110000Z')));
    await t.service.importFrom(work);
    fs.writeFileSync(work, 'this is not a calendar');
    t.watch.change(work);
    await settle(t);
    expect(t.service.status().error).toBe(INVALID_CALENDAR_MESSAGE);
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY).map((m) => m.title)).toEqual(['Planning']);
    fs.rmSync(work);
    t.watch.change(work);
    await settle(t);
    expect(t.service.status()).toMatchObject({
      error: MISSING_CALENDAR_MESSAGE,
      file: 'work.ics',
      upcomingMeetings: 1,
    });
    fs.writeFileSync(work, calendar(event('c', 'Back', '20270316T100000Z', '20270316T110000Z')));
    t.watch.change(work);
    await settle(t);
    expect(t.service.status()).toMatchObject({ error: null, upcomingMeetings: 1 });
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + 2 * DAY).map((m) => m.title)).toEqual(['Back']);
  });

  it('a bad import changes nothing and throws one sentence', async () => {
    const t = setup();
    const good = t.file('good.ics', fixture('standup.ics'));
    const bad = t.file('bad.ics', fixture('garbage.ics'));
    await t.service.importFrom(good);
    const before = t.service.status();
    await expect(t.service.importFrom(bad)).rejects.toBeInstanceOf(KeelError);
    await expect(t.service.importFrom(bad)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(t.service.importFrom(path.join(t.dir, 'missing.ics'))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(t.service.importFrom(t.dir)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(t.service.status()).toEqual(before);
    expect(t.stored()).toBe(good);
    expect(t.watch.watching()).toBe(1);
  });

  it('says what it skipped, and offers all-day absences on working days as days off', async () => {
    const t = setup();
    const work = t.file(
      'work.ics',
      [
        calendar(
          event('a', 'Planning', '20270315T100000Z', '20270315T110000Z'),
          ['BEGIN:VEVENT', 'UID:x', 'DTSTART:garbage', 'END:VEVENT'].join('\r\n'),
          ['BEGIN:VEVENT', 'UID:y', 'DTSTART:20270315T100000Z', 'RRULE:FREQ=MINUTELY', 'END:VEVENT'].join(
            '\r\n',
          ),
          [
            'BEGIN:VEVENT',
            'UID:ooo',
            'DTSTART;VALUE=DATE:20270318',
            'DTEND;VALUE=DATE:20270321',
            'SUMMARY:Out of office',
            'END:VEVENT',
          ].join('\r\n'),
        ),
      ].join(''),
    );
    const status = await t.service.importFrom(work);
    expect(status.skipped).toEqual({
      unreadableEvents: 1,
      skippedLines: 0,
      droppedSeries: 1,
      trimmedOccurrences: 0,
    });
    expect(calendarNotesIn(english.t, status.skipped)).toEqual([
      '1 event could not be read and was skipped.',
      '1 repeating event was left out: it repeats every second or minute, more than 24 times a day, or by a rule too costly to follow.',
    ]);
    expect(calendarNotesIn(german.t, status.skipped)).toEqual([
      '1 Termin konnte nicht gelesen werden und wurde übersprungen.',
      '1 wiederkehrender Termin wurde ausgelassen: er wiederholt sich jede Sekunde oder Minute, öfter als 24-mal am Tag oder nach einer Regel, der zu folgen zu aufwendig ist.',
    ]);
    // Thu 18 and Fri 19 are working days; Sat 20 is not.
    expect(status.daysOff).toEqual([
      { date: '2027-03-18', title: 'Out of office' },
      { date: '2027-03-19', title: 'Out of office' },
    ]);
  });

  it('tentative meetings are shown as tentative, and warn unless the user says not to', async () => {
    const t = setup();
    const work = t.file(
      'work.ics',
      calendar(event('a', 'Maybe', '20270315T100000Z', '20270315T110000Z', 'STATUS:TENTATIVE')),
    );
    await t.service.importFrom(work);
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY)).toMatchObject([
      { title: 'Maybe', status: 'tentative', warns: true },
    ]);
    t.settings.calendar = { addresses: [], tentative: 'ignore' };
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY)).toMatchObject([
      { title: 'Maybe', status: 'tentative', warns: false },
    ]);
  });

  it('answers any range: the kept window from SQLite, anything else read from the file for that range', async () => {
    const t = setup();
    const work = t.file('work.ics', fixture('standup.ics'));
    await t.service.importFrom(work);
    const inside = await t.service.occurrencesBetween(MARCH_15, MARCH_15 + 7 * DAY);
    expect(t.parses()).toBe(1);
    const far = Date.parse('2029-03-05T00:00:00Z');
    const outside = await t.service.occurrencesBetween(far, far + 7 * DAY);
    expect(t.parses()).toBe(2);
    expect(inside.occurrences.length).toBeGreaterThan(0);
    expect(outside.stats).toMatchObject({ trimmedOccurrences: 0, droppedSeries: 0 });
    expect(outside.occurrences.every((o) => o.start >= far - DAY)).toBe(true);
  });

  it('clear() forgets the calendar, its kept meetings and its watch', async () => {
    const t = setup();
    const work = t.file('work.ics', fixture('standup.ics'));
    await t.service.importFrom(work);
    t.watch.change(work); // a pending re-read is dropped too
    const status = t.service.clear();
    expect(status).toEqual({
      file: null,
      upcomingMeetings: 0,
      lastReadAt: null,
      error: null,
      reading: false,
      skipped: NOTHING_SKIPPED,
      daysOff: [],
    });
    expect(t.watch.watching()).toBe(0);
    expect(t.clock.pendingCount()).toBe(0);
    expect(t.stored()).toBeNull();
    expect(t.service.meetingsBetween(MARCH_15, MARCH_15 + 28 * DAY)).toEqual([]);
    expect(new CalendarRepo(t.db).snapshot()).toBeNull();
  });

  it('load() at start-up: a missing file is a sentence, not a throw, and its return is picked up', async () => {
    const t = setup({ storedPath: path.join(tempDir(), 'gone.ics') });
    const gone = t.stored()!;
    expect(await t.service.load()).toMatchObject({
      file: 'gone.ics',
      upcomingMeetings: 0,
      error: MISSING_CALENDAR_MESSAGE,
    });
    fs.writeFileSync(gone, fixture('standup.ics'));
    t.watch.change(gone);
    await settle(t);
    expect(t.service.status()).toMatchObject({ error: null, upcomingMeetings: 8 });
    const none = setup();
    expect(await none.service.load()).toMatchObject({ file: null, upcomingMeetings: 0, error: null });
    expect(none.watch.watching()).toBe(0);
  });

  it('a file that cannot be read is not read again until it changes, however often Keel asks', async () => {
    const t = setup();
    const work = t.file('work.ics', fixture('standup.ics'));
    await t.service.importFrom(work);
    fs.rmSync(work);
    // Eighty days on, the kept window runs short: the next question tries once, and fails.
    t.clock.advanceBy(80 * DAY);
    for (let i = 0; i < 20; i++) {
      t.service.meetingsBetween(t.clock.now() + i * 1000, t.clock.now() + DAY);
      await t.service.whenIdle();
    }
    expect(t.parses()).toBe(2);
    expect(t.service.status().error).toBe(MISSING_CALENDAR_MESSAGE);
    // A new process (the CLI, the next login) does not try again either: the failure is kept.
    const next = setup({ storedPath: work, dataDir: t.dataDir });
    next.clock.advanceBy(80 * DAY);
    next.failures.set(t.failures.get());
    await next.service.load();
    expect(next.parses()).toBe(0);
    expect(next.service.status().error).toBe(MISSING_CALENDAR_MESSAGE);
    // The file comes back: read at once.
    fs.writeFileSync(work, fixture('standup.ics'));
    await next.service.load();
    expect(next.parses()).toBe(1);
    expect(next.service.status().error).toBeNull();
  });

  it('follows another process that re-read the file with other settings (a CLI in another zone)', async () => {
    const t = setup();
    const f = t.file('f.ics', calendar(event('f', 'Floating', '20270315T090000', '20270315T100000')));
    await t.service.importFrom(f);
    const cli = setup({ storedPath: f, dataDir: t.dataDir, settings: { zone: 'UTC' } });
    await cli.service.load();
    expect(cli.parses()).toBe(1);
    // The app is told the data changed: what is kept was read in UTC, so it reads again.
    await t.service.followStore();
    expect(t.parses()).toBe(2);
    expect(
      t.service.meetingsBetween(MARCH_15, MARCH_15 + DAY).map((m) => new Date(m.start).toISOString()),
    ).toEqual(['2027-03-15T08:00:00.000Z']);
  });

  it('reads floating times in the user zone from settings', async () => {
    const t = setup({ settings: { zone: 'America/New_York' } });
    const f = t.file('f.ics', calendar(event('f', 'Floating', '20270315T090000', '20270315T100000')));
    await t.service.importFrom(f);
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
