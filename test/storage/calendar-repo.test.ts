import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_TABLES } from '../../src-main/core/export-format';
import type { BusyStatus, Occurrence } from '../../src-main/core/ics/types';
import { CalendarRepo, type CalendarSnapshot } from '../../src-main/storage/calendar-repo';
import { DataRepo } from '../../src-main/storage/data-repo';
import { openDatabase } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
import { tempDir } from '../helpers/temp';
import { propertyRuns } from '../support/thorough';

const ROOT = path.resolve(__dirname, '../..');
const H = 3_600_000;
const T0 = Date.parse('2027-03-01T00:00:00Z');

const snapshot = (over: Partial<CalendarSnapshot> = {}): CalendarSnapshot => ({
  filePath: '/home/ada/calendar.ics',
  size: 1234,
  // Node's mtimeMs has a fraction: it must come back exactly.
  mtimeMs: 1_803_891_600_123.375,
  from: T0,
  to: T0 + 28 * 24 * H,
  readAt: T0 + 5,
  stats: { events: 3, unreadableEvents: 1, skippedLines: 2, droppedSeries: 1, trimmedOccurrences: 0 },
  readingKey: 'Europe/Berlin|ada@example.com',
  ...over,
});

const occurrence = (start: number, end: number, over: Partial<Occurrence> = {}): Occurrence => ({
  uid: `uid-${start}`,
  title: `Meeting at ${start}`,
  start,
  end,
  allDay: false,
  status: 'busy',
  ...over,
});

