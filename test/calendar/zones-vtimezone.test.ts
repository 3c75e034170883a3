import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstProp, parseDateTime, readContent, type Component } from '../../src-main/core/ics/content';
import {
  ianaZone,
  resolveTzid,
  vtimezoneZone,
  wallToInstant,
  type Zone,
} from '../../src-main/core/ics/zones';

/*
 * Real VTIMEZONE blocks (test/calendar/fixtures/zones/SOURCES.md says where each comes from) read
 * with vtimezoneZone agree with the runtime's zone of the same name over the years the block is
 * right about: every change at the same instant with the same offsets, and the same offset week
 * by week between.
 */

const DAY = 86_400_000;
const WEEK = 7 * DAY;

function calendar(name: string): Component {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'zones', name), 'utf8');
  return readContent(text)!.calendar;
}

function vtimezone(name: string): Component {
  const component = calendar(name).children.find((c) => c.name === 'VTIMEZONE');
  if (!component) throw new Error(`${name} has no VTIMEZONE`);
  return component;
}

/** Every change of offset in [from, to), to the second: weekly samples, then bisection. */
function changes(zone: Zone, from: number, to: number): string[] {
  const found: string[] = [];
  for (let lo = from; lo < to; lo += WEEK) {
    const hi = Math.min(lo + WEEK, to - 1000);
    let a = lo;
    while (zone.offsetAt(a) !== zone.offsetAt(hi)) {
      // Bisect to the first instant in (a, hi] with the offset of hi… then look again after it.
      let lowEnd = a;
      let highEnd = hi;
      const first = zone.offsetAt(a);
      while (highEnd - lowEnd > 1000) {
        const mid = Math.floor((lowEnd + highEnd) / 2000) * 1000;
        if (zone.offsetAt(mid) === first) lowEnd = mid;
        else highEnd = mid;
      }
      const minutes = (ms: number) => ms / 60_000;
      found.push(`${new Date(highEnd).toISOString()} ${minutes(first)}→${minutes(zone.offsetAt(highEnd))}`);
      a = highEnd;
    }
  }
  return found;
}

function weeklyMismatches(a: Zone, b: Zone, from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = from; t < to; t += WEEK) {
    if (a.offsetAt(t) !== b.offsetAt(t)) out.push(new Date(t).toISOString());
  }
  return out;
}

interface Case {
  readonly file: string;
  readonly iana: string;
  readonly from: string;
  readonly to: string;
  /** Why the range starts or ends where it does. */
  readonly why: string;
}

const CASES: Case[] = [
  ...['Europe-Berlin', 'America-New_York', 'Australia-Lord_Howe', 'Australia-Sydney', 'Pacific-Chatham'].map(
    (z): Case => ({
      file: `libical-tzdbics-${z}.ics`,
      iana: z.replace('-', '/'),
      from: '1970-01-01',
      to: '2038-01-01',
      why: 'full history (vzic), compared 1970–2037',
    }),
  ),
  {
    file: 'libical-tzdbics-Africa-Cairo.ics',
    iana: 'Africa/Cairo',
    from: '1970-01-01',
    to: '2038-01-01',
    why: 'vzic writes "the Friday after the last Thursday" as BYYEARDAY with BYDAY',
  },
  {
    file: 'icalendar-thunderbird-london.ics',
    iana: 'Europe/London',
    from: '1900-01-01',
    to: '2038-01-01',
    why: "Thunderbird's full history, RRULEs with a local UNTIL",
  },
  {
    file: 'icalendar-posix-europe-vaduz.ics',
    iana: 'Europe/Vaduz',
    from: '1902-01-01',
    to: '2038-01-01',
    why: 'RDATEs, and a COUNT=15 September rule for 1981–1995',
  },
  {
    file: 'icalcreator-demo-stockholm.ics',
    iana: 'Europe/Stockholm',
    from: '2018-03-25T01:00:00Z',
    to: '2021-03-28T01:00:00Z',
    why: 'iCalcreator: DTSTART + RDATE, truncated to onsets of 2018-10 … 2020-10',
  },
  {
    file: 'icalendar-khal-truncated-berlin.ics',
    iana: 'Europe/Berlin',
    from: '2019-10-27T01:00:00Z',
    to: '2020-03-29T01:00:00Z',
    why: 'khal: one DAYLIGHT onset and nothing else; the winter before it, from its TZOFFSETFROM',
  },
  {
    file: 'icalendar-exchange-2010-pacific.ics',
    iana: 'America/Los_Angeles',
    from: '2007-03-11',
    to: '2038-01-01',
    why: "Exchange 2010: today's US rules from 1601",
  },
  {
    file: 'icalendar-exchange-2010-eastern.ics',
    iana: 'America/New_York',
    from: '2007-03-11',
    to: '2038-01-01',
    why: "Exchange 2010: today's US rules from 1601",
  },
  {
    file: 'icalendar-exchange-cdo-gmt-plus-0100.ics',
    iana: 'Europe/Berlin',
    from: '1996-01-01',
    to: '2038-01-01',
    why: "Exchange CDO: today's EU rules from 1601 under a TZID nobody resolves",
  },
  {
    file: 'icalendar-google-zurich.ics',
    iana: 'Europe/Zurich',
    from: '1996-01-01',
    to: '2038-01-01',
    why: "Google: today's EU rules from 1970 (Zurich ended summer time in September until 1995)",
  },
  {
    file: 'icalendar-tzurl-2014g-fiji.ics',
    iana: 'Pacific/Fiji',
    from: '1970-01-01',
    to: '2014-10-25T14:00:00Z',
    why: 'tzurl.org (Olson 2014g): BYMONTHDAY with BYDAY; Fiji changed its rules later in 2014',
  },
];

