import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The built CLI (`npm run build` makes it). */
export const CLI = path.resolve(__dirname, '../../dist/cli/keel.cjs');

/** Runs `keel args…` in a clean environment (Berlin unless `env.TZ` says otherwise). */
export function keel(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TZ: 'Europe/Berlin', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
