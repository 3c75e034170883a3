/**
 * Every example of RFC 5545 §3.8.5.3 ("Daily for 10 occurrences" …), with the dates the RFC lists
 * (text from https://www.rfc-editor.org/rfc/rfc5545, §3.8.5.3, pages 124–134). The examples are
 * in America/New_York; the expander works on wall-clock times, so the dates are written as the
 * wall clock reads them and a UTC UNTIL is converted here by hand, as the caller converts it
 * (19971224T000000Z = 19:00 EST on 23 December).
 */
import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../src-main/core/ics/content';
import { expandRecur, parseRecur, type Expansion } from '../../src-main/core/ics/recur';
import type { WallMs } from '../../src-main/core/ics/wall';

const wall = (text: string): WallMs => parseDateTime(text)!.wall;
const iso = (w: WallMs) => new Date(w).toISOString().slice(0, 16);

/** "1997-09-02T09:00" for each day, at 09:00 unless a time is given. */
function on(year: number, month: number, days: number[], time = '09:00'): string[] {
  const mm = String(month).padStart(2, '0');
  return days.map((d) => `${year}-${mm}-${String(d).padStart(2, '0')}T${time}`);
}
/** from, from + step, … ≤ to (the RFC's "2,4,6,8...24"). */
const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

interface Example {
  title: string;
  dtstart: string;
  rules: string[];
  /** The UNTIL in the series' wall clock (the RFC's UTC value converted to New York time). */
  until?: string;
  /** For rules that run forever: the window's end (the RFC lists the occurrences before it). */
  to?: string;
  expected: string[];
}