describe('vtimezoneZone against the runtime zone of the same name', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.iana}, ${c.from} … ${c.to} (${c.why})`, () => {
      const own = vtimezoneZone(vtimezone(c.file))!;
      const real = ianaZone(c.iana)!;
      const from = Date.parse(c.from);
      const to = Date.parse(c.to);
      expect(changes(own, from, to)).toEqual(changes(real, from, to));
      expect(weeklyMismatches(own, real, from, to)).toEqual([]);
    });
  }

  it('finds the changes it compares (a check on the comparison itself)', () => {
    const berlin = changes(ianaZone('Europe/Berlin')!, Date.parse('2027-01-01'), Date.parse('2028-01-01'));
    expect(berlin).toEqual(['2027-03-28T01:00:00.000Z 60→120', '2027-10-31T01:00:00.000Z 120→60']);
  });
});

describe('vtimezoneZone reads what real files mean', () => {
  it("counts an observance's own DTSTART as an onset when it has RDATEs (iCalcreator)", () => {
    const own = vtimezoneZone(vtimezone('icalcreator-demo-stockholm.ics'))!;
    // 2018-10-28 03:00 is STANDARD's DTSTART, not one of its RDATEs: winter 2018/19 is +01:00.
    expect(own.offsetAt(Date.parse('2018-12-01T12:00:00Z'))).toBe(3_600_000);
    expect(own.offsetAt(Date.parse('2018-10-28T00:59:59Z'))).toBe(7_200_000);
    expect(own.offsetAt(Date.parse('2018-10-28T01:00:00Z'))).toBe(3_600_000);
    // Before the first onset of all: the earliest observance's TZOFFSETFROM (+02:00).
    expect(own.offsetAt(Date.parse('2018-07-01T12:00:00Z'))).toBe(7_200_000);
  });

  it("keeps a truncated khal zone's only onset where khal wrote it, and its offset after it", () => {
    const own = vtimezoneZone(vtimezone('icalendar-khal-truncated-berlin.ics'))!;
    // khal writes the onset as 03:00, the wall time after the change (Berlin's is 02:00 at +01:00).
    expect(own.offsetAt(Date.parse('2020-03-29T01:59:59Z'))).toBe(3_600_000);
    expect(own.offsetAt(Date.parse('2020-03-29T02:00:00Z'))).toBe(7_200_000);
    // Nothing after it: +02:00 from then on, right until 2020-10-25 and wrong after.
    expect(own.offsetAt(Date.parse('2020-10-25T00:59:59Z'))).toBe(7_200_000);
    expect(own.offsetAt(Date.parse('2027-01-01T00:00:00Z'))).toBe(7_200_000);
  });

  it("reads the file's events at the instants the file's own notes give (RFC 5545 ambiguity)", () => {
    // icalendar issue 722: +12:00 until 2024-05-05 08:00, then +10:00; each event names its
    // observance in X-TZNAME. 07:00:01 happens twice; the first (winter) is the one RFC 5545 means.
    const cal = calendar('icalendar-ambiguous-transition.ics');
    const zone = vtimezoneZone(cal.children.find((c) => c.name === 'VTIMEZONE')!)!;
    const offsets: Record<string, number> = { winter: 12 * 3_600_000, summer: 10 * 3_600_000 };
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    expect(events).toHaveLength(4);
    for (const event of events) {
      const wall = parseDateTime(firstProp(event, 'DTSTART')!.value)!.wall;
      const name = firstProp(event, 'X-TZNAME')!.value;
      expect(wallToInstant(wall, zone), `${firstProp(event, 'SUMMARY')?.value}`).toBe(wall - offsets[name]!);
    }
  });

  it("follows khal's rule with BYHOUR and BYMINUTE, an hour early in autumn as it says", () => {
    const own = vtimezoneZone(vtimezone('icalendar-khal-western-central-europe.ics'))!;
    expect(own.offsetAt(Date.parse('2027-07-01T12:00:00Z'))).toBe(7_200_000);
    expect(own.offsetAt(Date.parse('2027-01-15T12:00:00Z'))).toBe(3_600_000);
    // Its STANDARD onset is 02:00 at +02:00 (00:00Z); Berlin's real one is 03:00 (01:00Z).
    expect(own.offsetAt(Date.parse('2027-10-31T00:00:00Z'))).toBe(3_600_000);
    expect(resolveTzid('Western/Central Europe')).toBeNull();
  });

  it('lets the runtime zone win for TZIDs it can resolve, whatever the file carries', () => {
    const tzids = (name: string) => firstProp(vtimezone(name), 'TZID')!.value;
    expect(resolveTzid(tzids('icalendar-outlook-brasilia.ics'))).toBe('America/Sao_Paulo');
    expect(resolveTzid(tzids('icalendar-posix-europe-vaduz.ics'))).toBe('Europe/Vaduz');
    expect(resolveTzid(tzids('icalcreator-demo-stockholm.ics'))).toBe('Europe/Stockholm');
    expect(resolveTzid(tzids('icalendar-exchange-2010-pacific.ics'))).toBe('America/Los_Angeles');
    expect(resolveTzid(tzids('libical-tzdbics-Europe-Berlin.ics'))).toBe('Europe/Berlin');
    // Nobody resolves these: their VTIMEZONE is used.
    expect(resolveTzid(tzids('icalendar-exchange-cdo-gmt-plus-0100.ics'))).toBeNull();
    expect(resolveTzid(tzids('icalendar-tzurl-2014g-fiji.ics'))).toBeNull();
  });

  it('reads an Exchange event at the instant Exchange meant', () => {
    const cal = calendar('icalendar-exchange-2010-pacific.ics');
    const zone = vtimezoneZone(cal.children.find((c) => c.name === 'VTIMEZONE')!)!;
    const event = cal.children.find((c) => c.name === 'VEVENT')!;
    const wall = parseDateTime(firstProp(event, 'DTSTART')!.value)!.wall;
    // 2017-02-24 12:00 Pacific Standard Time (−08:00), as DTSTAMP 18:04Z shortly before suggests.
    expect(new Date(wallToInstant(wall, zone)).toISOString()).toBe('2017-02-24T20:00:00.000Z');
  });

  it('is null for a VTIMEZONE without a usable observance', () => {
    const cal = readContent(
      [
        'BEGIN:VCALENDAR',
        'BEGIN:VTIMEZONE',
        'TZID:Nothing',
        'BEGIN:STANDARD',
        'TZOFFSETTO:+2500',
        'DTSTART:20270101T000000',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'TZOFFSETTO:+0200',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
        'END:VCALENDAR',
      ].join('\r\n'),
    )!.calendar;
    expect(vtimezoneZone(cal.children[0]!)).toBeNull();
    expect(vtimezoneZone(cal)).toBeNull();
  });
});
