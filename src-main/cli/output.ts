import { escapeForTerminal } from '../core/text-hygiene';
import type { CliIo } from './io';
import type { Messages } from '../shared/i18n/intl';

/** A failure the user can act on: printed as one line, exit code 1. */
export class CliFailure extends Error {}

/**
 * `io` with every write escaped for the terminal (core/text-hygiene.ts): stored text written
 * before Keel cleaned its input, a file name or an argument echoed in an error can carry ESC, BEL
 * or a bidi override, and none reaches the terminal raw (ESC prints as `\u001b`). One wrapper
 * for stdout and stderr, so no printer can forget. JSON stays JSON: JSON.stringify already
 * escapes C0, and the rest (C1, bidi, U+2028/9) only occurs inside strings, where `\uXXXX` is
 * JSON's own escape. A summary printed to stdout is cleaned text already, so it passes unchanged.
 */
export function terminalIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(escapeForTerminal(text)),
    stderr: (text) => io.stderr(escapeForTerminal(text)),
  };
}

/** Prints `value` as JSON with --json, else the human lines `human` builds. */
export function print(io: CliIo, value: unknown, json: boolean | undefined, human: () => string): void {
  io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** A flag's value as a whole number, or one sentence naming the flag (in the CLI's words, `t`). */
export function parseWholeNumber(raw: string, flag: string, t: Messages['t']): number {
  if (!/^\d+$/.test(raw.trim())) throw new CliFailure(t('cli.wholeNumber', { flag }));
  return Number(raw);
}

/** A comma-separated flag value as a list (blanks dropped), or undefined when not given. */
export function splitList(raw: string | undefined): string[] | undefined {
  return raw
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The first eight characters of an id: enough to name a record on the command line. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
