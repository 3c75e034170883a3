import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
import { tempDir } from '../helpers/temp';
import { loopSize } from '../support/thorough';
import { prng, ZONE } from './crash-writer';

const ROOT = path.resolve(__dirname, '../..');
/** Each round is a child process that starts, writes and dies: about half a second. */
const ROUNDS = loopSize('crash-safety: SIGKILL rounds', 6, 24);
/** The child is killed this long (ms) after it says it is ready. */
const KILL_AFTER = { min: 5, max: 150 };
/** Replay a failure with KEEL_CRASH_SEED=<seed>: the same content and the same kill delays. */
const SEED = process.env.KEEL_CRASH_SEED
  ? Number(process.env.KEEL_CRASH_SEED)
  : Math.floor(Math.random() * 2 ** 32);

type UnfinishedItem = { item: string; plan: string };

/** A line of fd 3 from crash-writer.ts: a write that returned before it was sent. */
type Ack =
  | { kind: 'ready'; round: number; firstDay: number }
  | {
      kind: 'checkin';
      day: number;
      id: string;
      at: number;
      date: string;
      workload: number;
      energy: number;
      sustainable: string;
      stretched: string[];
      note: string | null;
      shareable: boolean;
    }
  | { kind: 'focus-start'; day: number; startedAt: number; plannedEnd: number; blockKind: string }
  | { kind: 'interruption'; day: number; startedAt: number; at: number; note: string }
  | { kind: 'focus-end'; day: number; startedAt: number; endedAt: number }
  | {
      kind: 'signoff';
      day: number;
      date: string;
      signedOffAt: number;
      done: string;
      unfinished: UnfinishedItem[];
      firstTomorrow: string | null;
      energy: number | null;
    };

/** An acknowledged write: every ack but the child's "ready". */
type Write = Exclude<Ack, { kind: 'ready' }>;

interface RoundResult {
  acks: Ack[];
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

let bundleDir = '';
let writer = '';

beforeAll(async () => {
  // The child runs the real services from TypeScript source: bundle it like scripts/build.mjs
  // bundles the CLI, with better-sqlite3 left for Node to find in the repo's node_modules.
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-crash-writer-'));
  writer = path.join(bundleDir, 'crash-writer.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'crash-writer.ts')],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'electron', 'x11'],
    absWorkingDir: ROOT,
    logLevel: 'warning',
  });
}, 60_000);

afterAll(() => {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
});

/** Runs one child until `killAfterMs` after its "ready", then SIGKILLs it; collects its acks. */
function runRound(dataDir: string, round: number, firstDay: number, killAfterMs: number) {
  return new Promise<RoundResult>((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, String(SEED), String(round), String(firstDay)], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        NODE_PATH: path.join(ROOT, 'node_modules'),
        KEEL_CRASH_WRITER: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let acks = '';
    let output = '';
    let kill: NodeJS.Timeout | undefined;
    // A child that never gets ready (or a writer that stopped listening) must not hang the test.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const ackStream = child.stdio[3] as Readable;
    ackStream.setEncoding('utf8').on('data', (chunk: string) => {
      acks += chunk;
      if (kill === undefined && acks.includes('\n')) {
        kill = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('error', reject);
    // 'close' comes after fd 3 is drained: every line the child sent before dying is in `acks`.
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(kill);
      // A line cut off by the kill has no newline: it was never acknowledged.
      const lines = acks.split('\n').slice(0, -1);
      resolve({ acks: lines.map((l) => JSON.parse(l) as Ack), code, signal, output });
    });
  });
}

/** JSON, cut short: a large sign-off would otherwise bury the message. */
function brief(value: unknown): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.length > 300 ? `${json.slice(0, 300)}… (${json.length} characters)` : json;
}

