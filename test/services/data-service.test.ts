import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_VERSION, EXPORT_TABLES, type ExportFile } from '../../src-main/core/export-format';
import { LATEST_VERSION } from '../../src-main/storage/migrations';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { snapshot } from '../helpers/db-snapshot';
import { call, memoryDialogs, populate } from '../helpers/populate';
import { makeServices } from '../helpers/services';
import { propertyRuns } from '../support/thorough';

const MONDAY = Date.parse('2027-03-15T08:00:00Z');

function exportOf(services: ReturnType<typeof makeServices>['services']): ExportFile {
  return JSON.parse(services.data.exportJson()) as ExportFile;
}

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

/** Every table's rows without the focus tables' machine-local row ids. */
function contentOf(db: ReturnType<typeof makeServices>['services']['db']) {
  const strip = (rows: Record<string, unknown>[]) =>
    rows.map(({ id: _id, session_id: _session, ...rest }) => rest);
  return Object.fromEntries(
    EXPORT_TABLES.map((t) => {
      const rows = db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all() as Record<string, unknown>[];
      return [t, ['focus_sessions', 'interruptions', 'resume_cues'].includes(t) ? strip(rows) : rows];
    }),
  );
}

describe('export', () => {
  it('writes every record, the settings and the dated rules as versioned JSON', async () => {
    const { services, clock } = makeServices(MONDAY);
    await populate(services, clock);
    const file = exportOf(services);
    expect(file).toMatchObject({
      format: 'keel-export',
      formatVersion: 2,
      schemaVersion: LATEST_VERSION,
      appVersion: '0.0.0-test',
    });
    // Settings that take effect on a date are in `rules`, each change with its date; the others
    // in `settings`.
    expect(file.settings).toEqual({ theme: 'dark' });
    expect(file.rules).toEqual([
      {
        key: 'checkins',
        from: '2027-03-15',
        value: { cadence: null, customTags: [], burnout: false, who5: true },
      },
    ]);
    for (const table of EXPORT_TABLES) {
      const count = (services.db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      expect(file.records[table], table).toHaveLength(count);
    }
    expect(file.records.checkins.map((c) => c.note).sort()).toEqual([
      'Note A: too many meetings',
      'Private A',
    ]);
    expect(file.records.workdays[0]?.unfinished).toEqual([
      { item: 'Review A', plan: '10:00 after stand-up' },
    ]);
    expect(file.records.interruptions[0]).toMatchObject({ kind: 'chat', note: 'Ping A' });
    // Keel's own bookkeeping (the calendar file's path, notices) is not the user's data.
    expect(Object.keys(file.settings)).not.toContain('calendarFile');
  });

  it('goes through main’s save dialog, which names the file', async () => {
    const { services, clock } = makeServices(MONDAY);
    await populate(services, clock);
    const dialogs = memoryDialogs();
    expect(await call(services, 'data:export', {}, dialogs)).toEqual({
      saved: true,
      fileName: 'keel-export-2027-03-15.json',
    });
    expect(JSON.parse(dialogs.saved.get('keel-export-2027-03-15.json') ?? '')).toEqual(exportOf(services));
  });
});

describe('import', () => {
  it('restores everything into an empty Keel, and importing again adds nothing', async () => {
    const from = makeServices(MONDAY);
    await populate(from.services, from.clock);
    const file = writeJson(from.dataDir, 'export.json', from.services.data.exportJson());

    const to = makeServices(MONDAY);
    const first = to.services.data.importFile(file);
    expect(first).toMatchObject({ added: 10, skipped: 0, settingsAdded: 2, settingsKept: 0 });
    expect(contentOf(to.services.db)).toEqual(contentOf(from.services.db));
    expect(to.services.settings.get().theme).toBe('dark');
    expect(to.services.settings.get().checkins.who5).toBe(true);
    // Interruptions and cues follow their (renumbered) focus block.
    const joined = to.services.db
      .prepare(
        'SELECT s.started_at, i.note FROM interruptions i JOIN focus_sessions s ON s.id = i.session_id',
      )
      .all();
    expect(joined).toEqual(
      from.services.db
        .prepare(
          'SELECT s.started_at, i.note FROM interruptions i JOIN focus_sessions s ON s.id = i.session_id',
        )
        .all(),
    );

    const before = snapshot(to.services.db);
    const backups = to.services.data.overview().backups;
    const second = to.services.data.importFile(file);
    expect(second).toMatchObject({
      added: 0,
      skipped: first.added,
      settingsAdded: 0,
      settingsKept: 2,
      safetyCopy: null,
    });
    expect(snapshot(to.services.db)).toBe(before);
    // Nothing changed, so no safety copy pushes an older one (a restore's undo) out.
    expect(to.services.data.overview().backups).toEqual(backups);
  });

  it('merges two machines’ data without duplicates; settings already set here win', async () => {
    const laptop = makeServices(MONDAY);
    await populate(laptop.services, laptop.clock, 'laptop');
    const desktop = makeServices(MONDAY + 86_400_000);
    await populate(desktop.services, desktop.clock, 'desktop');
    await call(desktop.services, 'settings:set', { key: 'theme', value: 'light' });
    const file = writeJson(laptop.dataDir, 'laptop.json', laptop.services.data.exportJson());

    desktop.services.data.importFile(file);
    desktop.services.data.importFile(file);
    const notes = desktop.services.db.prepare('SELECT note FROM checkins ORDER BY note').all();
    expect(notes).toEqual(
      [
        'Note desktop: too many meetings',
        'Note laptop: too many meetings',
        'Private desktop',
        'Private laptop',
      ].map((note) => ({ note })),
    );
    expect(desktop.services.db.prepare('SELECT count(*) AS n FROM focus_sessions').get()).toEqual({ n: 2 });
    expect(desktop.services.db.prepare('SELECT count(*) AS n FROM talking_points').get()).toEqual({ n: 4 });
    expect(desktop.services.settings.get().theme).toBe('light');
  });

  it('keeps a safety copy of the data as it was before the import', async () => {
    const from = makeServices(MONDAY);
    await populate(from.services, from.clock);
    const file = writeJson(from.dataDir, 'export.json', from.services.data.exportJson());
    const to = makeServices(MONDAY);
    const result = to.services.data.importFile(file);
    const safety = to.services.data.overview().backups.find((b) => b.id === result.safetyCopy?.id);
    expect(safety?.kind).toBe('safety');
    const copy = new Database(path.join(to.dataDir, 'backups', 'safety', `keel-${safety?.id.slice(7)}.db`), {
      readonly: true,
    });
    expect(copy.prepare('SELECT count(*) AS n FROM checkins').get()).toEqual({ n: 0 });
    copy.close();
  });

  it.each([
    ['not JSON', '{ "format": "keel-export", ', 'That file is not JSON'],
    ['another app’s JSON', { hello: 'world' }, 'format is not a Keel backup'],
    [
      'a newer format',
      { format: 'keel-export', formatVersion: EXPORT_FORMAT_VERSION + 1 },
      'formatVersion is from a newer Keel',
    ],
  ])('refuses %s with one sentence and changes nothing', async (_name, content, sentence) => {
    const { services, clock, dataDir } = makeServices(MONDAY);
    await populate(services, clock);
    const before = snapshot(services.db);
    const backups = services.data.overview().backups;
    const result = await dispatch(
      createHandlers(
        services,
        memoryDialogs(() => writeJson(dataDir, 'bad.json', content)),
      ),
      'data:import',
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toContain(sentence);
    expect(!result.ok && result.error.message).toMatch(/nothing was imported\.$/);
    expect(snapshot(services.db)).toBe(before);
    expect(services.data.overview().backups).toEqual(backups);
  });

  it('validates every field: one wrong value anywhere changes nothing', async () => {
    const from = makeServices(MONDAY);
    await populate(from.services, from.clock, 'source');
    const valid = exportOf(from.services);
    const to = makeServices(MONDAY);
    await populate(to.services, to.clock, 'here');
    let before = snapshot(to.services.db);
    const fields = EXPORT_TABLES.flatMap((table) =>
      valid.records[table].length === 0
        ? []
        : Object.keys(valid.records[table][0] as object).map((field) => [table, field] as const),
    );
    expect(fields.length).toBeGreaterThan(60);
    const wrong = fc.oneof(
      fc.constant({}),
      fc.constant([{}]),
      fc.constant(-1),
      fc.constant('x'.repeat(3000)),
      fc.constant(1.5),
      fc.constant(true),
      fc.constant('2027-02-30'),
    );
    const runs = propertyRuns(300);
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...fields), wrong, ([table, field], value) => {
        const broken = structuredClone(valid) as unknown as {
          records: Record<string, Record<string, unknown>[]>;
        };
        const record = broken.records[table]?.[0];
        if (!record) return;
        const original = record[field];
        // Some "wrong" values are right for some fields (a 1.5 is never right, 'x'×3000 never).
        if (typeof original === typeof value && typeof value !== 'number' && typeof value !== 'string')
          return;
        record[field] = value;
        const file = writeJson(to.dataDir, 'broken.json', broken);
        let threw = false;
        try {
          to.services.data.importFile(file);
        } catch (error) {
          threw = true;
          expect((error as Error).message).toMatch(/^That file cannot be imported \(records\./);
        }
        if (threw) refused++;
        expect(threw, `${table}.${field} = ${JSON.stringify(value).slice(0, 40)}`).toBe(
          !isAcceptable(table, field, value),
        );
        if (threw) expect(snapshot(to.services.db)).toBe(before);
        else before = snapshot(to.services.db);
      }),
      {
        numRuns: runs,
        seed: 20271115,
        endOnFailure: true,
        // Found by a thorough run: a share's kind took any text, though the share log knows four.
        examples: [[['shares', 'kind'], '2027-02-30']],
      },
    );
    // Most cases must be refusals (200 of 300), or the property would prove little.
    expect(refused).toBeGreaterThan((runs * 2) / 3);
  });
});

