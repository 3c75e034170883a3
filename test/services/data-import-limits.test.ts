import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMAT_VERSION, exportFileSchema } from '../../src-main/core/export-format';
import { LATEST_VERSION } from '../../src-main/storage/migrations';
import { IMPORT_MAX_BYTES } from '../../src-main/services/import-file';
import { snapshot } from '../helpers/db-snapshot';
import { populate } from '../helpers/populate';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

const MONDAY = Date.parse('2027-03-15T08:00:00Z');

/**
 * Imports `file` into a Keel with data, and checks the refusal: its sentence and nothing written.
 * "At once" is the test's own time limit: a read of /dev/zero or a FIFO would never return.
 */
async function refusedFast(file: string, sentence: string | RegExp) {
  const { services, clock } = makeServices(MONDAY);
  await populate(services, clock);
  const before = snapshot(services.db);
  const backups = services.data.overview().backups;
  expect(() => services.data.importFile(file)).toThrow(sentence);
  expect(snapshot(services.db)).toBe(before);
  expect(services.data.overview().backups).toEqual(backups);
}

const watchdogs: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of watchdogs.splice(0)) child.kill();
});

describe('import reads only an ordinary file, at most the cap', () => {
  it('refuses /dev/zero at once', async () => {
    await refusedFast(
      '/dev/zero',
      'zero is a device or a pipe, not an ordinary file; Keel imports only files, so nothing was imported.',
    );
  });

  it('refuses a FIFO nobody writes to at once, without waiting for a writer', async () => {
    const fifo = path.join(tempDir(), 'export.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Without the fix the read would wait for ever; this writer lets it go after 5 s, so the time
    // bound fails instead of the test hanging.
    watchdogs.push(spawn('sh', ['-c', `sleep 5; : > "${fifo}"`], { stdio: 'ignore' }));
    await refusedFast(
      fifo,
      'export.json is a device or a pipe, not an ordinary file; Keel imports only files, so nothing was imported.',
    );
  });

  it('refuses a folder', async () => {
    const folder = path.join(tempDir(), 'backups.json');
    fs.mkdirSync(folder);
    await refusedFast(folder, 'backups.json is a folder, not a Keel backup; nothing was imported.');
  });

  it('refuses a file over the cap without reading it, and one just under it is read', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, IMPORT_MAX_BYTES * 2);
    await refusedFast(
      big,
      'That file is larger than any Keel backup can be (over 8 MB); nothing was imported.',
    );
    expect(IMPORT_MAX_BYTES).toBe(8 * 1024 * 1024);
    // Just over the cap in JSON is refused as too big, not read as JSON.
    const over = path.join(dir, 'over.json');
    fs.writeFileSync(over, `${' '.repeat(IMPORT_MAX_BYTES)}{}`);
    await refusedFast(
      over,
      'That file is larger than any Keel backup can be (over 8 MB); nothing was imported.',
    );
    // A file at the cap is read (and refused for what it is).
    const under = path.join(dir, 'under.json');
    fs.writeFileSync(under, `${' '.repeat(IMPORT_MAX_BYTES - 2)}{}`);
    await refusedFast(under, /^That file cannot be imported \(format /);
  });
});

describe('the zone check', () => {
  it('builds one Intl.DateTimeFormat per distinct zone, so 100,000 records in one zone parse fast', () => {
    const session = (i: number) => ({
      id: i + 1,
      kind: 'adhoc',
      occurrence_id: null,
      started_at: 1_800_000_000_000 + i * 10_000,
      planned_end: 1_800_000_000_000 + i * 10_000 + 5_000,
      ended_at: null,
      end_reason: null,
      local_date: '2027-01-15',
      zone: 'Pacific/Chatham',
    });
    const file = {
      format: 'keel-export',
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: 0,
      appVersion: 'crafted',
      schemaVersion: LATEST_VERSION,
      settings: {},
      rules: [],
      records: { focus_sessions: Array.from({ length: 100_000 }, (_, i) => session(i)) },
    };
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    const parsed = exportFileSchema.safeParse(file);
    const constructions = made.mock.calls.length;
    made.mockRestore();
    expect(parsed.success).toBe(true);
    // One construction is what made it fast (63 s before, one Intl call per record); no wall-clock
    // limit here, which would fail on a loaded machine rather than on slow code.
    expect(constructions).toBeLessThanOrEqual(1);
  });
});
