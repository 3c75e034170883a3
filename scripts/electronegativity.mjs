#!/usr/bin/env node
/**
 * Electron security scan (issue #9): runs Doyensec's electronegativity over Keel's source and
 * holds every finding against electronegativity-justifications.json. One line per finding;
 * exit 1 if a finding has no justification, a justification matches no finding (stale), a file
 * could not be parsed (it would be skipped silently) or anything tried the network.
 *
 *   node scripts/electronegativity.mjs [--root <dir>] [--justifications <file>] [--sarif <file>]
 *
 * --root: the folder whose src-main/, src-renderer/ and package.json are scanned (default: the
 *   repository); tests point it at a fixture. --sarif: keep the SARIF report (e.g. for CI upload).
 *
 * Why the programmatic runner: the package's CLI needs a hoisted commander of an old major
 * (ours is 14: "_commander2.default.version is not a function").
 * Why the source, not dist/: the scanner skips .cjs files, so dist/main and dist/preload would
 * not be read at all; TypeScript is parsed with typescript-estree.
 */
import dns from 'node:dns';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** What is scanned, relative to the root. */
const SCANNED = ['src-main', 'src-renderer', 'package.json'];
/** The scanner's own filter (dist/util/file.js): which files it reads at all. */
const SCANNED_EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.html', '.htm']);
/** Fetches Electron's release list from GitHub on every run: it cannot work offline. */
const NETWORK_ONLY_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function parseArgs(argv) {
  const options = {
    root: repoRoot,
    justifications: path.join(repoRoot, 'electronegativity-justifications.json'),
    sarif: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!['--root', '--justifications', '--sarif'].includes(flag) || value === undefined) {
      throw new Error(
        `usage: electronegativity.mjs [--root <dir>] [--justifications <file>] [--sarif <file>]`,
      );
    }
    options[flag.slice(2)] = path.resolve(value);
    i += 1;
  }
  return options;
}

/**
 * The scan must be offline (DESIGN.md: no network calls), so the scanner's HTTP client is
 * replaced before it loads: translations are "not found" (the bundled English is used), anything
 * else fails at once. Sockets and DNS are trapped too, so a new code path cannot reach out unseen.
 */
function goOffline() {
  const attempts = [];
  const offlineGot = (url) =>
    String(url).includes('electronegativity-i18n')
      ? Promise.resolve({ statusCode: 404, body: '', headers: {} })
      : Promise.reject(new Error(`offline: ${String(url)}`));
  offlineGot.head = (url) => Promise.reject(new Error(`offline: ${String(url)}`));
  const load = Module._load;
  Module._load = function loadOffline(request, ...rest) {
    return request === 'got' ? offlineGot : load.call(this, request, ...rest);
  };
  const shown = (arg) => {
    try {
      return String(JSON.stringify(arg ?? null)).slice(0, 120);
    } catch {
      return typeof arg; // circular options object
    }
  };
  const trap = (target, key, label) => {
    target[key] = (...args) => {
      attempts.push(`${label}(${shown(args[0])})`);
      throw new Error(`network trapped: ${label}`);
    };
  };
  trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
  trap(tls, 'connect', 'tls.connect');
  trap(dns, 'lookup', 'dns.lookup');
  trap(dns.promises, 'lookup', 'dns.promises.lookup');
  trap(globalThis, 'fetch', 'fetch');
  return attempts;
}

/** Copies what is scanned into one folder, so one run sees it all (the global checks correlate files). */
function stage(root, into) {
  let files = 0;
  for (const entry of SCANNED) {
    const from = path.join(root, entry);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(into, entry), {
      recursive: true,
      filter: (source) => path.basename(source) !== 'node_modules',
    });
  }
  for (const file of fs.readdirSync(into, { recursive: true })) {
    const name = String(file);
    if (SCANNED_EXTENSIONS.has(path.extname(name)) || path.basename(name) === 'package.json') files += 1;
  }
  return files;
}

/** The SARIF report; the scanner writes it without awaiting the write, so wait for whole JSON. */
async function readSarif(file, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const report = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (Array.isArray(report.runs)) return report;
    } catch {
      // Not there yet, or half written.
    }
    if (Date.now() > deadline) throw new Error(`no SARIF report at ${file}`);
    await delay(25);
  }
}

/**
 * SARIF results as findings. `text` is what `match` is held against: the scanner's sample (for
 * a CSP finding, the whole policy; SARIF has no field for it, and the runner returns its issues
 * in the order it wrote them) or else the source line the finding points at.
 */
