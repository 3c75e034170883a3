// `npm test`: build, then the vitest run while typecheck and lint run beside it; prints each step's
// time and ends with one honest line, `N passed, N failed, N skipped`, which counts a failed step
// (a type error, a lint error, a failed build) as a failure too. Exits non-zero if any step failed.
//
// Why beside vitest: much of the vitest run waits on child processes, Chromium and timers, and on
// a 2-core CI machine typecheck and lint fill that idle time. They run at a lower priority (nice
// 10), so they take what vitest leaves instead of slowing it down.
import { runPlan } from './test-runner.mjs';

// `npm run test:thorough`: every long loop in full (test/support/thorough.ts).
if (process.argv.includes('--thorough')) process.env.KEEL_THOROUGH = '1';

const node = process.execPath;
const bin = (name) => `node_modules/${name}`;

const tsc = (project) => ({
  name: `typecheck (${project})`,
  command: node,
  args: [bin('typescript/bin/tsc'), '-p', project],
});

const plan = {
  first: [{ name: 'build', command: node, args: ['scripts/build.mjs'] }],
  main: { name: 'vitest', command: node, args: [bin('vitest/vitest.mjs'), 'run'], vitest: true },
  beside: [
    // The lockfile against the committed advisory snapshot, offline (scripts/advisories.mjs).
    { name: 'advisories', command: node, args: ['scripts/advisories.mjs'] },
    tsc('tsconfig.json'),
    tsc('tsconfig.web.json'),
    {
      name: 'eslint',
      command: node,
      args: [
        bin('eslint/bin/eslint.js'),
        '.',
        '--max-warnings',
        '0',
        '--cache',
        '--cache-location',
        '.cache/eslint/',
      ],
    },
    {
      name: 'prettier',
      command: node,
      args: [
        bin('prettier/bin/prettier.cjs'),
        '--check',
        '.',
        '--cache',
        '--cache-location',
        '.cache/prettier/cache.json',
      ],
    },
  ],
};

process.exitCode = await runPlan(plan);
