import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import type { Channel, IpcResult } from '../../src-main/ipc/contract';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers, type Handlers } from '../../src-main/ipc/handlers';
import { databasePath } from '../../src-main/storage/paths';
import {
  sqliteCode,
  STORAGE_MESSAGES,
  storageFailure,
  storageFailureKind,
} from '../../src-main/storage/write-errors';
import { CLI, keel } from '../helpers/cli';
import { snapshot } from '../helpers/db-snapshot';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

/**
 * Issue #9, item 4: a write that fails because of the machine (disk full, read-only folder,
 * another Keel holding the lock) ends in one clear sentence, no crash, and nothing changed.
 * Disk full is simulated with `PRAGMA max_page_count` capped at the file's current size (SQLite
 * then answers SQLITE_FULL for any write that needs a new page, as on a full disk); read-only
 * with `PRAGMA query_only` (SQLITE_READONLY) and, for the CLI, with a real read-only folder
 * entered as an unprivileged user (root ignores file permissions).
 */

const DISK_FULL =
  'Keel could not save: the disk is full. Nothing was changed; free some space and try again.';
const READ_ONLY = 'Keel could not save: its data folder is read-only. Nothing was changed.';
const DAY = 86_400_000;

/** Real services and handlers; remembers what each handler threw, and what dispatch reported. */
function harness() {
  const { services, clock, dataDir } = makeServices();
  const real = createHandlers(services);
  const thrown: unknown[] = [];
  const unexpected: unknown[] = [];
  const handlers = Object.fromEntries(
    Object.entries(real).map(([channel, handler]) => [
      channel,
      async (input: unknown) => {
        try {
          return await (handler as (input: unknown) => unknown)(input);
        } catch (error) {
          thrown.push(error);
          throw error;
        }
      },
    ]),
  ) as unknown as Handlers;
  const call = (channel: Channel, input: unknown): Promise<IpcResult<unknown>> =>
    dispatch(handlers, channel, input, (error) => unexpected.push(error));
  return { services, clock, dataDir, db: services.db, thrown, unexpected, call };
}
type Harness = ReturnType<typeof harness>;

/** A write of each kind the window makes; `input(i)` grows or varies so repeated writes fill pages. */
interface WriteCase {
  channel: Channel;
  input: (attempt: number) => unknown;
  /** Run (without the cap) after a write that fitted, before the next attempt. */
  between?: (h: Harness) => unknown;
}

function holidays(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2027, 0, 1) + i * DAY).toISOString().slice(0, 10);
    return { from: day, to: day, note: `Day off number ${i}: ${'a long note '.repeat(8)}`.slice(0, 110) };
  });
}

const CASES: WriteCase[] = [
  {
    channel: 'checkin:add',
    input: () => ({
      workload: 4,
      energy: 2,
      sustainable: 'mostly',
      stretched: ['meetings', 'deadlines'],
      note: '🙂'.repeat(2000),
      shareable: true,
    }),
  },
  {
    channel: 'signoff:submit',
    input: () => ({
      done: '🙂'.repeat(1000),
      unfinished: [{ item: 'Review the importer', plan: '10:00, after stand-up' }],
      firstTomorrow: 'Review the importer',
      energy: 3,
      quiet: false,
    }),
    // A sign-off is one row per workday: the next attempt signs off the next day.
    between: (h) => h.clock.advanceBy(DAY),
  },
  { channel: 'talk:add', input: () => ({ text: '🙂'.repeat(250) }) },
  {
    channel: 'settings:set',
    input: (i) => ({ key: 'holidays', value: holidays(Math.min(200, 20 + 20 * i)) }),
  },
  { channel: 'focus:start', input: () => ({ minutes: 25 }), between: (h) => h.call('focus:stop', {}) },
  { channel: 'focus:leaveOff', input: () => ({ text: '🙂'.repeat(140) }) },
];

/**
 * Caps the file at its current size and writes until a write needs a new page (each write that
 * still fits is kept, as on a disk filling up). Returns the failed write and the tables around it.
 */
async function writeUntilDiskFull(h: Harness, c: WriteCase) {
  // No free pages to start with (migrations that rebuild a table leave some): a real disk is
  // full once they are used up too, and small writes would fit in them a hundred times.
  h.db.exec('VACUUM');
  const uncapped = h.db.pragma('max_page_count', { simple: true }) as number;
  for (let attempt = 0; attempt < 100; attempt++) {
    const pages = h.db.pragma('page_count', { simple: true }) as number;
    h.db.pragma(`max_page_count = ${pages}`);
    const before = snapshot(h.db);
    const result = await h.call(c.channel, c.input(attempt));
    const after = snapshot(h.db);
    h.db.pragma(`max_page_count = ${uncapped}`);
    if (!result.ok) return { result, before, after, attempt };
    await c.between?.(h);
  }
  throw new Error(`${c.channel}: 100 writes fitted in the file; none needed a new page`);
}

