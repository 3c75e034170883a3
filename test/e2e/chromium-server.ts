import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the e2e project's one Chromium listens (see `setup`). */
    chromiumWsEndpoint: string;
  }
}

/**
 * Chromium as the tests drive it: headless, no sandbox (CI runs as root), and nothing that could
 * call home, so the tests' guard against foreign requests only ever sees the preview's.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to drive: $KEEL_CHROMIUM, else Debian's package. Never a downloaded build. */
export function chromiumPath(): string {
  const candidates = [process.env.KEEL_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found: install it ("apt-get install chromium") or set KEEL_CHROMIUM to its path.',
    );
  }
  return found;
}

/**
 * The e2e project's globalSetup: one Chromium for every e2e file, instead of one launch per file
 * (a second or more of CPU each on a 2-core machine). Each file connects to it and opens its own
 * browser context, so files share no cookies, storage or pages and can run in parallel workers.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({
    executablePath: chromiumPath(),
    headless: true,
    host: '127.0.0.1',
    port: 0,
    args: CHROMIUM_ARGS,
  });
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  return () => server.close();
}
