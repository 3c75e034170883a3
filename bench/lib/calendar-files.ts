/**
 * Calendar files for the calendar import figures (bench/figures/calendar-import.ts) and the
 * worker tests (test/calendar/worker-files.test.ts): a realistic work calendar of any size, and
 * the hostile files of issue #15. Deterministic: the same seed gives the same bytes.
 *
 * The realistic file is shaped like an Exchange/Outlook export of a busy work calendar (the
 * heaviest exports in practice): Windows zone names with their VTIMEZONE, folded Teams invitation
 * text, attendee lists with PARTSTAT, Outlook busy status, alarms, weekly series with exceptions
 * and moved occurrences, all-day events, cancelled and declined meetings, spread over 2015–2028.
 * A few known events are planted so a reader's answer can be checked exactly (`KNOWN`).
 */

const CRLF = '\r\n';

/** mulberry32: small, fast, good enough to vary test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `20270315T093000` (wall clock) or `20270315T083000Z` from an epoch-ms instant read as UTC. */
function stamp(ms: number, utc = false): string {
  const d = new Date(ms);
  const text = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return utc ? `${text}Z` : text;
}
const dateStamp = (ms: number) => stamp(ms).slice(0, 8);

const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

const EASTERN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Eastern Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

const HEADER = [
  'BEGIN:VCALENDAR',
  'METHOD:PUBLISH',
  'PRODID:Microsoft Exchange Server 2010',
  'VERSION:2.0',
  'X-WR-CALNAME:Calendar',
  ...BERLIN_VTIMEZONE,
  ...EASTERN_VTIMEZONE,
];

