import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src-main/core/ics/content';
import { wallOf } from '../../src-main/core/ics/wall';
import { WINDOWS_ZONE_ALIASES, WINDOWS_ZONE_IDS } from '../../src-main/core/ics/windows-zones';
import { WINDOWS_DISPLAY_NAMES } from '../../src-main/core/ics/zone-display-names';
import {
  ianaZone,
  instantToWall,
  resolveTzid,
  UTC_ZONE,
  vtimezoneZone,
  wallToInstant,
  type Zone,
} from '../../src-main/core/ics/zones';

const HOUR = 3_600_000;

function fixtureZone(name: string): Zone {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'zones', name), 'utf8');
  return vtimezoneZone(readContent(text)!.calendar.children.find((c) => c.name === 'VTIMEZONE')!)!;
}

/** Whether a name is one Intl knows, spelled as Intl spells it. */
function intlName(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

describe('resolveTzid', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['"America/New_York"', 'America/New_York'],
    ['US/Eastern', 'America/New_York'],
    ['America/Los Angeles', 'America/Los_Angeles'],
    ['/mozilla.org/20050126_1/Europe/Berlin', 'Europe/Berlin'],
    ['/mozilla.org/20070129_1/America/Argentina/Buenos_Aires', intlName('America/Argentina/Buenos_Aires')],
    ['/citadel.org/20190914_1/Europe/Berlin', 'Europe/Berlin'],
    ['/freeassociation.sourceforge.net/Tzfile/Europe/Berlin', 'Europe/Berlin'],
    ['/freeassociation.sourceforge.net/Europe/Berlin', 'Europe/Berlin'],
    ['/softwarestudio.org/Olson_20011030_5/America/New_York', 'America/New_York'],
    ['/softwarestudio.org/Tzfile/Pacific/Chatham', 'Pacific/Chatham'],
    ['/github.com/libical/tzdbics/20221031_2008d/Australia/Lord_Howe', 'Australia/Lord_Howe'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['w. europe standard time', 'Europe/Berlin'],
    ['Eastern Standard Time', 'America/New_York'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['Lord Howe Standard Time', 'Australia/Lord_Howe'],
    ['Chatham Islands Standard Time', 'Pacific/Chatham'],
    ['Russia TZ 2 Standard Time', 'Europe/Moscow'],
    ['W Europe Standard Time', 'Europe/Berlin'],
    ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['(GMT-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['(GMT-05:00) Eastern Time (US and Canada)', 'America/New_York'],
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
    ['(GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
    // Outlook sometimes writes the summer offset in the prefix.
    ['(UTC+02:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
    ['(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London', 'Europe/London'],
    ['(UTC+10:30) Lord Howe Island', 'Australia/Lord_Howe'],
    ['(UTC+12:45) Chatham Islands', 'Pacific/Chatham'],
    ['(UTC-03:00) Brasília', 'America/Sao_Paulo'],
    ['(GMT-11:00) Midway Island, Samoa', 'Etc/GMT+11'],
    ['(UTC) Co-ordinated Universal Time', 'UTC'],
    ['UTC', 'UTC'],
    ['Z', 'UTC'],
    ['GMT', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['UTC+5', 'Etc/GMT-5'],
    ['GMT-3', 'Etc/GMT+3'],
    ['UTC-11', 'Etc/GMT+11'],
    ['UTC+05:30', '+05:30'],
    ['GMT+0545', '+05:45'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
  ])('%s → %s', (tzid, expected) => {
    expect(resolveTzid(tzid)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'Foo',
    'Mars/Olympus_Mons',
    'custom_America/New_York',
    'Western/Central Europe',
    'GMT +0100 (Standard) / GMT +0200 (Daylight)',
    '(UTC+01:00) Nowhere in particular',
    'UTC+25',
    'Europe/Berlin/Extra',
    'x'.repeat(500),
  ])('%j resolves to nothing', (tzid) => {
    expect(resolveTzid(tzid)).toBeNull();
  });

  it('maps every Windows id of CLDR, and every other name, to a zone the runtime has', () => {
    expect(WINDOWS_ZONE_IDS.length).toBe(139);
    for (const [id, iana] of WINDOWS_ZONE_IDS) expect(resolveTzid(id), id).toBe(intlName(iana));
    for (const [alias, id] of WINDOWS_ZONE_ALIASES) {
      expect(resolveTzid(alias), alias).toBe(resolveTzid(id));
    }
  });

  it('maps every display name, with its prefix in either form, to the zone of its Windows id', () => {
    for (const [offset, text, id] of WINDOWS_DISPLAY_NAMES) {
      const expected = resolveTzid(id);
      expect(expected, id).not.toBeNull();
      const prefix = offset === '+00:00' ? '' : offset;
      expect(resolveTzid(`(UTC${prefix}) ${text}`), text).toBe(expected);
      expect(resolveTzid(`(GMT${prefix}) ${text}`), text).toBe(expected);
    }
  });

  it('answers 5,000 made-up TZIDs in well under a second (none is offered to Intl)', () => {
    const shapes = [
      (i: number) => `Zone ${i} (custom)`,
      (i: number) => `/vendor.example/${i}/Not/A_Zone`,
      (i: number) => `Zone${i}`,
      (i: number) => `America/Nowhere_${i}`,
    ];
    const started = performance.now();
    const resolved: (string | null)[] = [];
    for (let i = 0; i < 5000; i++) resolved.push(resolveTzid(shapes[i % shapes.length]!(i)));
    const elapsed = performance.now() - started;
    expect(resolved.filter((r) => r !== null)).toEqual([]);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('ianaZone', () => {
  it('is the runtime zone, memoised, named as Intl names it', () => {
    const zone = ianaZone('US/Eastern')!;
    expect(zone.id).toBe('America/New_York');
    expect(ianaZone('US/Eastern')).toBe(zone);
    expect(zone.offsetAt(Date.parse('2027-07-01T12:00:00Z'))).toBe(-4 * HOUR);
    expect(ianaZone('Mars/Olympus_Mons')).toBeNull();
    expect(ianaZone('UTC')!.offsetAt(0)).toBe(0);
    expect(ianaZone('+05:30')!.offsetAt(0)).toBe(5.5 * HOUR);
    expect(UTC_ZONE.offsetAt(Date.parse('2027-07-01'))).toBe(0);
  });

  it('gets offsets between −1 h and 0 right (Monrovia was −00:44:30 until 1972)', () => {
    expect(ianaZone('Africa/Monrovia')!.offsetAt(Date.UTC(1971, 5, 1))).toBe(-(44 * 60 + 30) * 1000);
  });

  it('reads a change inside a quarter hour to the second', () => {
    // St John's changed at 00:01 local until 2011: 2010-03-14 00:01 −03:30 is 03:31Z.
    const zone = ianaZone('America/St_Johns')!;
    expect(zone.offsetAt(Date.parse('2010-03-14T03:30:59Z'))).toBe(-3.5 * HOUR);
    expect(zone.offsetAt(Date.parse('2010-03-14T03:31:00Z'))).toBe(-2.5 * HOUR);
  });
});

/*
 * RFC 5545 §3.3.5 on the changes of 2027, in five zones, both with the runtime's zone and with the
 * zone read from libical's VTIMEZONE for it: a skipped wall time is read with the offset before
 * the gap, a repeated one is its first occurrence.
 */
const EXAMPLES: readonly [zone: string, wall: string, utc: string, what: string][] = [
  ['Australia/Lord_Howe', '2027-10-03T02:15', '2027-10-02T15:45:00Z', 'skipped (30-minute gap at 02:00)'],
  ['Australia/Lord_Howe', '2027-04-04T01:45', '2027-04-03T14:45:00Z', 'repeated: first, at +11:00'],
  ['Australia/Lord_Howe', '2027-07-01T09:00', '2027-06-30T22:30:00Z', 'winter, +10:30'],
  ['America/New_York', '2027-03-14T02:30', '2027-03-14T07:30:00Z', 'skipped: read at −05:00'],
  ['America/New_York', '2027-11-07T01:30', '2027-11-07T05:30:00Z', 'repeated: first, at −04:00'],
  ['Europe/Berlin', '2027-03-28T02:15', '2027-03-28T01:15:00Z', 'skipped: read at +01:00'],
  ['Europe/Berlin', '2027-10-31T02:30', '2027-10-31T00:30:00Z', 'repeated: first, at +02:00'],
  ['Pacific/Chatham', '2027-09-26T03:00', '2027-09-25T14:15:00Z', 'skipped (gap at 02:45): read at +12:45'],
  ['Pacific/Chatham', '2027-04-04T03:00', '2027-04-03T13:15:00Z', 'repeated: first, at +13:45'],
  ['Australia/Sydney', '2027-10-03T02:30', '2027-10-02T16:30:00Z', 'skipped: read at +10:00'],
  ['Australia/Sydney', '2027-04-04T02:30', '2027-04-03T15:30:00Z', 'repeated: first, at +11:00'],
];

describe('wallToInstant on the 2027 changes', () => {
  const wall = (text: string) => {
    const [date, time] = text.split('T') as [string, string];
    const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
    const [h, mi] = time.split(':').map(Number) as [number, number];
    return wallOf(y, mo, d, h, mi);
  };

  it.each(EXAMPLES)('%s %s → %s (%s)', (zone, local, utc) => {
    const fromVtimezone = fixtureZone(`libical-tzdbics-${zone.replace('/', '-')}.ics`);
    for (const z of [ianaZone(zone)!, fromVtimezone]) {
      const instant = wallToInstant(wall(local), z);
      expect(new Date(instant).toISOString().replace('.000', ''), z.id).toBe(utc);
      // The instant shows the wall time, or (skipped) the same distance after the gap.
      expect(instantToWall(instant, z) - wall(local)).toBeGreaterThanOrEqual(0);
    }
  });
});
