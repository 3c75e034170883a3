import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures/summary');
const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs');

interface Run {
  code: number | null;
  lastLine: string;
  file: unknown;
  output: string;
}

/** vitest on the fixture files (all of them, or those matching `filter`) in a child process. */
function runFixtures(filter?: string): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-summary-'));
  const summaryFile = path.join(dir, 'summary.json');
  // The child must not think it is a worker of this run: none of this process's VITEST_* variables.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [VITEST, 'run', '--config', 'vitest.config.mts', ...(filter ? [filter] : [])],
      { cwd: FIXTURES, env: { ...env, CI: 'true', KEEL_SUMMARY_FILE: summaryFile }, maxBuffer: 8 << 20 },
      (error, stdout, stderr) => {
        const lines = stdout.trimEnd().split('\n');
        const file: unknown = fs.existsSync(summaryFile)
          ? JSON.parse(fs.readFileSync(summaryFile, 'utf8'))
          : null;
        fs.rmSync(dir, { recursive: true, force: true });
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          lastLine: lines[lines.length - 1] ?? '',
          file,
          output: `${stdout}\n${stderr}`,
        });
      },
    );
  });
}

// Concurrent: each case is a vitest run in its own process.
describe.concurrent('the closing line (test/support/summary-reporter.ts), on a real vitest run', () => {
  it('counts a throwing beforeAll, a failing suite setup, a failed test and an unhandled error as failed', async ({
    expect,
  }) => {
    const run = await runFixtures();
    // passed: 2 (passing) + 1 (failing-test) + 1 (outside the broken suite) + 2 (unhandled-error);
    // failed: the failed test, the file whose beforeAll threw, the suite whose beforeAll threw and
    // the unhandled error; skipped: the four tests under the two throwing beforeAll hooks.
    expect(run.lastLine, run.output).toBe('6 passed, 4 failed, 4 skipped');
    expect(run.code, run.output).toBe(1);
    expect(run.file).toEqual({ passed: 6, failed: 4, skipped: 4 });
  }, 60_000);

  it('says 0 failed, and vitest exits 0, when everything passed', async ({ expect }) => {
    const run = await runFixtures('passing');
    expect(run.lastLine, run.output).toBe('2 passed, 0 failed, 0 skipped');
    expect(run.code, run.output).toBe(0);
  }, 60_000);
});
