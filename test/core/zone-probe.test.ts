import { describe, expect, it } from 'vitest';

/**
 * The core tests run once in the machine's zone (project "node") and once in each zone of the
 * core-* projects in vitest.config.mts, which set TZ in the worker's environment. This file proves the zone really reached the worker: a TZ set after Node started
 * would change process.env but not Date, and the zone runs would test the machine's zone again.
 */

/** Minutes from local time to UTC (`getTimezoneOffset`) in mid-January and mid-July 2027. */
const OFFSETS: Record<string, { january: number; july: number }> = {
  'America/New_York': { january: 300, july: 240 },
  'Asia/Kolkata': { january: -330, july: -330 },
  // Half-hour DST: +11:00 in the southern summer, +10:30 in winter.
  'Australia/Lord_Howe': { january: -660, july: -630 },
};

const JANUARY = new Date(Date.UTC(2027, 0, 15, 12));
const JULY = new Date(Date.UTC(2027, 6, 15, 12));

/** The offset `getTimezoneOffset` should give in `zone` at `at`, from Intl alone. */
function intlOffset(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return (at.getTime() - local) / 60_000;
}

describe('the process time zone', () => {
  it('is the same for Date and Intl', () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(JANUARY.getTimezoneOffset()).toBe(intlOffset(zone, JANUARY));
    expect(JULY.getTimezoneOffset()).toBe(intlOffset(zone, JULY));
  });

  // The zone each core-* project must run in, by project name (not from the environment under
  // test: if the env never reached the worker, a probe keyed on it would silently not run).
  const ZONE_OF_PROJECT: Record<string, string> = {
    'core-new-york': 'America/New_York',
    'core-kolkata': 'Asia/Kolkata',
    'core-lord-howe': 'Australia/Lord_Howe',
  };

  it('is the zone its project asked for (every core-* project names one)', ({ task }) => {
    const project = task.file.projectName ?? '';
    const expected = ZONE_OF_PROJECT[project];
    if (!project.startsWith('core-')) return;
    expect(expected, `no zone known for project ${project}`).toBeDefined();
    expect(process.env.TZ).toBe(expected);
    // ICU names some zones by an older alias (Asia/Kolkata is Asia/Calcutta): compare its names.
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: expected }).resolvedOptions().timeZone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(canonical);
    expect({ january: JANUARY.getTimezoneOffset(), july: JULY.getTimezoneOffset() }).toEqual(
      OFFSETS[expected as string],
    );
  });
});
