import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI, keel } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** Every entry under `dir` (symlinks not followed) with its permission bits, `dir` itself first. */
function modes(dir: string): [string, number, 'dir' | 'file'][] {
  const found: [string, number, 'dir' | 'file'][] = [];
  const walk = (at: string): void => {
    const stat = fs.lstatSync(at);
    found.push([path.relative(dir, at) || '.', stat.mode & 0o777, stat.isDirectory() ? 'dir' : 'file']);
    if (stat.isDirectory()) for (const name of fs.readdirSync(at)) walk(path.join(at, name));
  };
  walk(dir);
  return found;
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('Run `npm run build` first: these tests run the built keel.');
});

// The spawned keel inherits this process's umask: 022, what most systems give.
let previousUmask: number;
beforeEach(() => {
  previousUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(previousUmask);
});

const ADD = ['check', 'add', '--workload', '4', '--energy', '2', '--sustainable', 'no'];

describe.skipIf(process.platform === 'win32')('the built keel, under umask 022', { timeout: 60_000 }, () => {
  it('writes every file 0600 and every folder 0700, and makes an older install so', () => {
    const dataDir = path.join(tempDir(), 'Keel');
    // An install an older Keel left readable by others.
    fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'logs', 'keel.log'), 'an old line\n', { mode: 0o644 });
    const env = { KEEL_DATA_DIR: dataDir };
    expect(keel([...ADD, '--note', 'only mine'], env)).toMatchObject({ code: 0, stderr: '' });
    const out = path.join(tempDir(), 'plan.ics');
    expect(keel(['focus', 'export-ics', '--out', out], env)).toMatchObject({ code: 0, stderr: '' });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);

    const found = modes(dataDir);
    const names = found.map(([name]) => name);
    for (const expected of ['keel.db', 'backups/daily', 'backups/weekly', 'logs/keel.log']) {
      expect(names).toContain(expected);
    }
    expect(names.some((name) => name.startsWith('backups/daily/keel-'))).toBe(true);
    for (const [name, mode, kind] of found) {
      expect([name, mode.toString(8)]).toEqual([name, kind === 'dir' ? '700' : '600']);
    }
  });

  it('writes nothing for a refused command: no database, no backup, no folder', () => {
    const dataDir = path.join(tempDir(), 'Keel');
    const refused = keel(['check', 'add', '--workload', '99', '--energy', '3', '--sustainable', 'yes'], {
      KEEL_DATA_DIR: dataDir,
    });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^keel: Workload is a whole number/);
    expect(fs.existsSync(dataDir)).toBe(false);
    const unknown = keel(['check', 'add', '--load', '99'], { KEEL_DATA_DIR: dataDir });
    expect(unknown.code).toBe(2);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
