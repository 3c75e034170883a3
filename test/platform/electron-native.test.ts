import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '../..');
const NODE_BUILD = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

interface Built {
  file: string;
  cleanup(): void;
}
interface EnsureOptions {
  root?: string;
  force?: boolean;
  log?: (message: string) => void;
  build?: (context: { root: string; version: string; log: (message: string) => void }) => Built;
}
/** What scripts/electron-native.mjs exports (a plain .mjs script, so typed here by hand). */
interface ElectronNativeScript {
  readModuleAbi(file: string): number | undefined;
  electronAbi(root?: string): number;
  electronBinary(root?: string, env?: NodeJS.ProcessEnv): string | undefined;
  electronNativePath(root?: string): string;
  gypEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  ensureElectronNative(options?: EnsureOptions): string;
}

const script = (await import(
  pathToFileURL(path.join(ROOT, 'scripts/electron-native.mjs')).href
)) as ElectronNativeScript;

/** A project folder with just enough of node_modules for the script. */
function fakeProject(abi: number | undefined): string {
  const root = tempDir('keel-native-');
  const electron = path.join(root, 'node_modules/electron');
  fs.mkdirSync(electron, { recursive: true });
  fs.writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ version: '99.1.0' }));
  if (abi !== undefined) fs.writeFileSync(path.join(electron, 'abi_version'), `${abi}\n`);
  fs.mkdirSync(path.join(root, 'node_modules/better-sqlite3'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'node_modules/better-sqlite3/package.json'),
    JSON.stringify({ version: '1.2.3' }),
  );
  return root;
}

/** A builder that "succeeds" with the module in node_modules, built for Node. */
const nodeBuild = (): Built => ({ file: NODE_BUILD, cleanup: () => undefined });

describe('readModuleAbi', () => {
  it("reports Node's ABI for the better-sqlite3 build in node_modules", () => {
    expect(script.readModuleAbi(NODE_BUILD)).toBe(Number(process.versions.modules));
  });

  it('reads the number from the registration symbol, or nothing without one', () => {
    const dir = tempDir();
    const withSymbol = path.join(dir, 'a.node');
    fs.writeFileSync(
      withSymbol,
      Buffer.concat([Buffer.alloc(64, 7), Buffer.from('node_register_module_v150\0')]),
    );
    const without = path.join(dir, 'b.node');
    fs.writeFileSync(without, Buffer.from('napi_register_module_v1\0'));
    expect(script.readModuleAbi(withSymbol)).toBe(150);
    expect(script.readModuleAbi(without)).toBeUndefined();
  });
});

describe('electronAbi', () => {
  it("reads the installed electron package's abi_version", () => {
    const file = path.join(ROOT, 'node_modules/electron/abi_version');
    expect(script.electronAbi(ROOT)).toBe(Number(fs.readFileSync(file, 'utf8').trim()));
  });

  it('fails clearly without abi_version and without a binary', () => {
    expect(() => script.electronAbi(fakeProject(undefined))).toThrow(/cannot tell Electron's ABI/);
  });
});

describe('electronBinary', () => {
  it('is found through path.txt and dist/, without requiring electron', () => {
    const root = fakeProject(150);
    expect(script.electronBinary(root, {})).toBeUndefined();
    fs.writeFileSync(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    expect(script.electronBinary(root, {})).toBeUndefined(); // path.txt alone: the download failed
    fs.mkdirSync(path.join(root, 'node_modules/electron/dist'));
    fs.writeFileSync(path.join(root, 'node_modules/electron/dist/electron'), '');
    expect(script.electronBinary(root, {})).toBe(path.join(root, 'node_modules/electron/dist/electron'));
  });
});

describe('gypEnv', () => {
  it("drops npm settings that would build against Node's headers, and keeps the rest", () => {
    const env = script.gypEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      'npm_config_dist-url': 'https://nodejs.org/dist',
      npm_config_proxy: 'http://proxy:3128',
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_proxy: 'http://proxy:3128' });
  });
});

describe('ensureElectronNative', () => {
  it("refuses a build with Node's ABI instead of Electron's, and installs nothing", () => {
    const abi = script.electronAbi(ROOT);
    expect(abi).not.toBe(Number(process.versions.modules));
    const root = fakeProject(abi);
    expect(() =>
      script.ensureElectronNative({ root, force: true, log: () => undefined, build: nodeBuild }),
    ).toThrow(
      new RegExp(`ABI ${process.versions.modules}, but Electron 99.1.0 needs ABI ${abi}.*Node's own ABI`),
    );
    expect(fs.existsSync(script.electronNativePath(root))).toBe(false);
  });

  it('installs a build with the right ABI, then reuses it without building again', () => {
    const root = fakeProject(Number(process.versions.modules));
    let builds = 0;
    const build = (): Built => {
      builds++;
      return nodeBuild();
    };
    const out = script.ensureElectronNative({ root, log: () => undefined, build });
    expect(out).toBe(path.join(root, '.cache/electron-native/99.1.0/better_sqlite3.node'));
    expect(script.readModuleAbi(out)).toBe(Number(process.versions.modules));
    expect(script.ensureElectronNative({ root, log: () => undefined, build })).toBe(out);
    expect(builds).toBe(1);
  });
});