/** Every acknowledged write that is missing or differs in the database, as readable lines. */
function missingWrites(db: Db, acks: Write[]): string[] {
  const problems: string[] = [];
  const differs = (ack: Write, actual: unknown, expected: unknown) => {
    if (!isDeepStrictEqual(actual, expected)) {
      problems.push(`${ack.kind} of day ${ack.day}: expected ${brief(expected)}, found ${brief(actual)}`);
    }
  };
  const checkin = db.prepare<[string]>(
    `SELECT id, at, local_date AS date, zone, workload, energy, sustainable, stretched, note, shareable
     FROM checkins WHERE id = ?`,
  );
  const sessions = db.prepare<[number]>(
    'SELECT id, kind, planned_end, ended_at, end_reason, zone FROM focus_sessions WHERE started_at = ?',
  );
  const interruptions = db.prepare<[number, number]>(
    `SELECT i.at, i.kind, i.note FROM interruptions i JOIN focus_sessions s ON s.id = i.session_id
     WHERE s.started_at = ? AND i.at = ?`,
  );
  const workday = db.prepare<[string]>(
    'SELECT zone, signed_off_at, done, unfinished, first_tomorrow, energy FROM workdays WHERE date = ?',
  );
  const ended = new Set(acks.flatMap((a) => (a.kind === 'focus-end' ? [a.startedAt] : [])));
  for (const ack of acks) {
    switch (ack.kind) {
      case 'checkin':
        differs(ack, checkin.get(ack.id), {
          id: ack.id,
          at: ack.at,
          date: ack.date,
          zone: ZONE,
          workload: ack.workload,
          energy: ack.energy,
          sustainable: ack.sustainable,
          stretched: JSON.stringify(ack.stretched),
          note: ack.note,
          shareable: ack.shareable ? 1 : 0,
        });
        break;
      case 'focus-start': {
        const rows = sessions.all(ack.startedAt) as { kind: string; planned_end: number; zone: string }[];
        // A block whose end was not acknowledged may be open, or closed by the next child.
        differs(
          ack,
          rows.map((r) => ({ kind: r.kind, plannedEnd: r.planned_end, zone: r.zone })),
          [{ kind: ack.blockKind, plannedEnd: ack.plannedEnd, zone: ZONE }],
        );
        break;
      }
      case 'focus-end': {
        const rows = sessions.all(ack.startedAt) as { ended_at: number | null; end_reason: string | null }[];
        differs(
          ack,
          rows.map((r) => ({ endedAt: r.ended_at, reason: r.end_reason })),
          [{ endedAt: ack.endedAt, reason: 'stopped' }],
        );
        break;
      }
      case 'interruption':
        differs(ack, interruptions.all(ack.startedAt, ack.at), [
          { at: ack.at, kind: 'chat', note: ack.note },
        ]);
        break;
      case 'signoff': {
        const row = workday.get(ack.date) as
          | {
              zone: string;
              signed_off_at: number | null;
              done: string | null;
              unfinished: string;
              first_tomorrow: string | null;
              energy: number | null;
            }
          | undefined;
        // All or nothing: the whole list of unfinished things, in order, or the test fails.
        differs(
          ack,
          row && {
            zone: row.zone,
            signedOffAt: row.signed_off_at,
            done: row.done,
            unfinished: JSON.parse(row.unfinished) as unknown,
            firstTomorrow: row.first_tomorrow,
            energy: row.energy,
          },
          {
            zone: ZONE,
            signedOffAt: ack.signedOffAt,
            done: ack.done,
            unfinished: ack.unfinished,
            firstTomorrow: ack.firstTomorrow,
            energy: ack.energy,
          },
        );
        break;
      }
    }
  }
  // Sanity: a focus-end never arrives without its start.
  for (const startedAt of ended) {
    if (!acks.some((a) => a.kind === 'focus-start' && a.startedAt === startedAt)) {
      problems.push(`focus-end for ${startedAt} without a focus-start`);
    }
  }
  return problems.length > 20 ? [...problems.slice(0, 20), `…and ${problems.length - 20} more`] : problems;
}

/**
 * Sign-offs that are there only in part, acknowledged or not: each is one call, so its text and
 * its whole list of unfinished things ("item i of n, r<round> d<day>") land together or not at all.
 */
