// Runs the core tests again under other process time zones: Keel's calendar math must not
// depend on the machine's zone (one of these has a half-hour offset, one a half-hour DST shift).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const zones = ['America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];

for (const zone of zones) {
  console.log(`\n== core tests with TZ=${zone}`);
  const r = spawnSync(process.execPath, [vitest, 'run', '--project', 'node', 'test/core'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: zone },
  });
  if (r.status !== 0) {
    console.error(`core tests failed with TZ=${zone}`);
    process.exit(r.status ?? 1);
  }
}
