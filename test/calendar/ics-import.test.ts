import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import {
  cleanTitle,
  INVALID_CALENDAR_MESSAGE,
  MAX_OCCURRENCES_PER_QUERY,
  meetingsBetween,
  parseMeetings,
  type ParsedCalendar,
} from '../../src-main/core/ics-import';
import { occurrencesBetween } from '../../src-main/core/ics/read';
import { toLocalIso } from '../../src-main/core/time';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

/** Meetings in [from, to) as "local start – local end title" lines in `zone`. */
function lines(calendar: ParsedCalendar, from: string, to: string, zone: string): string[] {
  return meetingsBetween(calendar, Date.parse(from), Date.parse(to), zone).map(
    (m) => `${toLocalIso(m.start, zone)}/${toLocalIso(m.end, zone).slice(11, 16)} ${m.title}`,
  );
}

describe('parseMeetings + meetingsBetween', () => {
  it('expands a weekly standup with an EXDATE, a moved and a cancelled occurrence', () => {
    const cal = parseMeetings(fixture('standup.ics'));
    expect(lines(cal, '2027-03-07T23:00:00Z', '2027-03-21T23:00:00Z', 'Europe/Berlin')).toEqual([
      '2027-03-08T09:30:00+01:00/09:45 Team standup',
      // Wed 10th: EXDATE. Mon 15th: moved to Tue 16th 11:00. Wed 17th: cancelled.
      '2027-03-16T11:00:00+01:00/11:30 Team standup (moved)',
    ]);
    // Across the EU change on 28 March the standup stays at 09:30 local.
    expect(lines(cal, '2027-03-21T23:00:00Z', '2027-04-01T00:00:00Z', 'Europe/Berlin')).toEqual([
      '2027-03-22T09:30:00+01:00/09:45 Team standup',
      '2027-03-24T09:30:00+01:00/09:45 Team standup',
      '2027-03-29T09:30:00+02:00/09:45 Team standup',
      '2027-03-31T09:30:00+02:00/09:45 Team standup',
    ]);
  });

  it('shows a moved occurrence where it moved to, whichever range holds its original time', () => {
    const cal = parseMeetings(fixture('standup.ics'));
    expect(lines(cal, '2027-03-15T00:00:00Z', '2027-03-15T23:00:00Z', 'Europe/Berlin')).toEqual([]);
    expect(lines(cal, '2027-03-16T00:00:00Z', '2027-03-16T23:00:00Z', 'Europe/Berlin')).toEqual([
      '2027-03-16T11:00:00+01:00/11:30 Team standup (moved)',
    ]);
  });

  it('honours COUNT, UNTIL (inclusive) and reads floating times in the user zone', () => {
    const cal = parseMeetings(fixture('recurrence-limits.ics'));
    const april = (zone: string) =>
      lines(cal, '2027-03-31T00:00:00Z', '2027-05-01T00:00:00Z', zone).filter((l) => !l.includes('Hourly'));
    expect(april('Europe/Berlin')).toEqual([
      '2027-04-02T15:00:00+02:00/16:00 Friday demo',
      '2027-04-05T10:00:00+02:00/10:15 Daily check-in',
      '2027-04-06T10:00:00+02:00/10:15 Daily check-in',
      '2027-04-07T10:00:00+02:00/10:15 Daily check-in',
      '2027-04-08T10:00:00+02:00/10:15 Daily check-in',
      '2027-04-09T10:00:00+02:00/10:15 Daily check-in',
      '2027-04-09T15:00:00+02:00/16:00 Friday demo',
      '2027-04-16T15:00:00+02:00/16:00 Friday demo',
      '2027-04-23T15:00:00+02:00/16:00 Friday demo',
    ]);
    // The floating demo follows the viewer; the UTC check-in does not.
    expect(april('America/New_York').filter((l) => l.includes('demo'))[0]).toBe(
      '2027-04-02T15:00:00-04:00/16:00 Friday demo',
    );
    expect(april('America/New_York').filter((l) => l.includes('check-in'))[0]).toBe(
      '2027-04-05T04:00:00-04:00/04:15 Daily check-in',
    );
  });

  it('drops absurd rules (and says so) but finds every occurrence of a rule from 1970', () => {
    const cal = parseMeetings(fixture('recurrence-limits.ics'));
    const day = occurrencesBetween(
      cal,
      Date.parse('2027-04-05T00:00:00Z'),
      Date.parse('2027-04-06T00:00:00Z'),
      'UTC',
    );
    // FREQ=SECONDLY is not a meeting: dropped and counted, never silently.
    expect(day.stats.droppedSeries).toBe(1);
    expect(day.occurrences.some((o) => o.uid === 'absurd@example.com')).toBe(false);
    // An hourly rule from 1970 is ~500,000 periods away: every one of the day's 24 is found.
    expect(day.occurrences.filter((o) => o.uid === 'hourly-forever@example.com')).toHaveLength(24);
    const all = meetingsBetween(
      cal,
      Date.parse('1970-01-01T00:00:00Z'),
      Date.parse('1980-01-01T00:00:00Z'),
      'UTC',
    );
    expect(all.length).toBeLessThanOrEqual(MAX_OCCURRENCES_PER_QUERY);
  });

  it('places a New York meeting right from Berlin across the weeks the US and EU differ (2027)', () => {
    const cal = parseMeetings(fixture('new-york.ics'));
    const at = (from: string, to: string) => lines(cal, from, to, 'Europe/Berlin').map((l) => l.slice(0, 25));
    // US springs forward 14 March, the EU 28 March: two weeks at 15:00 instead of 16:00.
    expect(at('2027-03-08T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual([
      '2027-03-09T16:00:00+01:00',
      '2027-03-16T15:00:00+01:00',
      '2027-03-23T15:00:00+01:00',
      '2027-03-30T16:00:00+02:00',
    ]);
    // The EU falls back 31 October, the US 7 November: one week at 15:00.
    expect(at('2027-10-25T00:00:00Z', '2027-11-10T00:00:00Z')).toEqual([
      '2027-10-26T16:00:00+02:00',
      '2027-11-02T15:00:00+01:00',
      '2027-11-09T16:00:00+01:00',
    ]);
  });

  it('ignores all-day and free events', () => {
    expect(
      lines(parseMeetings(fixture('all-day.ics')), '2027-03-01T00:00:00Z', '2027-04-01T00:00:00Z', 'UTC'),
    ).toEqual([]);
    expect(
      lines(parseMeetings(fixture('free.ics')), '2027-03-15T00:00:00Z', '2027-03-22T00:00:00Z', 'UTC'),
    ).toEqual(['2027-03-15T13:00:00Z/14:00 Design review']);
  });

  it('resolves IANA, Windows and vendor-prefixed TZIDs without a VTIMEZONE; unknown ones read as the user zone', () => {
    const cal = parseMeetings(fixture('zones-and-titles.ics'));
    const found = meetingsBetween(
      cal,
      Date.parse('2027-03-14T00:00:00Z'),
      Date.parse('2027-03-21T00:00:00Z'),
      'Europe/Berlin',
    );
    const iso = found.map((m) => new Date(m.start).toISOString());
    expect(iso).toEqual([
      '2027-03-15T01:00:00.000Z', // 10:00 Asia/Tokyo
      '2027-03-16T12:00:00.000Z', // 12:00 Europe/London (GMT)
      '2027-03-16T13:00:00.000Z', // 09:00 "Eastern Standard Time", already EDT
      '2027-03-17T08:00:00.000Z', // floating 09:00 in Berlin
      '2027-03-18T12:00:00.000Z', // UTC
      '2027-03-19T08:00:00.000Z', // unknown zone: 09:00 in Berlin
      '2027-03-19T15:00:00.000Z',
    ]);
  });

  it('keeps titles plain, single-line, without control or bidi characters, and at most 120 characters', () => {
    const cal = parseMeetings(fixture('zones-and-titles.ics'));
    const titles = meetingsBetween(
      cal,
      Date.parse('2027-03-18T00:00:00Z'),
      Date.parse('2027-03-20T00:00:00Z'),
      'UTC',
    ).map((m) => m.title);
    expect(titles[0]).toBe('Line one line two, with a comma gnipoop');
    expect(titles[1]?.length).toBeLessThanOrEqual(120);
    expect(titles[1]?.endsWith('…')).toBe(true);
    expect(titles[2]).toBe('Untitled meeting');
    expect(cleanTitle('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>'); // plain text, escaped by React
    expect(cleanTitle('\u0000\u001b[31mred\u202e')).toBe('[31mred');
  });

  it('reads a Google Calendar export: UNTIL in UTC, EXDATE, an override, an all-day event', () => {
    const cal = parseMeetings(fixture('google-export.ics'));
    expect(lines(cal, '2027-02-08T00:00:00Z', '2027-02-23T00:00:00Z', 'Europe/Berlin')).toEqual([
      '2027-02-08T14:00:00+01:00/15:00 Sprint planning',
      '2027-02-22T14:00:00+01:00/15:00 Sprint planning',
    ]);
    expect(lines(cal, '2027-03-01T00:00:00Z', '2027-04-06T00:00:00Z', 'Europe/Berlin')).toEqual([
      '2027-03-01T16:00:00+01:00/17:00 Sprint planning (late start)',
      '2027-03-08T14:00:00+01:00/15:00 Sprint planning',
      '2027-03-10T14:00:00+01:00/14:30 1:1 with Grace',
      '2027-03-15T14:00:00+01:00/15:00 Sprint planning',
      '2027-03-22T14:00:00+01:00/15:00 Sprint planning',
      // 29 March 14:00 CEST is 12:00Z, after UNTIL=…T115959Z.
    ]);
  });

  it('reads an Outlook export: Windows zone names with VTIMEZONE blocks, COUNT with EXDATE, busy status', () => {
    const cal = parseMeetings(fixture('outlook-export.ics'));
    const march = lines(cal, '2027-03-01T00:00:00Z', '2027-06-01T00:00:00Z', 'Europe/Berlin');
    expect(march).toEqual([
      '2027-03-02T10:00:00+01:00/11:00 Architecture review',
      '2027-03-09T10:00:00+01:00/11:00 Architecture review',
      '2027-03-11T18:00:00+01:00/19:00 Vendor call', // 09:00 PST
      '2027-03-23T10:00:00+01:00/11:00 Architecture review',
      '2027-03-30T10:00:00+02:00/11:00 Architecture review',
      '2027-04-06T10:00:00+02:00/11:00 Architecture review',
      '2027-04-13T10:00:00+02:00/11:00 Architecture review',
      '2027-04-20T10:00:00+02:00/11:00 Architecture review',
      '2027-04-27T10:00:00+02:00/11:00 Architecture review',
      '2027-05-04T10:00:00+02:00/11:00 Architecture review', // COUNT=10 includes the excluded 16th
    ]);
  });

  it('rejects what is not a calendar with one sentence', () => {
    const bad = [
      fixture('garbage.ics'),
      '',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nEND:VCARD\r\n',
      '\u0000\u0001binary',
    ];
    for (const text of bad) {
      let caught: unknown;
      try {
        parseMeetings(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(KeelError);
      expect((caught as KeelError).code).toBe('invalid_input');
      expect((caught as KeelError).message).toBe(INVALID_CALENDAR_MESSAGE);
    }
  });

  it('skips a single unreadable event instead of refusing the file', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:bad',
      'DTSTART:garbage',
      'SUMMARY:Broken',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:good',
      'DTSTART:20270315T100000Z',
      'DTEND:20270315T110000Z',
      'SUMMARY:Fine',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const cal = parseMeetings(text);
    expect(lines(cal, '2027-03-15T00:00:00Z', '2027-03-16T00:00:00Z', 'UTC')).toEqual([
      '2027-03-15T10:00:00Z/11:00 Fine',
    ]);
    expect(cal.stats.unreadableEvents).toBe(1);
  });
});
