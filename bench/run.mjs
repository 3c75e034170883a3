// `npm run bench`: Keel's benchmarks (issue #7). Prints one JSON line per figure on stdout
// ({"name", "value", "unit", "target", "pass", …context}); progress goes to stderr.
//
// 1. Builds the renderer and the preview into dist/ when they are missing or older than their
//    sources (figure 5 measures what ships); `--no-build` skips this.
// 2. Bundles the benchmarks (bench/*.ts, importing Keel's sources) with esbuild into a temp folder.
// 3. Generates the five-year data set once, then runs each figure group in its own Node process,
//    one after another (two cores: nothing else runs beside a measurement).
//
// Options: --only append,cold (groups: append summary cold wakeups renderer memory calendar
// recur), --no-build.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GROUPS = ['append', 'summary', 'cold', 'wakeups', 'renderer', 'memory', 'calendar', 'recur'];
const started = process.hrtime.bigint();
// Other work on the machine skews every figure: the load average is printed with the wall time.
const loadAtStart = os.loadavg()[0];

const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',')
  : GROUPS;
const unknown = only.filter((g) => !GROUPS.includes(g));
if (unknown.length > 0) {
  console.error(`bench: unknown group ${unknown.join(', ')}; use ${GROUPS.join(', ')}`);
  process.exit(2);
}
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/** Newest modification time of any file under `dirs` (files or folders). */
function newest(...entries) {
  let latest = 0;
  const visit = (p) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const e of entries) visit(path.join(root, e));
  return latest;
}

function ensureBuilt() {
  if (args.includes('--no-build') || !only.includes('renderer')) return;
  const parts = [];
  const rendererOut = path.join(root, 'dist/renderer/index.html');
  const rendererBuilt = fs.statSync(rendererOut, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  // The renderer imports only types from src-main, so its own sources decide.
  if (rendererBuilt < newest('src-renderer', 'vite.config.mts', 'package-lock.json')) parts.push('renderer');
  const previewBuilt = fs.statSync(path.join(root, 'dist/preview/server.cjs'), { throwIfNoEntry: false });
  if ((previewBuilt?.mtimeMs ?? 0) < newest('src-main', 'package-lock.json')) parts.push('preview');
  if (parts.length === 0) return;
  log(`building ${parts.join(' and ')} (missing or older than the sources)`);
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), ...parts], {
    cwd: root,
    // The build's own messages go to stderr: stdout carries only figures.
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) {
    console.error('bench: the build failed; fix it or run with --no-build');
    process.exit(1);
  }
}

/**
 * The bundle lives in a temp folder, outside node_modules' reach: the packages left out of it are
 * pointed at by absolute path, resolved here as an `import` would (conf is ESM-only).
 */
const fromRoot = {
  name: 'keel-bench-externals',
  setup(b) {
    b.onResolve({ filter: /^(better-sqlite3|conf|esbuild|playwright-core)$/ }, (a) => ({
      path: fileURLToPath(import.meta.resolve(a.path)),
      external: true,
    }));
  },
};

async function bundle(outdir) {
  await build({
    absWorkingDir: root,
    // The calendar worker beside them: figure 7 starts it as the app does.
    entryPoints: [
      { in: 'bench/figures.ts', out: 'figures' },
      { in: 'bench/cold-start.ts', out: 'cold-start' },
      { in: 'bench/memory.ts', out: 'memory' },
      { in: 'src-main/platform/calendar-worker.ts', out: 'calendar-worker' },
    ],
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As scripts/build.mjs: native and runtime-provided modules stay outside; conf and
    // playwright-core are loaded only by the figure that needs them.
    external: ['electron', 'x11'],
    plugins: [fromRoot],
    // Keel's bundles are not minified; names stay readable (figure 4 reads call sites by name).
    minify: false,
    logLevel: 'warning',
  });
}

/** Runs one figure group; its stdout lines (the figures) are passed through and collected. */
function runGroup(bundleDir, group, dataDir, figures) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', path.join(bundleDir, 'figures.cjs'), group, dataDir, root],
      {
        cwd: root,
        env: { ...process.env, TZ: 'Europe/Berlin' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      process.stdout.write(`${line}\n`);
      try {
        figures.push(JSON.parse(line));
      } catch {
        log(`not a figure: ${line}`);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${group} exited with ${code}`))));
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpu_model: cpus[0]?.model ?? 'unknown',
    memory_gb: Math.round(os.totalmem() / 1e8) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-bench-run-'));
const figures = [];
let failed = false;
try {
  ensureBuilt();
  const bundleDir = path.join(work, 'bundle');
  await bundle(bundleDir);
  const dataDir = path.join(work, 'dataset');
  await runGroup(bundleDir, 'dataset', dataDir, figures);
  for (const group of GROUPS.filter((g) => only.includes(g))) {
    try {
      await runGroup(bundleDir, group, dataDir, figures);
    } catch (error) {
      failed = true;
      log(`${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(
  `${JSON.stringify({
    name: 'bench_wall_time',
    value: Math.round(seconds * 10) / 10,
    unit: 's',
    target: '< 300',
    pass: seconds < 300,
    date: new Date().toISOString(),
    ...machine(),
    load_avg_1m_start: Math.round(loadAtStart * 100) / 100,
    load_avg_1m_end: Math.round(os.loadavg()[0] * 100) / 100,
  })}\n`,
);
const misses = figures.filter((f) => f.pass === false).map((f) => f.name);
const pending = figures.filter((f) => f.value === null).map((f) => f.name);
log(`done in ${seconds.toFixed(1)} s; ${figures.length} figures`);
if (misses.length > 0) log(`missed targets: ${misses.join(', ')}`);
if (pending.length > 0) log(`pending: ${pending.join(', ')}`);
if (failed) process.exit(1);
