import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '../..');

/** A copy of the start scripts in a project whose electron package has no binary. */
function projectWithoutElectronBinary(): string {
  const root = tempDir('keel-start-');
  fs.mkdirSync(path.join(root, 'scripts'));
  for (const file of ['start.mjs', 'electron-native.mjs']) {
    fs.copyFileSync(path.join(ROOT, 'scripts', file), path.join(root, 'scripts', file));
  }
  fs.mkdirSync(path.join(root, 'node_modules/electron'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'node_modules/electron/package.json'),
    JSON.stringify({ version: '45.4.1' }),
  );
  return root;
}

describe('scripts/start.mjs', () => {
  it('explains in one line that Electron is missing, and how to go on, then exits 1', () => {
    const root = projectWithoutElectronBinary();
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Keel: Electron's binary is not installed here/);
    expect(lines[0]).toContain('npx install-electron');
    expect(lines[0]).toContain('npm run preview" and open the URL it prints');
  });
});
