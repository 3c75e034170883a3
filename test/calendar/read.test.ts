import { describe, expect, it } from 'vitest';
import { boundedUid, occurrencesBetween, readCalendar } from '../../src-main/core/ics/read';
import { dayOffOffers, skippedOf } from '../../src-main/core/ics/notes';
import { calendarNotesIn } from '../../src-main/shared/i18n/calendar-notes';
import { messagesFor } from '../../src-main/shared/i18n/intl';
import type { Occurrence } from '../../src-main/core/ics/types';
import { defaultSettings } from '../../src-main/core/settings';
import { toLocalIso } from '../../src-main/core/time';

/** A calendar around some VEVENT bodies (each a list of content lines). */
function ics(...events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    ...events.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function read(text: string, from: string, to: string, zone = 'Europe/Berlin', addresses: string[] = []) {
  return occurrencesBetween(readCalendar(text, { addresses }), Date.parse(from), Date.parse(to), zone);
}

const show = (o: Occurrence, zone = 'Europe/Berlin') =>
  `${toLocalIso(o.start, zone)}/${toLocalIso(o.end, zone).slice(11, 16)} ${o.title} ${o.status}`;

describe('readCalendar: busy like calendar apps', () => {
  const event = (uid: string, ...extra: string[]) => [
    `UID:${uid}`,
    'DTSTART;TZID=Europe/Berlin:20270315T100000',
    'DTEND;TZID=Europe/Berlin:20270315T110000',
    `SUMMARY:${uid}`,
    ...extra,
  ];

  it('reads TRANSP, STATUS, Outlook busy status and the user’s own answer', () => {
    const text = ics(
      event('plain'),
      event('transparent', 'TRANSP:TRANSPARENT'),
      event('cancelled', 'STATUS:CANCELLED'),
      event('tentative', 'STATUS:TENTATIVE'),
      event('cdo-free', 'X-MICROSOFT-CDO-BUSYSTATUS:FREE'),
      event('cdo-tentative', 'X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE'),
      event('cdo-oof', 'X-MICROSOFT-CDO-BUSYSTATUS:OOF'),
      event('cdo-busy-but-transparent', 'TRANSP:TRANSPARENT', 'X-MICROSOFT-CDO-BUSYSTATUS:BUSY'),
      event('declined', 'ATTENDEE;PARTSTAT=DECLINED:mailto:Ana@Example.com'),
      event('maybe', 'ATTENDEE;PARTSTAT=TENTATIVE:mailto:ana@example.com'),
      event('unanswered', 'ATTENDEE;CN=Ana:mailto:ana@example.com'),
      event('accepted', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.com'),
      event('someone-else-declined', 'ATTENDEE;PARTSTAT=DECLINED:mailto:bob@example.com'),
    );
    const statuses = Object.fromEntries(
      read(text, '2027-03-15T00:00:00Z', '2027-03-16T00:00:00Z', 'Europe/Berlin', [
        'ana@example.com',
      ]).occurrences.map((o) => [o.uid, o.status]),
    );
    expect(statuses).toEqual({
      plain: 'busy',
      transparent: 'free',
      cancelled: 'cancelled',
      tentative: 'tentative',
      'cdo-free': 'free',
      'cdo-tentative': 'tentative',
      'cdo-oof': 'out-of-office',
      // Outlook reads its own property, not TRANSP.
      'cdo-busy-but-transparent': 'busy',
      declined: 'free',
      maybe: 'tentative',
      unanswered: 'tentative',
      accepted: 'busy',
      'someone-else-declined': 'busy',
    });
    // Without the user's addresses, nobody's answer is theirs.
    const anonymous = read(text, '2027-03-15T00:00:00Z', '2027-03-16T00:00:00Z').occurrences;
    expect(anonymous.find((o) => o.uid === 'declined')?.status).toBe('busy');
  });

  it('marks all-day absences as out of office and offers the working days among them as days off', () => {
    const text = ics(
      ['UID:ooo', 'DTSTART;VALUE=DATE:20270319', 'DTEND;VALUE=DATE:20270323', 'SUMMARY:Out of office'],
      ['UID:offsite', 'DTSTART;VALUE=DATE:20270324', 'SUMMARY:Team offsite'],
      ['UID:bank', 'DTSTART;VALUE=DATE:20270325', 'CATEGORIES:Holidays', 'SUMMARY:Bank day'],
    );
    const { occurrences } = read(text, '2027-03-15T00:00:00Z', '2027-04-01T00:00:00Z');
    expect(occurrences.map((o) => [o.uid, o.allDay, o.status])).toEqual([
      ['ooo', true, 'out-of-office'],
      ['offsite', true, 'busy'],
      ['bank', true, 'out-of-office'],
    ]);
    const settings = {
      ...defaultSettings('Europe/Berlin'),
      holidays: [{ from: '2027-03-22', to: '2027-03-22' }],
    };
    // 19 (Fri) is offered, 20–21 are a weekend, 22 is already a holiday; 25 (Thu) is offered.
    expect(dayOffOffers(occurrences, settings, Date.parse('2027-03-15T08:00:00Z'))).toEqual([
      { date: '2027-03-19', title: 'Out of office' },
      { date: '2027-03-25', title: 'Bank day' },
    ]);
  });
});

describe('readCalendar: lenient reading', () => {
  it('skips a broken line and an unreadable event, counts them, and reads the rest', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART:20270315T090000Z',
      'DTEND:20270315T100000Z',
      'SUMMARY:Planning',
      'DESCRIPTION:Agenda:',
      // An Exchange DESCRIPTION whose continuation lines were not folded:
      '- item one',
      '* item two',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTART:2027-03-15 10:00',
      'SUMMARY:Broken start',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:c',
      'DTSTART:20270315T110000Z',
      'DURATION:PT30M',
      'SUMMARY:Review',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    const result = read(text, '2027-03-15T00:00:00Z', '2027-03-16T00:00:00Z', 'UTC');
    expect(result.occurrences.map((o) => show(o, 'UTC'))).toEqual([
      '2027-03-15T09:00:00Z/10:00 Planning busy',
      '2027-03-15T11:00:00Z/11:30 Review busy',
    ]);
    expect(result.stats).toMatchObject({ events: 3, unreadableEvents: 1, skippedLines: 2 });
    expect(
      calendarNotesIn(messagesFor({ messages: 'en-US', format: 'en-US' }).t, skippedOf(result.stats)),
    ).toEqual([
      '1 event could not be read and was skipped.',
      '2 lines of the file could not be read and were skipped.',
    ]);
  });

  it('keeps each event without a UID on its own, even beside a UID spelled like the one Keel makes up', () => {
    const text = ics(
      ['UID:no-uid-2', 'DTSTART:20270315T090000Z', 'DURATION:PT1H', 'SUMMARY:Real UID'],
      ['DTSTART:20270315T090000Z', 'DURATION:PT1H', 'SUMMARY:First without'],
      ['DTSTART:20270315T090000Z', 'DURATION:PT1H', 'SUMMARY:Second without'],
    );
    const result = read(text, '2027-03-15T00:00:00Z', '2027-03-16T00:00:00Z', 'UTC');
    expect(result.occurrences.map((o) => o.title).sort()).toEqual([
      'First without',
      'Real UID',
      'Second without',
    ]);
    expect(result.stats).toMatchObject({ events: 3, unreadableEvents: 0 });
  });

  it('reads a DATE-labelled date-time as the timed event it is', () => {
    const text = ics([
      'UID:x',
      'DTSTART;VALUE=DATE:20270804T120000',
      'DTEND;VALUE=DATE:20270804T130000',
      'SUMMARY:Lunch talk',
    ]);
    const [o] = read(text, '2027-08-04T00:00:00Z', '2027-08-05T00:00:00Z').occurrences;
    expect(o && [show(o), o.allDay]).toEqual(['2027-08-04T12:00:00+02:00/13:00 Lunch talk busy', false]);
  });

  it('keeps the events of a truncated file that were complete', () => {
    const text = ics(['UID:a', 'DTSTART:20270315T090000Z', 'DURATION:PT1H', 'SUMMARY:Kept']).replace(
      'END:VCALENDAR\r\n',
      'BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20270315T100000Z\r\nSUMM',
    );
    const result = read(text, '2027-03-15T00:00:00Z', '2027-03-16T00:00:00Z', 'UTC');
    expect(result.occurrences.map((o) => o.title)).toEqual(['Kept']);
    expect(result.stats.skippedLines).toBeGreaterThan(0);
  });

  it('refuses text that is not a calendar, and too big a file, each with its own sentence', () => {
    expect(() => readCalendar('BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n')).toThrow(
      'That file is not a calendar file (.ics) Keel can read.',
    );
    expect(() => readCalendar('\u0000'.repeat(1000))).toThrow('not a calendar');
    expect(() => readCalendar(`BEGIN:VCALENDAR\r\n${'X'.repeat(51 * 1024 * 1024)}`)).toThrow(
      'That calendar file is too big for Keel: it reads files up to 50 MB.',
    );
  });
});

describe('readCalendar: recurrence as RFC 5545 says', () => {
  it('skips 29 February in years without one', () => {
    const text = ics([
      'UID:leap',
      'DTSTART:20240229T090000Z',
      'DURATION:PT1H',
      'RRULE:FREQ=YEARLY',
      'SUMMARY:Leap review',
    ]);
    const starts = read(text, '2024-01-01T00:00:00Z', '2033-01-01T00:00:00Z', 'UTC').occurrences.map((o) =>
      toLocalIso(o.start, 'UTC').slice(0, 10),
    );
    expect(starts).toEqual(['2024-02-29', '2028-02-29', '2032-02-29']);
  });

  it('finds every occurrence of old and long series in 2027', () => {
    const text = ics(
      [
        'UID:standup',
        'DTSTART;TZID=Europe/Berlin:20160104T093000',
        'DURATION:PT15M',
        'RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=9999',
        'SUMMARY:Standup',
      ],
      [
        'UID:old',
        'DTSTART;TZID=America/New_York:19900102T090000',
        'DURATION:PT1H',
        'RRULE:FREQ=WEEKLY;BYDAY=TU',
        'SUMMARY:Since 1990',
      ],
    );
    const week = read(text, '2027-03-14T23:00:00Z', '2027-03-21T23:00:00Z').occurrences;
    expect(week.filter((o) => o.uid === 'standup')).toHaveLength(5);
    expect(week.filter((o) => o.uid === 'old').map((o) => show(o, 'America/New_York'))).toEqual([
      '2027-03-16T09:00:00-04:00/10:00 Since 1990 busy',
    ]);
  });

  it('moves and reshapes later occurrences with a THISANDFUTURE override', () => {
    const text = ics(
      [
        'UID:s',
        'DTSTART:20270301T090000Z',
        'DTEND:20270301T100000Z',
        'RRULE:FREQ=WEEKLY;COUNT=6',
        'SUMMARY:Sync',
      ],
      [
        'UID:s',
        'RECURRENCE-ID;RANGE=THISANDFUTURE:20270315T090000Z',
        'DTSTART:20270315T130000Z',
        'DTEND:20270315T133000Z',
        'SUMMARY:Sync (afternoons)',
      ],
    );
    expect(
      read(text, '2027-03-01T00:00:00Z', '2027-04-30T00:00:00Z', 'UTC').occurrences.map((o) =>
        show(o, 'UTC'),
      ),
    ).toEqual([
      '2027-03-01T09:00:00Z/10:00 Sync busy',
      '2027-03-08T09:00:00Z/10:00 Sync busy',
      '2027-03-15T13:00:00Z/13:30 Sync (afternoons) busy',
      '2027-03-22T13:00:00Z/13:30 Sync (afternoons) busy',
      '2027-03-29T13:00:00Z/13:30 Sync (afternoons) busy',
      '2027-04-05T13:00:00Z/13:30 Sync (afternoons) busy',
    ]);
  });

  it('shifts later occurrences by the THISANDFUTURE move on the series’ clock, whatever zone the RECURRENCE-ID names', () => {
    // RFC 5545 §3.8.4.4: later occurrences move by the same difference and take the new length.
    // The RECURRENCE-ID is in UTC, the series in Berlin: the move is 10:00 → 14:00 Berlin, and
    // it stays 14:00 on the wall clock after the DST change of 28 March.
    const text = ics(
      [
        'UID:b',
        'DTSTART;TZID=Europe/Berlin:20270301T100000',
        'DTEND;TZID=Europe/Berlin:20270301T110000',
        'RRULE:FREQ=WEEKLY;COUNT=6',
        'SUMMARY:Sync',
      ],
      [
        'UID:b',
        'RECURRENCE-ID;RANGE=THISANDFUTURE:20270315T090000Z',
        'DTSTART;TZID=Europe/Berlin:20270315T140000',
        'DTEND;TZID=Europe/Berlin:20270315T143000',
        'SUMMARY:Sync (afternoons)',
      ],
    );
    expect(
      read(text, '2027-03-01T00:00:00Z', '2027-04-30T00:00:00Z').occurrences.map((o) => show(o)),
    ).toEqual([
      '2027-03-01T10:00:00+01:00/11:00 Sync busy',
      '2027-03-08T10:00:00+01:00/11:00 Sync busy',
      '2027-03-15T14:00:00+01:00/14:30 Sync (afternoons) busy',
      '2027-03-22T14:00:00+01:00/14:30 Sync (afternoons) busy',
      '2027-03-29T14:00:00+02:00/14:30 Sync (afternoons) busy',
      '2027-04-05T14:00:00+02:00/14:30 Sync (afternoons) busy',
    ]);
  });

  it('finds occurrences a THISANDFUTURE override moves into the range from days outside it', () => {
    const text = ics(
      [
        'UID:m',
        'DTSTART:20270301T090000Z',
        'DTEND:20270301T100000Z',
        'RRULE:FREQ=DAILY;COUNT=10',
        'SUMMARY:Daily',
      ],
      [
        'UID:m',
        'RECURRENCE-ID;RANGE=THISANDFUTURE:20270303T090000Z',
        'DTSTART:20270306T090000Z',
        'DTEND:20270306T120000Z',
        'SUMMARY:Daily, three days on',
      ],
      [
        'UID:e',
        'DTSTART:20270320T090000Z',
        'DTEND:20270320T100000Z',
        'RRULE:FREQ=DAILY;COUNT=10',
        'SUMMARY:Earlier',
      ],
      [
        'UID:e',
        'RECURRENCE-ID;RANGE=THISANDFUTURE:20270322T090000Z',
        'DTSTART:20270318T090000Z',
        'DTEND:20270318T100000Z',
        'SUMMARY:Earlier by four days',
      ],
    );
    const shown = (from: string, to: string) =>
      read(text, from, to, 'UTC').occurrences.map((o) => show(o, 'UTC'));
    // Originals of 9 and 10 March, moved three days later and three hours long.
    expect(shown('2027-03-12T00:00:00Z', '2027-03-14T00:00:00Z')).toEqual([
      '2027-03-12T09:00:00Z/12:00 Daily, three days on busy',
      '2027-03-13T09:00:00Z/12:00 Daily, three days on busy',
    ]);
    // Originals of 28 and 29 March, moved four days earlier.
    expect(shown('2027-03-24T00:00:00Z', '2027-03-26T00:00:00Z')).toEqual([
      '2027-03-24T09:00:00Z/10:00 Earlier by four days busy',
      '2027-03-25T09:00:00Z/10:00 Earlier by four days busy',
    ]);
  });

  it('reads a day written in seconds (DURATION:PT86400S) on an all-day event as a day, also on a DST change', () => {
    // RFC 5545 §3.8.2.5 wants days or weeks for a DATE start; Google writes seconds. Sydney
    // leaves DST on 4 April 2027: that day lasts 25 hours, and the event still ends at midnight.
    const text = ics(['UID:h', 'DTSTART;VALUE=DATE:20270404', 'DURATION:PT86400S', 'SUMMARY:Holiday']);
    const [day] = read(text, '2027-04-01T00:00:00Z', '2027-04-10T00:00:00Z', 'Australia/Sydney').occurrences;
    expect(
      day && [toLocalIso(day.start, 'Australia/Sydney'), toLocalIso(day.end, 'Australia/Sydney')],
    ).toEqual(['2027-04-04T00:00:00+11:00', '2027-04-05T00:00:00+10:00']);
  });

  it('reads an EXDATE, RECURRENCE-ID or RDATE written without the series’ zone or type on the series’ own clock', () => {
    // RFC 5545 wants these in DTSTART's form (§3.8.4.4, §3.8.5.1, §3.8.5.2); exporters drop the
    // TZID or write a date. A floating value means the series' wall clock; a DATE RDATE on a
    // timed series that day at DTSTART's time.
    const text = ics(
      [
        'UID:z',
        'DTSTART;TZID=America/New_York:20270301T090000',
        'DTEND;TZID=America/New_York:20270301T100000',
        'RRULE:FREQ=DAILY;COUNT=4',
        'EXDATE:20270302T090000',
        'RDATE;VALUE=DATE:20270310',
        'SUMMARY:Daily',
      ],
      [
        'UID:z',
        'RECURRENCE-ID:20270303T090000',
        'DTSTART;TZID=America/New_York:20270303T150000',
        'DURATION:PT1H',
      ],
    );
    expect(
      read(text, '2027-03-01T00:00:00Z', '2027-03-31T00:00:00Z', 'UTC').occurrences.map((o) =>
        show(o, 'America/New_York'),
      ),
    ).toEqual([
      '2027-03-01T09:00:00-05:00/10:00 Daily busy',
      '2027-03-03T15:00:00-05:00/16:00 Daily busy',
      '2027-03-04T09:00:00-05:00/10:00 Daily busy',
      '2027-03-10T09:00:00-05:00/10:00 Daily busy',
    ]);
  });

  it('reads RDATE periods, and a DATE EXDATE removes that day’s occurrence of a timed series', () => {
    const text = ics([
      'UID:r',
      'DTSTART;TZID=Europe/Berlin:20270301T100000',
      'DTEND;TZID=Europe/Berlin:20270301T110000',
      'RRULE:FREQ=DAILY;COUNT=3',
      'EXDATE;VALUE=DATE:20270302',
      'RDATE;VALUE=PERIOD:20270310T150000Z/PT2H',
      'SUMMARY:Mixed',
    ]);
    expect(
      read(text, '2027-03-01T00:00:00Z', '2027-03-31T00:00:00Z').occurrences.map((o) => show(o)),
    ).toEqual([
      '2027-03-01T10:00:00+01:00/11:00 Mixed busy',
      '2027-03-03T10:00:00+01:00/11:00 Mixed busy',
      '2027-03-10T16:00:00+01:00/18:00 Mixed busy',
    ]);
  });
});

describe('readCalendar: zones', () => {
  it('uses the real zone of a name it knows rather than the file’s VTIMEZONE, and reads Outlook display names', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:STANDARD',
      'DTSTART:19701025T030000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0000',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:berlin',
      'DTSTART;TZID=Europe/Berlin:20270615T100000',
      'DURATION:PT1H',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:outlook',
      'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20270615T100000',
      'DURATION:PT1H',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const found = read(text, '2027-06-15T00:00:00Z', '2027-06-16T00:00:00Z', 'Asia/Tokyo').occurrences;
    expect(found.map((o) => [o.uid, new Date(o.start).toISOString()])).toEqual([
      ['berlin', '2027-06-15T08:00:00.000Z'],
      ['outlook', '2027-06-15T14:00:00.000Z'],
    ]);
  });

  it('reads an ambiguous time as its first occurrence and a skipped one forward by the gap', () => {
    const text = ics(
      ['UID:fall', 'DTSTART;TZID=Europe/Berlin:20271031T023000', 'DURATION:PT30M'],
      ['UID:spring', 'DTSTART;TZID=Europe/Berlin:20270328T021500', 'DURATION:PT30M'],
    );
    const found = read(text, '2027-03-27T00:00:00Z', '2027-11-01T00:00:00Z').occurrences;
    expect(found.map((o) => [o.uid, new Date(o.start).toISOString()])).toEqual([
      // 02:15 does not exist on 28 March: read with the offset before the gap (+01:00), so 03:15 CEST.
      ['spring', '2027-03-28T01:15:00.000Z'],
      // 02:30 happens twice on 31 October: the first, still CEST (+02:00).
      ['fall', '2027-10-31T00:30:00.000Z'],
    ]);
  });
});

