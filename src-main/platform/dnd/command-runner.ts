import { execFile } from 'node:child_process';

export interface CommandResult {
  /** The exit code; non-zero exits resolve (the adapter decides what they mean). */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one program with an argv array. Adapters take this port instead of child_process so
 * tests can fake the exact commands. Rejects only when the program could not run at all
 * (not installed, timed out, killed).
 */
export interface CommandRunner {
  run(cmd: string, args: string[]): Promise<CommandResult>;
}

export interface ExecFileRunnerOptions {
  /** A desktop command that hangs (a stuck D-Bus, a Shortcut waiting on a prompt) must not hang a block. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** The real runner: `execFile`, never a shell, so names from settings cannot inject commands. */
export function createCommandRunner(options: ExecFileRunnerOptions = {}): CommandRunner {
  const timeout = options.timeoutMs ?? 10_000;
  return {
    run(cmd, args) {
      return new Promise((resolve, reject) => {
        execFile(
          cmd,
          args,
          {
            timeout,
            windowsHide: true,
            encoding: 'utf8',
            maxBuffer: 1024 * 1024,
            ...(options.env ? { env: options.env } : {}),
          },
          (error, stdout, stderr) => {
            if (!error) {
              resolve({ code: 0, stdout, stderr });
              return;
            }
            // A numeric code is the program's own exit status; anything else (ENOENT, a
            // timeout's kill signal) means it never ran to completion.
            if (typeof error.code === 'number' && !error.killed) {
              resolve({ code: error.code, stdout, stderr });
              return;
            }
            reject(error);
          },
        );
      });
    },
  };
}
