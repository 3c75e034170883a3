/**
 * Figure 1: appending one check-in to five years of history.
 *
 * (keel) What the window pays: `dispatch(handlers, 'checkin:add', payload)` — the IPC contract's
 *        zod validation, the handler, CheckinService.add (normalisation, a random UUID, the local
 *        date in the user's zone) and CheckinRepo's prepared INSERT, on a database opened by
 *        `createServices` (WAL, synchronous=NORMAL, foreign keys, migrations checked).
 * (bare) The limit: the same INSERT prepared on the same file with the same pragmas, given a
 *        ready row. Nothing else.
 * (conf) `conf`, the JSON store under electron-store, holding the same check-ins as one array,
 *        appended to as its users do: `set('checkins', [...get('checkins'), record])`.
 * Plus, for context: the same IPC call with the running app listening (createKeelApp's app re-plans
 * its one timer after every check and pushes a state event), which is what the app does next.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { type Checkin } from '../../src-main/core/checkin';
import { ManualClock } from '../../src-main/core/clock';
import { toLocalIso } from '../../src-main/core/time';
import { dispatch } from '../../src-main/ipc/dispatch';
import { databasePath } from '../../src-main/storage/paths';
import { benchApp } from '../lib/app';
import { fakeUuid, prng, type Random } from '../lib/dataset';
import { emit, log, round, time, timeAsync, timing, type Sample } from '../lib/report';
import { copyDataset, DATA_FROM, DATA_TO, NOW, removeDir, tempDir, ZONE } from '../lib/world';

const KEEL_RUNS = { warmup: 200, iterations: 2000 };
/** With the shell listening each call re-plans (milliseconds): fewer runs keep the bench short. */
const SHELL_RUNS = { warmup: 20, iterations: 300 };
const BARE_RUNS = { warmup: 200, iterations: 2000 };
const CONF_RUNS = { warmup: 3, iterations: 25 };

const TAGS = ['meetings', 'deadlines', 'Context switching', 'on-call', 'code review'];

/** What the window sends: varied answers, sometimes a note (the window's raw JSON, unvalidated). */
function payloads(rnd: Random, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    workload: 1 + Math.floor(rnd() * 5),
    energy: 1 + Math.floor(rnd() * 5),
    sustainable: (['yes', 'mostly', 'no'] as const)[i % 3],
    stretched: TAGS.slice(0, Math.floor(rnd() * 3)),
    ...(i % 3 === 0
      ? { note: '  Release week, a lot of reviews.\r\nFine otherwise.  ', shareable: true }
      : {}),
  }));
}

async function measureKeel(baseDir: string, withRuntime: boolean): Promise<Sample> {
  const dataDir = copyDataset(baseDir);
  // createKeelApp opens the database (createServices: WAL, synchronous=NORMAL, foreign keys,
  // migrations checked); started only for the context figure.
  const { app } = benchApp(dataDir, new ManualClock(NOW));
  if (withRuntime) app.start();
  const runs = withRuntime ? SHELL_RUNS : KEEL_RUNS;
  const inputs = payloads(prng(1), runs.warmup + runs.iterations);
  const sample = await timeAsync(async (i) => {
    const result = await dispatch(app.handlers, 'checkin:add', inputs[i]);
    if (!result.ok) throw new Error(`checkin:add failed: ${result.error.message}`);
  }, runs);
  app.close();
  removeDir(dataDir);
  return sample;
}

function measureBare(baseDir: string): Sample {
  const dataDir = copyDataset(baseDir);
  const db = new Database(databasePath(dataDir));
  // The same settings Keel opens with, so the difference is Keel's own work.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const insert = db.prepare(
    `INSERT INTO checkins (id, at, local_date, zone, workload, energy, sustainable, stretched, note, shareable, updated_at)
     VALUES (@id, @at, @local_date, @zone, @workload, @energy, @sustainable, @stretched, @note, @shareable, @updated_at)`,
  );
  const rnd = prng(2);
  const localDate = toLocalIso(NOW, ZONE).slice(0, 10);
  const rows = Array.from({ length: BARE_RUNS.warmup + BARE_RUNS.iterations }, (_, i) => ({
    id: fakeUuid(rnd),
    at: NOW,
    local_date: localDate,
    zone: ZONE,
    workload: 1 + (i % 5),
    energy: 1 + ((i + 2) % 5),
    sustainable: 'yes',
    stretched: '["meetings"]',
    note: i % 3 === 0 ? 'Release week, a lot of reviews.\nFine otherwise.' : null,
    shareable: i % 3 === 0 ? 1 : 0,
    updated_at: null,
  }));
  const sample = time((i) => insert.run(rows[i]), BARE_RUNS);
  db.close();
  removeDir(dataDir);
  return sample;
}

