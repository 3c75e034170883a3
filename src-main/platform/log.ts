import fs from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../shared/owner-only';

/**
 * Keel's log: one file, `<dataDir>/logs/keel.log`, written by electron-log's file transport
 * (its Node entry, so the app, the CLI and tests share it). When the file passes `maxSize` it is
 * renamed to `keel.old.log` (replacing the previous one) and a new file begins: at most two files,
 * about 2 × maxSize on disk. No remote or IPC transport; the console only when asked or when
 * stderr is a terminal outside the test runner.
 *
 * Privacy: what a person writes into Keel (notes, talking points, sign-off answers, tags) never
 * goes into the log, and the types make it hard to do by accident:
 * - A message must be a string literal, a fixed sentence: a `string` built at run time does not
 *   compile, so `log.warn(`saved ${note}`)` is refused. Values go into fields, where a string must
 *   be a literal too (a channel name, a kind); numbers and booleans are free. `logIdentifier()` is
 *   the explicit way in for a run-time identifier (a version, an error code).
 * - An error is recorded by its name, its code (`SQLITE_BUSY`, `ENOENT`, a KeelError's code), its
 *   stack frames and the same for its causes, never its message: SQLite and JSON.parse quote the
 *   input in theirs, a handler may `throw new Error('… ' + input)`, and even a KeelError's
 *   sentence can quote a tag or an id the user typed. A frame that cannot be told apart from the
 *   message is dropped.
 * - Every string written has control and format characters removed and is cut short, and each
 *   entry is one line, so nothing can forge or hide an entry.
 */

type NoFields = Record<never, never>;

/**
 * A string whose value is known where the code is written: a literal type (or a union of them).
 * `string` and template patterns such as `saved ${string}` (what a template literal with a
 * run-time value is typed as) become `never`: an object keyed by them has an index signature,
 * which `{}` satisfies, while a literal key is a required property.
 */
export type Fixed<T> = T extends string ? (NoFields extends Record<T, never> ? never : T) : T;

declare const identifierBrand: unique symbol;
/** A run-time value checked to look like an identifier (see `logIdentifier`). */
export type LogIdentifier = string & { readonly [identifierBrand]: true };

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;
type Checked<F> = { [K in keyof F]: F[K] extends LogIdentifier ? F[K] : Fixed<F[K]> };

/** The logger port: `info` and `warn` for events, `error` for failures with what was thrown. */
export interface KeelLog {
  info<M extends string, F extends LogFields = NoFields>(message: Fixed<M>, fields?: F & Checked<F>): void;
  warn<M extends string, F extends LogFields = NoFields>(message: Fixed<M>, fields?: F & Checked<F>): void;
  error<M extends string, F extends LogFields = NoFields>(
    message: Fixed<M>,
    error?: unknown,
    fields?: F & Checked<F>,
  ): void;
}

export interface LogOptions {
  /** Rotate once the file passes this many bytes; default 1 MB. */
  maxSize?: number;
  /** Also print to stderr; default: when stderr is a terminal and no test runner is running. */
  console?: boolean;
}

export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'keel.log';
export const OLD_LOG_FILE = 'keel.old.log';
export const LOG_MAX_SIZE = 1024 * 1024;

const MAX_TEXT = 300;
const MAX_FRAMES = 12;
const MAX_CAUSES = 3;
const IDENTIFIER = /^[\p{L}\p{N}_.:+@/-]{1,64}$/u;
// Control (Cc), format (Cf: bidi overrides, zero-width) and line/paragraph separators.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** The folder of the log files in a data folder. */
export function logDir(dataDir: string): string {
  return path.join(dataDir, LOG_FOLDER);
}

/**
 * `value` if it looks like an identifier (letters, digits and `_.:+@/-`, at most 64), else a
 * placeholder. For run-time values that are identifiers by nature, never for text a person wrote.
 */
export function logIdentifier(value: string): LogIdentifier {
  return (IDENTIFIER.test(value) ? value : '[withheld]') as LogIdentifier;
}