describe('CalendarRepo', () => {
  it('gives back the snapshot and the occurrences it was given', () => {
    const repo = new CalendarRepo(openDatabase(':memory:'));
    expect(repo.snapshot()).toBeNull();
    expect(repo.between(0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    const all: Occurrence[] = [
      occurrence(T0, T0 + 24 * H, { allDay: true, status: 'out-of-office', title: 'Off' }),
      occurrence(T0 + 9 * H, T0 + 10 * H, { status: 'tentative', title: 'Café ☕ "quotes"' }),
      occurrence(T0 + 11 * H, T0 + 12 * H, { status: 'free' }),
      occurrence(T0 + 13 * H, T0 + 14 * H, { status: 'cancelled' }),
    ];
    repo.replace(snapshot(), all);
    expect(repo.snapshot()).toEqual(snapshot());
    expect(repo.between(T0, T0 + 24 * H)).toEqual(all);
  });

  it('replaces the whole set: nothing of the last read stays', () => {
    const repo = new CalendarRepo(openDatabase(':memory:'));
    repo.replace(snapshot(), [occurrence(T0, T0 + H), occurrence(T0 + 2 * H, T0 + 3 * H)]);
    repo.replace(snapshot({ size: 99, readingKey: 'UTC|' }), [occurrence(T0 + 5 * H, T0 + 6 * H)]);
    expect(repo.snapshot()).toMatchObject({ size: 99, readingKey: 'UTC|' });
    expect(repo.between(0, T0 + 24 * H).map((o) => o.start)).toEqual([T0 + 5 * H]);
    repo.clear();
    expect(repo.snapshot()).toBeNull();
    expect(repo.between(0, T0 + 24 * H)).toEqual([]);
  });

  it('keeps the last read whole when a new one fails part-way', () => {
    const repo = new CalendarRepo(openDatabase(':memory:'));
    const kept = [occurrence(T0, T0 + H), occurrence(T0 + 2 * H, T0 + 3 * H)];
    repo.replace(snapshot(), kept);
    // The third row is one the table refuses (it ends before it starts).
    const broken = [
      occurrence(T0 + 4 * H, T0 + 5 * H),
      occurrence(T0 + 6 * H, T0 + 7 * H),
      occurrence(T0, T0 - 1),
    ];
    expect(() => repo.replace(snapshot({ size: 1 }), broken)).toThrow(/CHECK/);
    expect(repo.snapshot()).toEqual(snapshot());
    expect(repo.between(0, T0 + 24 * H)).toEqual(kept);
  });

  it('answers overlap with [from, to), by start, ties in the order given (property)', () => {
    const status = fc.constantFrom<BusyStatus>('busy', 'tentative', 'out-of-office', 'free', 'cancelled');
    const occ = fc
      .record({
        // A few uids only: one series has many occurrences.
        uid: fc.constantFrom('a', 'b', 'c'),
        start: fc.integer({ min: 0, max: 40 }),
        length: fc.integer({ min: 0, max: 10 }),
        allDay: fc.boolean(),
        status,
        title: fc.string({ maxLength: 20 }),
      })
      .map((o): Occurrence => ({
        uid: o.uid,
        title: o.title,
        start: T0 + o.start * H,
        end: T0 + (o.start + o.length) * H,
        allDay: o.allDay,
        status: o.status,
      }));
    fc.assert(
      fc.property(
        fc.array(occ, { maxLength: 40 }),
        fc.integer({ min: -2, max: 52 }),
        fc.integer({ min: 0, max: 20 }),
        (all, fromH, lengthH) => {
          const repo = new CalendarRepo(openDatabase(':memory:'));
          const from = T0 + fromH * H;
          const to = from + lengthH * H;
          repo.replace(snapshot(), all);
          // The oracle: overlapping [from, to), or a zero-length one starting inside it.
          const expected = all
            .map((o, i) => ({ o, i }))
            .filter(({ o }) => o.start < to && (o.end > from || (o.end === o.start && o.start >= from)))
            .sort((a, b) => a.o.start - b.o.start || a.i - b.i)
            .map(({ o }) => o);
          expect(repo.between(from, to)).toEqual(expected);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });
});

describe('the calendar cache and the user’s data', () => {
  it('is not exported (a copy of the user’s file, which stays the truth) and goes with "delete all"', () => {
    const db = openDatabase(':memory:');
    const repo = new CalendarRepo(db);
    repo.replace(snapshot(), [occurrence(T0, T0 + H, { title: 'Private meeting' })]);
    const data = new DataRepo(db);
    expect(EXPORT_TABLES).not.toContain('calendar_occurrences');
    expect(EXPORT_TABLES).not.toContain('calendar_snapshot');
    expect(JSON.stringify(data.exportRecords())).not.toContain('Private meeting');
    // Meeting titles are the user's: "delete all my data" leaves none behind.
    data.deleteAll(T0 + H);
    expect(repo.snapshot()).toBeNull();
    expect(repo.between(0, T0 + 24 * H)).toEqual([]);
  });

  it('restored from a backup, comes with the snapshot that says which file and read it belongs to', () => {
    const dir = tempDir();
    const backup = path.join(dir, 'backup.db');
    const old = openDatabase(backup);
    new CalendarRepo(old).replace(snapshot({ size: 1 }), [occurrence(T0, T0 + H)]);
    old.close();
    const db = openDatabase(path.join(dir, 'keel.db'));
    const repo = new CalendarRepo(db);
    repo.replace(snapshot({ size: 2 }), [occurrence(T0 + 2 * H, T0 + 3 * H)]);
    new DataRepo(db).replaceFrom(backup);
    // Rows and snapshot stay together: the size (and mtime) tell the reader the file has changed since.
    expect(repo.snapshot()?.size).toBe(1);
    expect(repo.between(0, T0 + 24 * H).map((o) => o.start)).toEqual([T0]);
    db.close();
  });
});

describe('a process killed while it replaces the occurrences', () => {
  it('leaves the last read whole', async () => {
    const dir = tempDir();
    const file = databasePath(dir);
    const db = openDatabase(file);
    const kept = [occurrence(T0, T0 + H), occurrence(T0 + 2 * H, T0 + 3 * H)];
    new CalendarRepo(db).replace(snapshot(), kept);
    db.close();

    const { signal, output } = await runKilledWriter(dir, file);
    expect(output).toContain('ready');
    expect(output).not.toContain('done');
    expect(signal).toBe('SIGKILL');

    const after = openDatabase(file);
    const repo = new CalendarRepo(after);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(repo.snapshot()).toEqual(snapshot());
    expect(repo.between(0, Number.MAX_SAFE_INTEGER)).toEqual(kept);
    after.close();
  });
});

/**
 * A child process that replaces the occurrences with half a million rows (seconds of inserts) and is
 * killed 300 ms into it.
 */
async function runKilledWriter(dir: string, file: string) {
  const script = path.join(dir, 'writer.cjs');
  await build({
    stdin: {
      contents: `
        import { openDatabase } from './src-main/storage/database';
        import { CalendarRepo } from './src-main/storage/calendar-repo';
        const db = openDatabase(${JSON.stringify(file)});
        const rows = Array.from({ length: 500_000 }, (_, i) => ({
          uid: 'new-' + i, title: 'New meeting ' + i, start: ${T0} + i * 60_000,
          end: ${T0} + i * 60_000 + 30_000, allDay: false, status: 'busy',
        }));
        process.stdout.write('ready\\n');
        new CalendarRepo(db).replace({ ...${JSON.stringify(snapshot({ size: 5 }))} }, rows);
        process.stdout.write('done\\n');
      `,
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  return new Promise<{ signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_PATH: path.join(ROOT, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let kill: NodeJS.Timeout | undefined;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const listen = (chunk: string) => {
      output += chunk;
      if (kill === undefined && output.includes('ready')) kill = setTimeout(() => child.kill('SIGKILL'), 300);
    };
    child.stdout.setEncoding('utf8').on('data', listen);
    child.stderr.setEncoding('utf8').on('data', listen);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(kill);
      fs.rmSync(script, { force: true });
      resolve({ signal, output });
    });
  });
}
