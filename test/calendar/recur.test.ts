/**
 * Keel's RRULE expander (src-main/core/ics/recur.ts): the cases issue #15 names (a yearly event on
 * 29 February, BYMONTHDAY=31, a daily COUNT=9999 series from 2016 and a weekly one from 1990 seen
 * in 2027, absurd rules dropped), DTSTART and UNTIL semantics, trimming, week numbers at year
 * ends and reading rules. recur-rfc.test.ts holds RFC 5545's examples, recur-dateutil.test.ts the
 * comparison with python-dateutil, recur-window.test.ts the shortcuts against the slow way.
 */
import { describe, expect, it } from 'vitest';
import { parseDateTime } from '../../src-main/core/ics/content';
import {
  expandRecur,
  MAX_OCCURRENCES,
  parseRecur,
  type ExpandOptions,
  type Expansion,
} from '../../src-main/core/ics/recur';
import { wallOf, type WallMs } from '../../src-main/core/ics/wall';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const wall = (text: string): WallMs => parseDateTime(text)!.wall;
const iso = (w: WallMs) => new Date(w).toISOString().slice(0, 16);

function expand(
  rule: string,
  dtstart: string | WallMs,
  options: Partial<ExpandOptions> & { from: WallMs; to: WallMs },
): Expansion {
  const parsed = parseRecur(rule);
  if (!parsed) throw new Error(`unreadable: ${rule}`);
  const start = typeof dtstart === 'string' ? wall(dtstart) : dtstart;
  return expandRecur(parsed, start, { until: null, ...options });
}

/** The starts as "YYYY-MM-DDTHH:MM", failing when the rule was dropped or trimmed. */
function starts(e: Expansion): string[] {
  if (e.kind !== 'ok') throw new Error(`dropped: ${e.reason}`);
  expect(e.trimmed).toBe(0);
  return e.starts.map(iso);
}

/** Every day in [from, to) (dates "YYYY-MM-DD") whose weekday (0 = Sunday, as Date) is in `weekdays`. */
function daysBetween(from: string, to: string, weekdays = [0, 1, 2, 3, 4, 5, 6], time = '09:00'): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t < Date.parse(`${to}T00:00:00Z`); t += DAY) {
    if (weekdays.includes(new Date(t).getUTCDay()))
      out.push(`${new Date(t).toISOString().slice(0, 10)}T${time}`);
  }
  return out;
}

