import { tzOffset } from '@date-fns/tz';
import { beforeAll, describe, expect, it } from 'vitest';
import { focusPlanToIcs } from '../../src-main/core/ics-export';
import { loopSize } from '../support/thorough';
import { READ_VTIMEZONES, runPython, type ReadVtimezone } from './ics-export-python';
import { oracleAvailability } from './oracle';

/**
 * Every zone the runtime knows, exported as Keel does, its VTIMEZONE read back by an independent
 * reader (python icalendar's to_tz) and compared with the runtime's own time-zone data over the
 * years the export describes: from 1 January of the year before `now`, six years.
 */
const installId = '0b7e3c52-6a1d-4f0e-9c4b-2d8f1a6e5b93';
const ALL_ZONES = Intl.supportedValuesOf('timeZone');
/** Now, and two years whose windows hold one-off changes (Russia and Samoa 2011, Mexico 2022). */
const NOWS = ['2027-03-01T12:00:00Z', '2011-07-01T12:00:00Z', '2022-07-01T12:00:00Z'].map(Date.parse);
/**
 * Every zone in every year under KEEL_THOROUGH=1; else every zone now, and every third zone (and
 * the ones named below) in the past years, a different third each day.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;
const pastCount = loopSize(
  'VTIMEZONE check: zones exported in 2011 and 2022',
  Math.ceil(ALL_ZONES.length / 3),
  ALL_ZONES.length,
);
const step = Math.round(ALL_ZONES.length / pastCount);
const phase = Math.floor(Date.now() / DAY) % step;
const zonesFor = (now: number) =>
  now === NOWS[0]
    ? ALL_ZONES
    : ALL_ZONES.filter(
        (zone, i) => i % step === phase || ['America/Mexico_City', 'Europe/Moscow'].includes(zone),
      );

const runtime = (zone: string, instant: number) => Math.round(tzOffset(zone, new Date(instant)) * 60);

const exportOf = (zone: string, now: number) =>
  focusPlanToIcs([{ weekday: 'mon', start: '09:00', end: '10:00' }], [], zone, { now, installId });

function windowOf(zone: string, now: number): { from: number; to: number } {
  const year = new Date(now + runtime(zone, now) * 1000).getUTCFullYear();
  return { from: Date.UTC(year - 1, 0, 1), to: Date.UTC(year + 5, 0, 1) };
}

/** The offset the read-back VTIMEZONE gives at `instant`. */
function readOffset(read: ReadVtimezone, instant: number): number {
  let offset = read.initial;
  for (const [at, to] of read.changes) {
    if (at > instant) break;
    offset = to;
  }
  return offset;
}

/** What is wrong with `zone`'s VTIMEZONE written at `now`, as sentences; none when it is right. */
function problems(zone: string, now: number, read: ReadVtimezone): string[] {
  const out: string[] = [];
  const { from, to } = windowOf(zone, now);
  // Each change it describes is one the runtime makes, at that minute, between those offsets.
  let before = readOffset(read, from);
  for (const [at, after] of read.changes.filter(([at]) => at >= from && at < to)) {
    const was = runtime(zone, at - MINUTE);
    const is = runtime(zone, at);
    if (was !== before || is !== after) {
      out.push(`${new Date(at).toISOString()}: ${before}→${after} s, runtime ${was}→${is}`);
    }
    before = after;
  }
  // And none is missing: the offsets agree throughout. Sampled every 3.5 days at a drifting time
  // of day: the tz data has no two changes of one zone less than 7 days apart, so an offset that
  // holds for a while between two changes is always sampled.
  for (let t = from + 7 * 3_600_000; t < to; t += 3.5 * DAY) {
    if (readOffset(read, t) !== runtime(zone, t)) {
      out.push(`${new Date(t).toISOString()}: reads ${readOffset(read, t)} s, runtime ${runtime(zone, t)}`);
      break;
    }
  }
  return out;
}

const python = oracleAvailability();

describe.skipIf(!python.ok)(
  `the exported VTIMEZONE, read back by python icalendar, against the runtime${python.ok ? '' : ` (skipped: ${python.reason})`}`,
  () => {
    const texts = new Map<string, string>();
    let read: Record<string, ReadVtimezone> = {};
    beforeAll(() => {
      for (const now of NOWS)
        for (const zone of zonesFor(now)) texts.set(`${now}|${zone}`, exportOf(zone, now));
      read = runPython(READ_VTIMEZONES, Object.fromEntries(texts));
    }, 120_000);

    it.each(NOWS.map((now) => [new Date(now).toISOString().slice(0, 4), now]))(
      'gives every zone the runtime knows its changes to the minute (export in %s)',
      (_, now) => {
        expect(ALL_ZONES.length).toBeGreaterThan(300);
        const wrong = zonesFor(now as number).flatMap((zone) => {
          const found = read[`${now}|${zone}`];
          if (!found) return [`${zone}: not read back`];
          return problems(zone, now as number, found).map((p) => `${zone} ${p}`);
        });
        expect(wrong).toEqual([]);
      },
      60_000,
    );

    it('says Lord Howe starts DST at 02:00 in +10:30 (a half-hour shift), every first Sunday of October', () => {
      const text = texts.get(`${NOWS[0]}|Australia/Lord_Howe`) ?? '';
      expect(text).toContain(
        'BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1030\r\nTZOFFSETTO:+1100\r\n',
      );
      expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU\r\n');
      expect(text).toContain(
        'BEGIN:STANDARD\r\nDTSTART:20260405T020000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030\r\n',
      );
    });

    it('writes yearly rules only for changes that recur every year of the window', () => {
      // Regular zones: two observances with RRULEs.
      for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Pacific/Chatham']) {
        expect(texts.get(`${NOWS[0]}|${zone}`)?.match(/RRULE:FREQ=YEARLY/g)).toHaveLength(2);
      }
      // Mexico City ended DST in October 2022: its last change must not repeat every year.
      const mexico = texts.get(`${NOWS[2]}|America/Mexico_City`) ?? '';
      expect(mexico).not.toContain('RRULE:FREQ=YEARLY');
      expect(mexico).toContain('RDATE:20221030T020000');
      // Moscow moved to +04 for good in March 2011 (and back to +03 in 2014): no yearly rule.
      expect(texts.get(`${NOWS[1]}|Europe/Moscow`)).not.toContain('RRULE:FREQ=YEARLY');
    });
  },
);
