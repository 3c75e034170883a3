// The step runner behind scripts/test.mjs (kept apart so test/support/test-runner.test.ts can run
// it on stand-in steps).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * @typedef {{ name: string, command: string, args: string[], vitest?: boolean }} Step
 * @typedef {{ first: Step[], main: Step, beside: Step[] }} Plan
 * @typedef {{ name: string, ok: boolean, seconds: number, output: string, note?: string }} Done
 */

/** Runs one step; `buffer` collects its output instead of showing it as it comes. */
function runStep(step, { buffer = false, nice = false, env = {} } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    let output = '';
    const done = (ok, note) =>
      resolve({
        name: step.name,
        ok,
        seconds: (performance.now() - started) / 1000,
        output,
        ...(note ? { note } : {}),
      });
    const child = spawn(step.command, step.args, {
      stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    if (nice && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, 10);
      } catch {
        // Not allowed here (or no such notion): it then just runs at the same priority.
      }
    }
    if (buffer) {
      child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => done(false, error.message));
    child.on('close', (code, signal) => done(code === 0, signal ? `killed by ${signal}` : undefined));
  });
}

/** Steps one after another; a failed step does not stop the ones after it. */
async function runInTurn(steps, options) {
  const results = [];
  for (const step of steps) results.push(await runStep(step, options));
  return results;
}

/** The vitest reporter's counts (test/support/summary-reporter.ts), or null if it wrote none. */
function readSummary(file) {
  try {
    const { passed, failed, skipped } = JSON.parse(fs.readFileSync(file, 'utf8'));
    return [passed, failed, skipped].every(Number.isInteger) ? { passed, failed, skipped } : null;
  } catch {
    return null;
  }
}

/**
 * Runs `steps` with their output held back, at a lower priority: one at a time while `mainDone`
 * is pending (main has the cores), two at a time once it has settled. Results in `steps` order.
 */
async function runBeside(steps, mainDone) {
  const results = new Array(steps.length);
  let next = 0;
  const lane = async () => {
    while (next < steps.length) {
      const index = next++;
      results[index] = await runStep(steps[index], { buffer: true, nice: true });
    }
  };
  const first = lane();
  await mainDone;
  await Promise.all([first, lane()]);
  return results;
}

/**
 * Runs `first` in turn, then `main` (shown live) while `beside` runs at a lower priority
 * with its output held back (see runBeside), then prints held-back output of failed steps, every step's time, and
 * the closing line as the very last line. Returns the exit code: 0 only if every step passed.
 * @param {Plan} plan
 * @param {(text: string) => void} [write] where the runner's own lines go (the steps' go to stdout)
 */
export async function runPlan(plan, write = (text) => process.stdout.write(text)) {
  const started = performance.now();
  const summaryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-test-summary-'));
  const summaryFile = path.join(summaryDir, 'summary.json');
  try {
    const first = await runInTurn(plan.first, {});
    const blocked = first.find((r) => !r.ok);
    const mainRun = blocked
      ? Promise.resolve({
          name: plan.main.name,
          ok: false,
          seconds: 0,
          output: '',
          note: `not run: ${blocked.name} failed`,
        })
      : runStep(plan.main, { env: plan.main.vitest ? { KEEL_SUMMARY_FILE: summaryFile } : {} });
    const [main, beside] = await Promise.all([mainRun, runBeside(plan.beside, mainRun)]);
    const all = [...first, main, ...beside];

    for (const r of beside) {
      if (!r.ok && r.output.trim() !== '') write(`\n== ${r.name} failed:\n${r.output.trimEnd()}\n`);
    }
    const width = Math.max(...all.map((r) => r.name.length));
    write(`\n== steps (${plan.beside.map((s) => s.name).join(', ')} ran beside ${plan.main.name})\n`);
    for (const r of all) {
      const status = r.ok ? 'ok' : `FAILED${r.note ? ` (${r.note})` : ''}`;
      write(`${r.name.padEnd(width)}  ${r.seconds.toFixed(1).padStart(6)} s  ${status}\n`);
    }
    write(`${'total'.padEnd(width)}  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s\n`);

    // The tests' counts, plus one failure for each other step that failed. A failed test run that
    // left no counts (it crashed, or never started) is one failure, never "0 failed".
    // A test run that never started because of a failed step is that step's failure, not another.
    const counts = (blocked ? null : readSummary(summaryFile)) ?? { passed: 0, failed: 0, skipped: 0 };
    const failedSteps = all.filter((r) => !r.ok && r !== main).length;
    const mainFailures = blocked || main.ok ? counts.failed : Math.max(counts.failed, 1);
    const failed = mainFailures + failedSteps;
    write(`\n${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped\n`);
    return all.every((r) => r.ok) ? 0 : 1;
  } finally {
    fs.rmSync(summaryDir, { recursive: true, force: true });
  }
}
