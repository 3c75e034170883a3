import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileSchema, type ExportFile } from '../../src-main/core/export-format';
import { DATED_KEYS, RuleBook, SINCE_THE_BEGINNING, type RuleChange } from '../../src-main/core/rules';
import { resolveSettings } from '../../src-main/core/settings';
import { addLocalDays } from '../../src-main/core/time';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { openDatabase } from '../../src-main/storage/database';
import { DataRepo } from '../../src-main/storage/data-repo';
import { RuleRepo } from '../../src-main/storage/rule-repo';
import { snapshot } from '../helpers/db-snapshot';
import { readV1Export, V1_EXPORT_FILE } from '../helpers/keel-v1';
import { call, memoryDialogs, populate } from '../helpers/populate';
import { makeServices } from '../helpers/services';
import { propertyRuns } from '../support/thorough';

/** A month after the old Keel's export (its last day is 2026-02-03). */
const LATER = Date.parse('2026-03-02T09:00:00Z');
type Services = ReturnType<typeof makeServices>['services'];

const FRIDAYS_TOO = {
  mon: { start: '08:00', end: '16:00' },
  tue: { start: '08:00', end: '16:00' },
  wed: { start: '08:00', end: '16:00' },
  thu: { start: '08:00', end: '16:00' },
  fri: { start: '08:00', end: '12:00' },
  sat: null,
  sun: null,
};

function rulesOf(services: Services) {
  return services.db
    .prepare('SELECT key, effective_from AS "from", value FROM rule_changes ORDER BY key, effective_from')
    .all() as { key: string; from: string; value: string }[];
}

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('importing an export of the Keel before dated rules (format 1)', () => {
  it('takes its dated settings as in force since the beginning; a later change is dated today', () => {
    const v1 = readV1Export();
    const { services } = makeServices(LATER, 'Europe/Berlin');
    const result = services.data.importFile(V1_EXPORT_FILE);
    const records = Object.values(v1.records).reduce((n, rows) => n + rows.length, 0);
    expect(result).toMatchObject({ added: records, skipped: 0, settingsAdded: 9, settingsKept: 0 });
    expect(result.safetyCopy).not.toBeNull();

    const dated = DATED_KEYS.filter((key) => key in v1.settings).sort();
    expect(dated).toHaveLength(7);
    expect(rulesOf(services)).toEqual(
      dated.map((key) => ({ key, from: SINCE_THE_BEGINNING, value: JSON.stringify(v1.settings[key]) })),
    );
    expect(
      services.db.prepare("SELECT key FROM settings WHERE key != 'firstStartAt' ORDER BY key").all(),
    ).toEqual([{ key: 'focusWarningMinutes' }, { key: 'theme' }]);
    const old = resolveSettings(v1.settings, 'Europe/Berlin');
    expect(services.settings.get()).toEqual(old);
    expect(services.settings.on('2026-02-02')).toEqual(old);
    expect(services.settings.on('2019-06-01')).toEqual(old);
    // Its records count from their own days, before this Keel first started.
    expect(services.settings.countingFrom()).toBe(Date.parse('2026-02-02T00:00:00Z'));

    // Changing the hours now leaves the old days under the hours they had.
    services.settings.set('workingHours', FRIDAYS_TOO);
    expect(
      services.settings
        .book()
        .changesOf('workingHours')
        .map((c) => c.from),
    ).toEqual([SINCE_THE_BEGINNING, '2026-03-02']);
    expect(services.settings.get().workingHours).toEqual(FRIDAYS_TOO);
    expect(services.settings.on('2026-02-06').workingHours).toEqual(old.workingHours);
    expect(services.settings.on('2026-02-06').workingHours.fri).toBeNull();
  });

  it('keeps the settings set here, and the history of a dated one; takes the others', async () => {
    const { services } = makeServices(LATER, 'Europe/Berlin');
    await call(services, 'settings:set', { key: 'theme', value: 'light' });
    await call(services, 'settings:set', { key: 'workingHours', value: FRIDAYS_TOO });
    const result = services.data.importFile(V1_EXPORT_FILE);
    expect(result).toMatchObject({ settingsAdded: 7, settingsKept: 2 });
    expect(services.settings.get().theme).toBe('light');
    expect(services.settings.book().changesOf('workingHours')).toEqual([
      { from: '2026-03-02', value: FRIDAYS_TOO },
    ]);
    expect(services.settings.get().zone).toBe('Europe/Lisbon');
    expect(services.settings.on('2026-02-02').dayBoundary).toBe('05:00');
  });
});

