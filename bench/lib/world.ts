/**
 * The fixed world every benchmark runs in: one zone, five years of history ending on a Thursday,
 * and "now" on the Friday after it (the default check-in prompt's day), so runs compare.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { instantAt } from '../../src-main/core/time';
import { DATABASE_FILE } from '../../src-main/storage/paths';

export const ZONE = 'Europe/Berlin';
/** The first day of history (a Monday) … */
export const DATA_FROM = '2021-11-29';
/** … and the last (a Thursday): 1,824 days, five years. */
export const DATA_TO = '2026-11-26';
/** The bench's "today": the Friday after the history, a default workday with the check-in prompt. */
export const TODAY = '2026-11-27';
/** "Now" for the write, summary, cold-start and memory figures: between the two focus blocks. */
export const NOW = instantAt(TODAY, '12:30', ZONE);
/** A Saturday, for the weekend wake-ups. */
export const SATURDAY = '2026-11-28';

/** A fresh temporary folder under the OS temp dir (never in the repository). */
export function tempDir(prefix = 'keel-bench-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A new data folder holding a copy of the five-year database (`keel.db`). */
export function copyDataset(baseDir: string, prefix = 'keel-bench-copy-'): string {
  const dir = tempDir(prefix);
  fs.copyFileSync(path.join(baseDir, DATABASE_FILE), path.join(dir, DATABASE_FILE));
  return dir;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
