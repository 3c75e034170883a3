import { z } from 'zod';
import { isInputDate } from '../core/time';

/** One channel of the IPC contract (contract.ts): its input schema and, as a type, its output. */
export function channel<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** The input of a channel that takes none. */
export const noInput = z.object({}).strict();

/** A local date as the user types it, `YYYY-MM-DD` (every contract's one date field). */
export const localDate = z.string().refine(isInputDate, { message: 'Use a date written YYYY-MM-DD.' });