/** A Keel with a history: the old export's rules since the beginning, then changes dated here. */
async function withHistory(): Promise<ReturnType<typeof makeServices>> {
  const made = makeServices(LATER, 'Europe/Berlin');
  made.services.data.importFile(V1_EXPORT_FILE);
  await populate(made.services, made.clock);
  made.services.settings.set('workingHours', FRIDAYS_TOO, { from: '2026-02-16' });
  made.services.settings.set('zone', 'Europe/Berlin', { from: '2026-04-01' });
  made.services.settings.set('holidays', [{ from: '2026-08-03', to: '2026-08-14', note: 'Summer' }]);
  return made;
}

describe('export and import with dated rules (format 2)', () => {
  it('round-trips every change of every rule', async () => {
    const from = await withHistory();
    const exported = JSON.parse(from.services.data.exportJson()) as ExportFile;
    expect(exported.formatVersion).toBe(2);
    expect(exported.settings).toEqual({ focusWarningMinutes: 10, theme: 'dark' });
    expect(exported.rules.filter((r) => r.key === 'workingHours').map((r) => r.from)).toEqual([
      SINCE_THE_BEGINNING,
      '2026-02-16',
    ]);
    expect(exported.rules).toHaveLength(rulesOf(from.services).length);

    const to = makeServices(LATER + 86_400_000, 'Europe/Berlin');
    const file = writeJson(to.dataDir, 'keel.json', exported);
    expect(to.services.data.importFile(file)).toMatchObject({ settingsAdded: 9, settingsKept: 0 });
    expect(rulesOf(to.services)).toEqual(rulesOf(from.services));
    expect(to.services.settings.book().changes()).toEqual(from.services.settings.book().changes());
    for (const date of ['2020-01-01', '2026-02-13', '2026-02-16', '2026-04-01', '2026-08-05']) {
      expect(to.services.settings.on(date), date).toEqual(from.services.settings.on(date));
    }
    const again = JSON.parse(to.services.data.exportJson()) as ExportFile;
    expect({ settings: again.settings, rules: again.rules }).toEqual({
      settings: exported.settings,
      rules: exported.rules,
    });
    // Once more: every setting is here now, so nothing comes in.
    expect(to.services.data.importFile(file)).toMatchObject({ added: 0, settingsAdded: 0, settingsKept: 9 });
  });

  it('gives a key with a history here priority over the file’s, and counts the file’s changes as skipped', async () => {
    const from = await withHistory();
    const file = JSON.parse(from.services.data.exportJson()) as ExportFile;
    const fileHours = file.rules.filter((r) => r.key === 'workingHours').length;
    const db = openDatabase(':memory:');
    new RuleRepo(db).set({ key: 'workingHours', from: '2025-01-06', value: FRIDAYS_TOO }, 1);
    const merged = new DataRepo(db).importMerge(exportFileSchema.parse(file), 2);
    expect(merged.skipped.rules).toBe(fileHours);
    expect(merged.added.rules).toBe(file.rules.length - fileHours);
    expect(merged.settings).toEqual({ added: 8, kept: 1 });
    expect(new RuleRepo(db).all().filter((r) => r.key === 'workingHours')).toEqual([
      { key: 'workingHours', from: '2025-01-06', value: FRIDAYS_TOO },
    ]);
    db.close();
  });

  const broken: [string, (file: Record<string, unknown> & { rules: unknown[] }) => void, string][] = [
    [
      'an unknown key',
      (f) => f.rules.push({ key: 'mood', from: '2026-03-01', value: 'sunny' }),
      'rules.RULE.key is not a Keel setting',
    ],
    [
      'a setting that takes effect at once',
      (f) => f.rules.push({ key: 'theme', from: '2026-03-01', value: 'dark' }),
      'rules.RULE.key takes effect at once, so it belongs in settings',
    ],
    [
      'a value its setting refuses',
      (f) => f.rules.push({ key: 'dayBoundary', from: '2026-03-01', value: '25:00' }),
      'rules.RULE.value use a 24-hour time such as 09:00',
    ],
    [
      'a date that does not exist',
      (f) => f.rules.push({ key: 'dayBoundary', from: '2026-02-30', value: '05:00' }),
      'rules.RULE.from must be a date written YYYY-MM-DD',
    ],
    [
      'two changes of one rule on one date',
      (f) => f.rules.push({ key: 'zone', from: '2026-04-01', value: 'Europe/Paris' }),
      'rules.RULE changes zone twice on 2026-04-01',
    ],
    [
      'a dated setting among the settings',
      (f) => Object.assign(f.settings as object, { zone: 'Europe/Paris' }),
      'settings.zone takes effect on a date, so it belongs in rules',
    ],
    [
      'rules in a format 1 file',
      (f) => Object.assign(f, { formatVersion: 1 }),
      'rules is not part of a version 1 export',
    ],
  ];

  it.each(broken)('refuses %s with one sentence and writes nothing', async (_name, breakIt, where) => {
    const from = await withHistory();
    const file = JSON.parse(from.services.data.exportJson()) as Record<string, unknown> & {
      rules: unknown[];
    };
    const to = await withHistory();
    breakIt(file);
    const before = snapshot(to.services.db);
    const backups = to.services.data.overview().backups;
    const chosen = writeJson(to.dataDir, 'broken.json', file);
    const result = await dispatch(
      createHandlers(
        to.services,
        memoryDialogs(() => chosen),
      ),
      'data:import',
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: `That file cannot be imported (${where.replace('RULE', String(file.rules.length - 1))}); nothing was imported.`,
      },
    });
    expect(snapshot(to.services.db)).toBe(before);
    expect(to.services.data.overview().backups).toEqual(backups);
  });
});

