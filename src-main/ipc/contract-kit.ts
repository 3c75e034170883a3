import { z } from 'zod';

/** One channel of the IPC contract (contract.ts): its input schema and, as a type, its output. */
export function channel<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** The input of a channel that takes none. */
export const noInput = z.object({}).strict();
