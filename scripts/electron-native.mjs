// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/<electron version>/,
// leaving node_modules built for Node so tests, the CLI and benchmarks keep working
// (DESIGN.md "One native module, two runtimes"). `npm start` points the app at the result with
// KEEL_NATIVE_BINDING. Run on its own: `node scripts/electron-native.mjs [--force]`; it prints
// the path of the Electron build on stdout.
//
// The built file's ABI is checked, not assumed: node-gyp happily "succeeds" against Node's own
// headers (an npm `nodedir` setting, or npm_config_* variables inherited from `npm start`,
// override --target), producing a module Electron refuses to load (Node's ABI, e.g. 115).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The electron package's version (what node-gyp must build against). */
export function electronVersion(root = ROOT) {
  return readJson(path.join(root, 'node_modules/electron/package.json')).version;
}

/**
 * The Electron executable, or undefined when it is not installed. Found the way the electron
 * package's index.js finds it (path.txt + dist/), but without requiring that file: electron
 * downloads its binary lazily, and requiring it where the download cannot happen throws.
 */
export function electronBinary(root = ROOT, env = process.env) {
  const pkg = path.join(root, 'node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  if (!relative) return undefined;
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(pkg, 'dist', relative);
  return fs.existsSync(binary) ? binary : undefined;
}

/** Where the Electron build of better-sqlite3 goes for this project's Electron version. */
export function electronNativePath(root = ROOT) {
  return path.join(root, '.cache/electron-native', electronVersion(root), 'better_sqlite3.node');
}

/**
 * The Node ABI (NODE_MODULE_VERSION) a native module was built for, read from its exported
 * `node_register_module_v<N>` symbol; undefined if it has none (e.g. a Node-API module).
 */
export function readModuleAbi(file) {
  const text = fs.readFileSync(file).toString('latin1');
  const match = /node_register_module_v(\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Electron's ABI: from the package's abi_version file, else by asking the binary itself. */
export function electronAbi(root = ROOT) {
  const file = path.join(root, 'node_modules/electron/abi_version');
  if (fs.existsSync(file)) {
    const abi = Number(fs.readFileSync(file, 'utf8').trim());
    if (Number.isInteger(abi) && abi > 0) return abi;
  }
  const binary = electronBinary(root);
  if (binary) {
    const result = spawnSync(binary, ['-p', 'process.versions.modules'], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
    });
    const abi = Number(result.stdout?.trim());
    if (result.status === 0 && Number.isInteger(abi) && abi > 0) return abi;
  }
  throw new Error(
    "cannot tell Electron's ABI: node_modules/electron/abi_version is missing and the Electron binary is not installed.",
  );
}

// npm passes its config to child processes as npm_config_* variables; these would make
// node-gyp build against Node's headers or another target instead of Electron's.
const GYP_OVERRIDES = new Set([
  'nodedir',
  'target',
  'target_arch',
  'arch',
  'runtime',
  'disturl',
  'dist_url',
  'devdir',
]);

/** The environment for node-gyp, without npm settings that would change what it builds against. */
export function gypEnv(env = process.env) {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => {
      const match = /^npm_config_(.+)$/i.exec(key);
      return !match || !GYP_OVERRIDES.has(match[1].toLowerCase().replace(/-/g, '_'));
    }),
  );
}

/**
 * The default builder: copies better-sqlite3 to a temporary folder (so node_modules keeps its
 * Node build) and runs node-gyp there against Electron's headers.
 */
export function nodeGypBuild({ root, version, log }) {
  const source = path.join(root, 'node_modules/better-sqlite3');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-electron-native-'));
  const cleanup = () => fs.rmSync(work, { recursive: true, force: true });
  try {
    const copy = path.join(work, 'better-sqlite3');
    const ownBuild = path.join(source, 'build');
    fs.cpSync(source, copy, { recursive: true, filter: (file) => file !== ownBuild });
    const localGyp = path.join(root, 'node_modules/node-gyp/bin/node-gyp.js');
    const args = [
      'rebuild',
      '--release',
      `--target=${version}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
      // Electron's headers apart from Node's, as Electron's docs suggest.
      `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
    ];
    const [command, commandArgs] = fs.existsSync(localGyp)
      ? [process.execPath, [localGyp, ...args]]
      : ['npx', ['--yes', 'node-gyp', ...args]];
    log(`keel: building better-sqlite3 for Electron ${version} (node-gyp; this takes a minute)…`);
    const result = spawnSync(command, commandArgs, {
      cwd: copy,
      env: gypEnv(),
      // node-gyp's output goes to stderr: stdout carries only the resulting path.
      stdio: ['ignore', 2, 2],
      shell: process.platform === 'win32' && command === 'npx',
    });
    if (result.error) throw new Error(`could not run node-gyp: ${result.error.message}`);
    if (result.status !== 0) {
      throw new Error(
        `node-gyp failed (exit ${result.status}). It needs a C++ toolchain, Python, and Electron's headers from electronjs.org (or a copy in ~/.electron-gyp).`,
      );
    }
    const file = path.join(copy, 'build/Release/better_sqlite3.node');
    if (!fs.existsSync(file)) throw new Error(`node-gyp finished but produced no ${file}`);
    return { file, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/**
 * Returns the path of an Electron build of better-sqlite3, building it first unless an
 * up-to-date one (same Electron, same better-sqlite3, right ABI) is already cached.
 * Throws an Error with a clear message on any failure, including an ABI mismatch.
 */
export function ensureElectronNative({
  root = ROOT,
  force = false,
  log = console.error,
  build = nodeGypBuild,
} = {}) {
  const version = electronVersion(root);
  const abi = electronAbi(root);
  const sqliteVersion = readJson(path.join(root, 'node_modules/better-sqlite3/package.json')).version;
  const out = electronNativePath(root);
  const stampFile = path.join(path.dirname(out), 'build.json');
  const stamp = { electron: version, abi, betterSqlite3: sqliteVersion };

  if (!force && fs.existsSync(out) && fs.existsSync(stampFile)) {
    const previous = readJson(stampFile);
    const current =
      previous.electron === version && previous.abi === abi && previous.betterSqlite3 === sqliteVersion;
    if (current && readModuleAbi(out) === abi) return out;
  }

  const built = build({ root, version, log });
  try {
    const builtAbi = readModuleAbi(built.file);
    if (builtAbi !== abi) {
      throw new Error(
        `the build of better-sqlite3 has ABI ${builtAbi ?? 'unknown'}, but Electron ${version} needs ABI ${abi}` +
          (builtAbi === Number(process.versions.modules)
            ? " (that is Node's own ABI: node-gyp used Node's headers)"
            : '') +
          '. Nothing was installed.',
      );
    }
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // Copy then rename, so a running Keel never sees half a file.
    const partial = `${out}.partial`;
    fs.copyFileSync(built.file, partial);
    fs.renameSync(partial, out);
    fs.writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
    return out;
  } finally {
    built.cleanup();
  }
}

function main() {
  try {
    const out = ensureElectronNative({ force: process.argv.includes('--force') });
    console.log(out);
  } catch (error) {
    console.error(
      `keel: cannot build better-sqlite3 for Electron: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