describe('storageFailure', () => {
  const sqlite = (code: string) => new Database.SqliteError(`sqlite says ${code}`, code);

  it.each([
    ['SQLITE_FULL', 'full'],
    ['SQLITE_READONLY', 'readOnly'],
    ['SQLITE_READONLY_DIRECTORY', 'readOnly'],
    ['SQLITE_READONLY_CANTLOCK', 'readOnly'],
    ['SQLITE_READONLY_DBMOVED', 'moved'],
    ['SQLITE_PERM', 'readOnly'],
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    ['SQLITE_LOCKED', 'busy'],
    ['SQLITE_IOERR', 'io'],
    ['SQLITE_IOERR_WRITE', 'io'],
    ['SQLITE_IOERR_SHORT_READ', 'io'],
    ['SQLITE_CANTOPEN', 'cantOpen'],
    ['SQLITE_CORRUPT', 'damaged'],
    ['SQLITE_CORRUPT_INDEX', 'damaged'],
    ['SQLITE_NOTADB', 'damaged'],
  ])('%s is a storage failure (%s), with its one sentence', (code, kind) => {
    const error = storageFailure(sqlite(code));
    expect(storageFailureKind(sqlite(code))).toBe(kind);
    expect(error).toBeInstanceOf(KeelError);
    expect(error?.code).toBe('storage');
    expect(error?.message).toBe(STORAGE_MESSAGES[kind as keyof typeof STORAGE_MESSAGES]);
    expect((error?.cause as Error).message).toBe(`sqlite says ${code}`);
  });

  it('leaves bugs and everything that is not SQLite alone', () => {
    for (const code of [
      'SQLITE_CONSTRAINT_CHECK',
      'SQLITE_ERROR',
      'SQLITE_MISMATCH',
      'SQLITE_NOMEM',
      'SQLITE_FULLX',
    ]) {
      expect(storageFailure(sqlite(code)), code).toBeNull();
    }
    expect(storageFailure(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBeNull();
    expect(storageFailure(Object.assign(new Error('looks like it'), { code: 'SQLITE_FULL' }))).toBeNull();
    expect(storageFailure(new KeelError('storage', 'Already a sentence.'))).toBeNull();
    expect(storageFailure('SQLITE_FULL')).toBeNull();
    expect(storageFailure(null)).toBeNull();
    expect(sqliteCode(sqlite('SQLITE_BUSY'))).toBe('SQLITE_BUSY');
  });

  it('says each failure in plain words: one line, what happened, that nothing changed', () => {
    expect(STORAGE_MESSAGES.full).toBe(DISK_FULL);
    expect(STORAGE_MESSAGES.readOnly).toBe(READ_ONLY);
    expect(STORAGE_MESSAGES.busy).toMatch(/busy \(another Keel is writing\).*try again\.$/);
    expect(STORAGE_MESSAGES.damaged).toMatch(/damaged.*Restart Keel to recover from a backup\.$/);
    for (const message of Object.values(STORAGE_MESSAGES)) {
      expect(message).toMatch(/^Keel[^\n]+\.$/);
      expect(message).toMatch(/[Nn]othing was (changed|saved)/);
      expect(message).not.toMatch(/SQLITE|sqlite|Error/);
    }
  });

  it('dispatch reports a storage failure with its sentence, and only a bug as unexpected', async () => {
    const { services } = makeServices();
    const seen: unknown[] = [];
    const handlers: Handlers = {
      ...createHandlers(services),
      'talk:add': () => {
        throw sqlite('SQLITE_IOERR_WRITE');
      },
      'talk:list': () => {
        throw sqlite('SQLITE_CONSTRAINT_CHECK');
      },
    };
    expect(await dispatch(handlers, 'talk:add', { text: 'x' }, (e) => seen.push(e))).toEqual({
      ok: false,
      error: { code: 'storage', message: STORAGE_MESSAGES.io },
    });
    expect(seen).toEqual([]);
    expect(await dispatch(handlers, 'talk:list', {}, (e) => seen.push(e))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Keel; nothing was changed.' },
    });
    expect(seen).toHaveLength(1);
    services.close();
  });
});

describe('write failures through the IPC door (real services and SQLite)', () => {
  it.each(CASES)(
    '$channel on a full disk: the disk-full sentence, nothing changed, a retry works',
    async (c) => {
      const h = harness();
      const { result, before, after, attempt } = await writeUntilDiskFull(h, c);
      expect(result).toEqual({ ok: false, error: { code: 'storage', message: DISK_FULL } });
      expect(after).toBe(before);
      expect(sqliteCode(h.thrown.at(-1))).toBe('SQLITE_FULL');
      expect(h.unexpected).toEqual([]);
      // Room again (space freed): the same write goes through, and Keel is still in one piece.
      const retry = await h.call(c.channel, c.input(attempt));
      expect(retry.ok, JSON.stringify(retry)).toBe(true);
      expect(snapshot(h.db)).not.toBe(before);
      h.services.close();
    },
  );

  it.each(CASES)('$channel in a read-only database: the read-only sentence, nothing changed', async (c) => {
    const h = harness();
    const before = snapshot(h.db);
    h.db.pragma('query_only = 1');
    const result = await h.call(c.channel, c.input(0));
    h.db.pragma('query_only = 0');
    expect(result).toEqual({ ok: false, error: { code: 'storage', message: READ_ONLY } });
    expect(snapshot(h.db)).toBe(before);
    expect(sqliteCode(h.thrown.at(-1))).toBe('SQLITE_READONLY');
    expect(h.unexpected).toEqual([]);
    expect((await h.call(c.channel, c.input(0))).ok).toBe(true);
    h.services.close();
  });

  it('another Keel holding the write lock: the busy sentence, nothing changed, a retry works', async () => {
    const h = harness();
    const other = new Database(databasePath(h.dataDir));
    other.exec('BEGIN IMMEDIATE');
    // The app waits up to 5 s for the lock; the test does not.
    h.db.pragma('busy_timeout = 0');
    const before = snapshot(h.db);
    const result = await h.call('talk:add', { text: 'Blocked' });
    expect(result).toEqual({ ok: false, error: { code: 'storage', message: STORAGE_MESSAGES.busy } });
    expect(sqliteCode(h.thrown.at(-1))).toBe('SQLITE_BUSY');
    expect(h.unexpected).toEqual([]);
    other.exec('ROLLBACK');
    other.close();
    expect(snapshot(h.db)).toBe(before);
    expect((await h.call('talk:add', { text: 'Unblocked' })).ok).toBe(true);
    h.services.close();
  });
});

/* ------------------------------- the CLI, for real ------------------------------- */

/** nobody:nogroup on Debian/Ubuntu: a user without rights to root's files. */
const NOBODY = 65534;

function privilegeDrop(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== 'linux') return { ok: false, reason: 'needs Linux (setpriv)' };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'needs root to drop to an unprivileged user' };
  if (spawnSync('setpriv', ['--version']).status !== 0)
    return { ok: false, reason: 'setpriv is not installed' };
  if (!fs.existsSync(CLI)) return { ok: false, reason: `${CLI} is not built (npm run build)` };
  return { ok: true };
}
const drop = privilegeDrop();
const skipped = drop.ok ? '' : ` [skipped: ${drop.reason}]`;

