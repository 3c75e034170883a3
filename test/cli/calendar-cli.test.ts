import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import type { CalendarConflictsDto, FocusStatus } from '../../src-main/shared/dto';
import { runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** Monday 15 March 2027, 08:00 in Berlin. */
const clock = () => new ManualClock(Date.parse('2027-03-15T07:00:00Z'));

function event(uid: string, title: string, lines: string[]): string {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20270101T000000Z',
    `SUMMARY:${title}`,
    ...lines,
    'END:VEVENT',
  ].join('\r\n');
}

/** A work calendar: a daily standup since 2016, a tentative review, a free reminder, a declined call. */
function workCalendar(): string {
  const file = path.join(tempDir(), 'work.ics');
  fs.writeFileSync(
    file,
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      event('standup', 'Standup', [
        'DTSTART;TZID=W. Europe Standard Time:20160104T093000',
        'DTEND;TZID=W. Europe Standard Time:20160104T094500',
        'RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
      ]),
      event('review', 'Design review', ['DTSTART:20270315T133000Z', 'DURATION:PT30M', 'STATUS:TENTATIVE']),
      event('reminder', 'Drink water', ['DTSTART:20270315T090000Z', 'DURATION:PT15M', 'TRANSP:TRANSPARENT']),
      event('declined', 'Vendor call', [
        'DTSTART:20270316T083000Z',
        'DURATION:PT1H',
        'ATTENDEE;PARTSTAT=DECLINED:mailto:ada@example.com',
      ]),
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  );
  return file;
}

async function imported() {
  const env = { KEEL_DATA_DIR: tempDir(), TZ: 'Europe/Berlin' };
  const c = clock();
  expect((await runKeel(['calendar', 'import', workCalendar()], env, c)).code).toBe(0);
  expect(
    (
      await runKeel(
        ['settings', 'set', 'calendar', '{"addresses":["Ada@Example.com"],"tentative":"warn"}'],
        env,
        c,
      )
    ).code,
  ).toBe(0);
  return { env, c };
}

describe('keel calendar conflicts', () => {
  it('lists each planned block with the meetings that overlap it: title, start, end, busy status', async () => {
    const { env, c } = await imported();
    const r = await runKeel(
      ['calendar', 'conflicts', '--from', '2027-03-15', '--to', '2027-03-16', '--json'],
      env,
      c,
    );
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as CalendarConflictsDto;
    expect(report).toMatchObject({
      from: '2027-03-15',
      to: '2027-03-16',
      zone: 'Europe/Berlin',
      calendar: 'work.ics',
      conflicts: 3,
    });
    expect(
      report.blocks.map((b) => [
        b.start,
        b.meetings.map((m) => `${m.title} ${m.start}–${m.end.slice(11, 16)} ${m.status}`),
      ]),
    ).toEqual([
      ['2027-03-15T09:00:00+01:00', ['Standup 2027-03-15T09:30:00+01:00–09:45 busy']],
      // The tentative review is shown as tentative; the free reminder is not a meeting.
      ['2027-03-15T14:00:00+01:00', ['Design review 2027-03-15T14:30:00+01:00–15:00 tentative']],
      // Ada declined the vendor call (her address is in the calendar settings): free.
      ['2027-03-16T09:00:00+01:00', ['Standup 2027-03-16T09:30:00+01:00–09:45 busy']],
      ['2027-03-16T14:00:00+01:00', []],
    ]);
    const text = await runKeel(
      ['calendar', 'conflicts', '--from', '2027-03-15', '--to', '2027-03-16'],
      env,
      c,
    );
    expect(text.stdout.split('\n').slice(0, 3)).toEqual([
      '3 of 4 planned focus blocks from Mon, 15 Mar 2027 to Tue, 16 Mar 2027 have meetings (work.ics, Europe/Berlin).',
      '  Mon, 15 Mar 2027 09:00–11:00',
      '    09:30–09:45  Standup (busy)',
    ]);
  });

  it('answers for a range far outside the weeks Keel keeps, without keeping it', async () => {
    const { env, c } = await imported();
    const r = await runKeel(
      ['calendar', 'conflicts', '--from', '2031-06-02', '--to', '2031-06-02', '--json'],
      env,
      c,
    );
    const report = JSON.parse(r.stdout) as CalendarConflictsDto;
    expect(report.blocks.map((b) => b.meetings.map((m) => m.start))).toEqual([
      ['2031-06-02T09:30:00+02:00'],
      [],
    ]);
    const past = await runKeel(
      ['calendar', 'conflicts', '--from', '2016-01-04', '--to', '2016-01-04', '--json'],
      env,
      c,
    );
    expect((JSON.parse(past.stdout) as CalendarConflictsDto).conflicts).toBe(1);
  });

  it('refuses a backwards or malformed range in one sentence', async () => {
    const { env, c } = await imported();
    for (const [args, message] of [
      [
        ['--from', '2027-03-16', '--to', '2027-03-15'],
        'keel: The start date must not be after the end date.\n',
      ],
      [['--from', '2027-02-30', '--to', '2027-03-15'], 'keel: from: Use a date written YYYY-MM-DD.\n'],
      [['--from', '2027-01-01', '--to', '2040-01-01'], 'keel: Ask about ten years at most.\n'],
    ] as const) {
      expect(await runKeel(['calendar', 'conflicts', ...args], env, c)).toMatchObject({
        code: 1,
        stderr: message,
        stdout: '',
      });
    }
  });

  it('without a calendar, lists the blocks and says none is imported', async () => {
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'Europe/Berlin' };
    const r = await runKeel(
      ['calendar', 'conflicts', '--from', '2027-03-15', '--to', '2027-03-15'],
      env,
      clock(),
    );
    expect(r.stdout).toBe('No calendar imported; 2 planned focus blocks on Mon, 15 Mar 2027.\n');
  });
});

describe('keel focus status', () => {
  it("shows today's meetings and the ones on each block", async () => {
    const { env, c } = await imported();
    const status = JSON.parse((await runKeel(['focus', 'status', '--json'], env, c)).stdout) as FocusStatus;
    expect(status.meetingsToday.map((m) => [m.title, m.start, m.status])).toEqual([
      ['Standup', '2027-03-15T09:30:00+01:00', 'busy'],
      ['Design review', '2027-03-15T14:30:00+01:00', 'tentative'],
    ]);
    expect(status.today.map((b) => b.meetings.length)).toEqual([1, 1]);
    const text = (await runKeel(['focus', 'status'], env, c)).stdout;
    expect(text).toContain('  09:00–11:00  upcoming  (1 meeting overlaps)');
    expect(text).toContain(
      'Meetings today:\n  09:30–09:45  Standup\n  14:30–15:00  Design review (tentative)\n',
    );
    // Tentative meetings need not warn: they are still shown, as tentative.
    await runKeel(['settings', 'set', 'calendar', '{"addresses":[],"tentative":"ignore"}'], env, c);
    const quiet = JSON.parse((await runKeel(['focus', 'status', '--json'], env, c)).stdout) as FocusStatus;
    expect(quiet.meetingsToday.map((m) => [m.title, m.status])).toEqual([
      ['Standup', 'busy'],
      ['Design review', 'tentative'],
    ]);
  });
});
