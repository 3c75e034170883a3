import { z } from 'zod';
import { KeelError } from './errors';
import { cleanLine } from './text-hygiene';
import { isClockTime, isLocalDate, WEEKDAYS } from './time';

/** A key as the sentence quotes it: JSON-escaped (one line), and cut short. */
function quoteKey(key: string): string {
  const quoted = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  return quoted;
}

const fullStop = (sentence: string) => (/[.!?]$/.test(sentence) ? sentence : `${sentence}.`);

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/i.test(issue.message)) return 'is required.';
  if (issue.code === 'unrecognized_keys') return `unexpected field ${issue.keys.map(quoteKey).join(', ')}.`;
  return issue.message;
}

/** One clear sentence from a zod error: where it is and what is wrong. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The input is not valid.';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return fullStop(`${where}${issueMessage(issue)}`);
}

/**
 * The first issue's path and its sentence without the path, for a window to show under the
 * control the path names; undefined when the issue has no path (the sentence is about it all).
 */
export function issueField(error: z.ZodError): { path: (string | number)[]; message: string } | undefined {
  const issue = error.issues[0];
  if (!issue || issue.path.length === 0) return undefined;
  const said = issueMessage(issue);
  const message = said === 'is required.' ? 'Fill this in.' : fullStop(said);
  return {
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: message.charAt(0).toUpperCase() + message.slice(1),
  };
}

/** Parses `value` with `schema` or throws an `invalid_input` KeelError with one sentence. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new KeelError('invalid_input', describeIssues(result.error));
  return result.data;
}

/*
 * The time vocabulary's schemas, shared by the settings' pieces (working hours, the focus plan,
 * holidays and pauses) so each states its rule once, with the same sentence.
 */

/** A 24-hour `HH:MM` time. */
export const clockTimeSchema = z
  .string()
  .refine(isClockTime, { message: 'Use a 24-hour time such as 09:00.' });

export const weekdaySchema = z.enum(WEEKDAYS, {
  message: 'Use a weekday: mon, tue, wed, thu, fri, sat or sun.',
});

/** A real calendar date written `YYYY-MM-DD`. */
export const localDateSchema = z.string().refine(isLocalDate, { message: 'Use a date written YYYY-MM-DD.' });

/** A list of inclusive date ranges with an optional note (holidays, focus pauses), `what` naming one. */
export function dateRangesSchema(what: string) {
  return z
    .array(
      z
        .object({
          from: localDateSchema,
          to: localDateSchema,
          note: z
            .string()
            .overwrite(cleanLine)
            .trim()
            .max(120, { message: 'Keep the note under 120 characters.' })
            .optional(),
        })
        .strict()
        .refine((p) => p.from <= p.to, { message: `A ${what} must end on or after the day it starts.` }),
    )
    .max(200, { message: `Keel keeps at most 200 ${what}s.` });
}
