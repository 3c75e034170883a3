import type { z } from 'zod';
import { KeelError, toErrorPayload } from '../core/errors';
import { describeIssues, issueField } from '../core/validation';
import { storageFailure } from '../services/errors';
import { contract, type IpcResult } from './contract';
import { spokenPayload } from './refusals';
import type { Handlers } from './handlers';

/** Channels and their input schemas: the window's contract, or the command line's own table. */
export type ChannelTable = Readonly<Record<string, { input: z.ZodType }>>;

/**
 * The single door every call goes through (Electron IPC and the preview alike): unknown
 * channels and malformed payloads are refused before any handler runs, and nothing thrown
 * inside escapes as anything but `{ code, message }`. An SQLite failure of the environment (disk
 * full, read-only folder, busy, I/O error, damaged file) becomes a 'storage' error that says so.
 */
export function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  onUnexpected?: (error: unknown, channel: string) => void,
): Promise<IpcResult<unknown>> {
  return dispatchThrough(contract, handlers, channel, payload, onUnexpected);
}

/**
 * The same door over another table: the CLI's own channels (ipc/cli-contract.ts), which the
 * window cannot reach because only `dispatch`, bound to the window's contract, is wired to it.
 */
export async function dispatchThrough(
  table: ChannelTable,
  handlers: Readonly<Record<string, (input: never) => unknown>>,
  channel: unknown,
  payload: unknown,
  onUnexpected?: (error: unknown, channel: string) => void,
): Promise<IpcResult<unknown>> {
  // An own property only: 'constructor' or '__proto__' are no channels.
  const entry =
    typeof channel === 'string' && Object.prototype.hasOwnProperty.call(table, channel)
      ? table[channel]
      : undefined;
  if (typeof channel !== 'string' || entry === undefined) {
    const error = { code: 'unknown_channel' as const, message: 'Keel has no such action.' };
    return { ok: false, error: spokenPayload(handlers, error) };
  }
  try {
    // Inside the try: a schema's refinement that throws (a bug) must not reject the call either.
    const parsed = entry.input.safeParse(payload);
    if (!parsed.success) {
      const field = issueField(parsed.error);
      const message = describeIssues(parsed.error);
      const error = { code: 'invalid_input' as const, message, ...(field ? { field } : {}) };
      return { ok: false, error: spokenPayload(handlers, error) };
    }
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    const expected = error instanceof KeelError ? error : storageFailure(error);
    if (expected) return { ok: false, error: spokenPayload(handlers, toErrorPayload(expected)) };
    // Only a bug lands here: a full disk or a read-only folder is the environment, and the user
    // already reads what happened, so it is not reported as unexpected.
    onUnexpected?.(error, channel);
    return { ok: false, error: spokenPayload(handlers, toErrorPayload(error)) };
  }
}
