import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, onTestFinished } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/electronegativity.mjs');

interface ScanResult {
  code: number;
  output: string;
}

/** Runs the scan as CI does, in its own process; resolves with its exit code and output. */
function scan(...args: string[]): Promise<ScanResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      { cwd: ROOT, timeout: 170_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** A tiny app with the textbook mistake: Node in the page, no isolation between page and preload. */
function insecureFixture(): string {
  // Not helpers/temp: its afterEach would delete this folder when the other, concurrent test ends.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-electronegativity-fixture-'));
  fs.mkdirSync(path.join(root, 'src-main/electron'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'src-main/electron/window.ts'),
    [
      "import { BrowserWindow } from 'electron';",
      '',
      'export function openInsecureWindow(): BrowserWindow {',
      '  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
      '}',
      '',
    ].join('\n'),
  );
  return root;
}

function writeJustifications(dir: string, name: string, entries: object[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({ justifications: entries }, null, 2));
  return file;
}

const UNJUSTIFIED = /^NOT JUSTIFIED (\S+) (\S+):(\d+):\d+ — /gm;

// Concurrent: each scan is its own process, mostly spent loading the scanner (seconds alone; over
// 50 s once on two cores with other work running, so the limits only catch a hang).
describe.concurrent('electronegativity scan', { timeout: 180_000 }, () => {
  it('passes on Keel: every finding is justified and no justification is stale', async ({ expect }) => {
    const { code, output } = await scan();
    expect(output).not.toMatch(/^(NOT JUSTIFIED|STALE|NOT PARSED|NETWORK)/m);
    expect(output).toMatch(/^justified {5}/m);
    expect(output).toMatch(/findings, all justified$/m);
    expect(code, output).toBe(0);
  });

  it('fails on an insecure window, and passes only once each finding is justified', async ({ expect }) => {
    const fixture = insecureFixture();
    onTestFinished(() => fs.rmSync(fixture, { recursive: true, force: true }));
    const none = writeJustifications(fixture, 'none.json', []);
    const first = await scan('--root', fixture, '--justifications', none);
    expect(first.code, first.output).toBe(1);
    expect(first.output).toMatch(
      /^NOT JUSTIFIED NODE_INTEGRATION_JS_CHECK src-main\/electron\/window\.ts:4:/m,
    );
    expect(first.output).toMatch(
      /^NOT JUSTIFIED CONTEXT_ISOLATION_JS_CHECK src-main\/electron\/window\.ts:4:/m,
    );

    // Justify exactly what was found (plus one entry that matches nothing): the stale entry
    // alone fails the scan, and without it the scan passes, so matching is by check, file and line.
    const found = [...first.output.matchAll(UNJUSTIFIED)].map(([, check, file, line]) => ({
      check,
      file,
      line: Number(line),
      reason: 'Fixture.',
    }));
    const stale = { check: 'NODE_INTEGRATION_JS_CHECK', file: 'src-main/electron/gone.ts', reason: 'Gone.' };
    const [withStale, exact] = await Promise.all([
      scan(
        '--root',
        fixture,
        '--justifications',
        writeJustifications(fixture, 'stale.json', [...found, stale]),
      ),
      scan('--root', fixture, '--justifications', writeJustifications(fixture, 'exact.json', found)),
    ]);
    expect(withStale.code, withStale.output).toBe(1);
    expect(withStale.output).toMatch(/^STALE {9}NODE_INTEGRATION_JS_CHECK src-main\/electron\/gone\.ts/m);
    expect(withStale.output).not.toMatch(/^NOT JUSTIFIED/m);
    expect(exact.code, exact.output).toBe(0);
  });
});
