import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src-main/cli/files';
import { createElectronShell, type DialogSlice } from '../../src-main/platform/electron-shell';
import { createLog } from '../../src-main/platform/log';
import {
  ownerOnly,
  repairOwnerOnly,
  temporaryName,
  writePrivateFileThrough,
} from '../../src-main/platform/owner-only';
import { call } from '../helpers/populate';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

const MONDAY = Date.parse('2027-03-15T08:00:00Z');

/** Every entry under `dir` (symlinks not followed), with its permission bits. */
function modes(dir: string): Map<string, { mode: number; dir: boolean }> {
  const found = new Map<string, { mode: number; dir: boolean }>();
  const walk = (at: string): void => {
    for (const name of fs.readdirSync(at)) {
      const entry = path.join(at, name);
      const stat = fs.lstatSync(entry);
      found.set(path.relative(dir, entry), { mode: stat.mode & 0o777, dir: stat.isDirectory() });
      if (stat.isDirectory()) walk(entry);
    }
  };
  walk(dir);
  return found;
}

const modeOf = (file: string): number => fs.lstatSync(file).mode & 0o777;

/** The save dialog answering `file`, as Electron's would. */
function shellSavingTo(file: string) {
  const dialog = {
    showSaveDialog: async (_options: SaveDialogOptions) => ({ canceled: false, filePath: file }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  } as unknown as DialogSlice<{ isDestroyed(): boolean }>;
  return createElectronShell({
    window: () => undefined,
    showWindow: () => undefined,
    quit: () => undefined,
    dialog,
    clipboard: { writeText: () => undefined, write: async () => undefined },
    clipboardItem: () => {
      throw new Error('no clipboard here');
    },
    documentsDir: () => path.dirname(file),
    createPrinter: () => {
      throw new Error('no printing here');
    },
  });
}

// The umask most systems give: without Keel's own care, files come out 0644 and folders 0755.
let previousUmask: number;
beforeEach(() => {
  previousUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(previousUmask);
});

describe.skipIf(process.platform === 'win32')('owner-only at rest, under umask 022', () => {
  it('makes the data folder 0700 and every file Keel writes in it 0600, -wal and backups too', async () => {
    const dataDir = path.join(tempDir(), 'Keel');
    const first = makeServices(MONDAY, 'Europe/Berlin', { dataDir });
    await call(first.services, 'checkin:add', { workload: 3, energy: 2, sustainable: 'no', note: 'private' });
    first.services.data.backupNow();
    createLog(dataDir).info('a line in the log');
    first.services.close();
    // A damaged data file an older Keel left 0644 is set aside, and a backup restored in its place.
    const file = path.join(dataDir, 'keel.db');
    fs.writeFileSync(file, Buffer.alloc(64 * 1024, 0x5a));
    fs.chmodSync(file, 0o644);
    const { services } = makeServices(MONDAY + 3_600_000, 'Europe/Berlin', { dataDir });
    expect(services.recovery?.reason).toBe('damaged');
    // A restore takes a safety copy first.
    const [daily] = services.data.overview().backups;
    services.data.restore(daily?.id ?? '');
    await call(services, 'checkin:add', { workload: 3, energy: 3, sustainable: 'yes', note: 'another' });

    const found = modes(dataDir);
    for (const expected of [
      'keel.db',
      'keel.db-wal',
      'keel.db-shm',
      'backups/daily',
      'backups/weekly',
      'backups/safety',
      'set-aside',
      'logs/keel.log',
    ]) {
      expect([...found.keys()], expected).toContain(expected);
    }
    expect([...found.keys()].some((name) => name.startsWith('set-aside/keel-'))).toBe(true);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const [name, { mode, dir }] of found) expect([name, mode]).toEqual([name, dir ? 0o700 : 0o600]);
    services.close();
  });

  it('writes exports 0600, from the CLI and from the save dialog', async () => {
    const folder = tempDir();
    const cliOut = path.join(folder, 'plan.ics');
    await writeFileAtomically(cliOut, 'BEGIN:VCALENDAR\r\n');
    expect(modeOf(cliOut)).toBe(0o600);
    const saved = path.join(folder, 'summary.md');
    const shell = shellSavingTo(saved);
    expect(await shell.saveFile({ defaultName: 'summary.md', content: '# mine', filters: [] })).toBe(
      'summary.md',
    );
    expect(fs.readFileSync(saved, 'utf8')).toBe('# mine');
    expect(modeOf(saved)).toBe(0o600);
    // Overwriting a file that was 0644 leaves it 0600, and no temporary file behind.
    fs.chmodSync(saved, 0o644);
    await shell.saveFile({ defaultName: 'summary.md', content: '# again', filters: [] });
    expect(modeOf(saved)).toBe(0o600);
    expect(fs.readdirSync(folder).sort()).toEqual(['plan.ics', 'summary.md']);
  });

  it('repairs an existing install at start: folders 0700, Keel’s files 0600, links not followed', () => {
    const dataDir = path.join(tempDir(), 'Keel');
    const outside = path.join(tempDir(), 'someone-elses.txt');
    fs.writeFileSync(outside, 'not Keel’s', { mode: 0o644 });
    for (const dir of ['backups/daily', 'set-aside', 'logs']) {
      fs.mkdirSync(path.join(dataDir, dir), { recursive: true, mode: 0o755 });
    }
    const db = new Database(path.join(dataDir, 'keel.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    const files = [
      'keel.db',
      'keel.db-wal',
      'keel.db-shm',
      'backups/daily/keel-2027-03-14.db',
      'set-aside/keel-20270314-101500.db',
      'logs/keel.log',
      'logs/keel.old.log',
    ];
    for (const name of files.slice(3)) fs.writeFileSync(path.join(dataDir, name), 'data', { mode: 0o644 });
    fs.symlinkSync(outside, path.join(dataDir, 'backups', 'daily', 'link.db'));
    fs.chmodSync(dataDir, 0o755);
    for (const name of files) expect([name, modeOf(path.join(dataDir, name))]).toEqual([name, 0o644]);

    repairOwnerOnly(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    for (const dir of ['backups', 'backups/daily', 'set-aside', 'logs']) {
      expect([dir, modeOf(path.join(dataDir, dir))]).toEqual([dir, 0o700]);
    }
    for (const name of files) expect([name, modeOf(path.join(dataDir, name))]).toEqual([name, 0o600]);
    // The link's target is not Keel's to change.
    expect(modeOf(outside)).toBe(0o644);
    db.close();
  });

  it('never makes writable what the user made read-only: only group and others lose access', () => {
    const dataDir = path.join(tempDir(), 'Keel');
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'keel.db'), 'data');
    fs.chmodSync(path.join(dataDir, 'keel.db'), 0o444);
    fs.chmodSync(path.join(dataDir, 'backups'), 0o555);
    fs.chmodSync(dataDir, 0o555);
    repairOwnerOnly(dataDir);
    expect(modeOf(dataDir)).toBe(0o500);
    expect(modeOf(path.join(dataDir, 'backups'))).toBe(0o500);
    expect(modeOf(path.join(dataDir, 'keel.db'))).toBe(0o400);
    fs.chmodSync(dataDir, 0o700);
  });

  it('sets the process’s umask to 077 at an entry point, and skips everything on Windows', () => {
    const dataDir = path.join(tempDir(), 'Keel');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    expect(ownerOnly(dataDir, 'win32')).toBe(dataDir);
    expect(process.umask()).toBe(0o022);
    expect(modeOf(dataDir)).toBe(0o755);
    expect(ownerOnly(dataDir)).toBe(dataDir);
    expect(process.umask()).toBe(0o077);
    expect(modeOf(dataDir)).toBe(0o700);
    // Not there: nothing is made.
    const missing = path.join(tempDir(), 'not-yet');
    ownerOnly(missing);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('temporary files', () => {
  it('have names no one can guess', () => {
    const file = path.join(tempDir(), 'export.json');
    const names = new Set(Array.from({ length: 50 }, () => temporaryName(file)));
    expect(names.size).toBe(50);
    for (const name of names) {
      expect(path.dirname(name)).toBe(path.dirname(file));
      expect(path.basename(name)).toMatch(/^\.export\.json\.[0-9a-f]{16}\.tmp$/);
      expect(name).not.toContain(String(process.pid));
    }
  });

  it('are never written through a link someone placed at the old predictable name', async () => {
    const folder = tempDir();
    const victim = path.join(tempDir(), 'victim.txt');
    fs.writeFileSync(victim, 'untouched');
    const out = path.join(folder, 'summary.md');
    fs.symlinkSync(victim, `${out}.${process.pid}.tmp`);
    await writeFileAtomically(out, 'the summary');
    expect(fs.readFileSync(victim, 'utf8')).toBe('untouched');
    expect(fs.lstatSync(out).isFile()).toBe(true);
    expect(fs.readFileSync(out, 'utf8')).toBe('the summary');
  });

  it('are opened exclusively: a file or link already at the name is refused, left, and not written through', async () => {
    const folder = tempDir();
    const victim = path.join(tempDir(), 'victim.txt');
    fs.writeFileSync(victim, 'untouched');
    const out = path.join(folder, 'out.json');
    const link = path.join(folder, '.out.json.link.tmp');
    fs.symlinkSync(victim, link);
    await expect(writePrivateFileThrough(link, out, 'data')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(victim, 'utf8')).toBe('untouched');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(out)).toBe(false);
    const placed = path.join(folder, '.out.json.placed.tmp');
    fs.writeFileSync(placed, 'someone’s');
    await expect(writePrivateFileThrough(placed, out, 'data')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(placed, 'utf8')).toBe('someone’s');
  });

  it('are removed when the write fails', async () => {
    const folder = tempDir();
    // A folder with something in it where the file should go: the rename fails.
    const out = path.join(folder, 'out.json');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'x'), 'x');
    await expect(writeFileAtomically(out, 'data')).rejects.toThrow(/Keel could not write/);
    expect(fs.readdirSync(folder)).toEqual(['out.json']);
  });
});
