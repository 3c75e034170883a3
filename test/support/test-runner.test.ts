import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';

interface Step {
  name: string;
  command: string;
  args: string[];
  vitest?: boolean;
}
interface Plan {
  first: Step[];
  main: Step;
  beside: Step[];
}
/** What scripts/test-runner.mjs exports (a plain .mjs script, so typed here by hand). */
interface TestRunner {
  runPlan(plan: Plan, write: (text: string) => void): Promise<number>;
}

const { runPlan } = (await import(
  pathToFileURL(path.resolve(__dirname, '../../scripts/test-runner.mjs')).href
)) as TestRunner;

/** A stand-in step: `node -e script`. */
const step = (name: string, script: string, vitest = false): Step => ({
  name,
  command: process.execPath,
  args: ['-e', script],
  ...(vitest ? { vitest } : {}),
});
const ok = (name: string) => step(name, '');
/** Fails with exit code 2, after printing `message` (to stderr, as tsc and eslint do). */
const failing = (name: string, message = '') =>
  step(name, `${message ? `console.error(${JSON.stringify(message)}); ` : ''}process.exit(2)`);
/** Stands in for vitest: writes the counts the summary reporter would write, and exits. */
const tests = (counts: object, code: number) =>
  step(
    'vitest',
    `require('fs').writeFileSync(process.env.KEEL_SUMMARY_FILE, ${JSON.stringify(JSON.stringify(counts))}); process.exit(${code})`,
    true,
  );

/** runPlan on stand-in steps: its exit code, and what it printed, as lines and as one text. */
async function run(plan: Plan) {
  let output = '';
  const code = await runPlan(plan, (text) => (output += text));
  return { code, lines: output.trimEnd().split('\n'), output };
}

// Concurrent: each case is a few short-lived processes, mostly waiting for Node to start.
describe.concurrent('npm test’s step runner (scripts/test-runner.mjs)', { timeout: 30_000 }, () => {
  it('ends with the tests’ counts and exits 0 when every step passed', async ({ expect }) => {
    const result = await run({
      first: [ok('build')],
      main: tests({ passed: 3, failed: 0, skipped: 1 }, 0),
      beside: [ok('typecheck'), ok('eslint')],
    });
    expect(result.code, result.output).toBe(0);
    expect(result.lines.at(-1)).toBe('3 passed, 0 failed, 1 skipped');
    for (const name of ['build', 'vitest', 'typecheck', 'eslint']) {
      expect(result.output).toMatch(new RegExp(`^${name} +\\d+\\.\\d s {2}ok$`, 'm'));
    }
  });

  it('counts a failed typecheck as a failure, shows its output and exits 1, though the tests passed', async ({
    expect,
  }) => {
    const result = await run({
      first: [ok('build')],
      main: tests({ passed: 3, failed: 0, skipped: 1 }, 0),
      beside: [failing('typecheck', 'src/a.ts(1,1): error TS2322'), ok('eslint')],
    });
    expect(result.code, result.output).toBe(1);
    expect(result.lines.at(-1)).toBe('3 passed, 1 failed, 1 skipped');
    expect(result.output).toContain('== typecheck failed:\nsrc/a.ts(1,1): error TS2322');
    expect(result.output).toMatch(/^typecheck +\d+\.\d s {2}FAILED$/m);
    expect(result.output).toMatch(/^eslint +\d+\.\d s {2}ok$/m);
  });

  it('adds failed steps to failed tests', async ({ expect }) => {
    const result = await run({
      first: [ok('build')],
      main: tests({ passed: 5, failed: 2, skipped: 0 }, 1),
      beside: [ok('typecheck'), failing('eslint', '1 problem')],
    });
    expect(result.code, result.output).toBe(1);
    expect(result.lines.at(-1)).toBe('5 passed, 3 failed, 0 skipped');
  });

  it('does not run the tests after a failed build, and says so', async ({ expect }) => {
    const result = await run({
      first: [failing('build')],
      main: tests({ passed: 9, failed: 0, skipped: 0 }, 0),
      beside: [ok('typecheck')],
    });
    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(/^vitest +0\.0 s {2}FAILED \(not run: build failed\)$/m);
    expect(result.lines.at(-1)).toBe('0 passed, 1 failed, 0 skipped');
  });

  it('counts a test run that failed without counts (it crashed) as one failure', async ({ expect }) => {
    const result = await run({ first: [ok('build')], main: failing('vitest'), beside: [ok('typecheck')] });
    expect(result.code, result.output).toBe(1);
    expect(result.lines.at(-1)).toBe('0 passed, 1 failed, 0 skipped');
  });
});
