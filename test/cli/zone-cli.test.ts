import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('keel settings set zone', () => {
  it('stores the tz database’s spelling, and the exported .ics names the zone so', async () => {
    // The system zone is elsewhere, so the export can only name Berlin through the setting.
    const env = { KEEL_DATA_DIR: tempDir(), TZ: 'America/New_York' };
    const set = await runKeel(['settings', 'set', 'zone', 'europe/berlin'], env);
    expect(set).toMatchObject({ code: 0, stderr: '' });
    const got = await runKeel(['settings', 'get', 'zone', '--json'], env);
    expect(JSON.parse(got.stdout)).toBe('Europe/Berlin');
    const out = path.join(tempDir(), 'plan.ics');
    expect(await runKeel(['focus', 'export-ics', '--out', out], env)).toMatchObject({ code: 0, stderr: '' });
    const ics = fs.readFileSync(out, 'utf8');
    expect(ics).toContain('TZID:Europe/Berlin\r\n');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Berlin:/);
    expect(ics).not.toMatch(/europe\/berlin/);
  });
});
