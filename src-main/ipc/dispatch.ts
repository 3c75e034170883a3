import { KeelError, toErrorPayload } from '../core/errors';
import { describeIssues } from '../core/validation';
import { contract, isChannel, type IpcResult } from './contract';
import type { Handlers } from './handlers';

/**
 * The single door every call goes through (Electron IPC and the preview alike): unknown
 * channels and malformed payloads are refused before any handler runs, and nothing thrown
 * inside escapes as anything but `{ code, message }`.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  onUnexpected?: (error: unknown, channel: string) => void,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: 'Keel has no such action.' } };
  }
  const parsed = contract[channel].input.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof KeelError)) onUnexpected?.(error, channel);
    return { ok: false, error: toErrorPayload(error) };
  }
}