function partialSignoffs(db: Db): string[] {
  const rows = db.prepare('SELECT date, signed_off_at, done, unfinished FROM workdays').all() as {
    date: string;
    signed_off_at: number | null;
    done: string | null;
    unfinished: string;
  }[];
  const problems: string[] = [];
  for (const row of rows) {
    const owner = /^done (r\d+ d\d+)/.exec(row.done ?? '')?.[1];
    const items = JSON.parse(row.unfinished) as UnfinishedItem[];
    const whole = items.every((entry, i) => {
      const m = /^item (\d+) of (\d+), (r\d+ d\d+)/.exec(entry.item);
      return m !== null && Number(m[1]) === i + 1 && Number(m[2]) === items.length && m[3] === owner;
    });
    if (row.signed_off_at === null || owner === undefined || !whole) {
      problems.push(`workday ${row.date} is partly signed off: ${brief(row)}`);
    }
  }
  return problems;
}

describe('crash safety: SIGKILL while writing through the real services', () => {
  it(`keeps the database intact and every acknowledged write, over ${ROUNDS} kills`, async () => {
    const dataDir = tempDir('keel-crash-');
    const random = prng(SEED);
    const acknowledged: Write[] = [];
    const log: string[] = [];
    let firstDay = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const killAfterMs = KILL_AFTER.min + Math.floor(random() * (KILL_AFTER.max - KILL_AFTER.min + 1));
      const result = await runRound(dataDir, round, firstDay, killAfterMs);
      const writes = result.acks.filter((a): a is Write => a.kind !== 'ready');
      log.push(`round ${round}: day ${firstDay}, killed after ${killAfterMs} ms, ${writes.length} acks`);
      // The folder's listing shows at once if a start-up moved a "damaged" file aside.
      const context = [
        `seed ${SEED} (replay: KEEL_CRASH_SEED=${SEED}), round ${round}, killed after ${killAfterMs} ms`,
        `data folder: ${fs.readdirSync(dataDir).join(', ')}`,
        ...log,
      ].join('\n');
      expect(result.acks[0], `${context}\nthe child never got ready:\n${result.output}`).toMatchObject({
        kind: 'ready',
        round,
      });
      expect(
        { code: result.code, signal: result.signal },
        `${context}\nthe child ended before the kill:\n${result.output}`,
      ).toEqual({ code: null, signal: 'SIGKILL' });
      acknowledged.push(...writes);

      // The first open after the crash recovers the WAL; then every byte must check out, and
      // every write any child acknowledged, this round or earlier, must be there as written.
      const db = openDatabase(databasePath(dataDir));
      try {
        expect(db.pragma('integrity_check'), context).toEqual([{ integrity_check: 'ok' }]);
        expect(db.pragma('foreign_key_check'), context).toEqual([]);
        expect(missingWrites(db, acknowledged), context).toEqual([]);
        expect(partialSignoffs(db), context).toEqual([]);
      } finally {
        db.close();
      }

      // The next child starts past anything this one may have written without acknowledging it
      // (at most the day after its last acknowledged one), so no acknowledged row is rewritten.
      const lastDay = writes.reduce((max, a) => Math.max(max, a.day), firstDay - 1);
      firstDay = lastDay + 2;
    }

    // The rounds must have written something worth checking: check-ins, focus blocks with
    // interruptions, and sign-offs including large ones (several pages in one commit).
    const count = (kind: Write['kind']) => acknowledged.filter((a) => a.kind === kind).length;
    const summary = `seed ${SEED}\n${log.join('\n')}`;
    expect(count('checkin'), summary).toBeGreaterThanOrEqual(ROUNDS);
    expect(count('focus-end'), summary).toBeGreaterThan(0);
    expect(count('interruption'), summary).toBeGreaterThan(0);
    expect(count('signoff'), summary).toBeGreaterThan(0);
    expect(
      acknowledged.some((a) => a.kind === 'signoff' && a.unfinished.length === 10),
      `${summary}\nno large sign-off was acknowledged`,
    ).toBe(true);
  }, 120_000);
});