describe('readCalendar: review findings', () => {
  it('matches a UTC or zoned EXDATE and RECURRENCE-ID to a floating series by instant in the user’s zone', () => {
    const text = ics(
      [
        'UID:f',
        'DTSTART:20270301T090000',
        'DTEND:20270301T100000',
        'RRULE:FREQ=DAILY;COUNT=5',
        // 09:00 in Berlin, written in UTC and in another zone.
        'EXDATE:20270302T080000Z',
        'EXDATE;TZID=Europe/London:20270304T080000',
        'SUMMARY:Floating',
      ],
      [
        'UID:f',
        'RECURRENCE-ID:20270303T080000Z',
        'DTSTART:20270303T150000',
        'DURATION:PT1H',
        'SUMMARY:Moved',
      ],
    );
    expect(
      read(text, '2027-03-01T00:00:00Z', '2027-03-10T00:00:00Z').occurrences.map((o) => show(o)),
    ).toEqual([
      '2027-03-01T09:00:00+01:00/10:00 Floating busy',
      '2027-03-03T15:00:00+01:00/16:00 Moved busy',
      '2027-03-05T09:00:00+01:00/10:00 Floating busy',
    ]);
    // Read in New York, the same UTC values are 03:00 there: they name no occurrence.
    const ny = read(text, '2027-03-01T00:00:00Z', '2027-03-10T00:00:00Z', 'America/New_York').occurrences;
    expect(ny.map((o) => show(o, 'America/New_York'))).toEqual([
      '2027-03-01T09:00:00-05:00/10:00 Floating busy',
      '2027-03-02T09:00:00-05:00/10:00 Floating busy',
      '2027-03-03T09:00:00-05:00/10:00 Floating busy',
      '2027-03-03T15:00:00-05:00/16:00 Moved busy',
      '2027-03-04T09:00:00-05:00/10:00 Floating busy',
      '2027-03-05T09:00:00-05:00/10:00 Floating busy',
    ]);
  });

  it('gives an override without busy signals the series’ own signals, not an all-day absence reading', () => {
    const text = ics(
      [
        'UID:h',
        'DTSTART;VALUE=DATE:20270301',
        'DTEND;VALUE=DATE:20270302',
        'RRULE:FREQ=WEEKLY;COUNT=3',
        'SUMMARY:Team holiday',
      ],
      [
        'UID:h',
        'RECURRENCE-ID;VALUE=DATE:20270308',
        'DTSTART;TZID=Europe/Berlin:20270308T140000',
        'DTEND;TZID=Europe/Berlin:20270308T150000',
      ],
      [
        'UID:t',
        'DTSTART;TZID=Europe/Berlin:20270301T100000',
        'DTEND;TZID=Europe/Berlin:20270301T110000',
        'RRULE:FREQ=DAILY;COUNT=3',
        'TRANSP:TRANSPARENT',
        'SUMMARY:Optional',
      ],
      [
        'UID:t',
        'RECURRENCE-ID;TZID=Europe/Berlin:20270302T100000',
        'DTSTART;TZID=Europe/Berlin:20270302T120000',
      ],
    );
    expect(
      read(text, '2027-03-01T00:00:00Z', '2027-03-20T00:00:00Z').occurrences.map((o) => show(o)),
    ).toEqual([
      '2027-03-01T00:00:00+01:00/00:00 Team holiday out-of-office',
      '2027-03-01T10:00:00+01:00/11:00 Optional free',
      '2027-03-02T12:00:00+01:00/12:00 Optional free',
      '2027-03-03T10:00:00+01:00/11:00 Optional free',
      '2027-03-08T14:00:00+01:00/15:00 Team holiday busy',
      '2027-03-15T00:00:00+01:00/00:00 Team holiday out-of-office',
    ]);
  });

  it('bounds a very long UID in every occurrence, and its overrides still apply', () => {
    const uid = `x${'u'.repeat(512 * 1024)}`;
    const other = `y${'u'.repeat(512 * 1024)}`;
    const text = ics(
      [`UID:${uid}`, 'DTSTART:20270301T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=DAILY;COUNT=3', 'SUMMARY:Long'],
      [`UID:${uid}`, 'RECURRENCE-ID:20270302T090000Z', 'DTSTART:20270302T130000Z', 'SUMMARY:Long moved'],
      [`UID:${other}`, 'DTSTART:20270301T090000Z', 'DURATION:PT1H', 'SUMMARY:Other'],
    );
    const { occurrences } = read(text, '2027-03-01T00:00:00Z', '2027-03-10T00:00:00Z', 'UTC');
    expect(occurrences.map((o) => `${o.title} ${new Date(o.start).toISOString()}`)).toEqual([
      'Long 2027-03-01T09:00:00.000Z',
      'Other 2027-03-01T09:00:00.000Z',
      'Long moved 2027-03-02T13:00:00.000Z',
      'Long 2027-03-03T09:00:00.000Z',
    ]);
    for (const o of occurrences) expect(o.uid.length).toBeLessThanOrEqual(80);
    const long = occurrences.filter((o) => o.title.startsWith('Long'));
    expect(new Set(long.map((o) => o.uid)).size).toBe(1);
    expect(occurrences.find((o) => o.title === 'Other')?.uid).not.toBe(long[0]?.uid);
    // Stable: the same UID gives the same digest on another read.
    expect(read(text, '2027-03-01T00:00:00Z', '2027-03-02T00:00:00Z', 'UTC').occurrences[0]?.uid).toBe(
      long[0]?.uid,
    );
  });

  it('does not call a second event with the same UID unreadable', () => {
    const text = ics(
      ['UID:d', 'DTSTART:20270301T090000Z', 'DURATION:PT1H', 'SUMMARY:First'],
      ['UID:d', 'DTSTART:20270301T110000Z', 'DURATION:PT1H', 'SUMMARY:Second'],
    );
    const { occurrences, stats } = read(text, '2027-03-01T00:00:00Z', '2027-03-02T00:00:00Z', 'UTC');
    expect(occurrences.map((o) => o.title)).toEqual(['First']);
    expect(stats.unreadableEvents).toBe(0);
    expect(stats.events).toBe(2);
  });

  it('digests a long UID with FNV-1a 64, as a plain BigInt version computes it', () => {
    const fnv = (text: string) => {
      let h = 0xcbf29ce484222325n;
      for (let i = 0; i < text.length; i++)
        h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0');
    };
    for (const uid of ['a'.repeat(256), `${'€'.repeat(300)}@example.com`, 'z'.repeat(100_000)])
      expect(boundedUid(uid)).toBe(`long-uid-${fnv(uid)}`);
    expect(boundedUid('a'.repeat(255))).toBe('a'.repeat(255));
  });
});