/** The few wrong-looking values that are in fact valid for a field. */
function isAcceptable(table: string, field: string, value: unknown): boolean {
  if (value === -1 || value === true || (typeof value === 'object' && value !== null)) return false;
  if (typeof value === 'string') {
    // Free text fields take any string up to their limit; 3000 characters is over every limit.
    if (value === '2027-02-30')
      return ['prompt_id', 'occurrence_id', 'text', 'note', 'done', 'first_tomorrow'].includes(field);
    return false;
  }
  return false;
}

describe('delete all my data', () => {
  it('says the data was deleted even when wiping the free space fails afterwards', async () => {
    const { services, clock } = makeServices(MONDAY);
    await populate(services, clock);
    services.data.backupIfDue();
    const exec = services.db.exec.bind(services.db);
    services.db.exec = (sql: string) => {
      if (sql === 'VACUUM')
        throw Object.assign(new Error('database or disk is full'), {
          name: 'SqliteError',
          code: 'SQLITE_FULL',
        });
      return exec(sql);
    };
    const result = await dispatch(createHandlers(services), 'data:deleteAll', { confirm: true });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'storage',
        message:
          'Your data and its backups were deleted, but Keel could not yet wipe the space they used in its data file; choose Delete all my data again to finish.',
      },
    });
    expect(Object.values(services.data.overview().counts).every((n) => n === 0)).toBe(true);
    expect(services.data.overview().backups).toEqual([]);
  });

  it('needs the confirmation, then removes every record, setting and backup; do-not-disturb bookkeeping stays', async () => {
    const { services, clock, dataDir } = makeServices(MONDAY);
    await populate(services, clock);
    services.data.backupIfDue();
    services.db
      .prepare(
        "INSERT INTO dnd_state (id, adapter, prior, changed_at) VALUES (1, 'gnome', '{\"on\":false}', 1)",
      )
      .run();
    const handlers = createHandlers(services);
    expect(services.db.prepare('SELECT count(*) AS n FROM rule_changes').get()).toEqual({ n: 1 });
    const before = snapshot(services.db);
    expect(await dispatch(handlers, 'data:deleteAll', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await dispatch(handlers, 'data:deleteAll', { confirm: false })).toMatchObject({ ok: false });
    expect(snapshot(services.db)).toBe(before);

    expect(await dispatch(handlers, 'data:deleteAll', { confirm: true })).toEqual({
      ok: true,
      value: { deleted: true },
    });
    const counts = services.data.overview().counts;
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(services.db.prepare('SELECT count(*) AS n FROM rule_changes').get()).toEqual({ n: 0 });
    // Only Keel's bookkeeping is left: the data starts anew now, and its figures count from now.
    expect(services.db.prepare('SELECT key, value FROM settings').all()).toEqual([
      { key: 'firstStartAt', value: String(clock.now()) },
    ]);
    expect(services.settings.countingFrom()).toBe(clock.now());
    expect(services.settings.get().theme).toBe('system');
    expect(services.settings.get().checkins.who5).toBe(false);
    expect(services.db.prepare('SELECT adapter FROM dnd_state').all()).toEqual([{ adapter: 'gnome' }]);
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
    expect(services.data.overview().backups).toEqual([]);
    // The text is gone from the file itself, not just hidden: no free page or WAL frame keeps it.
    for (const name of fs.readdirSync(dataDir).filter((f) => f.startsWith('keel.db'))) {
      expect(fs.readFileSync(path.join(dataDir, name)).includes('too many meetings'), name).toBe(false);
    }
  });
});
