import fs from 'node:fs';
import type { Reporter, SerializedError, TestModule, TestRunEndReason, TestSuite } from 'vitest/node';

/** The closing line's counts. */
export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Failures in a module or suite. A failed test counts once. A module or suite that failed with no
 * failed test inside it (a throwing `beforeAll` or `afterAll`, a file that does not import) counts
 * as one failure: vitest then marks its tests skipped, and without this the line said "0 failed"
 * while the run exited 1.
 */
function failuresIn(node: TestModule | TestSuite): number {
  let failures = 0;
  for (const child of node.children) {
    if (child.type === 'test') {
      if (child.result().state === 'failed') failures++;
    } else {
      failures += failuresIn(child);
    }
  }
  return failures === 0 && node.state() === 'failed' ? 1 : failures;
}

/** Counts the run: tests by state, plus failed modules and suites (above) and unhandled errors. */
export function summarize(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<unknown>,
  reason: TestRunEndReason,
): Summary {
  let passed = 0;
  let skipped = 0;
  let failed = unhandledErrors.length;
  for (const module of testModules) {
    failed += failuresIn(module);
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state !== 'failed') skipped++;
    }
  }
  // Whatever else makes vitest fail the run (an interrupted run, say) is a failure too: the line
  // never says "0 failed" for a run that exits non-zero.
  if (reason !== 'passed' && failed === 0) failed = 1;
  return { passed, failed, skipped };
}

export function summaryLine({ passed, failed, skipped }: Summary): string {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, which CI logs and other
 * tools read without knowing vitest's own summary format. With KEEL_SUMMARY_FILE set, the counts
 * are also written there as JSON, so scripts/test.mjs can repeat the line as npm test's last.
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const summary = summarize(testModules, unhandledErrors, reason);
    process.stdout.write(`\n${summaryLine(summary)}\n`);
    const file = process.env.KEEL_SUMMARY_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify(summary));
  }
}
