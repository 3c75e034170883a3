/**
 * The last net of the `keel` command: an error nothing caught (a rejected promise no command
 * awaited, a throw in a callback) ends the command with one sentence on stderr and exit code 1,
 * never a stack trace. Its kind is named so a bug report can say which; its message is not, since
 * it may quote the user's words. Every write Keel makes is a whole transaction, so what was
 * acknowledged before stays. The sentence is in the line's language (its last `--locale` Keel
 * speaks, else the environment's); the kind is the error's own name, as a bug report carries it.
 */
import { messagesFor, type Messages } from '../shared/i18n/intl';
import { envLanguages, envRegional, matchLocale, resolveLocale } from '../shared/i18n/locale';
import { localesIn } from './locale';

const ENGLISH = messagesFor(resolveLocale({ choice: 'en-US', preferred: [], regional: null }));

/** The messages for the last net: the line's last `--locale` Keel speaks, else the environment's. */
export function netMessages(
  env: Readonly<Record<string, string | undefined>>,
  args: readonly string[],
): Messages {
  const choice =
    localesIn(args)
      .filter((tag) => matchLocale(tag) !== null)
      .at(-1) ?? null;
  return messagesFor(resolveLocale({ choice, preferred: envLanguages(env), regional: envRegional(env) }));
}

export function unexpectedLine(error: unknown, messages: Messages = ENGLISH): string {
  const kind =
    error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name)
      ? error.name
      : messages.t('cli.unknownErrorKind');
  return `${messages.t('cli.unexpectedStop', { kind })}\n`;
}

export interface ProcessLike {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exitCode?: number | string | undefined;
  exit(code: number): never;
}

/** Installs the net once per process: the first unexpected error prints and exits with 1. */
export function catchUnexpected(
  proc: ProcessLike,
  write: (text: string) => void,
  messages: Messages = ENGLISH,
): void {
  let done = false;
  const end = (error: unknown): void => {
    if (done) return;
    done = true;
    write(unexpectedLine(error, messages));
    proc.exit(1);
  };
  proc.on('uncaughtException', end);
  proc.on('unhandledRejection', end);
}