/** Runs the built CLI as nobody, the way a user whose data folder became read-only would. */
function keelAsNobody(args: string[], dataDir: string) {
  const r = spawnSync(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, CLI, ...args],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', TZ: 'Europe/Berlin', KEEL_DATA_DIR: dataDir },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A data folder owned by nobody, with a database the CLI made (as root, today, so no new backup is due). */
function seededFolder(): { dataDir: string; file: string } {
  const parent = tempDir('keel-ro-');
  fs.chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'data');
  const seeded = keel(['talk', 'add', 'Seeded before the folder became read-only'], {
    KEEL_DATA_DIR: dataDir,
  });
  expect(seeded.stderr).toBe('');
  chownTree(dataDir, NOBODY);
  return { dataDir, file: databasePath(dataDir) };
}

function chownTree(target: string, uid: number): void {
  fs.chownSync(target, uid, uid);
  if (fs.statSync(target).isDirectory()) {
    for (const entry of fs.readdirSync(target)) chownTree(path.join(target, entry), uid);
  }
}

function chmodTree(target: string, dirMode: number, fileMode: number): void {
  const isDir = fs.statSync(target).isDirectory();
  if (isDir)
    for (const entry of fs.readdirSync(target)) chmodTree(path.join(target, entry), dirMode, fileMode);
  fs.chmodSync(target, isDir ? dirMode : fileMode);
}

