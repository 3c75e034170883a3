import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalZone } from '../../src-main/core/zone-name';
import { resolveSettings, settingSchemas } from '../../src-main/core/settings';
import { exportRecordSchemas } from '../../src-main/core/export-format';
import { isValidZone } from '../../src-main/core/time';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the zone setting’s spelling', () => {
  it('is the tz database’s: the case fixed, the user’s own name (alias or not) kept', () => {
    expect(canonicalZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalZone('EUROPE/BERLIN')).toBe('Europe/Berlin');
    expect(canonicalZone(' Europe/Berlin ')).toBe('Europe/Berlin');
    expect(canonicalZone('america/argentina/buenos_aires')).toBe('America/Argentina/Buenos_Aires');
    expect(canonicalZone('america/port-au-prince')).toBe('America/Port-au-Prince');
    expect(canonicalZone('etc/gmt+5')).toBe('Etc/GMT+5');
    expect(canonicalZone('utc')).toBe('UTC');
    // Links of the database stay as chosen, however the runtime's CLDR data names the zone.
    expect(canonicalZone('us/pacific')).toBe('US/Pacific');
    expect(canonicalZone('asia/kolkata')).toBe('Asia/Kolkata');
    expect(canonicalZone('Asia/Calcutta')).toBe('Asia/Calcutta');
    expect(canonicalZone('europe/kyiv')).toBe('Europe/Kyiv');
  });

  it('is null for what names no zone', () => {
    for (const name of [
      '',
      '   ',
      'Mars/Olympus',
      '+01:00',
      'Europe/Berlin\u0000',
      '../etc/passwd',
      'x'.repeat(300),
    ]) {
      expect(canonicalZone(name)).toBeNull();
    }
  });

  it('is a fixed point: the stored spelling reads back as itself', () => {
    for (const name of ['europe/berlin', 'us/pacific', 'etc/gmt-14', 'asia/ho_chi_minh']) {
      const once = canonicalZone(name) as string;
      expect(canonicalZone(once)).toBe(once);
    }
  });

  it('costs at most one Intl.DateTimeFormat per distinct name, however often it is asked', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    for (let i = 0; i < 5_000; i++) {
      canonicalZone('pacific/chatham');
      isValidZone('Pacific/Chatham');
      canonicalZone('Nowhere/Land');
      isValidZone('Nowhere/Land');
    }
    // One per name and question (spelling, validity): not one per call.
    expect(made.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('setting "europe/berlin" stores "Europe/Berlin"; a stored lower-case zone reads back spelled', () => {
    expect(settingSchemas.zone.parse('europe/berlin')).toBe('Europe/Berlin');
    expect(settingSchemas.zone.safeParse('Mars/Olympus').error?.issues[0]?.message).toBe(
      'That is not a time zone Keel knows; type a city and pick its zone, such as Europe/Berlin.',
    );
    // A city alone, in any case or spacing, is answered with the zone it is in.
    expect(settingSchemas.zone.safeParse('Berlin').error?.issues[0]?.message).toBe(
      'That is not a time zone Keel knows; did you mean Europe/Berlin?',
    );
    expect(settingSchemas.zone.safeParse('new york').error?.issues[0]?.message).toMatch(
      /America\/New_York\?$/,
    );
    expect(resolveSettings({ zone: 'america/new_york' }, 'UTC').zone).toBe('America/New_York');
  });

  it('an imported record’s zone is spelled the same way', () => {
    const parsed = exportRecordSchemas.focus_sessions.parse({
      id: 1,
      kind: 'adhoc',
      occurrence_id: null,
      started_at: 1_000,
      planned_end: 2_000,
      ended_at: null,
      end_reason: null,
      local_date: '2027-03-15',
      zone: 'europe/berlin',
    });
    expect(parsed.zone).toBe('Europe/Berlin');
  });
});
