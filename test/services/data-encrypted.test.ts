import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_TABLES } from '../../src-main/core/export-format';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import type { Services } from '../../src-main/services';
import { snapshot } from '../helpers/db-snapshot';
import { memoryDialogs, populate } from '../helpers/populate';
import { makeServices } from '../helpers/services';

const MONDAY = Date.parse('2027-03-15T08:00:00Z');
const PASS = 'a long enough passphrase';

async function lockedBackup() {
  const from = makeServices(MONDAY);
  await populate(from.services, from.clock);
  const dialogs = memoryDialogs();
  const saved = await dispatch(createHandlers(from.services, dialogs), 'data:export', { passphrase: PASS });
  expect(saved).toEqual({
    ok: true,
    value: { saved: true, fileName: 'keel-export-2027-03-15.keel-encrypted' },
  });
  const file = path.join(from.dataDir, 'keel-export-2027-03-15.keel-encrypted');
  fs.writeFileSync(file, dialogs.saved.get('keel-export-2027-03-15.keel-encrypted') ?? '');
  return { from, file };
}

const counts = (services: Services) =>
  EXPORT_TABLES.map(
    (t) => (services.db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n,
  );

describe('an encrypted backup through the window’s channels', () => {
  it('asks for the passphrase, refuses a wrong one writing nothing, then imports with the right one', async () => {
    const { from, file } = await lockedBackup();
    expect(fs.readFileSync(file, 'latin1').startsWith('KEEL-ENCRYPTED-EXPORT v1\n')).toBe(true);
    const to = makeServices(MONDAY);
    const handlers = createHandlers(
      to.services,
      memoryDialogs(() => file),
    );
    const before = snapshot(to.services.db);
    const backups = to.services.data.overview().backups;

    const asked = await dispatch(handlers, 'data:import', {});
    expect(asked).toEqual({
      ok: true,
      value: {
        fileName: path.basename(file),
        added: 0,
        skipped: 0,
        settingsAdded: 0,
        settingsKept: 0,
        safetyCopy: null,
        needsPassphrase: true,
      },
    });
    const wrong = await dispatch(handlers, 'data:import', { passphrase: 'not the passphrase' });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'That passphrase does not open this backup.' },
    });
    expect(snapshot(to.services.db)).toBe(before);
    expect(to.services.data.overview().backups).toEqual(backups);

    // The waiting file is kept for another try: the right passphrase opens it, no dialog again.
    const right = await dispatch(handlers, 'data:import', { passphrase: PASS });
    expect(right).toMatchObject({ ok: true, value: { fileName: path.basename(file), added: 10 } });
    expect(counts(to.services)).toEqual(counts(from.services));
  }, 120_000);

  it('refuses a changed byte in one sentence and writes nothing', async () => {
    const { file } = await lockedBackup();
    const lines = fs.readFileSync(file, 'latin1').split('\n');
    const body = Buffer.from(lines[2] ?? '', 'base64');
    body[10] = (body[10] ?? 0) ^ 0x20;
    fs.writeFileSync(file, `${lines[0]}\n${lines[1]}\n${body.toString('base64')}\n`);
    const to = makeServices(MONDAY);
    const before = snapshot(to.services.db);
    const backups = to.services.data.overview().backups;
    const result = await dispatch(
      createHandlers(
        to.services,
        memoryDialogs(() => file),
      ),
      'data:import',
      { passphrase: PASS },
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'That passphrase does not open this backup.' },
    });
    expect(snapshot(to.services.db)).toBe(before);
    expect(to.services.data.overview().backups).toEqual(backups);
  }, 120_000);

  it('takes no passphrase shorter than 8 characters for a new backup', async () => {
    const { services } = makeServices(MONDAY);
    const dialogs = memoryDialogs();
    expect(await dispatch(createHandlers(services, dialogs), 'data:export', { passphrase: 'short' })).toEqual(
      {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'passphrase: Use a passphrase of at least 8 characters.',
          field: { path: ['passphrase'], message: 'Use a passphrase of at least 8 characters.' },
        },
      },
    );
    expect(dialogs.saved.size).toBe(0);
  });
});
