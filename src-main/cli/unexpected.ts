/**
 * The last net of the `keel` command: an error nothing caught (a rejected promise no command
 * awaited, a throw in a callback) ends the command with one sentence on stderr and exit code 1,
 * never a stack trace. Its kind is named so a bug report can say which; its message is not, since
 * it may quote the user's words. Every write Keel makes is a whole transaction, so what was
 * acknowledged before stays.
 */
export const UNEXPECTED_SENTENCE =
  'keel: an unexpected problem stopped this command; what it had already saved is kept.';

export function unexpectedLine(error: unknown): string {
  const kind = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : 'unknown error';
  return `${UNEXPECTED_SENTENCE} (${kind})\n`;
}

export interface ProcessLike {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exitCode?: number | string | undefined;
  exit(code: number): never;
}

/** Installs the net once per process: the first unexpected error prints and exits with 1. */
export function catchUnexpected(proc: ProcessLike, write: (text: string) => void): void {
  let done = false;
  const end = (error: unknown): void => {
    if (done) return;
    done = true;
    write(unexpectedLine(error));
    proc.exit(1);
  };
  proc.on('uncaughtException', end);
  proc.on('unhandledRejection', end);
}
