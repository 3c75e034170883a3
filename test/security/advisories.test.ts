import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

interface Advisory {
  id: string;
  package: string;
  severity: string;
  summary: string;
  range: string;
}
interface Finding extends Advisory {
  version: string;
  where: string;
  scope: 'runtime' | 'dev';
  verdict: 'fail' | 'report' | 'accepted';
}
interface Snapshot {
  source: Record<string, string>;
  advisories: Advisory[];
}
interface Acceptance {
  id: string;
  package: string;
}
interface Checker {
  checkAdvisories(input: { lock: unknown; snapshot: Snapshot; accepted?: Acceptance[] }): {
    findings: Finding[];
    unchecked: unknown[];
    stale: Acceptance[];
    broken: Advisory[];
  };
}
interface Generator {
  eventsToRange(events: Record<string, string>[]): string;
  buildSnapshot(checkout: string, lock: unknown, options?: Record<string, string>): Snapshot;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const load = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
const { checkAdvisories } = (await import(
  pathToFileURL(path.join(ROOT, 'scripts/advisories.mjs')).href
)) as Checker;
const { eventsToRange, buildSnapshot } = (await import(
  pathToFileURL(path.join(ROOT, 'scripts/advisories-snapshot.mjs')).href
)) as Generator;

const lock = load('lock.json');
const snapshot = load('snapshot.json') as Snapshot;
const accepted = (load('accepted.json') as { accepted: Acceptance[] }).accepted;

function runCli(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/advisories.mjs'), ...args], {
    encoding: 'utf8',
  });
}

describe('the offline advisory check', () => {
  it('flags xml2js 0.4.23 as a failing runtime advisory and leaves 0.6.2 alone', () => {
    const { findings } = checkAdvisories({ lock, snapshot });
    const xml = findings.filter((f) => f.package === 'xml2js');
    expect(xml).toEqual([
      expect.objectContaining({
        id: 'GHSA-776f-qx25-q3cc',
        version: '0.4.23',
        where: 'node_modules/xml2js',
        scope: 'runtime',
        verdict: 'fail',
      }),
    ]);
  });

  it('reports a moderate dev-only advisory, fails a high one unless accepted, and counts Electron as shipped', () => {
    const plain = checkAdvisories({ lock, snapshot }).findings;
    const verdict = (findings: Finding[], pkg: string) => findings.find((f) => f.package === pkg)?.verdict;
    expect(verdict(plain, 'globber')).toBe('report');
    expect(verdict(plain, 'unpacker')).toBe('fail');
    expect(plain.find((f) => f.package === 'electron')).toMatchObject({ scope: 'runtime', verdict: 'fail' });

    const withAccepted = checkAdvisories({ lock, snapshot, accepted });
    expect(verdict(withAccepted.findings, 'unpacker')).toBe('accepted');
    // A runtime advisory cannot be accepted away, and an acceptance that matches nothing is stale.
    expect(verdict(withAccepted.findings, 'electron')).toBe('fail');
    expect(verdict(withAccepted.findings, 'xml2js')).toBe('fail');
    expect(withAccepted.stale.map((a) => a.id).sort()).toEqual([
      'GHSA-fake-elec-mod1',
      'GHSA-fake-gone-0001',
    ]);
  });

  it('refuses a snapshot whose range semver cannot read instead of matching nothing', () => {
    const bad = { ...snapshot, advisories: [{ ...snapshot.advisories[0]!, range: 'before 0.5' }] };
    expect(checkAdvisories({ lock, snapshot: bad }).broken).toHaveLength(1);
  });

  it('exits 1 with one JSON line per finding on the fixture, and 0 once xml2js is fixed', () => {
    const args = [
      '--lockfile',
      path.join(FIXTURES, 'lock.json'),
      '--snapshot',
      path.join(FIXTURES, 'snapshot.json'),
    ];
    const failing = runCli([...args, '--accepted', path.join(FIXTURES, 'accepted.json'), '--json']);
    expect(failing.status).toBe(1);
    const lines = failing.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; id: string });
    expect(lines.filter((l) => l.type === 'finding').map((l) => l.id)).toContain('GHSA-776f-qx25-q3cc');

    const dir = tempDir('keel-advisories-');
    const fixed = structuredClone(lock) as { packages: Record<string, { version?: string }> };
    fixed.packages['node_modules/xml2js']!.version = '0.6.2';
    const only = { ...snapshot, advisories: snapshot.advisories.filter((a) => a.package === 'xml2js') };
    fs.writeFileSync(path.join(dir, 'lock.json'), JSON.stringify(fixed));
    fs.writeFileSync(path.join(dir, 'snapshot.json'), JSON.stringify(only));
    const passing = runCli([
      '--lockfile',
      path.join(dir, 'lock.json'),
      '--snapshot',
      path.join(dir, 'snapshot.json'),
    ]);
    expect(passing.stdout).toContain('no failing advisory');
    expect(passing.status).toBe(0);
  });
});

describe('the advisory snapshot generator', () => {
  it('turns OSV events into semver ranges', () => {
    expect(eventsToRange([{ introduced: '0' }, { fixed: '0.5.0' }])).toBe('<0.5.0');
    expect(eventsToRange([{ introduced: '1.0.0' }, { last_affected: '1.2.5' }])).toBe('>=1.0.0 <=1.2.5');
    expect(eventsToRange([{ introduced: '2.0.0' }])).toBe('>=2.0.0');
    expect(
      eventsToRange([{ introduced: '0' }, { fixed: '1.0.1' }, { introduced: '2.0.0' }, { fixed: '2.0.3' }]),
    ).toBe('<1.0.1 || >=2.0.0 <2.0.3');
  });

  it('keeps npm advisories for packages in the lockfile only, skips withdrawn ones, and records its source', () => {
    const built = buildSnapshot(path.join(FIXTURES, 'osv'), lock, { commit: 'abc123', date: '2026-12-02' });
    expect(built.source).toMatchObject({ commit: 'abc123', date: '2026-12-02' });
    expect(built.advisories).toEqual([
      expect.objectContaining({
        id: 'GHSA-776f-qx25-q3cc',
        package: 'xml2js',
        severity: 'high',
        summary: 'xml2js is vulnerable to prototype pollution',
        range: '<0.5.0',
      }),
    ]);
    const { findings } = checkAdvisories({ lock, snapshot: built });
    expect(findings.map((f) => `${f.package}@${f.version}`)).toEqual(['xml2js@0.4.23']);
  });
});

describe("the project's own lockfile", () => {
  it('passes the committed snapshot (npm test runs the same check as a step)', () => {
    const result = runCli([]);
    expect(result.stdout).toContain('no failing advisory');
    expect(result.status).toBe(0);
  });
});
