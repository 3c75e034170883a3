// Builds every part of Keel into dist/: the renderer with Vite, and the main process,
// preload, CLI and preview server with esbuild (one fast bundler, CommonJS output, which a
// sandboxed preload requires).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const only = process.argv.slice(2);
const want = (part) => only.length === 0 || only.includes(part);

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  // better-sqlite3 is a native module and electron is provided by the runtime. @homebridge/dbus-native
  // require()s 'abstract-socket' (native, not installed) only for unix:abstract= addresses, which
  // Keel opens itself with node:net (platform/dbus/session-bus.ts).
  external: ['electron', 'better-sqlite3', 'abstract-socket'],
  logLevel: 'warning',
  absWorkingDir: root,
};

const jobs = [];
if (want('main')) {
  jobs.push(esbuild({ ...node, entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/main/main.cjs' }));
  jobs.push(
    esbuild({
      ...node,
      entryPoints: ['src-main/preload/preload.ts'],
      outfile: 'dist/preload/preload.cjs',
      // Sandboxed preloads get a limited `require`: bundle everything but electron.
      external: ['electron'],
      sourcemap: false,
    }),
  );
}
if (want('main') || want('cli') || want('preview')) {
  // The calendar worker (platform/calendar-worker.ts), which main, the CLI and the preview start
  // from dist/worker/ (electron-builder.yml unpacks it from app.asar).
  jobs.push(
    esbuild({
      ...node,
      entryPoints: ['src-main/platform/calendar-worker.ts'],
      outfile: 'dist/worker/calendar-worker.cjs',
    }),
  );
}
if (want('cli')) {
  jobs.push(
    esbuild({
      ...node,
      entryPoints: ['src-main/cli/keel.ts'],
      outfile: 'dist/cli/keel.cjs',
      banner: { js: '#!/usr/bin/env node' },
    }).then(() => fs.chmodSync(path.join(dist, 'cli/keel.cjs'), 0o755)),
  );
}
if (want('preview')) {
  jobs.push(
    esbuild({ ...node, entryPoints: ['src-main/preview/server.ts'], outfile: 'dist/preview/server.cjs' }),
  );
  jobs.push(
    esbuild({
      ...node,
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      entryPoints: ['src-main/preview/bridge.ts'],
      outfile: 'dist/preview/bridge.js',
      sourcemap: false,
    }),
  );
}
if (want('renderer')) {
  jobs.push(viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: 'warn' }));
}

try {
  await Promise.all(jobs);
  console.log(
    `keel: built ${only.length ? only.join(', ') : 'main, preload, worker, cli, preview, renderer'} into dist/`,
  );
} catch (error) {
  console.error(`keel: build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
