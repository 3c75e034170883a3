import type { CalendarParserPort } from '../services/ports';
import type { CommandRunner } from '../platform/dnd/command-runner';
import { WorkerCalendarParser } from '../platform/calendar-parser';
import { systemClock, type Clock } from '../core/clock';
import { systemZone } from '../core/time';
import { processSecrets, type SecretInput } from './terminal';
import type { Messages } from '../shared/i18n/intl';

/**
 * Everything the command line takes from its process, handed in so tests can run `main` in
 * their own process (no spawn) without touching `process.env`, `process.exitCode` or the
 * real streams.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** KEEL_DATA_DIR, KEEL_DEBUG and the folders the default data folder follows (HOME, XDG_*). */
  env: Readonly<Record<string, string | undefined>>;
  /** The zone the "zone" setting follows until the user sets one: $TZ or the system's. */
  systemZone(): string;
  clock: Clock;
  /** How calendar files are parsed: the worker with its limits (in process in tests). */
  calendarParser: CalendarParserPort;
  /** The terminal and standard input, for a backup's passphrase (cli/passphrase.ts). */
  secrets?: SecretInput;
  /** The system `keel doctor` describes (default: this process's); tests name another. */
  platform?: NodeJS.Platform;
  /** How `keel doctor` runs desktop commands (gsettings); default: execFile with a time limit. */
  commandRunner?: CommandRunner;
  /**
   * The line's language (main.ts sets it from `--locale` or the environment), for what is said
   * outside a command's own words: the account of a recovery at start-up.
   */
  messages?: Messages;
}

/** The real process: its streams, its environment, its zone and the wall clock. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    systemZone,
    clock: systemClock,
    calendarParser: new WorkerCalendarParser(),
    secrets: processSecrets(),
  };
}
