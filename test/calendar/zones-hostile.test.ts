import { describe, expect, it } from 'vitest';
import { readContent, type Component } from '../../src-main/core/ics/content';
import { wallOf } from '../../src-main/core/ics/wall';
import { vtimezoneZone, wallToInstant, type Zone } from '../../src-main/core/ics/zones';

/*
 * Hostile VTIMEZONEs (issue #15): a rule that would step through every minute since 1601, and
 * thousands of zones in one file. Time bounds are on this process's CPU time (other work on a
 * loaded 2-core machine does not count against it) and generous; the behaviour is asserted exactly.
 */

const HOUR = 3_600_000;

function zonesOf(text: string): Component[] {
  return readContent(text)!.calendar.children.filter((c) => c.name === 'VTIMEZONE');
}

function zoneOf(...lines: string[]): Zone {
  const text = [
    'BEGIN:VCALENDAR',
    'BEGIN:VTIMEZONE',
    'TZID:Hostile',
    ...lines,
    'END:VTIMEZONE',
    'END:VCALENDAR',
  ];
  return vtimezoneZone(zonesOf(text.join('\r\n'))[0]!)!;
}

/** The value and the CPU time (user + system, ms) this process spent computing it. */
function timed<T>(run: () => T): { value: T; ms: number } {
  const started = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(started);
  return { value, ms: (used.user + used.system) / 1000 };
}

describe('hostile VTIMEZONEs', () => {
  it('reads a FREQ=MINUTELY rule from 1601 as its DTSTART alone, in well under 100 ms', () => {
    // The 350-byte file of the issue, give or take: a DAYLIGHT observance "every minute since 1601".
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VTIMEZONE',
      'TZID:Minutely',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T000100',
      'RRULE:FREQ=MINUTELY;INTERVAL=1',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:x',
      'DTSTART;TZID=Minutely:20270315T090000',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(text.length).toBeLessThanOrEqual(350);
    const { value: instants, ms } = timed(() => {
      const zone = vtimezoneZone(zonesOf(text)[0]!)!;
      return [1700, 2027, 9999].map((y) => wallToInstant(wallOf(y, 3, 15, 9), zone));
    });
    expect(ms).toBeLessThan(100);
    // The rule is ignored; DAYLIGHT's onset (1601-01-01 00:01) is the last: +02:00 ever after.
    expect(instants).toEqual([1700, 2027, 9999].map((y) => wallOf(y, 3, 15, 9) - 2 * HOUR));
  });

  it('ignores other non-yearly and unfollowable rules the same way', () => {
    for (const rule of [
      'FREQ=SECONDLY',
      'FREQ=DAILY;BYHOUR=1,2,3',
      'FREQ=YEARLY;BYSETPOS=-1;BYDAY=SU;BYMONTH=3',
      'FREQ=YEARLY;BYWEEKNO=13;BYDAY=SU',
      'FREQ=YEARLY;BYHOUR=1,2',
      'FREQ=YEARLY;BYMONTH=13',
      'FREQ=YEARLY;BYDAY=0SU;BYMONTH=3',
      'FREQ=YEARLY;INTERVAL=0',
      'FREQ=YEARLY;UNTIL=2027;COUNT=3',
      'garbage',
    ]) {
      const zone = zoneOf(
        'BEGIN:DAYLIGHT',
        'DTSTART:20200329T020000',
        `RRULE:${rule}`,
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'END:DAYLIGHT',
        'BEGIN:STANDARD',
        'DTSTART:20201025T030000',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
      );
      // Only the two DTSTARTs: +01:00 from 2020-10-25 on, whatever the rule says.
      expect(zone.offsetAt(Date.parse('2027-07-01T00:00:00Z')), rule).toBe(HOUR);
      expect(zone.offsetAt(Date.parse('2020-07-01T00:00:00Z')), rule).toBe(2 * HOUR);
    }
  });

  it('stays quick for rules that are yearly but large: every day of the year, COUNT of a billion', () => {
    const { value, ms } = timed(() => {
      const daily = zoneOf(
        'BEGIN:DAYLIGHT',
        'DTSTART:16010101T020000',
        'RRULE:FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'END:DAYLIGHT',
        'BEGIN:STANDARD',
        'DTSTART:16010101T030000',
        'RRULE:FREQ=YEARLY;COUNT=999999999;BYMONTH=10;BYDAY=-1SU',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
      );
      const out: number[] = [];
      for (let y = 1970; y < 2040; y++) out.push(daily.offsetAt(Date.UTC(y, 6, 1, 12)));
      return out;
    });
    expect(ms).toBeLessThan(1000);
    // Each day's 02:00 onset (+02:00) comes after the once-a-year 03:00 one: +02:00 at noon.
    expect(new Set(value)).toEqual(new Set([2 * HOUR]));
  });

  it('refuses offsets of a day or more, and reads instants at the ends of time without throwing', () => {
    const zone = zoneOf(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+9959',
      'TZOFFSETTO:+2400',
      'END:STANDARD',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+2359',
      'TZOFFSETTO:-2359',
      'END:STANDARD',
    );
    expect(zone.offsetAt(0)).toBe(-(23 * 60 + 59) * 60_000);
    for (const t of [-8.64e15, 8.64e15, Number.MAX_VALUE, -Number.MAX_VALUE]) {
      expect(Number.isFinite(zone.offsetAt(t))).toBe(true);
    }
    expect(Number.isFinite(wallToInstant(8.64e15 - 1, zone))).toBe(true);
  });

  it('builds 5,000 VTIMEZONEs of one file in well under a second, and reads each', () => {
    const blocks: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0'];
    for (let i = 0; i < 5000; i++) {
      blocks.push(
        'BEGIN:VTIMEZONE',
        `TZID:Custom zone ${i}`,
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
      );
    }
    blocks.push('END:VCALENDAR');
    const components = zonesOf(blocks.join('\r\n'));
    expect(components).toHaveLength(5000);
    const built = timed(() => components.map((c) => vtimezoneZone(c)!));
    expect(built.ms).toBeLessThan(500);
    const read = timed(() => built.value.map((z) => wallToInstant(wallOf(2027, 3, 28, 2, 30), z)));
    expect(read.ms).toBeLessThan(1000);
    // 02:30 on the spring-forward night is skipped: read with +01:00.
    expect(new Set(read.value)).toEqual(new Set([Date.parse('2027-03-28T01:30:00Z')]));
  });
});
