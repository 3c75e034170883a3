import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Runs the independent implementation Keel's calendar reading is compared with:
 * test/calendar/oracle/occurrences.py on Debian's python3-recurring-ical-events (2.0.1). The
 * system Python on purpose (`/usr/bin/python3`): that is where apt puts the modules, on a
 * developer's machine and on CI alike (a pyenv `python3` on PATH has none of them).
 */
export const PYTHON = '/usr/bin/python3';
export const ORACLE_SCRIPT = path.join(__dirname, 'oracle', 'occurrences.py');

/** One occurrence as the oracle reports it (see the script's docstring). */
export interface OracleOccurrence {
  readonly uid: string | null;
  readonly summary: string;
  readonly start: number;
  readonly end: number;
  readonly allDay: boolean;
  /** How the library read DTSTART: a date, a floating time, UTC, or a time in a zone. */
  readonly startKind: 'date' | 'floating' | 'utc' | 'zoned';
  readonly recurrenceId: boolean;
  /** Upper-cased property values, null when absent. */
  readonly status: string | null;
  readonly transp: string | null;
  readonly msBusyStatus: string | null;
  /** PARTSTAT of the ATTENDEE that is one of the request's addresses, null when none is. */
  readonly partstat: string | null;
  readonly categories: string[];
}

export interface OracleRequest {
  readonly id: string;
  /** Absolute path of the .ics file. */
  readonly file: string;
  /** ISO instants; the window is [from, to). */
  readonly from: string;
  readonly to: string;
  /** IANA zone in which floating times and dates are read. */
  readonly zone: string;
  readonly addresses?: readonly string[];
}

export interface OracleDropped {
  readonly uid: string | null;
  readonly error: string;
}

export type OracleAnswer =
  | {
      readonly id: string;
      readonly occurrences: OracleOccurrence[];
      /** Lines icalendar refused, dropped by the script's lenient re-read. */
      readonly skippedLines: number;
      /** Events (or VTIMEZONEs, uid null) the library could not read or expand. */
      readonly droppedEvents: OracleDropped[];
    }
  | { readonly id: string; readonly error: string };

/** Whether the oracle can run here, and if not, one sentence saying why. */
export function oracleAvailability(): { ok: true } | { ok: false; reason: string } {
  if (!fs.existsSync(PYTHON)) return { ok: false, reason: `${PYTHON} is not installed` };
  const probe = spawnSync(PYTHON, [ORACLE_SCRIPT, '--check'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.status === 0) return { ok: true };
  const detail = (probe.stdout || probe.stderr || String(probe.error ?? '')).trim();
  return {
    ok: false,
    reason: `${PYTHON} lacks python3-recurring-ical-events (apt-get install python3-recurring-ical-events): ${detail}`,
  };
}

/** Answers every request with one Python process (answers come back in the same order). */
export function runOracle(requests: readonly OracleRequest[]): OracleAnswer[] {
  const run = spawnSync(PYTHON, [ORACLE_SCRIPT, '--batch'], {
    input: JSON.stringify(requests),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  if (run.status !== 0) {
    throw new Error(
      `The oracle failed (exit ${String(run.status)}): ${run.stderr || String(run.error ?? '')}`,
    );
  }
  const answers = JSON.parse(run.stdout) as OracleAnswer[];
  if (answers.length !== requests.length) {
    throw new Error(`The oracle answered ${answers.length} of ${requests.length} requests.`);
  }
  return answers;
}