/** Every file under `dir` with a hash of its bytes: equal means nothing was written. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, entry);
    if (fs.statSync(full).isFile()) {
      out[entry] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  }
  return out;
}

/** No crash: exit code 1, one line on stderr that is a sentence, no stack trace, nothing on stdout. */
function expectOneLine(run: { code: number | null; stdout: string; stderr: string }) {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^keel: [^\n]+\.\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+|Error:|SQLITE_|EACCES/);
}

const checkAdd = [
  'check',
  'add',
  '--workload',
  '4',
  '--energy',
  '2',
  '--sustainable',
  'mostly',
  '--note',
  'Heavy',
];

describe('write failures in the CLI, with a real read-only folder', () => {
  it.skipIf(!drop.ok)(
    `read-only folder and data file: check add exits 1 with one line, writes nothing${skipped}`,
    () => {
      const { dataDir } = seededFolder();
      chmodTree(dataDir, 0o555, 0o444);
      const before = contents(dataDir);
      const run = keelAsNobody(checkAdd, dataDir);
      expectOneLine(run);
      expect(contents(dataDir)).toEqual(before);
    },
  );

  // A read-only folder is not a damaged file: recovery must leave the data file where it is.
  it.skipIf(!drop.ok)(
    `read-only folder and data file: the line says the folder is read-only, and nothing is moved${skipped}`,
    () => {
      const { dataDir } = seededFolder();
      const before = contents(dataDir);
      chmodTree(dataDir, 0o555, 0o444);
      const run = keelAsNobody(checkAdd, dataDir);
      expectOneLine(run);
      expect(run.stderr).toMatch(
        /^keel: Keel cannot open its data file .*: the folder .* is read-only or cannot be written\. Nothing was changed; make the folder writable and try again\.\n$/,
      );
      expect(contents(dataDir)).toEqual(before);
    },
  );

  it.skipIf(!drop.ok)(
    `read-only folder and no data file yet: "Keel cannot open its data file"${skipped}`,
    () => {
      const parent = tempDir('keel-ro-');
      fs.chmodSync(parent, 0o755);
      const dataDir = path.join(parent, 'data');
      fs.mkdirSync(dataDir);
      fs.chownSync(dataDir, NOBODY, NOBODY);
      fs.chmodSync(dataDir, 0o555);
      const run = keelAsNobody(checkAdd, dataDir);
      expectOneLine(run);
      expect(run.stderr).toMatch(/^keel: Keel cannot open its data file /);
      expect(run.stderr).toContain(databasePath(dataDir));
      expect(fs.readdirSync(dataDir)).toEqual([]);
    },
  );

  it.skipIf(!drop.ok)(`read-only data file: a command through the IPC door says read-only${skipped}`, () => {
    const { dataDir, file } = seededFolder();
    fs.chmodSync(file, 0o444);
    const before = contents(dataDir);
    const run = keelAsNobody(['talk', 'add', 'Lost?'], dataDir);
    expectOneLine(run);
    expect(run.stderr).toBe(`keel: ${READ_ONLY}\n`);
    expectNothingWrittenBesideWal(dataDir, before);
  });

  it.skipIf(!drop.ok)(
    `read-only data file: check add (a direct path) exits 1 with one line${skipped}`,
    () => {
      const { dataDir, file } = seededFolder();
      fs.chmodSync(file, 0o444);
      const before = contents(dataDir);
      const run = keelAsNobody(checkAdd, dataDir);
      expectOneLine(run);
      expectNothingWrittenBesideWal(dataDir, before);
    },
  );

  // `keel check add` calls the service directly (not through dispatch): main() maps the failure too.
  it.skipIf(!drop.ok)(`read-only data file: check add (a direct path) says read-only too${skipped}`, () => {
    const { dataDir, file } = seededFolder();
    fs.chmodSync(file, 0o444);
    expect(keelAsNobody(checkAdd, dataDir).stderr).toBe(`keel: ${READ_ONLY}\n`);
  });
});

/** The data and backups unchanged; SQLite may leave an empty WAL and its index beside a read-only file. */
function expectNothingWrittenBesideWal(dataDir: string, before: Record<string, string>) {
  const after = contents(dataDir);
  const wal = path.join(dataDir, 'keel.db-wal');
  if (fs.existsSync(wal)) expect(fs.statSync(wal).size).toBe(0);
  delete after['keel.db-wal'];
  delete after['keel.db-shm'];
  expect(after).toEqual(before);
}
