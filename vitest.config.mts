import os from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The core tests again in other process time zones: Keel's calendar math must not depend on the
 * machine's zone (one of these has a half-hour offset, one a half-hour DST shift). TZ is in the
 * project's `env`, which vitest hands to the worker process when it spawns it (the default
 * `forks` pool), so Node reads it at start-up; test/core/zone-probe.test.ts proves it took.
 */
const ZONES = {
  'core-new-york': 'America/New_York',
  'core-kolkata': 'Asia/Kolkata',
  'core-lord-howe': 'Australia/Lord_Howe',
} as const;

const zoneProjects: TestProjectInlineConfiguration[] = Object.entries(ZONES).map(([name, zone]) => ({
  extends: true,
  test: {
    name,
    environment: 'node',
    include: ['test/core/**/*.test.ts'],
    env: { TZ: zone },
    // One module cache per worker (see the node project).
    isolate: false,
  },
}));

export default defineConfig({
  plugins: [react()],
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    // vitest's default is one worker fewer than the cores: one on a 2-core CI machine, where much
    // of a file's time is spent waiting on a child process, Chromium or a timer. (Three workers
    // were tried: npm test took 201-223 s against 211-212 s with two, the typecheck beside them
    // starved.)
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Two workers (and typecheck and lint beside them in npm test) share 2 cores on CI: a test
    // that spawns a process or runs a property a few hundred times can take several times its
    // usual time. (The renderer, e2e and electron projects set longer ones.)
    testTimeout: 20_000,
    // The same load makes a D-Bus signal or a file event take more than expect.poll's default
    // second now and then; a poll that succeeds returns at once, so only a failure waits longer.
    expect: { poll: { timeout: 5_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/e2e/**', 'test/electron/**'],
          // One module cache per worker instead of a fresh one per file: importing the sources
          // again for each of ~150 files was half of this project's time. Files keep no state
          // between them (temp folders, fresh services per test; nothing mocks a module).
          isolate: false,
        },
      },
      ...zoneProjects,
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.tsx'],
          setupFiles: ['test/renderer/setup.ts'],
          // One jsdom and module cache per worker: setup.ts unmounts, resets every store and
          // removes window.keel after each test, so nothing carries over (and the run takes a
          // fraction of the time).
          isolate: false,
          // user-event types key by key; on a busy 2-core CI machine a long form takes seconds.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // One Chromium for every e2e file; each file connects and opens its own context.
          globalSetup: ['test/e2e/chromium-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'electron',
          environment: 'node',
          include: ['test/electron/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
