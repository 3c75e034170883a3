import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { systemClock, type Clock } from '../../src-main/core/clock';
import { main } from '../../src-main/cli/main';

/** The built CLI (`npm run build` makes it). */
export const CLI = path.resolve(__dirname, '../../dist/cli/keel.cjs');

export interface KeelRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `keel args…` in this process through `main(argv, io)`: no spawn, and nothing of the
 * process touched. `env.TZ` is the system zone the CLI sees (Berlin unless it says otherwise),
 * as the built binary reads $TZ; `clock` pins "now" where a test needs it.
 */
export async function runKeel(
  args: string[],
  env: Record<string, string> = {},
  clock: Clock = systemClock,
): Promise<KeelRun> {
  let stdout = '';
  let stderr = '';
  const zone = env.TZ ?? 'Europe/Berlin';
  const code = await main(['node', 'keel', ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    // A British English terminal (24-hour times) unless the test says otherwise (LANG, LC_ALL).
    env: { LANG: 'en_GB.UTF-8', ...env },
    systemZone: () => zone,
    clock,
    // The same file checks and reading as the worker, in this process (the worker has its own tests).
    calendarParser: new InProcessCalendarParser(),
  });
  return { code, stdout, stderr };
}

/** Runs the built `dist/cli/keel.cjs` in a clean environment (Berlin unless `env.TZ` says otherwise). */
export function keel(args: string[], env: Record<string, string> = {}): KeelRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      TZ: 'Europe/Berlin',
      LANG: 'en_GB.UTF-8',
      ...env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
