// `npm run dist [-- <electron-builder args>]`: builds Keel, then packages it with electron-builder
// for this OS (electron-builder.yml): Linux AppImage, deb, rpm and an unpacked folder; macOS dmg
// for x64 and arm64; Windows an NSIS installer. Extra arguments go to electron-builder as they
// are, e.g. `npm run dist -- --linux deb` or `npm run dist -- --publish never`.
//
// electron-builder rebuilds better-sqlite3 for Electron inside node_modules; afterwards this
// script puts Node's build back, so tests, the CLI and benchmarks keep working
// (DESIGN.md "One native module, two runtimes").
//
// Signing and notarization use secrets from the environment only (scripts/lib/signing.mjs says
// which); without them it prints "signing skipped: <why>" and "notarization skipped: <why>" and
// builds unsigned packages.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary, gypEnv, ROOT } from './electron-native.mjs';
import { signingPlan } from './lib/signing.mjs';

const PLATFORM_FLAG = { linux: '--linux', darwin: '--mac', win32: '--win' };
const NATIVE = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

const MISSING_ELECTRON =
  'keel: cannot package here: Electron\'s binary is not installed (node_modules/electron/dist is missing; electron-builder packages that binary and, for AppImage/deb/rpm/dmg/NSIS, downloads its own tools) — on a machine with network access run "npx install-electron", then "npm run dist" (or pass -c.electronDist=<folder with an unpacked Electron>).';

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32' && command === 'npm',
  });
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function main() {
  const extra = process.argv.slice(2);
  const flag = PLATFORM_FLAG[process.platform];
  if (!flag) {
    console.error(
      `keel: cannot package on ${process.platform}: electron-builder targets Linux, macOS and Windows.`,
    );
    process.exit(1);
  }

  const signing = signingPlan(process.platform, process.env);
  if (signing.error) {
    console.error(signing.error);
    process.exit(1);
  }
  const report = () => {
    for (const line of signing.lines) console.log(`keel: ${line}`);
  };
  report();

  // The unpacked Electron the app is built on: the electron package's own download, unless the
  // caller names another folder.
  const ownDist = extra.some((arg) => /^(-c|--config)\.electronDist(=|$)/.test(arg));
  const binary = electronBinary();
  if (!ownDist && !binary) {
    console.error(MISSING_ELECTRON);
    process.exit(1);
  }

  const built = run('npm', ['run', 'build']);
  if (built !== 0) process.exit(built);

  const backup = fs.existsSync(NATIVE) ? fs.readFileSync(NATIVE) : undefined;
  const restore = () => {
    if (backup && !(fs.existsSync(NATIVE) && fs.readFileSync(NATIVE).equals(backup))) {
      fs.writeFileSync(NATIVE, backup);
      console.log("keel: restored Node's build of better-sqlite3 in node_modules");
    }
  };
  let status;
  try {
    const args = [
      path.join(ROOT, 'node_modules/electron-builder/cli.js'),
      flag,
      ...(ownDist
        ? []
        : [
            `-c.electronDist=${process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(ROOT, 'node_modules/electron/dist')}`,
          ]),
      ...signing.args,
      ...extra,
    ];
    // Without npm settings (nodedir, target…) that would make node-gyp build for Node instead.
    status = run(process.execPath, args, { ...gypEnv(), ...signing.env });
  } finally {
    restore();
  }
  if (status === 0) {
    report();
    console.log(`keel: packages are in ${path.join(ROOT, 'release')}`);
  }
  process.exit(status);
}

main();