function findingsOf(report, issues, scanned) {
  const results = report.runs.flatMap((run) => run.results ?? []);
  if (results.length !== issues.length || results.some((result, i) => result.ruleId !== issues[i].id)) {
    throw new Error('the SARIF report and the runner disagree about the findings');
  }
  return results.map((result, i) => {
    const location = result.locations?.[0]?.physicalLocation;
    const uri = location?.artifactLocation?.uri ?? 'file:///';
    const file = uri === 'file:///' ? 'N/A' : uri.split(path.sep).join('/');
    const line = location?.region?.startLine ?? 1;
    const column = location?.region?.startColumn ?? 1;
    let text = typeof issues[i].sample === 'string' ? issues[i].sample.trim() : '';
    if (text === '' && file !== 'N/A') {
      text = (fs.readFileSync(path.join(scanned, file), 'utf8').split('\n')[line - 1] ?? '').trim();
    }
    return { check: result.ruleId, file, line, column, message: result.message?.text ?? '', text };
  });
}

function loadJustifications(file) {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : parsed.justifications;
  if (!Array.isArray(list)) throw new Error(`${file}: expected a "justifications" array`);
  for (const [index, entry] of list.entries()) {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`${file}: justification ${index + 1} needs a non-empty "${key}"`);
      }
    }
  }
  return list;
}

/** A path as the user would type it: relative inside the repository, absolute outside. */
const shown = (file) =>
  path.relative(repoRoot, file).startsWith('..') ? file : path.relative(repoRoot, file);

const covers = (justification, finding) =>
  justification.check === finding.check &&
  justification.file === finding.file &&
  (justification.line === undefined || justification.line === finding.line) &&
  (justification.match === undefined || finding.text.includes(justification.match));

/** Runs the scanner over a staged copy of the source; resolves to its result and SARIF report. */
async function scan(options, electronVersion) {
  const runElectronegativity = require('@doyensec/electronegativity');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-electronegativity-'));
  try {
    const scanned = path.join(work, 'scan');
    fs.mkdirSync(scanned);
    const fileCount = stage(options.root, scanned);
    if (fileCount === 0) throw new Error(`nothing to scan under ${options.root} (${SCANNED.join(', ')})`);
    const sarif = path.join(work, 'electronegativity.sarif');
    const started = Date.now();
    const result = await runElectronegativity({
      input: scanned,
      output: sarif,
      isSarif: true,
      customScan: [],
      excludeFromScan: NETWORK_ONLY_CHECKS.map((check) => check.toLowerCase()),
      severitySet: 'informational',
      confidenceSet: 'tentative',
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      // Pinned exactly in package.json; given here so the version is never looked up.
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    const report = await readSarif(sarif);
    if (options.sarif) fs.copyFileSync(sarif, options.sarif);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return { result, fileCount, seconds, scanned, findings: findingsOf(report, result.issues, scanned) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Prints every finding as justified or not, and every stale justification; returns the problems. */
function report({ result, scanned, findings }, justifications) {
  let failures = 0;
  for (const error of result.errors) {
    const file = path.relative(scanned, error.file);
    if (error.tolerable) {
      console.log(`warning       ${file}: ${error.message}`);
    } else {
      failures += 1;
      console.log(`NOT PARSED    ${file}: ${error.message} (its checks did not run)`);
    }
  }
  const used = new Set();
  for (const finding of findings) {
    const where = `${finding.check} ${finding.file}:${finding.line}:${finding.column}`;
    const justification = justifications.find((entry) => covers(entry, finding));
    if (justification) {
      used.add(justification);
      console.log(`justified     ${where} — ${justification.reason}`);
    } else {
      failures += 1;
      console.log(`NOT JUSTIFIED ${where} — ${finding.message}${finding.text ? ` [${finding.text}]` : ''}`);
    }
  }
  for (const entry of justifications) {
    if (used.has(entry)) continue;
    failures += 1;
    const at = [entry.line !== undefined ? `line ${entry.line}` : '', entry.match ? `"${entry.match}"` : '']
      .filter(Boolean)
      .join(', ');
    console.log(
      `STALE         ${entry.check} ${entry.file}${at ? ` (${at})` : ''} — matches no finding; remove it`,
    );
  }
  return failures;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const justifications = loadJustifications(options.justifications);
  const attempts = goOffline();
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
  ).devDependencies.electron.replace(/^[\^~]/, '');
  const scanned = await scan(options, electronVersion);
  const { result, fileCount, seconds, findings } = scanned;
  console.log(
    `electronegativity: ${fileCount} files, ${result.atomicChecks} atomic + ${result.globalChecks} global checks` +
      ` (skipped, network only: ${NETWORK_ONLY_CHECKS.join(', ')}), Electron ${electronVersion}, ${seconds} s`,
  );
  let failures = report(scanned, justifications);
  if (attempts.length > 0) {
    failures += 1;
    console.log(`NETWORK       the scan tried to reach out: ${attempts.join(', ')}`);
  }
  console.log(
    failures === 0
      ? `electronegativity: ${findings.length} findings, all justified`
      : `electronegativity: ${failures} problem(s); fix the code, or justify the finding in ${shown(options.justifications)}`,
  );
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
