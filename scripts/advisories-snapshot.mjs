// `node scripts/advisories-snapshot.mjs <advisory-database checkout> [--lockfile F] [--out F]
//   [--commit SHA] [--date YYYY-MM-DD] [--note TEXT]`
// Builds security/advisories.json from a checkout of the GitHub Advisory Database
// (github/advisory-database; reviewed advisories in OSV format under advisories/github-reviewed/),
// keeping only npm advisories for package names in our lockfile, so the snapshot stays small.
// Any folder of OSV files works (the walk is recursive). The checkout's commit and date are read
// with git when it is a repository; --commit/--date say them otherwise.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedPackages } from './advisories.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** OSV events of one ECOSYSTEM range as a semver range (`>=1.0.0 <1.2.3 || >=2.0.0 <2.0.1`). */
export function eventsToRange(events) {
  const parts = [];
  let lower = null;
  for (const event of events) {
    if (event.introduced !== undefined) lower = event.introduced;
    else if (lower !== null && (event.fixed !== undefined || event.last_affected !== undefined)) {
      const upper = event.fixed !== undefined ? `<${event.fixed}` : `<=${event.last_affected}`;
      parts.push(lower === '0' ? upper : `>=${lower} ${upper}`);
      lower = null;
    }
  }
  if (lower !== null) parts.push(lower === '0' ? '*' : `>=${lower}`);
  return parts.join(' || ');
}

/** The snapshot entries of one OSV advisory for the packages in `names`. */
export function entriesOf(osv, names) {
  if (osv.withdrawn) return [];
  const byPackage = new Map();
  for (const affected of osv.affected ?? []) {
    const pkg = affected.package;
    if (pkg?.ecosystem !== 'npm' || !names.has(pkg.name)) continue;
    const ranges = (affected.ranges ?? [])
      .filter((r) => r.type === 'ECOSYSTEM' || r.type === 'SEMVER')
      .map((r) => eventsToRange(r.events ?? []))
      .filter(Boolean);
    const exact = (affected.versions ?? []).map((v) => `=${v}`);
    const all = [...(byPackage.get(pkg.name) ?? []), ...ranges, ...exact];
    if (all.length > 0) byPackage.set(pkg.name, all);
  }
  const severity = String(osv.database_specific?.severity ?? 'unknown').toLowerCase();
  return [...byPackage].map(([name, ranges]) => ({
    id: osv.id,
    package: name,
    severity: severity === 'medium' ? 'moderate' : severity,
    summary: (osv.summary ?? '').trim(),
    range: ranges.join(' || '),
    aliases: osv.aliases ?? [],
    published: osv.published,
    modified: osv.modified,
  }));
}

function* osvFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '.git') yield* osvFiles(full);
    else if (entry.isFile() && /^GHSA-.*\.json$/.test(entry.name)) yield full;
  }
}

function git(dir, args) {
  try {
    return execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export function buildSnapshot(checkout, lock, { commit, date, note } = {}) {
  const names = new Set(installedPackages(lock).map((p) => p.name));
  const advisories = [];
  for (const file of osvFiles(checkout)) {
    advisories.push(...entriesOf(JSON.parse(fs.readFileSync(file, 'utf8')), names));
  }
  advisories.sort((a, b) => a.package.localeCompare(b.package) || a.id.localeCompare(b.id));
  return {
    source: {
      database: 'GitHub Advisory Database (github/advisory-database), reviewed npm advisories, CC-BY-4.0',
      commit: commit ?? git(checkout, ['rev-parse', 'HEAD']) ?? 'unknown',
      date: date ?? git(checkout, ['log', '-1', '--format=%cs']) ?? 'unknown',
      ...(note ? { note } : {}),
    },
    advisories,
  };
}

function option(args, name) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const checkout = args[0];
  if (!checkout || !fs.existsSync(checkout)) {
    console.error('Usage: node scripts/advisories-snapshot.mjs <advisory-database checkout> [--out F]');
    process.exit(2);
  }
  const lock = JSON.parse(
    fs.readFileSync(option(args, '--lockfile') ?? path.join(ROOT, 'package-lock.json'), 'utf8'),
  );
  const snapshot = buildSnapshot(checkout, lock, {
    commit: option(args, '--commit'),
    date: option(args, '--date'),
    note: option(args, '--note'),
  });
  const out = option(args, '--out') ?? path.join(ROOT, 'security/advisories.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`advisories: ${snapshot.advisories.length} entries written to ${path.relative(ROOT, out)}`);
}