function clean(text: string, max = MAX_TEXT): string {
  const chars = Array.from(text.replace(UNPRINTABLE, ''));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

function fieldsOf(fields: LogFields | undefined): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (value === undefined) continue;
    out[clean(key, 40)] = typeof value === 'string' ? clean(value) : value;
  }
  return out;
}

/** The stack's frames after the header; none when the header is not exactly `name: message`. */
function framesOf(error: Error): string[] {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const header = error.message ? `${String(error.name)}: ${error.message}` : String(error.name);
  if (!stack.startsWith(`${header}\n`)) return [];
  return stack
    .slice(header.length + 1)
    .split('\n')
    .filter((line) => /^ {4}at \S/.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => clean(line.trim()));
}

export interface ErrorRecord {
  name: string;
  code?: string | number;
  frames?: string[];
  cause?: ErrorRecord;
}

/** What the log keeps of something thrown: name, code, frames and causes; never a message. */
export function describeError(error: unknown, depth = 0): ErrorRecord {
  if (!(error instanceof Error)) return { name: `thrown ${typeof error}` };
  const record: ErrorRecord = { name: logIdentifier(String(error.name)) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') record.code = logIdentifier(code);
  else if (typeof code === 'number' && Number.isFinite(code)) record.code = code;
  const frames = framesOf(error);
  if (frames.length > 0) record.frames = frames;
  if (error.cause !== undefined && depth < MAX_CAUSES) record.cause = describeError(error.cause, depth + 1);
  return record;
}

/** One entry as one line: the fixed sentence, then its fields (and what was thrown) as JSON. */
export function formatEntry(message: string, fields?: LogFields, error?: unknown): string {
  const data: Record<string, unknown> = fieldsOf(fields);
  if (error !== undefined) data.error = describeError(error);
  const text = clean(message);
  return Object.keys(data).length > 0 ? `${text} ${JSON.stringify(data)}` : text;
}

let instances = 0;

/** Keel's log in `<dataDir>/logs`; writing never throws (a log that cannot be written is skipped). */
export function createLog(dataDir: string, options: LogOptions = {}): KeelLog {
  const file = path.join(logDir(dataDir), LOG_FILE);
  instances += 1;
  const logger = electronLog.create({ logId: `keel-log-${instances}` });
  const fileTransport = logger.transports.file;
  // Named here, so electron-log never looks for a package.json to name the app.
  fileTransport.setAppName('Keel');
  let folderMade = false;
  fileTransport.resolvePathFn = () => {
    // electron-log makes a missing folder with the umask's mode (0755): make it the user's alone
    // first, when the first entry is written (never before: a log nobody writes makes nothing).
    if (!folderMade) {
      folderMade = true;
      try {
        fs.mkdirSync(logDir(dataDir), { recursive: true, mode: PRIVATE_FOLDER });
      } catch {
        // electron-log tries again and, failing, skips the entry.
      }
    }
    return file;
  };
  fileTransport.maxSize = options.maxSize ?? LOG_MAX_SIZE;
  // Only the user reads their log (the mode applies when the file is created; Windows ignores it;
  // platform/owner-only.ts repairs an older file at start).
  fileTransport.writeOptions = { flag: 'a', mode: PRIVATE_FILE, encoding: 'utf8' };
  fileTransport.level = 'info';
  // Local time with its offset: the user reads it, and a support question can still line it up.
  fileTransport.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}{z}] [{level}] {text}';
  const toConsole = options.console ?? (process.stderr.isTTY === true && !process.env.VITEST);
  for (const [name, transport] of Object.entries(logger.transports)) {
    if (!transport || name === 'file') continue;
    transport.level = name === 'console' && toConsole ? 'info' : false;
  }

  const write = (level: 'info' | 'warn' | 'error', entry: () => string): void => {
    try {
      logger[level](entry());
    } catch {
      // The log is a help, never a reason for Keel to fail.
    }
  };
  return {
    info: (message, fields) => write('info', () => formatEntry(message, fields)),
    warn: (message, fields) => write('warn', () => formatEntry(message, fields)),
    error: (message, error, fields) => write('error', () => formatEntry(message, fields, error)),
  };
}
