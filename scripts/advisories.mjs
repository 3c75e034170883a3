// `node scripts/advisories.mjs [--json] [--lockfile F] [--snapshot F] [--accepted F]`: checks every
// package version in package-lock.json against the committed advisory snapshot
// (security/advisories.json, built by scripts/advisories-snapshot.mjs from the GitHub Advisory
// Database). Offline: no registry, no network. Exits 1 when the policy below fails.
//
// Policy:
// - Runtime packages (everything not marked dev in the lockfile, plus Electron, a devDependency
//   only because electron-builder wants it there: its binary is the app) fail on ANY advisory.
// - Dev-only packages run on developer machines and CI against this repository's own files, never
//   ship, and never see a user's data: a low or moderate advisory is reported; a high or critical
//   one fails unless security/accepted.json lists it with the reason it does not reach Keel.
// - An acceptance that no longer matches anything is reported, so the list does not rot.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** devDependencies whose code ships in the app all the same. */
export const SHIPPED_DEV_PACKAGES = new Set(['electron']);
const FAILING_DEV_SEVERITIES = new Set(['high', 'critical']);

/** Every installed package in a v2/v3 lockfile: name, version, where, and whether dev-only. */
export function installedPackages(lock) {
  const out = [];
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (where === '' || entry.link || !entry.version) continue;
    const name = entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    out.push({ name, version: entry.version, where, dev: entry.dev === true });
  }
  return out;
}

function affects(advisory, version) {
  const clean = semver.valid(version);
  if (!clean) return null;
  return semver.satisfies(clean, advisory.range, { includePrerelease: true });
}

function verdictFor(finding, accepted) {
  if (finding.scope === 'runtime') return 'fail';
  if (!FAILING_DEV_SEVERITIES.has(finding.severity)) return 'report';
  const acceptance = accepted.find((a) => a.id === finding.id && a.package === finding.package);
  return acceptance ? 'accepted' : 'fail';
}

/**
 * Every advisory that affects an installed version, with its verdict: `fail`, `report` or
 * `accepted`; `unchecked` lists versions semver cannot read; `stale` acceptances match nothing;
 * `broken` snapshot entries have a range semver cannot read (the check then fails).
 */
export function checkAdvisories({ lock, snapshot, accepted = [] }) {
  const byPackage = new Map();
  // semver.satisfies answers false for a range it cannot read, which would hide an advisory.
  const broken = (snapshot.advisories ?? []).filter((a) => semver.validRange(a.range) === null);
  for (const advisory of snapshot.advisories ?? []) {
    const list = byPackage.get(advisory.package) ?? [];
    list.push(advisory);
    byPackage.set(advisory.package, list);
  }
  const findings = [];
  const unchecked = [];
  for (const pkg of installedPackages(lock)) {
    for (const advisory of byPackage.get(pkg.name) ?? []) {
      const hit = affects(advisory, pkg.version);
      if (hit === null) unchecked.push({ package: pkg.name, version: pkg.version, where: pkg.where });
      if (!hit) continue;
      const scope = pkg.dev && !SHIPPED_DEV_PACKAGES.has(pkg.name) ? 'dev' : 'runtime';
      const finding = {
        id: advisory.id,
        package: pkg.name,
        version: pkg.version,
        where: pkg.where,
        scope,
        severity: advisory.severity,
        range: advisory.range,
        summary: advisory.summary,
      };
      findings.push({ ...finding, verdict: verdictFor(finding, accepted) });
    }
  }
  const stale = accepted.filter(
    (a) => !findings.some((f) => f.id === a.id && f.package === a.package && f.verdict === 'accepted'),
  );
  return { findings, unchecked, stale, broken };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? path.resolve(args[at + 1]) : fallback;
}

function report(result, snapshot) {
  const { findings, unchecked, stale, broken } = result;
  const source = snapshot.source ?? {};
  const lines = [
    `advisories: ${snapshot.advisories?.length ?? 0} in the snapshot (${source.database ?? 'unknown source'}, ${source.date ?? 'undated'})`,
  ];
  for (const f of findings) {
    lines.push(
      `${f.verdict.toUpperCase().padEnd(8)} ${f.id} ${f.severity} ${f.package}@${f.version} (${f.scope}, ${f.where}): ${f.summary} [${f.range}]`,
    );
  }
  for (const u of unchecked)
    lines.push(`UNCHECKED ${u.package}@${u.version} (${u.where}): not a semver version`);
  for (const a of broken)
    lines.push(`BROKEN   ${a.id} for ${a.package}: the snapshot's range "${a.range}" is not a semver range`);
  for (const a of stale)
    lines.push(`STALE    acceptance of ${a.id} for ${a.package} matches nothing now; remove it`);
  const failing = findings.filter((f) => f.verdict === 'fail').length + broken.length;
  lines.push(
    failing === 0
      ? `advisories: no failing advisory (${findings.length} reported or accepted)`
      : `advisories: ${failing} failing advisor${failing === 1 ? 'y' : 'ies'}; update the package, or for a dev-only tool explain in security/accepted.json why it does not reach Keel`,
  );
  return lines.join('\n');
}

function main(args) {
  const lockfile = option(args, '--lockfile', path.join(ROOT, 'package-lock.json'));
  const snapshotFile = option(args, '--snapshot', path.join(ROOT, 'security/advisories.json'));
  const acceptedFile = option(args, '--accepted', path.join(ROOT, 'security/accepted.json'));
  const snapshot = readJson(snapshotFile);
  const accepted = fs.existsSync(acceptedFile) ? (readJson(acceptedFile).accepted ?? []) : [];
  const result = checkAdvisories({ lock: readJson(lockfile), snapshot, accepted });
  if (args.includes('--json')) {
    for (const f of result.findings) process.stdout.write(`${JSON.stringify({ type: 'finding', ...f })}\n`);
    for (const u of result.unchecked)
      process.stdout.write(`${JSON.stringify({ type: 'unchecked', ...u })}\n`);
    for (const a of result.stale) process.stdout.write(`${JSON.stringify({ type: 'stale', ...a })}\n`);
    for (const a of result.broken) process.stdout.write(`${JSON.stringify({ type: 'broken', ...a })}\n`);
  } else {
    process.stdout.write(`${report(result, snapshot)}\n`);
  }
  return result.findings.some((f) => f.verdict === 'fail') || result.broken.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
