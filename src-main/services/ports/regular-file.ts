/**
 * Reading a file the user named, safely: only an ordinary file, through one descriptor, and never
 * more than a cap. Shared by the calendar reader (platform/calendar-file.ts) and the data import
 * (services/data-service.ts): this folder is the one both platform/ and services/ may import
 * (DESIGN.md's arrows), so the one implementation lives here beside the ports it serves.
 *
 * The path is stat()ed first and anything but a regular file refused without opening it (opening a
 * device can have effects of its own). It is then opened with O_NONBLOCK (a FIFO swapped in after
 * the stat opens at once instead of waiting for a writer) and O_NOCTTY, fstat()ed again, and read
 * through that one descriptor: at most `limit + 1` bytes, however large the file claims or grows
 * to be, so /dev/zero, a pipe or a file growing under Keel cannot make it read without end.
 */
import fs from 'node:fs';

/** Why a file was not read, for each caller to word in its own sentence. */
export type RegularFileProblem =
  | { reason: 'missing' | 'denied' | 'directory' | 'not-a-file' | 'unreadable' | 'refused-head' }
  | { reason: 'too-big'; size: number };

export type RegularFileRead =
  { ok: true; bytes: Buffer; size: number; mtimeMs: number } | ({ ok: false } & RegularFileProblem);

export interface ReadOptions {
  /**
   * Looks at the first `SNIFF_BYTES` (or the whole file when shorter) before the rest is read;
   * true refuses the file (`refused-head`) without reading further: a binary file, say.
   */
  refuseHead?(head: Buffer): boolean;
}

export const SNIFF_BYTES = 4096;

/** Why a stat() rules the file out: not a regular file, or larger than `limit`. */
export function statProblem(stat: fs.Stats, limit: number): RegularFileProblem | null {
  if (stat.isDirectory()) return { reason: 'directory' };
  if (!stat.isFile()) return { reason: 'not-a-file' };
  if (stat.size > limit) return { reason: 'too-big', size: stat.size };
  return null;
}

/** A file system error, by its code (no path, no errno text). */
export function errorProblem(error: unknown): RegularFileProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'missing' };
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'denied' };
  if (code === 'EISDIR') return { reason: 'directory' };
  return { reason: 'unreadable' };
}

/**
 * Reads up to `limit` bytes (fewer at the end of the file), growing the buffer as it goes; null
 * when `refuseHead` refuses the first bytes (read alone first, so a refusal costs nothing more).
 */
function readUpTo(fd: number, expected: number, limit: number, options: ReadOptions): Buffer | null {
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(expected + 1, 64 * 1024), limit));
  let length = 0;
  let sniffed = options.refuseHead === undefined;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const room = buffer.length - length;
    const n = fs.readSync(fd, buffer, length, sniffed ? room : Math.min(room, SNIFF_BYTES - length), null);
    length += n;
    if (!sniffed && (length >= SNIFF_BYTES || n === 0)) {
      sniffed = true;
      if (options.refuseHead?.(buffer.subarray(0, length))) return null;
    }
    if (n === 0) break;
  }
  return buffer.subarray(0, length);
}

/** The file's bytes (at most `limit`), or why Keel will not read it. Never throws, never blocks. */
export function readRegularFile(filePath: string, limit: number, options: ReadOptions = {}): RegularFileRead {
  let fd: number | undefined;
  try {
    const refused = statProblem(fs.statSync(filePath), limit);
    if (refused) return { ok: false, ...refused };
    const nonBlocking = fs.constants.O_NONBLOCK ?? 0;
    const noTty = fs.constants.O_NOCTTY ?? 0;
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | nonBlocking | noTty);
    const stat = fs.fstatSync(fd);
    const swapped = statProblem(stat, limit);
    if (swapped) return { ok: false, ...swapped };
    const bytes = readUpTo(fd, stat.size, limit + 1, options);
    if (bytes === null) return { ok: false, reason: 'refused-head' };
    if (bytes.length > limit) return { ok: false, reason: 'too-big', size: bytes.length };
    return { ok: true, bytes, size: bytes.length, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { ok: false, ...errorProblem(error) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
