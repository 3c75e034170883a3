/**
 * The `keel` command, as scripts/build.mjs bundles it (dist/cli/keel.cjs). Everything but the
 * process itself lives in main.ts, which tests run in their own process.
 */
import { processIo } from './io';
import { main } from './main';

if (require.main === module) {
  void main(process.argv, processIo()).then((code) => {
    process.exitCode = code;
  });
}
