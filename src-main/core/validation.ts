import type { z } from 'zod';
import { KeelError } from './errors';

/** One clear sentence from a zod error: where it is and what is wrong. */
/** A key as the sentence quotes it: JSON-escaped (one line), and cut short. */
function quoteKey(key: string): string {
  const quoted = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  return quoted;
}

export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The input is not valid.';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/i.test(message)) message = 'is required.';
  else if (issue.code === 'unrecognized_keys')
    message = `unexpected field ${issue.keys.map(quoteKey).join(', ')}.`;
  const sentence = `${where}${message}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Parses `value` with `schema` or throws an `invalid_input` KeelError with one sentence. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new KeelError('invalid_input', describeIssues(result.error));
  return result.data;
}
