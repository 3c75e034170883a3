import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import { isChannel, type Channel } from '../../src-main/ipc/contract';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers, type Handlers } from '../../src-main/ipc/handlers';
import {
  createLog,
  describeError,
  LOG_FILE,
  logDir,
  logIdentifier,
  OLD_LOG_FILE,
  type KeelLog,
} from '../../src-main/platform/log';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';

/** What the user wrote; none of it may reach a log file. */
const NOTE = 'PRIVATE-NOTE-7f3a: my manager keeps moving the deadline';
const SECRET_PARTS = ['PRIVATE-NOTE-7f3a', 'moving the deadline', 'my manager'];

/** Every file under `<dataDir>/logs`, by name, with its text. */
function logFiles(dataDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(logDir(dataDir), full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(logDir(dataDir));
  return files;
}

function expectNoNoteText(files: Map<string, string>): void {
  for (const [name, text] of files) {
    for (const part of SECRET_PARTS) expect(text, `${name} holds "${part}"`).not.toContain(part);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** Never called: `npm run typecheck` checks that run-time text cannot be logged. */
export function compileTimeChecks(log: KeelLog, note: string, count: number, channel: Channel): void {
  log.info('Keel started', { version: logIdentifier('0.1.0'), count, tty: false });
  log.warn('a call was refused', { channel });
  // @ts-expect-error a run-time string is not a fixed sentence
  log.info(note);
  // @ts-expect-error a template with a run-time value is not a fixed sentence
  log.warn(`saved ${note}`);
  // @ts-expect-error nor is a concatenation
  log.error('boom ' + note, new Error());
  // @ts-expect-error a field's string must be fixed too
  log.info('saved', { note });
  // @ts-expect-error in error entries as well
  log.error('failed', new Error(), { what: `note ${count}` });
}

describe('the log in the data folder', () => {
  it('records what went wrong (name, code, frames) and never the text the user wrote', async () => {
    const consoleCalls = ['log', 'info', 'warn', 'error', 'debug'].map((m) =>
      vi.spyOn(console, m as 'log').mockImplementation(() => undefined),
    );
    const { services, dataDir } = makeServices();
    const log = createLog(dataDir, { console: false });
    const onUnexpected = (error: unknown, channel: string) =>
      log.error('a handler failed unexpectedly', error, {
        channel: isChannel(channel) ? channel : 'unknown',
      });

    const real = createHandlers(services);
    const call = (channel: string, input: unknown, handlers: Handlers = real) =>
      dispatch(handlers, channel, input, onUnexpected);

    // The user's words, through the real door into the real services.
    await expect(call('focus:start', { minutes: 25 })).resolves.toMatchObject({ ok: true });
    await expect(call('focus:interrupt', { kind: 'chat', note: NOTE })).resolves.toMatchObject({ ok: true });
    await expect(call('focus:leaveOff', { text: NOTE })).resolves.toMatchObject({ ok: true });
    await expect(call('focus:stop', {})).resolves.toMatchObject({ ok: true });
    await expect(
      call('checkin:add', { workload: 4, energy: 2, sustainable: 'mostly', note: NOTE, shareable: true }),
    ).resolves.toMatchObject({ ok: true, value: { note: NOTE } });
    await expect(call('talk:add', { text: NOTE })).resolves.toMatchObject({ ok: true });
    await expect(
      call('signoff:submit', {
        done: NOTE,
        unfinished: [{ item: NOTE, plan: NOTE }],
        firstTomorrow: NOTE,
        energy: 3,
      }),
    ).resolves.toMatchObject({ ok: true });
    log.info('the day was signed off', { channel: 'signoff:submit' });

    // Refused input quotes nothing into the log (KeelErrors and invalid payloads never reach it).
    const invalid = await call('checkin:add', { workload: 9, energy: 2, sustainable: 'no', note: NOTE });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const badTag = await call('settings:set', {
      key: 'checkins',
      value: { cadence: null, customTags: [`${NOTE} <b>`], burnout: false, who5: false },
    });
    // The sentence for the user quotes the tag they typed: fine for them, not for the log.
    expect(badTag).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!badTag.ok) log.warn('a setting was refused', { code: badTag.error.code });

    // Handlers that fail with the user's text in what they throw: the real risks.
    const failing: Handlers = {
      ...real,
      'talk:add': ({ text }) => {
        throw new Error(`boom ${text}`, { cause: new TypeError(`inner\n    at ${text} (evil.js:1:1)`) });
      },
      'focus:leaveOff': ({ text }) => {
        // SQLite quotes the statement's text in its message ("no such column: …").
        services.db.prepare(`SELECT "${text}" FROM focus_sessions`).all();
        return services.focus.status();
      },
      'checkin:add': ({ note }) => {
        // Node's JSON.parse quotes the input in its message.
        JSON.parse(note ?? '');
        throw new Error('unreachable');
      },
      'signoff:submit': ({ done }) => {
        // A message that tries to pass for a stack frame, and a string thrown as is.
        const forged = new Error(`x\n    at ${done} (evil.js:1:1)`);
        void forged.stack; // V8 writes the stack, header and all, when it is first read
        forged.message = 'changed after the stack was taken';
        throw forged;
      },
      'focus:interrupt': ({ note }) => {
        throw note;
      },
    };
    const unexpected = [
      call('talk:add', { text: NOTE }, failing),
      call('focus:leaveOff', { text: NOTE }, failing),
      call('checkin:add', { workload: 3, energy: 3, sustainable: 'yes', note: NOTE }, failing),
      call('signoff:submit', { done: NOTE }, failing),
      call('focus:interrupt', { kind: 'other', note: NOTE }, failing),
    ];
    for (const result of await Promise.all(unexpected)) {
      expect(result).toEqual({
        ok: false,
        error: { code: 'internal', message: 'Something went wrong inside Keel; nothing was changed.' },
      });
    }
    // A KeelError's sentence can quote the user (a tag): logged, it keeps its code only.
    log.error('Keel could not start', new KeelError('invalid_input', `The tag "${NOTE}" is odd.`));
    services.close();

    const files = logFiles(dataDir);
    expect([...files.keys()]).toEqual([LOG_FILE]);
    const text = files.get(LOG_FILE) ?? '';
    expectNoNoteText(files);
    const lines = text.trimEnd().split(/\r?\n/);
    // One entry per line, each stamped by electron-log.
    expect(lines).toHaveLength(8);
    for (const line of lines)
      expect(line).toMatch(
        /^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}\] \[(info|warn|error)\] +\S/,
      );
    const entry = (i: number) => {
      const line = lines[i] ?? '';
      const json = line.slice(line.indexOf('{'));
      return { line, data: JSON.parse(json) as Record<string, unknown> };
    };
    expect(entry(0).line).toMatch(/\[info\] +the day was signed off/);
    expect(entry(1).line).toMatch(/\[warn\] +a setting was refused \{"code":"invalid_input"\}$/);

    const boom = entry(2);
    expect(boom.line).toMatch(/\[error\] a handler failed unexpectedly \{/);
    expect(boom.data).toMatchObject({
      channel: 'talk:add',
      error: { name: 'Error', cause: { name: 'TypeError' } },
    });
    expect(boom.line).not.toContain('evil.js');
    const frames = (boom.data.error as { frames: string[] }).frames;
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame).toMatch(/^at \S/);
    expect(frames.join('\n')).toContain('logging.test.ts');

    expect(entry(3).data).toMatchObject({
      channel: 'focus:leaveOff',
      error: { name: 'SqliteError', code: 'SQLITE_ERROR' },
    });
    expect(entry(4).data).toMatchObject({ channel: 'checkin:add', error: { name: 'SyntaxError' } });
    // The forged message no longer heads the stack: no frame can be told from it, so none is kept.
    expect(entry(5).data).toEqual({ channel: 'signoff:submit', error: { name: 'Error' } });
    expect(entry(6).data).toEqual({ channel: 'focus:interrupt', error: { name: 'thrown string' } });
    expect(entry(7).data).toMatchObject({ error: { name: 'KeelError', code: 'invalid_input' } });

    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(logDir(dataDir), LOG_FILE)).mode & 0o777).toBe(0o600);
    }
    for (const spy of consoleCalls) expect(spy).not.toHaveBeenCalled();
  });

  it('keeps no message of anything thrown, causes included', () => {
    const inner = Object.assign(new Error(`disk full while saving ${NOTE}`), { code: 'ENOSPC' });
    const record = describeError(new KeelError('storage', `Keel cannot save ${NOTE}.`, { cause: inner }));
    expect(record).toMatchObject({
      name: 'KeelError',
      code: 'storage',
      cause: { name: 'Error', code: 'ENOSPC' },
    });
    expect(JSON.stringify(record)).not.toContain('PRIVATE-NOTE');
    // A name or code that is not an identifier is withheld as well.
    const odd = Object.assign(new Error('x'), { name: NOTE, code: `E ${NOTE}` });
    expect(describeError(odd)).toMatchObject({ name: '[withheld]', code: '[withheld]' });
  });

  it('rotates by size: keel.log stays near maxSize, the previous file becomes keel.old.log', () => {
    const dataDir = tempDir();
    const maxSize = 4096;
    const log = createLog(dataDir, { maxSize, console: false });
    for (let i = 0; i < 300; i++) log.info('a focus block ended', { minutes: i, interruptions: i % 3 });

    const dir = logDir(dataDir);
    expect(fs.readdirSync(dir).sort()).toEqual([LOG_FILE, OLD_LOG_FILE]);
    const current = fs.statSync(path.join(dir, LOG_FILE)).size;
    const old = fs.statSync(path.join(dir, OLD_LOG_FILE)).size;
    // The size is checked before each line is written: at most one line over the limit.
    const longest = Math.max(
      ...fs
        .readFileSync(path.join(dir, LOG_FILE), 'utf8')
        .split('\n')
        .map((l) => l.length),
    );
    expect(current).toBeLessThanOrEqual(maxSize + longest + 1);
    // electron-log counts the first line after a rotation twice, so later files rotate a line early.
    expect(old).toBeGreaterThan(maxSize - longest - 1);
    expect(old).toBeLessThanOrEqual(maxSize + longest + 1);
    // The newest entries are in keel.log, the ones just before them in keel.old.log.
    expect(fs.readFileSync(path.join(dir, LOG_FILE), 'utf8').trimEnd().split('\n').at(-1)).toContain(
      '{"minutes":299,"interruptions":2}',
    );
    expect(fs.readFileSync(path.join(dir, OLD_LOG_FILE), 'utf8')).toContain('a focus block ended');
  });

  it('never throws, even when the data folder cannot hold a log', () => {
    const dataDir = tempDir();
    // A file where the logs folder should be: nothing can be written, and nothing is thrown.
    fs.writeFileSync(logDir(dataDir), 'not a folder');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = createLog(dataDir, { console: false });
    expect(() => log.error('a handler failed unexpectedly', new Error(NOTE))).not.toThrow();
  });
});