const EXAMPLES: Example[] = [
  {
    title: 'Daily for 10 occurrences',
    dtstart: '19970902T090000',
    rules: ['FREQ=DAILY;COUNT=10'],
    expected: on(1997, 9, range(2, 11)),
  },
  {
    title: 'Daily until December 24, 1997',
    dtstart: '19970902T090000',
    rules: ['FREQ=DAILY;UNTIL=19971224T000000Z'],
    until: '19971223T190000',
    expected: [
      ...on(1997, 9, range(2, 30)),
      ...on(1997, 10, range(1, 31)),
      ...on(1997, 11, range(1, 30)),
      ...on(1997, 12, range(1, 23)),
    ],
  },
  {
    title: 'Every other day - forever',
    dtstart: '19970902T090000',
    rules: ['FREQ=DAILY;INTERVAL=2'],
    to: '19971204T000000',
    expected: [
      ...on(1997, 9, range(2, 30, 2)),
      ...on(1997, 10, range(2, 24, 2)),
      ...on(1997, 10, [26, 28, 30]),
      ...on(1997, 11, range(1, 29, 2)),
      ...on(1997, 12, [1, 3]),
    ],
  },
  {
    title: 'Every 10 days, 5 occurrences',
    dtstart: '19970902T090000',
    rules: ['FREQ=DAILY;INTERVAL=10;COUNT=5'],
    expected: [...on(1997, 9, [2, 12, 22]), ...on(1997, 10, [2, 12])],
  },
  {
    title: 'Every day in January, for 3 years',
    dtstart: '19980101T090000',
    rules: [
      'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
      'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
    ],
    until: '20000131T090000',
    expected: [...on(1998, 1, range(1, 31)), ...on(1999, 1, range(1, 31)), ...on(2000, 1, range(1, 31))],
  },
  {
    title: 'Weekly for 10 occurrences',
    dtstart: '19970902T090000',
    rules: ['FREQ=WEEKLY;COUNT=10'],
    expected: [...on(1997, 9, [2, 9, 16, 23, 30]), ...on(1997, 10, [7, 14, 21, 28]), ...on(1997, 11, [4])],
  },
  {
    title: 'Weekly until December 24, 1997',
    dtstart: '19970902T090000',
    rules: ['FREQ=WEEKLY;UNTIL=19971224T000000Z'],
    until: '19971223T190000',
    expected: [
      ...on(1997, 9, [2, 9, 16, 23, 30]),
      ...on(1997, 10, [7, 14, 21, 28]),
      ...on(1997, 11, [4, 11, 18, 25]),
      ...on(1997, 12, [2, 9, 16, 23]),
    ],
  },
  {
    title: 'Every other week - forever',
    dtstart: '19970902T090000',
    rules: ['FREQ=WEEKLY;INTERVAL=2;WKST=SU'],
    to: '19980218T000000',
    expected: [
      ...on(1997, 9, [2, 16, 30]),
      ...on(1997, 10, [14, 28]),
      ...on(1997, 11, [11, 25]),
      ...on(1997, 12, [9, 23]),
      ...on(1998, 1, [6, 20]),
      ...on(1998, 2, [3, 17]),
    ],
  },
  {
    title: 'Weekly on Tuesday and Thursday for five weeks',
    dtstart: '19970902T090000',
    rules: [
      'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH',
      'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH',
    ],
    until: '19971006T200000',
    expected: [...on(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30]), ...on(1997, 10, [2])],
  },
  {
    title: 'Every other week on Monday, Wednesday, and Friday until December 24, 1997',
    dtstart: '19970901T090000',
    rules: ['FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR'],
    until: '19971223T190000',
    expected: [
      ...on(1997, 9, [1, 3, 5, 15, 17, 19, 29]),
      ...on(1997, 10, [1, 3, 13, 15, 17, 27, 29, 31]),
      ...on(1997, 11, [10, 12, 14, 24, 26, 28]),
      ...on(1997, 12, [8, 10, 12, 22]),
    ],
  },
  {
    title: 'Every other week on Tuesday and Thursday, for 8 occurrences',
    dtstart: '19970902T090000',
    rules: ['FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH'],
    expected: [...on(1997, 9, [2, 4, 16, 18, 30]), ...on(1997, 10, [2, 14, 16])],
  },
  {
    title: 'Monthly on the first Friday for 10 occurrences',
    dtstart: '19970905T090000',
    rules: ['FREQ=MONTHLY;COUNT=10;BYDAY=1FR'],
    expected: [
      ...on(1997, 9, [5]),
      ...on(1997, 10, [3]),
      ...on(1997, 11, [7]),
      ...on(1997, 12, [5]),
      ...on(1998, 1, [2]),
      ...on(1998, 2, [6]),
      ...on(1998, 3, [6]),
      ...on(1998, 4, [3]),
      ...on(1998, 5, [1]),
      ...on(1998, 6, [5]),
    ],
  },
  {
    title: 'Monthly on the first Friday until December 24, 1997',
    dtstart: '19970905T090000',
    rules: ['FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR'],
    until: '19971223T190000',
    expected: [...on(1997, 9, [5]), ...on(1997, 10, [3]), ...on(1997, 11, [7]), ...on(1997, 12, [5])],
  },
  {
    title: 'Every other month on the first and last Sunday of the month for 10 occurrences',
    dtstart: '19970907T090000',
    rules: ['FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU'],
    expected: [
      ...on(1997, 9, [7, 28]),
      ...on(1997, 11, [2, 30]),
      ...on(1998, 1, [4, 25]),
      ...on(1998, 3, [1, 29]),
      ...on(1998, 5, [3, 31]),
    ],
  },
  {
    title: 'Monthly on the second-to-last Monday of the month for 6 months',
    dtstart: '19970922T090000',
    rules: ['FREQ=MONTHLY;COUNT=6;BYDAY=-2MO'],
    expected: [
      ...on(1997, 9, [22]),
      ...on(1997, 10, [20]),
      ...on(1997, 11, [17]),
      ...on(1997, 12, [22]),
      ...on(1998, 1, [19]),
      ...on(1998, 2, [16]),
    ],
  },
  {
    title: 'Monthly on the third-to-the-last day of the month, forever',
    dtstart: '19970928T090000',
    rules: ['FREQ=MONTHLY;BYMONTHDAY=-3'],
    to: '19980301T000000',
    expected: [
      ...on(1997, 9, [28]),
      ...on(1997, 10, [29]),
      ...on(1997, 11, [28]),
      ...on(1997, 12, [29]),
      ...on(1998, 1, [29]),
      ...on(1998, 2, [26]),
    ],
  },
  {
    title: 'Monthly on the 2nd and 15th of the month for 10 occurrences',
    dtstart: '19970902T090000',
    rules: ['FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15'],
    expected: [
      ...on(1997, 9, [2, 15]),
      ...on(1997, 10, [2, 15]),
      ...on(1997, 11, [2, 15]),
      ...on(1997, 12, [2, 15]),
      ...on(1998, 1, [2, 15]),
    ],
  },
  {
    title: 'Monthly on the first and last day of the month for 10 occurrences',
    dtstart: '19970930T090000',
    rules: ['FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1'],
    expected: [
      ...on(1997, 9, [30]),
      ...on(1997, 10, [1, 31]),
      ...on(1997, 11, [1, 30]),
      ...on(1997, 12, [1, 31]),
      ...on(1998, 1, [1, 31]),
      ...on(1998, 2, [1]),
    ],
  },
  {
    title: 'Every 18 months on the 10th thru 15th of the month for 10 occurrences',
    dtstart: '19970910T090000',
    rules: ['FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15'],
    expected: [...on(1997, 9, range(10, 15)), ...on(1999, 3, range(10, 13))],
  },
  {
    title: 'Every Tuesday, every other month',
    dtstart: '19970902T090000',
    rules: ['FREQ=MONTHLY;INTERVAL=2;BYDAY=TU'],
    to: '19980401T000000',
    expected: [
      ...on(1997, 9, [2, 9, 16, 23, 30]),
      ...on(1997, 11, [4, 11, 18, 25]),
      ...on(1998, 1, [6, 13, 20, 27]),
      ...on(1998, 3, [3, 10, 17, 24, 31]),
    ],
  },
  {
    title: 'Yearly in June and July for 10 occurrences',
    dtstart: '19970610T090000',
    rules: ['FREQ=YEARLY;COUNT=10;BYMONTH=6,7'],
    expected: range(1997, 2001).flatMap((y) => [...on(y, 6, [10]), ...on(y, 7, [10])]),
  },
  {
    title: 'Every other year on January, February, and March for 10 occurrences',
    dtstart: '19970310T090000',
    rules: ['FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3'],
    expected: [
      ...on(1997, 3, [10]),
      ...[1999, 2001, 2003].flatMap((y) => [...on(y, 1, [10]), ...on(y, 2, [10]), ...on(y, 3, [10])]),
    ],
  },
  {
    title: 'Every third year on the 1st, 100th, and 200th day for 10 occurrences',
    dtstart: '19970101T090000',
    rules: ['FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200'],
    expected: [
      ...on(1997, 1, [1]),
      ...on(1997, 4, [10]),
      ...on(1997, 7, [19]),
      ...on(2000, 1, [1]),
      ...on(2000, 4, [9]),
      ...on(2000, 7, [18]),
      ...on(2003, 1, [1]),
      ...on(2003, 4, [10]),
      ...on(2003, 7, [19]),
      ...on(2006, 1, [1]),
    ],
  },
  {
    title: 'Every 20th Monday of the year, forever',
    dtstart: '19970519T090000',
    rules: ['FREQ=YEARLY;BYDAY=20MO'],
    to: '20000101T000000',
    expected: [...on(1997, 5, [19]), ...on(1998, 5, [18]), ...on(1999, 5, [17])],
  },
  {
    title: 'Monday of week number 20, forever',
    dtstart: '19970512T090000',
    rules: ['FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO'],
    to: '20000101T000000',
    expected: [...on(1997, 5, [12]), ...on(1998, 5, [11]), ...on(1999, 5, [17])],
  },
  {
    title: 'Every Thursday in March, forever',
    dtstart: '19970313T090000',
    rules: ['FREQ=YEARLY;BYMONTH=3;BYDAY=TH'],
    to: '20000101T000000',
    expected: [
      ...on(1997, 3, [13, 20, 27]),
      ...on(1998, 3, [5, 12, 19, 26]),
      ...on(1999, 3, [4, 11, 18, 25]),
    ],
  },
  {
    title: 'Every Thursday, but only during June, July, and August, forever',
    dtstart: '19970605T090000',
    rules: ['FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8'],
    to: '20000101T000000',
    expected: [
      ...on(1997, 6, [5, 12, 19, 26]),
      ...on(1997, 7, [3, 10, 17, 24, 31]),
      ...on(1997, 8, [7, 14, 21, 28]),
      ...on(1998, 6, [4, 11, 18, 25]),
      ...on(1998, 7, [2, 9, 16, 23, 30]),
      ...on(1998, 8, [6, 13, 20, 27]),
      ...on(1999, 6, [3, 10, 17, 24]),
      ...on(1999, 7, [1, 8, 15, 22, 29]),
      ...on(1999, 8, [5, 12, 19, 26]),
    ],
  },
  {
    // The RFC removes DTSTART with an EXDATE (the caller's job): it is left out here.
    title: 'Every Friday the 13th, forever (EXDATE on DTSTART)',
    dtstart: '19970902T090000',
    rules: ['FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13'],
    to: '20010101T000000',
    expected: [
      '1997-09-02T09:00',
      ...on(1998, 2, [13]),
      ...on(1998, 3, [13]),
      ...on(1998, 11, [13]),
      ...on(1999, 8, [13]),
      ...on(2000, 10, [13]),
    ],
  },
  {
    title: 'The first Saturday that follows the first Sunday of the month, forever',
    dtstart: '19970913T090000',
    rules: ['FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13'],
    to: '19980701T000000',
    expected: [
      ...on(1997, 9, [13]),
      ...on(1997, 10, [11]),
      ...on(1997, 11, [8]),
      ...on(1997, 12, [13]),
      ...on(1998, 1, [10]),
      ...on(1998, 2, [7]),
      ...on(1998, 3, [7]),
      ...on(1998, 4, [11]),
      ...on(1998, 5, [9]),
      ...on(1998, 6, [13]),
    ],
  },
  {
    title: 'Every 4 years, the first Tuesday after a Monday in November, forever',
    dtstart: '19961105T090000',
    rules: ['FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8'],
    to: '20050101T000000',
    expected: [...on(1996, 11, [5]), ...on(2000, 11, [7]), ...on(2004, 11, [2])],
  },
  {
    title:
      'The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months',
    dtstart: '19970904T090000',
    rules: ['FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3'],
    expected: [...on(1997, 9, [4]), ...on(1997, 10, [7]), ...on(1997, 11, [6])],
  },
  {
    title: 'The second-to-last weekday of the month',
    dtstart: '19970929T090000',
    rules: ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2'],
    to: '19980331T000000',
    expected: [
      ...on(1997, 9, [29]),
      ...on(1997, 10, [30]),
      ...on(1997, 11, [27]),
      ...on(1997, 12, [30]),
      ...on(1998, 1, [29]),
      ...on(1998, 2, [26]),
      ...on(1998, 3, [30]),
    ],
  },
  {
    // The RFC's UNTIL=19970902T170000Z is 13:00 EDT, which would end the series at 12:00; its
    // listed 15:00 needs 17:00 EDT (21:00Z), used here. The literal UNTIL is checked below.
    title: 'Every 3 hours from 9:00 AM to 5:00 PM on a specific day',
    dtstart: '19970902T090000',
    rules: ['FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z'],
    until: '19970902T170000',
    expected: on(1997, 9, [2], '09:00').concat(on(1997, 9, [2], '12:00'), on(1997, 9, [2], '15:00')),
  },
  {
    title: 'Every 20 minutes from 9:00 AM to 4:40 PM every day',
    dtstart: '19970902T090000',
    rules: ['FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40'],
    to: '19970904T000000',
    expected: [2, 3].flatMap((d) =>
      range(9, 16).flatMap((h) =>
        [0, 20, 40].map(
          (m) => on(1997, 9, [d], `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)[0]!,
        ),
      ),
    ),
  },
  {
    title: 'An example where the days generated makes a difference because of WKST (MO)',
    dtstart: '19970805T090000',
    rules: ['FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO'],
    expected: on(1997, 8, [5, 10, 19, 24]),
  },
  {
    title: 'An example where the days generated makes a difference because of WKST (SU)',
    dtstart: '19970805T090000',
    rules: ['FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU'],
    expected: on(1997, 8, [5, 17, 19, 31]),
  },
  {
    title: 'An example where an invalid date (i.e., February 30) is ignored',
    dtstart: '20070115T090000',
    rules: ['FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5'],
    expected: [...on(2007, 1, [15, 30]), ...on(2007, 2, [15]), ...on(2007, 3, [15, 30])],
  },
];

function expand(rule: string, dtstart: WallMs, from: WallMs, to: WallMs, until: WallMs | null): Expansion {
  const parsed = parseRecur(rule);
  expect(parsed, rule).not.toBeNull();
  return expandRecur(parsed!, dtstart, { from, to, until });
}

function startsOf(e: Expansion): string[] {
  if (e.kind !== 'ok') throw new Error(`dropped: ${e.reason}`);
  expect(e.trimmed).toBe(0);
  return e.starts.map(iso);
}

describe('RFC 5545 §3.8.5.3 examples', () => {
  for (const example of EXAMPLES) {
    for (const rule of example.rules) {
      it(`${example.title}: ${rule}`, () => {
        const dtstart = wall(example.dtstart);
        const until = example.until ? wall(example.until) : null;
        // A window from DTSTART to well past the end (or the RFC's last listed date).
        const to = example.to ? wall(example.to) : dtstart + 20 * 365 * 86_400_000;
        expect(startsOf(expand(rule, dtstart, dtstart, to, until))).toEqual(example.expected);
        // Each occurrence again from a window holding only it: the jump to a window and the count
        // of earlier occurrences must land on the same dates as expanding from DTSTART.
        for (const start of example.expected) {
          const w = wall(start.replace(/[-:]/g, '') + '00');
          expect(startsOf(expand(rule, dtstart, w - 60_000, w + 60_000, until)), start).toEqual([start]);
        }
      });
    }
  }

  it("reads the RFC's literal UNTIL=19970902T170000Z (13:00 EDT) as ending at 12:00", () => {
    const dtstart = wall('19970902T090000');
    const e = expand(
      'FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z',
      dtstart,
      dtstart,
      wall('19970903T000000'),
      wall('19970902T130000'),
    );
    expect(startsOf(e)).toEqual(['1997-09-02T09:00', '1997-09-02T12:00']);
  });

  it.each([
    'FREQ=MINUTELY;INTERVAL=15;COUNT=6',
    'FREQ=MINUTELY;INTERVAL=90;COUNT=4',
    'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16',
  ])('drops the MINUTELY example %s as an absurd frequency for a meeting', (rule) => {
    const dtstart = wall('19970902T090000');
    expect(expand(rule, dtstart, dtstart, dtstart + 86_400_000, null)).toEqual({
      kind: 'dropped',
      reason: 'frequency',
    });
  });
});