describe('issue #15: long-running series and invalid dates', () => {
  it('puts a yearly 29 February event on 29 February of leap years only, never on 1 March', () => {
    const e = expand('FREQ=YEARLY', '20240229T100000', {
      from: wall('20240101T000000'),
      to: wall('20410101T000000'),
    });
    expect(starts(e)).toEqual([
      '2024-02-29T10:00',
      '2028-02-29T10:00',
      '2032-02-29T10:00',
      '2036-02-29T10:00',
      '2040-02-29T10:00',
    ]);
    // 2100 is not a leap year: from 2096 (the 19th) the next one is 2104, 8 years later.
    const century = expand('FREQ=YEARLY;COUNT=20', '20240229T100000', {
      from: wall('20950101T000000'),
      to: wall('21100101T000000'),
    });
    expect(starts(century)).toEqual(['2096-02-29T10:00', '2104-02-29T10:00']);
  });

  it('counts a COUNT through the skipped years: the 3rd occurrence of a 29 February series is in 2032', () => {
    const e = expand('FREQ=YEARLY;COUNT=3', '20240229T100000', {
      from: wall('20200101T000000'),
      to: wall('20500101T000000'),
    });
    expect(starts(e)).toEqual(['2024-02-29T10:00', '2028-02-29T10:00', '2032-02-29T10:00']);
  });

  it('skips the months without a 31st (BYMONTHDAY=31, or a monthly event started on the 31st)', () => {
    const expected = [
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
      '2027-07-31',
      '2027-08-31',
      '2027-10-31',
      '2027-12-31',
    ].map((d) => `${d}T09:00`);
    const window = { from: wall('20270101T000000'), to: wall('20280101T000000') };
    expect(starts(expand('FREQ=MONTHLY;BYMONTHDAY=31', '20260131T090000', window))).toEqual(expected);
    expect(starts(expand('FREQ=MONTHLY', '20260131T090000', window))).toEqual(expected);
    // …and 30 February, and 29 February in a common year.
    const feb = { from: wall('20270201T000000'), to: wall('20270301T000000') };
    expect(starts(expand('FREQ=MONTHLY;BYMONTHDAY=28,29,30', '20260101T090000', feb))).toEqual([
      '2027-02-28T09:00',
    ]);
  });

  it('finds every 2027 meeting of a daily COUNT=9999 standup started in 2016, and where it ends', () => {
    const dtstart = '20160104T093000';
    const e = expand('FREQ=DAILY;COUNT=9999', dtstart, {
      from: wall('20270301T000000'),
      to: wall('20270401T000000'),
    });
    expect(starts(e)).toEqual(daysBetween('2027-03-01', '2027-04-01', undefined, '09:30'));
    // The 9,999th is 9,998 days after the first.
    const last = new Date(Date.UTC(2016, 0, 4, 9, 30) + 9998 * DAY).toISOString().slice(0, 16);
    const end = expand('FREQ=DAILY;COUNT=9999', dtstart, {
      from: Date.parse(`${last}:00Z`) - 5 * DAY,
      to: Date.parse(`${last}:00Z`) + 5 * DAY,
    });
    expect(starts(end).at(-1)).toBe(last);
    expect(starts(end)).toHaveLength(6);
  });

  it('finds every 2027 meeting of weekly series started in 1990, with and without COUNT', () => {
    const window = { from: wall('20270301T000000'), to: wall('20270401T000000') };
    const monWedFri = daysBetween('2027-03-01', '2027-04-01', [1, 3, 5]);
    expect(starts(expand('FREQ=WEEKLY;BYDAY=MO,WE,FR', '19900101T090000', window))).toEqual(monWedFri);
    expect(starts(expand('FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=100000', '19900101T090000', window))).toEqual(
      monWedFri,
    );
    // Every other week, the weeks counted from DTSTART's (1 January 1990 is a Monday).
    const weeks = (Date.UTC(2027, 2, 1) - Date.UTC(1990, 0, 1)) / DAY / 7;
    const mondays = daysBetween('2027-03-01', '2027-04-01', [1]).filter((_, i) => (weeks + i) % 2 === 0);
    expect(mondays).toEqual(['2027-03-08T09:00', '2027-03-22T09:00']);
    expect(starts(expand('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '19900101T090000', window))).toEqual(mondays);
    expect(starts(expand('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=5000', '19900101T090000', window))).toEqual(
      mondays,
    );
  });

  it('expands an HOURLY COUNT=100000 series from 1601 in a window near its end', () => {
    const dtstart = wallOf(1601, 1, 1, 0, 0);
    const lastHour = dtstart + 99_999 * HOUR;
    const e = expand('FREQ=HOURLY;COUNT=100000', dtstart, {
      from: lastHour - 2 * HOUR,
      to: lastHour + 10 * HOUR,
    });
    expect(e).toEqual({ kind: 'ok', starts: [lastHour - 2 * HOUR, lastHour - HOUR, lastHour], trimmed: 0 });
  });
});

describe('DTSTART, UNTIL and COUNT', () => {
  const year = { from: wall('20240101T000000'), to: wall('20250101T000000') };

  it('counts DTSTART as the first occurrence even when the rule would not produce it', () => {
    // 3 January 2024 is a Wednesday.
    expect(starts(expand('FREQ=WEEKLY;BYDAY=MO;COUNT=3', '20240103T090000', year))).toEqual([
      '2024-01-03T09:00',
      '2024-01-08T09:00',
      '2024-01-15T09:00',
    ]);
    expect(starts(expand('FREQ=WEEKLY;BYDAY=MO;COUNT=1', '20240103T090000', year))).toEqual([
      '2024-01-03T09:00',
    ]);
    // A DTSTART the rule does produce is not counted twice.
    expect(starts(expand('FREQ=WEEKLY;BYDAY=WE;COUNT=2', '20240103T090000', year))).toEqual([
      '2024-01-03T09:00',
      '2024-01-10T09:00',
    ]);
  });

  it('reads UNTIL as inclusive, and keeps DTSTART even when UNTIL is before it', () => {
    const until = (u: string) => ({ ...year, until: wall(u) });
    expect(starts(expand('FREQ=DAILY', '20240103T090000', until('20240105T090000')))).toEqual([
      '2024-01-03T09:00',
      '2024-01-04T09:00',
      '2024-01-05T09:00',
    ]);
    expect(starts(expand('FREQ=DAILY', '20240103T090000', until('20240105T085959')))).toEqual([
      '2024-01-03T09:00',
      '2024-01-04T09:00',
    ]);
    expect(starts(expand('FREQ=DAILY', '20240103T090000', until('20240101T000000')))).toEqual([
      '2024-01-03T09:00',
    ]);
  });

  it('returns occurrences in [from, to): one starting at `to` is not in the window', () => {
    const e = expand('FREQ=DAILY', '20240103T090000', {
      from: wall('20240104T090000'),
      to: wall('20240106T090000'),
    });
    expect(starts(e)).toEqual(['2024-01-04T09:00', '2024-01-05T09:00']);
  });

  it(`returns the first ${MAX_OCCURRENCES} occurrences of a window and counts the rest`, () => {
    // 24 a day for a year: 8,784 in 2024.
    const hourly = expand('FREQ=HOURLY', '20230101T000000', year);
    expect(
      hourly.kind === 'ok' && [hourly.starts.length, hourly.trimmed, iso(hourly.starts.at(-1)!)],
    ).toEqual([MAX_OCCURRENCES, 8784 - MAX_OCCURRENCES, '2024-07-27T07:00']);
    // COUNT ends the series inside the trimmed part: 6,000 hours from 1 January 2024.
    const counted = expand('FREQ=HOURLY;COUNT=6000', '20240101T000000', year);
    expect(counted.kind === 'ok' && [counted.starts.length, counted.trimmed]).toEqual([
      MAX_OCCURRENCES,
      1000,
    ]);
    // UNTIL likewise (inclusive).
    const until = expand('FREQ=HOURLY', '20230101T000000', { ...year, until: wall('20241010T000000') });
    const hoursToUntil = (wall('20241010T000000') - year.from) / HOUR + 1;
    expect(until.kind === 'ok' && until.trimmed).toBe(hoursToUntil - MAX_OCCURRENCES);
    // Daily at 18 times: the closed-form count past the cap agrees with listing them.
    const daily = expand(
      'FREQ=DAILY;BYHOUR=6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23',
      '20200101T000000',
      year,
    );
    expect(daily.kind === 'ok' && daily.trimmed).toBe(366 * 18 - MAX_OCCURRENCES);
  });
});

describe('absurd rules', () => {
  const window = { from: wall('20270101T000000'), to: wall('20270201T000000') };

  it.each([
    ['FREQ=SECONDLY', 'frequency'],
    ['FREQ=MINUTELY;INTERVAL=15', 'frequency'],
    // A VTIMEZONE rule from the hostile file.
    ['FREQ=MINUTELY;BYMONTH=3;BYDAY=-1SU', 'frequency'],
    ['FREQ=HOURLY;BYMINUTE=0,30', 'per-day'],
    ['FREQ=DAILY;BYHOUR=9,10,11,12,13;BYMINUTE=0,10,20,30,40,50', 'per-day'],
    [
      'FREQ=WEEKLY;BYDAY=MO;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,30',
      'per-day',
    ],
  ])('drops %s (%s)', (rule, reason) => {
    expect(expand(rule, '16010101T000000', window)).toEqual({ kind: 'dropped', reason });
  });

  it('keeps rules of up to 24 a day, and those BYSETPOS brings down to that', () => {
    expect(expand('FREQ=HOURLY', '20270101T000000', window).kind).toBe('ok');
    expect(expand('FREQ=HOURLY;INTERVAL=2;BYMINUTE=0,30', '20270101T000000', window).kind).toBe('ok');
    expect(
      expand('FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40', '20270101T000000', window).kind,
    ).toBe('ok');
    const picked = expand(
      'FREQ=DAILY;BYHOUR=9,10,11,12,13;BYMINUTE=0,10,20,30,40,50;BYSETPOS=1,-1',
      '20270101T090000',
      window,
    );
    expect(starts(picked).slice(0, 4)).toEqual([
      '2027-01-01T09:00',
      '2027-01-01T13:50',
      '2027-01-02T09:00',
      '2027-01-02T13:50',
    ]);
  });

  it('drops a rule that would take too much work, in well under a second', () => {
    // Counting 730,000 days from year 1 for a date that never comes.
    const started = performance.now();
    const e = expand('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5', '00010101T000000', window);
    expect(e).toEqual({ kind: 'dropped', reason: 'cost' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('answers for an unbounded window without hanging: counted past the cap, or dropped for cost', () => {
    const everything = { from: -Infinity, to: Infinity };
    const weekly = expand('FREQ=WEEKLY', '20240101T090000', everything);
    // Weekly from 2024 to the end of Date's range (year 275760).
    const weeks = Math.floor((8.64e15 - 1 - wall('20240101T090000')) / (7 * DAY)) + 1;
    expect(weekly.kind === 'ok' && [weekly.starts.length, weekly.starts.length + weekly.trimmed]).toEqual([
      MAX_OCCURRENCES,
      weeks,
    ]);
    expect(expand('FREQ=MONTHLY;BYDAY=MO', '20240101T090000', everything)).toEqual({
      kind: 'dropped',
      reason: 'cost',
    });
  });

  it('expands a VTIMEZONE-style yearly rule from 1601 with COUNT, and without', () => {
    // Last Sunday of March at 02:00, as Windows zones and Outlook write it.
    const march2027 = { from: wall('20270101T000000'), to: wall('20280101T000000') };
    expect(starts(expand('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', '16010325T020000', march2027))).toEqual([
      '2027-03-28T02:00',
    ]);
    expect(
      starts(expand('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=1000', '16010325T020000', march2027)),
    ).toEqual(['2027-03-28T02:00']);
  });
});

/**
 * Week numbers by the Thursday rule, written independently of recur-days.ts: a week (starting on
 * WKST) belongs to the year holding its fourth day, and is numbered from that year's first such
 * week; −1 is the week holding 28 December, the last one of every year.
 */
function weekOf(dayMs: number, wkst: number): { week: number; weeks: number } {
  const weekStart = (t: number) => t - ((((new Date(t).getUTCDay() + 6 - wkst) % 7) + 7) % 7) * DAY;
  const numberOf = (t: number) => {
    const fourth = new Date(weekStart(t) + 3 * DAY);
    const yearStart = Date.UTC(fourth.getUTCFullYear(), 0, 1);
    return { week: Math.floor((fourth.getTime() - yearStart) / DAY / 7) + 1, year: fourth.getUTCFullYear() };
  };
  const { week, year } = numberOf(dayMs);
  return { week, weeks: numberOf(Date.UTC(year, 11, 28)).week };
}

describe('BYWEEKNO at year ends', () => {
  it.each([0, 2, 6])('puts each day of 1995–2030 in the week the Thursday rule gives (WKST %i)', (wkst) => {
    const wkstName = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][wkst];
    const window = { from: wall('19950101T000000'), to: wall('20310101T000000') };
    for (const n of [1, 2, 52, 53, -1, -2, -52, -53]) {
      const e = expand(`FREQ=DAILY;BYWEEKNO=${n};WKST=${wkstName}`, '19941231T000000', window);
      const got = starts(e).filter((s) => s !== '1994-12-31T00:00');
      const want: string[] = [];
      for (let t = window.from; t < window.to; t += DAY) {
        const { week, weeks } = weekOf(t, wkst);
        if (week === n || week - weeks - 1 === n) want.push(iso(t));
      }
      expect(got, `BYWEEKNO=${n}`).toEqual(want);
    }
  });
});

describe('parseRecur', () => {
  it('reads every part, in any order and case, ignoring X- parts and empty ones', () => {
    expect(
      parseRecur(
        'bymonth=1,2;FREQ=yearly;INTERVAL=2;COUNT=10;BYDAY=-1SU,+2mo,TH;BYMONTHDAY=-31,1;BYYEARDAY=366,-1;BYWEEKNO=53;BYSETPOS=-366;BYHOUR=23;BYMINUTE=59;BYSECOND=60;WKST=SU;X-NAME=whatever;',
      ),
    ).toEqual({
      freq: 'YEARLY',
      interval: 2,
      count: 10,
      until: null,
      bySecond: [60],
      byMinute: [59],
      byHour: [23],
      byDay: [
        { weekday: 6, n: -1 },
        { weekday: 0, n: 2 },
        { weekday: 3, n: 0 },
      ],
      byMonthDay: [-31, 1],
      byYearDay: [366, -1],
      byWeekNo: [53],
      byMonth: [1, 2],
      bySetPos: [-366],
      wkst: 6,
    });
    // Exchange writes spaces after the commas.
    expect(parseRecur('FREQ=WEEKLY;BYDAY=MO, TU, WE ;BYHOUR= 9, 17')).toMatchObject({
      byDay: [0, 1, 2].map((weekday) => ({ weekday, n: 0 })),
      byHour: [9, 17],
    });
    expect(parseRecur('FREQ=WEEKLY;UNTIL=20270101T000000Z')?.until).toEqual(
      parseDateTime('20270101T000000Z'),
    );
    expect(parseRecur('FREQ=DAILY;UNTIL=20270101')?.until).toEqual(parseDateTime('20270101'));
  });

  it.each([
    '',
    'COUNT=5',
    'FREQ=FORTNIGHTLY',
    'FREQ=DAILY;FREQ=WEEKLY',
    'FREQ=DAILY;COUNT=0',
    'FREQ=DAILY;INTERVAL=0',
    'FREQ=DAILY;COUNT=-1',
    'FREQ=DAILY;COUNT=ten',
    'FREQ=YEARLY;BYMONTH=13',
    'FREQ=YEARLY;BYMONTH=0',
    'FREQ=MONTHLY;BYMONTHDAY=32',
    'FREQ=MONTHLY;BYMONTHDAY=0',
    'FREQ=YEARLY;BYYEARDAY=367',
    'FREQ=YEARLY;BYWEEKNO=54',
    'FREQ=DAILY;BYHOUR=24',
    'FREQ=DAILY;BYMINUTE=60',
    'FREQ=DAILY;BYSECOND=61',
    'FREQ=MONTHLY;BYDAY=0MO',
    'FREQ=MONTHLY;BYDAY=54MO',
    'FREQ=MONTHLY;BYDAY=MONDAY',
    'FREQ=MONTHLY;BYDAY=MO,,TU',
    'FREQ=MONTHLY;BYSETPOS=0',
    'FREQ=WEEKLY;WKST=XX',
    'FREQ=WEEKLY;UNTIL=2027-01-01',
    'FREQ=WEEKLY;BYDAY',
    'FREQ=WEEKLY;FOO=BAR',
    'FREQ=WEEKLY;RSCALE=HEBREW',
  ])('reads %j as no rule', (value) => {
    expect(parseRecur(value)).toBeNull();
  });
});
