// Real calendar reading (core/ics/read.ts) through the real worker: a 20 MB export is read right,
// and the hostile files of issue #15 are answered within a second, the absurd parts dropped.
// How fast the 20 MB file reads is bench figure 7, not a test.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Occurrence } from '../../src-main/core/ics/types';
import type { WorkerCalendarParserOptions } from '../../src-main/platform/calendar-parser';
import type { CalendarParseOutcome } from '../../src-main/services/ports/calendar-parser';
import {
  KNOWN,
  manyZonesCalendar,
  minutelyZoneCalendar,
  OWNER,
  realisticCalendar,
  undefinedZonesCalendar,
} from '../../bench/lib/calendar-files';
import { timeBound, workerParser } from '../helpers/calendar-worker';
import { tempDir } from '../helpers/temp';

const DAY = 86_400_000;
const MARCH = { from: Date.parse('2027-03-01T00:00:00Z'), to: Date.parse('2027-04-01T00:00:00Z') };

function written(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

async function readInWorker(file: string, window = MARCH, options: WorkerCalendarParserOptions = {}) {
  const parser = await workerParser(options);
  const started = performance.now();
  const outcome = await parser.parse({
    filePath: file,
    ...window,
    zone: 'Europe/Berlin',
    addresses: [OWNER],
  });
  return { outcome, ms: performance.now() - started };
}

function read(outcome: CalendarParseOutcome) {
  if (!outcome.ok) throw new Error(`expected a calendar, got ${outcome.failure}: ${outcome.message}`);
  return outcome;
}

const shown = (o: Occurrence) => ({
  uid: o.uid,
  start: new Date(o.start).toISOString(),
  end: new Date(o.end).toISOString(),
  status: o.status,
});

describe('a 20 MB Exchange-style export, through the worker', () => {
  it('is read whole: the planted meetings at their right times and statuses', async () => {
    const generated = realisticCalendar(20 * 1024 * 1024);
    expect(generated.bytes).toBeGreaterThan(20 * 1024 * 1024 - 100);
    const file = written('export.ics', generated.text);
    // Correctness, not speed (bench figure 7): a test machine may be busy well beyond the deadline.
    const { outcome } = await readInWorker(file, MARCH, { timeoutMs: 110_000 });
    const { occurrences, stats, file: info } = read(outcome);
    expect(info.size).toBe(generated.bytes);
    expect(stats).toMatchObject({ events: generated.events, unreadableEvents: 0, droppedSeries: 0 });
    const known = occurrences.filter((o) => o.uid.startsWith('known-')).map(shown);
    for (const expected of Object.values(KNOWN)) expect(known).toContainEqual(expected);
    // The standup (weekdays since 2016, COUNT=9999) is there every weekday of March 2027.
    expect(occurrences.filter((o) => o.uid === KNOWN.standupBefore.uid)).toHaveLength(23);
    // Sorted by start, all inside the window.
    expect(occurrences.every((o, i) => i === 0 || occurrences[i - 1]!.start <= o.start)).toBe(true);
    expect(occurrences.every((o) => o.start < MARCH.to && o.end >= MARCH.from)).toBe(true);
  }, 120_000);
});

describe('hostile calendars, through the worker', () => {
  it('a VTIMEZONE repeating every minute since 1601 is answered within a second', async () => {
    const { outcome, ms } = await readInWorker(written('minutely.ics', minutelyZoneCalendar()));
    expect(ms).toBeLessThan(timeBound(1000));
    // Either the event is read (the absurd rule dropped or jumped over) or the file refused; never
    // a hang or a crash.
    if (outcome.ok) expect(outcome.occurrences.length).toBeLessThanOrEqual(1);
    else expect(outcome.failure).not.toMatch(/too-slow|too-much-memory|unreadable/);
  });

  it('5,000 VTIMEZONEs, each named by an event, are read within a second', async () => {
    const { outcome, ms } = await readInWorker(written('zones.ics', manyZonesCalendar(5000)));
    expect(ms).toBeLessThan(timeBound(1000));
    expect(read(outcome).stats.events).toBe(5000);
  });

  it('5,000 events naming zones nobody defines are read within a second', async () => {
    const { outcome, ms } = await readInWorker(written('undefined.ics', undefinedZonesCalendar(5000)));
    expect(ms).toBeLessThan(timeBound(1000));
    expect(read(outcome).stats.events).toBe(5000);
  });

  it('the minutely zone asked for a long window still answers within a second', async () => {
    const window = {
      from: Date.parse('2020-01-01T00:00:00Z'),
      to: Date.parse('2020-01-01T00:00:00Z') + 3000 * DAY,
    };
    const { ms } = await readInWorker(written('minutely.ics', minutelyZoneCalendar()), window);
    expect(ms).toBeLessThan(timeBound(1000));
  });
});
