import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { createLog, LOG_FILE, logDir } from '../../src-main/platform/log';
import { RecordingDndController } from '../../src-main/platform/recording';
import {
  CLOSED_SAFELY,
  handleUncaughtErrors,
  KEPT_RUNNING,
  type ProcessEventsSlice,
  type UncaughtErrorsOptions,
} from '../../src-main/platform/uncaught-errors';
import { makeApp } from '../helpers/app';
import { tempDir } from '../helpers/temp';

/** What the user wrote, quoted in an error's message the way SQLite and JSON.parse quote input. */
const NOTE = 'PRIVATE-NOTE-51c2: I am thinking of leaving the team';

function setup(overrides: Partial<UncaughtErrorsOptions> = {}) {
  const dataDir = tempDir();
  const clock = new ManualClock(Date.parse('2027-03-15T10:00:00Z'));
  const told: string[] = [];
  const events: string[] = [];
  const process = new EventEmitter();
  const errors = handleUncaughtErrors(process as unknown as ProcessEventsSlice, {
    log: createLog(dataDir, { console: false }),
    tell: (sentence) => told.push(sentence),
    restoreDesktop: async () => {
      events.push('restore');
    },
    quit: () => events.push('quit'),
    exit: () => events.push('exit'),
    clock,
    timers: clock,
    ...overrides,
  });
  const logText = () => fs.readFileSync(path.join(logDir(dataDir), LOG_FILE), 'utf8');
  return { process, errors, told, events, clock, logText };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('errors nothing caught in main', () => {
  it('logs the kind and the error without its message, so none of the user’s words', async () => {
    const { process, logText } = setup();
    const error = new Error(`CHECK constraint failed: note = '${NOTE}'`);
    (error as Error & { code: string }).code = 'SQLITE_CONSTRAINT_CHECK';
    process.emit('uncaughtException', error);
    process.emit('unhandledRejection', new TypeError(`Unexpected token in JSON at "${NOTE}"`));
    process.emit('unhandledRejection', NOTE);
    await vi.waitFor(() => expect(logText().split('\n').filter(Boolean)).toHaveLength(3));
    const text = logText();
    expect(text).toContain('an unexpected problem in the main process');
    expect(text).toContain('"kind":"uncaughtException"');
    expect(text).toContain('"kind":"unhandledRejection"');
    expect(text).toContain('SQLITE_CONSTRAINT_CHECK');
    expect(text).toContain('TypeError');
    for (const part of ['PRIVATE-NOTE-51c2', 'leaving the team', 'CHECK constraint failed']) {
      expect(text).not.toContain(part);
    }
  });

  it('says one calm sentence once, however many errors follow, and keeps running', async () => {
    const { process, told, events, clock, errors } = setup();
    // Twenty errors over five minutes, never more than five within a minute.
    for (let i = 0; i < 20; i++) {
      process.emit(i % 2 ? 'uncaughtException' : 'unhandledRejection', new Error(NOTE));
      clock.advanceTo(clock.now() + 15_000);
    }
    await settle();
    expect(told).toEqual([KEPT_RUNNING]);
    expect(told.join(' ')).not.toContain('PRIVATE');
    expect(events).toEqual([]);
    expect(errors.closing()).toBe(false);
  });

  it('never throws itself, even when nothing can be shown', () => {
    const { process } = setup({
      tell: () => {
        throw new Error('no notifications');
      },
    });
    expect(() => process.emit('uncaughtException', new Error(NOTE))).not.toThrow();
  });

  it('closes safely when errors keep coming: the desktop put back first, then quit', async () => {
    const { process, told, events, clock, errors } = setup();
    for (let i = 0; i < 6; i++) process.emit('uncaughtException', new Error(NOTE));
    await settle();
    expect(errors.closing()).toBe(true);
    expect(told).toEqual([KEPT_RUNNING, CLOSED_SAFELY]);
    expect(events).toEqual(['restore', 'quit']);
    // More errors while closing: logged, nothing more said or done.
    process.emit('uncaughtException', new Error(NOTE));
    await settle();
    expect(told).toHaveLength(2);
    // Quitting that never finishes ends in an exit.
    clock.advanceTo(clock.now() + 10_000);
    expect(events).toEqual(['restore', 'quit', 'exit']);
  });

  it('quits anyway when putting the desktop back hangs', async () => {
    const { process, events, clock } = setup({ restoreDesktop: () => new Promise(() => undefined) });
    for (let i = 0; i < 6; i++) process.emit('unhandledRejection', new Error(NOTE));
    await settle();
    expect(events).toEqual([]);
    clock.advanceTo(clock.now() + 5_000);
    await settle();
    expect(events).toEqual(['quit']);
  });

  it('turns a focus block’s do-not-disturb off before it quits', async () => {
    const dnd = new RecordingDndController();
    const made = makeApp(Date.parse('2027-03-15T07:30:00+01:00'), { dndController: dnd });
    made.services.settings.set('dnd', { enabled: true });
    made.app.start();
    made.services.focus.startAdhoc({ minutes: 50 });
    await vi.waitFor(() => expect(dnd.on).toBe(true));
    const quitWith: boolean[] = [];
    const { process } = setup({
      restoreDesktop: () => made.services.dnd.shutdown(),
      quit: () => quitWith.push(dnd.on),
    });
    for (let i = 0; i < 6; i++) process.emit('uncaughtException', new Error(NOTE));
    await vi.waitFor(() => expect(quitWith).toEqual([false]));
    expect(dnd.history.at(-1)).toBe(false);
    made.app.close();
  });
});