async function measureConf(baseDir: string): Promise<{ sample: Sample; records: number; fileBytes: number }> {
  // The same check-ins Keel holds, as the domain records (what an electron-store app would keep).
  const dataDir = copyDataset(baseDir);
  const { app } = benchApp(dataDir, new ManualClock(NOW));
  const records: Checkin[] = app.services.checkin.checksBetween(DATA_FROM, DATA_TO);
  app.close();
  removeDir(dataDir);

  const { default: Conf } = await import('conf');
  const cwd = tempDir('keel-bench-conf-');
  const store = new Conf<{ checkins: Checkin[] }>({ cwd, configName: 'keel' });
  store.set('checkins', records);
  const rnd = prng(3);
  const sample = time(() => {
    const record: Checkin = {
      id: fakeUuid(rnd),
      at: NOW,
      localDate: '2026-11-27',
      zone: ZONE,
      workload: 3,
      energy: 4,
      sustainable: 'yes',
      stretched: ['meetings'],
      note: null,
      shareable: false,
    };
    store.set('checkins', [...store.get('checkins'), record]);
  }, CONF_RUNS);
  const fileBytes = fs.statSync(store.path).size;
  removeDir(cwd);
  return { sample, records: records.length, fileBytes };
}

export async function checkinAppendFigures(baseDir: string): Promise<void> {
  log('figure 1: check-in append (Keel via IPC dispatch, bare insert, conf)');
  const keel = await measureKeel(baseDir, false);
  const bare = measureBare(baseDir);
  const conf = await measureConf(baseDir);
  const shell = await measureKeel(baseDir, true);

  const common = { history_checkins: conf.records, zone: ZONE };
  emit({
    name: 'checkin_append_keel_median',
    value: round(keel.median),
    unit: 'ms',
    target: '< 0.2',
    pass: keel.median < 0.2,
    path: "dispatch('checkin:add') → zod contract → CheckinService.add → CheckinRepo INSERT",
    pragmas: 'journal_mode=WAL, synchronous=NORMAL, foreign_keys=ON',
    ...timing(keel),
    ...common,
  });
  emit({
    name: 'checkin_append_bare_median',
    value: round(bare.median),
    unit: 'ms',
    path: 'better-sqlite3 prepared INSERT of a ready row, same schema and pragmas',
    ...timing(bare),
    ...common,
  });
  emit({
    name: 'checkin_append_conf_median',
    value: round(conf.sample.median),
    unit: 'ms',
    path: "conf@16 set('checkins', [...get('checkins'), record]) — whole JSON file rewritten atomically (temp file, fsync, rename)",
    file_bytes: conf.fileBytes,
    ...timing(conf.sample),
    ...common,
  });
  const keelVsBare = keel.median / bare.median;
  const confVsKeel = conf.sample.median / keel.median;
  emit({
    name: 'checkin_append_keel_vs_bare_ratio',
    value: round(keelVsBare),
    unit: '×',
    target: '<= 3',
    pass: keelVsBare <= 3,
    note: 'Keel median / bare insert median (how much Keel adds over the limit)',
  });
  emit({
    name: 'checkin_append_conf_vs_keel_ratio',
    value: round(confVsKeel),
    unit: '×',
    target: '>= 500',
    pass: confVsKeel >= 500,
    note: 'conf median / Keel median (how much faster Keel is)',
  });
  emit({
    name: 'checkin_append_keel_with_shell_median',
    value: round(shell.median),
    unit: 'ms',
    note: 'context, no target: the same IPC call while the app (createKeelApp) runs (it re-plans its one timer and pushes a state event after every check)',
    ...timing(shell),
  });
}