describe('dated rules through export and import (property)', () => {
  const values = {
    zone: ['Europe/Berlin', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'],
    workingHours: [FRIDAYS_TOO, { ...FRIDAYS_TOO, fri: null, sat: { start: '22:00', end: '02:00' } }],
    dayBoundary: ['04:00', '00:00', '05:30'],
    focusPlan: [[], [{ weekday: 'mon', start: '09:00', end: '11:00' }]],
    focusPauses: [[], [{ from: '2026-01-01', to: '2026-01-02', note: 'Offsite' }]],
    holidays: [[], [{ from: '2026-12-24', to: '2027-01-01' }]],
    checkins: [
      { cadence: null, customTags: [], burnout: false, who5: false },
      { cadence: { mode: 'daily', time: '16:00' }, customTags: ['on-call'], burnout: true, who5: false },
    ],
    oneOnOne: [null, { weekday: 'thu', time: '11:00' }],
  } as const;
  const change = fc
    .record({
      key: fc.constantFrom(...DATED_KEYS),
      day: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined, freq: 4 }),
      pick: fc.nat(),
    })
    .map(({ key, day, pick }): RuleChange => {
      const pool = values[key] as readonly unknown[];
      return {
        key,
        from: day === undefined ? SINCE_THE_BEGINNING : addLocalDays('2020-01-01', day),
        value: pool[pick % pool.length],
      };
    });

  it('a history written here reads back the same on every date after export and import', () => {
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 25 }),
        fc.array(fc.integer({ min: -10, max: 4010 }), { minLength: 1, maxLength: 8 }),
        (changes, days) => {
          const here = openDatabase(':memory:');
          const there = openDatabase(':memory:');
          try {
            for (const c of changes) new RuleRepo(here).set(c, 1);
            const file = {
              format: 'keel-export',
              formatVersion: 2,
              exportedAt: 1,
              appVersion: 'test',
              schemaVersion: 6,
              settings: {},
              rules: new DataRepo(here).exportRules(),
              records: {},
            };
            const parsed = exportFileSchema.parse(JSON.parse(JSON.stringify(file)));
            new DataRepo(there).importMerge(parsed, 2);
            expect(new RuleRepo(there).all()).toEqual(new RuleRepo(here).all());
            const base = resolveSettings({}, 'Europe/Berlin');
            const a = new RuleBook(base, new RuleRepo(here).all());
            const b = new RuleBook(base, new RuleRepo(there).all());
            for (const day of days) {
              const date = addLocalDays('2020-01-01', day);
              expect(b.on(date)).toEqual(a.on(date));
            }
          } finally {
            here.close();
            there.close();
          }
        },
      ),
      { numRuns: propertyRuns(500) },
    );
  });
});
