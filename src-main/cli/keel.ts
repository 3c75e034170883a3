/**
 * The `keel` command, as scripts/build.mjs bundles it (dist/cli/keel.cjs). Everything but the
 * process itself lives in main.ts, which tests run in their own process.
 */
import { ownerOnly } from '../platform/owner-only';
import { resolveDataDir } from '../storage/paths';
import { processIo } from './io';
import { main } from './main';
import { catchUnexpected, netMessages } from './unexpected';

if (require.main === module) {
  // First: whatever this run creates is the user's alone, and an older install is made so.
  ownerOnly(resolveDataDir());
  catchUnexpected(
    process,
    (text) => process.stderr.write(text),
    netMessages(process.env, process.argv.slice(2)),
  );
  void main(process.argv, processIo()).then((code) => {
    process.exitCode = code;
  });
}
