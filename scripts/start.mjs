// `npm start` (after the build): runs Keel in Electron from this folder, with better-sqlite3
// built for Electron's ABI (scripts/electron-native.mjs) so node_modules keeps its Node build.
import { spawn } from 'node:child_process';
import { electronBinary, ensureElectronNative, ROOT } from './electron-native.mjs';

// electron 45 downloads its binary lazily (node_modules/electron/install.js, exposed as the
// package's `install-electron` bin) instead of at npm install time.
const MISSING_ELECTRON =
  'Keel: Electron\'s binary is not installed here (it is downloaded on first use, and this machine cannot reach the download). On a networked machine run "npx install-electron" (or reinstall electron); to use Keel\'s UI without Electron, run "npm run preview" and open the URL it prints (it carries a one-run token).';

function main() {
  const binary = electronBinary();
  if (!binary) {
    console.error(MISSING_ELECTRON);
    process.exit(1);
  }

  let binding;
  try {
    binding = ensureElectronNative();
  } catch (error) {
    console.error(
      `Keel: cannot build better-sqlite3 for Electron: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }

  const env = { ...process.env, KEEL_NATIVE_BINDING: binding };
  // Inherited from a parent tool, this would make Electron run as plain Node instead of the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Keel: could not start Electron (${binary}): ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
