/** Error codes that cross the IPC boundary and the CLI. */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_channel'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'storage'
  | 'database_from_future'
  | 'internal';

/** An error whose message is one clear sentence meant for the user. */
export class KeelError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeelError';
    this.code = code;
  }
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /**
   * For input refused by a schema, where in the input the problem is (`['workingHours', 'mon']`)
   * and the sentence without that path, so a window can show it under the very control; `message`
   * keeps the path for the command line.
   */
  field?: { path: (string | number)[]; message: string };
}

/** Turns anything thrown into a payload that is safe to show: no stack, no internals. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof KeelError) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'Something went wrong inside Keel; nothing was changed.' };
}