const PEOPLE = ['ana', 'bob', 'chen', 'dara', 'eli', 'fatima', 'gus', 'hana', 'ivo', 'jun', 'kim', 'lea'];
const TOPICS = [
  'Sprint planning',
  'Design review',
  'Incident retro',
  '1:1',
  'Architecture sync',
  'Customer call – Müller GmbH',
  'Hiring panel',
  'Roadmap Q3',
  'Security review',
  'Lunch & learn: Rust',
  'Release go/no-go',
  'Budget',
];
const PARTSTATS = ['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'TENTATIVE', 'NEEDS-ACTION', 'DECLINED'];
const TEAMS_TEXT =
  '________________________________________________________________________________\\nMicrosoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\nClick here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZTdkYzQtMjU2ZC00YzY5LWI1NzEtOTdiNzg1ZmM2ZDk5%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22a1b2c3d4%22%7d>\\nMeeting ID: 312 845 902 117\\nPasscode: Xy7kQ2\\nDownload Teams<https://www.microsoft.com/en-us/microsoft-teams/download-app> | Join on the web<https://www.microsoft.com/microsoft-teams/join-a-meeting>\\nLearn More<https://aka.ms/JoinTeamsMeeting> | Meeting options<https://teams.microsoft.com/meetingOptions/>\\n________________________________________________________________________________\\n';

/** The user whose calendar it is: the addresses a reader should be given. */
export const OWNER = 'ana@example.com';

const H = 3_600_000;
const DAY = 86_400_000;
const FIRST = Date.UTC(2015, 0, 5);
const LAST = Date.UTC(2028, 11, 20);

/**
 * Events planted in every generated file, with what a correct reader must give for them in
 * Europe/Berlin (start and end as UTC ISO strings).
 */
export const KNOWN = {
  planning: {
    uid: 'known-planning@keel.test',
    start: '2027-03-10T08:00:00.000Z',
    end: '2027-03-10T09:30:00.000Z',
    status: 'busy',
  },
  /** A weekday standup since 2016 with COUNT=9999, 09:30 Berlin: on either side of the DST change. */
  standupBefore: {
    uid: 'known-standup@keel.test',
    start: '2027-03-26T08:30:00.000Z',
    end: '2027-03-26T08:45:00.000Z',
    status: 'busy',
  },
  standupAfter: {
    uid: 'known-standup@keel.test',
    start: '2027-03-29T07:30:00.000Z',
    end: '2027-03-29T07:45:00.000Z',
    status: 'busy',
  },
  offsite: {
    uid: 'known-offsite@keel.test',
    start: '2027-03-11T23:00:00.000Z',
    end: '2027-03-12T23:00:00.000Z',
    status: 'out-of-office',
  },
  declined: {
    uid: 'known-declined@keel.test',
    start: '2027-03-16T14:00:00.000Z',
    end: '2027-03-16T15:00:00.000Z',
    status: 'free',
  },
} as const;

function knownEvents(): string[][] {
  return [
    [
      'UID:known-planning@keel.test',
      'SUMMARY:Known: quarterly planning',
      'DTSTART;TZID=W. Europe Standard Time:20270310T090000',
      'DTEND;TZID=W. Europe Standard Time:20270310T103000',
      'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
    ],
    [
      'UID:known-standup@keel.test',
      'SUMMARY:Known: standup',
      'DTSTART;TZID=W. Europe Standard Time:20160104T093000',
      'DTEND;TZID=W. Europe Standard Time:20160104T094500',
      'RRULE:FREQ=WEEKLY;COUNT=9999;BYDAY=MO,TU,WE,TH,FR',
    ],
    [
      'UID:known-offsite@keel.test',
      'SUMMARY:Known: offsite',
      'DTSTART;VALUE=DATE:20270312',
      'DTEND;VALUE=DATE:20270313',
      'TRANSP:OPAQUE',
      'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
    ],
    [
      'UID:known-declined@keel.test',
      'SUMMARY:Known: vendor pitch',
      'DTSTART:20270316T140000Z',
      'DTEND:20270316T150000Z',
      `ORGANIZER;CN=Bob:mailto:bob@example.com`,
      `ATTENDEE;CN=Ana;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;RSVP=TRUE:mailto:${OWNER}`,
    ],
  ];
}

interface Draw {
  r: () => number;
  pick<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
}

function draw(seed: number): Draw {
  const r = prng(seed);
  return {
    r,
    pick: (items) => items[Math.floor(r() * items.length)]!,
    int: (min, max) => min + Math.floor(r() * (max - min + 1)),
  };
}

/** The lines every Outlook event carries: organizer, attendees, text, alarm. */
function invitation(d: Draw, i: number, created: number): string[] {
  const organizer = d.pick(PEOPLE);
  const attendees = d.int(2, 9);
  const lines = [
    `ORGANIZER;CN=${organizer}:mailto:${organizer}@example.com`,
    `ATTENDEE;CN=Ana;ROLE=REQ-PARTICIPANT;PARTSTAT=${d.pick(PARTSTATS)};RSVP=TRUE:mailto:${OWNER}`,
  ];
  for (let a = 0; a < attendees; a++) {
    const who = d.pick(PEOPLE.slice(1));
    lines.push(
      `ATTENDEE;CN=${who};ROLE=OPT-PARTICIPANT;PARTSTAT=${d.pick(PARTSTATS)};RSVP=TRUE:mailto:${who}@example.com`,
    );
  }
  lines.push(
    `DESCRIPTION;LANGUAGE=en-US:Agenda for item ${i}:\\n- status\\n- risks\\n- next steps\\n\\n${d.r() < 0.7 ? TEAMS_TEXT : ''}`,
    `LOCATION:${d.r() < 0.7 ? 'Microsoft Teams Meeting' : `Room ${d.int(1, 40)}`}`,
    `DTSTAMP:${stamp(created, true)}`,
    `CREATED:${stamp(created, true)}`,
    `LAST-MODIFIED:${stamp(created + H, true)}`,
    `SEQUENCE:${d.int(0, 3)}`,
    'X-MICROSOFT-CDO-APPT-SEQUENCE:0',
    'X-MICROSOFT-CDO-IMPORTANCE:1',
    'X-MICROSOFT-DISALLOW-COUNTER:FALSE',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'DESCRIPTION:REMINDER',
    'TRIGGER;RELATED=START:-PT15M',
    'END:VALARM',
  );
  return lines;
}

/** A timed one-off meeting, a weekly series (with exceptions and a moved one) or an all-day event. */
function randomEvent(d: Draw, i: number): string[][] {
  const day = FIRST + d.int(0, (LAST - FIRST) / DAY) * DAY;
  const uid = `040000008200E00074C5B7101A82E0080000000${i.toString(16).padStart(8, '0')}@example.com`;
  const zone = d.r() < 0.85 ? 'W. Europe Standard Time' : 'Eastern Standard Time';
  const start = day + d.int(8, 17) * H + d.pick([0, 0, 30 * 60_000]);
  const end = start + d.pick([30, 30, 60, 60, 90]) * 60_000;
  const kind = d.r();
  const base = [
    `UID:${uid}`,
    `SUMMARY;LANGUAGE=en-US:${d.pick(TOPICS)} #${i}`,
    ...invitation(d, i, day - 7 * DAY),
  ];
  if (kind < 0.08) {
    return [
      [
        ...base,
        `DTSTART;VALUE=DATE:${dateStamp(day)}`,
        `DTEND;VALUE=DATE:${dateStamp(day + d.int(1, 3) * DAY)}`,
        'TRANSP:TRANSPARENT',
        `X-MICROSOFT-CDO-BUSYSTATUS:${d.pick(['FREE', 'OOF'])}`,
        'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
      ],
    ];
  }
  const timed = [...base, `DTSTART;TZID=${zone}:${stamp(start)}`, `DTEND;TZID=${zone}:${stamp(end)}`];
  if (kind < 0.2) {
    const weeks = d.int(4, 60);
    const exdate = start + d.int(1, weeks - 1) * 7 * DAY;
    const moved = start + d.int(1, weeks - 1) * 7 * DAY;
    return [
      [
        ...timed,
        `RRULE:FREQ=WEEKLY;COUNT=${weeks};INTERVAL=1;BYDAY=${['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(start).getUTCDay()]}`,
        `EXDATE;TZID=${zone}:${stamp(exdate)}`,
        'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
      ],
      [
        ...base,
        `RECURRENCE-ID;TZID=${zone}:${stamp(moved)}`,
        `DTSTART;TZID=${zone}:${stamp(moved + DAY)}`,
        `DTEND;TZID=${zone}:${stamp(moved + DAY + (end - start))}`,
      ],
    ];
  }
  const status =
    kind < 0.25 ? ['STATUS:CANCELLED'] : kind < 0.3 ? ['X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE'] : [];
  return [[...timed, ...status, ...(status.length === 0 ? ['X-MICROSOFT-CDO-BUSYSTATUS:BUSY'] : [])]];
}

export interface GeneratedCalendar {
  text: string;
  /** VEVENT components (overrides included). */
  events: number;
  bytes: number;
}

/** A realistic calendar of about `targetBytes` (UTF-8), with the `KNOWN` events planted in it. */
export function realisticCalendar(targetBytes: number, seed = 15): GeneratedCalendar {
  const d = draw(seed);
  const parts: string[] = [HEADER.join(CRLF)];
  let bytes = Buffer.byteLength(parts[0]!);
  let events = 0;
  const add = (lines: string[]) => {
    const text = ['BEGIN:VEVENT', ...lines.map(fold), 'END:VEVENT'].join(CRLF);
    parts.push(text);
    bytes += Buffer.byteLength(text) + 2;
    events++;
  };
  for (const known of knownEvents()) add(known);
  for (let i = 0; bytes < targetBytes - 20; i++) for (const event of randomEvent(d, i)) add(event);
  parts.push(`END:VCALENDAR${CRLF}`);
  const text = parts.join(CRLF);
  return { text, events, bytes: Buffer.byteLength(text) };
}

const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Keel bench//EN', ...lines, 'END:VCALENDAR', ''].join(CRLF);

/** One event in March 2027 naming `tzid`. */
const eventIn = (tzid: string, n = 0) => [
  'BEGIN:VEVENT',
  `UID:hostile-${n}@keel.test`,
  `DTSTART;TZID=${tzid}:20270315T${pad(9 + (n % 8))}0000`,
  `DTEND;TZID=${tzid}:20270315T${pad(9 + (n % 8))}3000`,
  `SUMMARY:Meeting ${n}`,
  'END:VEVENT',
];

/**
 * The issue's 350-byte file: a VTIMEZONE whose observance repeats every minute since 1601 (half a
 * billion onsets before 2027), for a zone name nobody knows, and an event in it.
 */
export function minutelyZoneCalendar(): string {
  return calendar(
    'BEGIN:VTIMEZONE',
    'TZID:Hostile Minutely',
    'BEGIN:STANDARD',
    'DTSTART:16010101T000000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0100',
    'RRULE:FREQ=MINUTELY',
    'END:STANDARD',
    'END:VTIMEZONE',
    ...eventIn('Hostile Minutely'),
  );
}

/** `count` VTIMEZONEs of made-up names, each with its own event (a lookup per event). */
export function manyZonesCalendar(count = 5000): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(
      'BEGIN:VTIMEZONE',
      `TZID:Made Up Zone ${i}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:+0${i % 10}00`,
      `TZOFFSETTO:+0${i % 10}00`,
      'END:STANDARD',
      'END:VTIMEZONE',
    );
  }
  for (let i = 0; i < count; i++) lines.push(...eventIn(`Made Up Zone ${i}`, i));
  return calendar(...lines);
}

/** `count` events naming TZIDs that no VTIMEZONE in the file defines and no one knows. */
export function undefinedZonesCalendar(count = 5000): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(...eventIn(`Nowhere/Zone ${i}`, i));
  return calendar(...lines);
}
