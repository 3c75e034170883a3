// What `npm run dist` puts in the package, checked offline. AppImage, deb, rpm, dmg and NSIS need
// downloads (Electron itself, and the tools that make each format), so this packages electron-builder's
// Linux `dir` target with npmRebuild=false (no Electron headers either): the app.asar, the unpacked
// native module, the resources and the executable's fuses are what every format wraps. It packages
// the real Electron where node_modules/electron/dist has it, else a stub folder whose executable
// carries a genuine fuse wire (support/electron-dist.ts).
import { execFile, fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as asar from '@electron/asar';
import { DESKTOP_ENTRY } from '../../src-main/platform/desktop-session';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarWorkerFile, WorkerCalendarParser } from '../../src-main/platform/calendar-parser';
import { version } from '../../src-main/version';
import { ELECTRON_DEFAULT_FUSES, namedFuses, stubElectronDist, wireStates } from './support/electron-dist';

const ROOT = path.resolve(__dirname, '../..');
const STATES = ['idle', 'focus', 'after-hours'];

interface Comparison {
  ok: boolean;
  message?: string;
}
/** What scripts/check-native-abi.mjs exports (a plain .mjs script, so typed here by hand). */
interface CheckNativeAbi {
  PACKAGED_MODULE: string;
  compareAbi(input: {
    file: string;
    moduleAbi: number | undefined;
    electronAbi: number;
    electronVersion: string;
    nodeAbi?: number;
  }): Comparison;
  afterPack(context: unknown): Promise<void>;
}
interface ElectronNative {
  readModuleAbi(file: string): number | undefined;
  electronAbi(): number;
  electronVersion(): string;
  electronBinary(): string | undefined;
}

const load = async <T>(file: string): Promise<T> =>
  (await import(pathToFileURL(path.join(ROOT, file)).href)) as T;
const check = await load<CheckNativeAbi>('scripts/check-native-abi.mjs');
const native = await load<ElectronNative>('scripts/electron-native.mjs');

let work: string;
let resources: string;
let archive: string;
let entries: Set<string>;
/** The packaged executable, and the fuse wire of the Electron it was made from. */
let executable: string;
let fusesBefore: FuseState[];
/** Electron's own binary, when it is installed; otherwise the stub is packaged. */
const realElectron = native.electronBinary();

beforeAll(async () => {
  if (
    !['dist/main/main.cjs', 'dist/worker/calendar-worker.cjs'].every((f) => fs.existsSync(path.join(ROOT, f)))
  ) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr.toString()}`);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-package-'));
  const electronDist = realElectron
    ? path.dirname(realElectron)
    : stubElectronDist(path.join(work, 'electron-dist'));
  fusesBefore = wireStates(await getCurrentFuseWire(realElectron ?? path.join(electronDist, 'electron')));
  await promisify(execFile)(
    process.execPath,
    [
      'node_modules/electron-builder/cli.js',
      '--linux',
      'dir',
      '--projectDir',
      ROOT,
      `-c.electronDist=${electronDist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${path.join(work, 'release')}`,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        KEEL_SKIP_ABI_CHECK: '1',
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  // The executable's name is the desktop entry notifications and do-not-disturb name Keel by.
  executable = path.join(work, 'release/linux-unpacked', DESKTOP_ENTRY);
  resources = path.join(work, 'release/linux-unpacked/resources');
  archive = path.join(resources, 'app.asar');
  entries = new Set(asar.listPackage(archive, { isPack: false }).map((entry) => entry.replace(/^[/\\]/, '')));
}, 120_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const read = (file: string): string => asar.extractFile(archive, file).toString('utf8');

/**
 * app.asar extracted under `work/<where>` (once; a later call reuses it), so each test that runs
 * the extracted app has it whether or not the tests before it ran (`-t`, or a reordering).
 */
function extracted(where: string): string {
  const dir = path.join(work, where);
  if (!fs.existsSync(path.join(dir, 'dist/cli/keel.cjs'))) asar.extractAll(archive, dir);
  return dir;
}
/** The app as a checkout holds it: not inside an .asar. */
const checkoutLike = () => extracted('extracted');
/** The app where an installed Keel runs it from: a folder named app.asar, as the launcher sees it. */
const installedLike = () => extracted('installed/resources/app.asar');

/** Starts `appDir`'s main bundle under test/platform's stand-in Electron: 'ready' or 'errorBox'. */
function startMain(appDir: string, binding: string): Promise<string> {
  const data = fs.mkdtempSync(path.join(work, 'main-data-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FAKE_ELECTRON_APP_ROOT: appDir,
    KEEL_DATA_DIR: data,
    KEEL_SMOKE: '1',
    XDG_CONFIG_HOME: path.join(data, 'xdg-config'),
    KEEL_NATIVE_BINDING: binding,
  };
  delete env.APPIMAGE;
  const fake = pathToFileURL(path.join(ROOT, 'test/platform/support/fake-electron.mjs')).href;
  const child = fork(path.join(appDir, 'dist/main/main.cjs'), [], {
    execArgv: ['--import', fake],
    env,
    stdio: 'pipe',
  });
  return new Promise((resolve) => {
    child.on('message', (message: { type: string }) => {
      if (message.type !== 'ready' && message.type !== 'errorBox') return;
      child.kill();
      resolve(message.type);
    });
    child.on('exit', (code) => resolve(`exit ${code}`));
  });
}

/** `keel status --json` from `bundle` on Node, with KEEL_NATIVE_BINDING set to `binding` or unset. */
function runCli(bundle: string, binding?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, KEEL_DATA_DIR: path.join(work, 'data'), TZ: 'UTC' };
  delete env.KEEL_NATIVE_BINDING;
  if (binding) env.KEEL_NATIVE_BINDING = binding;
  return spawnSync(process.execPath, [bundle, 'status', '--json'], { env, encoding: 'utf8' });
}

describe('the packaged app (electron-builder --linux dir)', () => {
  it('holds the built main, preload, CLI and package.json in app.asar, without source maps or the preview', () => {
    for (const file of [
      'dist/main/main.cjs',
      'dist/preload/preload.cjs',
      'dist/cli/keel.cjs',
      'package.json',
    ]) {
      expect(entries, file).toContain(file);
    }
    expect(JSON.parse(read('package.json'))).toMatchObject({ name: 'keel', main: 'dist/main/main.cjs' });
    expect([...entries].filter((e) => e.endsWith('.map') || e.startsWith('dist/preview'))).toEqual([]);
  });

  it('ships a CommonJS preload (a sandboxed preload cannot be an ES module)', () => {
    const preload = read('dist/preload/preload.cjs');
    expect(preload).toMatch(/require\(["']electron["']\)/);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('holds the renderer page and every asset it references', () => {
    expect(entries).toContain('dist/renderer/index.html');
    const html = read('dist/renderer/index.html');
    const referenced = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(referenced.length).toBeGreaterThan(0);
    for (const asset of referenced) expect(entries, asset).toContain(`dist/renderer/${asset}`);
  });

  it('holds the tray icons for every state and platform, and the app icon', () => {
    expect(entries).toContain('assets/icon.png');
    for (const state of STATES) {
      for (const name of [
        `${state}.png`,
        `${state}@2x.png`,
        `${state}Template.png`,
        `${state}Template@2x.png`,
        `${state}.ico`,
      ]) {
        expect(entries, name).toContain(`assets/tray/${name}`);
      }
    }
  });

  it('unpacks better-sqlite3 from app.asar and ships only the node_modules the bundles need', () => {
    const unpacked = path.join(resources, check.PACKAGED_MODULE);
    expect(fs.existsSync(unpacked)).toBe(true);
    const packages = new Set([...entries].filter((e) => /^node_modules\/[^/]+$/.test(e)));
    expect(packages).toEqual(
      new Set(['node_modules/better-sqlite3', 'node_modules/bindings', 'node_modules/file-uri-to-path']),
    );
  });

  it('unpacks the calendar worker beside app.asar, where main and the CLI look for it, and it runs there', async () => {
    expect(entries).toContain('dist/worker/calendar-worker.cjs');
    const unpacked = path.join(resources, 'app.asar.unpacked/dist/worker/calendar-worker.cjs');
    expect(fs.existsSync(unpacked)).toBe(true);
    for (const bundle of ['main', 'cli'])
      expect(calendarWorkerFile(path.join(archive, 'dist', bundle))).toBe(unpacked);
    // It needs nothing from inside the archive: started as it is, it reads a calendar.
    const ics = path.join(work, 'work.ics');
    fs.writeFileSync(
      ics,
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTART:20270301T090000Z\r\nDTEND:20270301T100000Z\r\nSUMMARY:Planning\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const outcome = await new WorkerCalendarParser({ workerFile: unpacked }).parse({
      filePath: ics,
      from: Date.parse('2027-03-01T00:00:00Z'),
      to: Date.parse('2027-03-02T00:00:00Z'),
      zone: 'UTC',
      addresses: [],
    });
    expect(outcome.ok && outcome.occurrences.map((o) => o.title)).toEqual(['Planning']);
  });

  it('runs: the CLI from the extracted app answers with its real database (here on Node)', () => {
    const app = checkoutLike();
    const result = runCli(path.join(app, 'dist/cli/keel.cjs'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toBeTypeOf('object');
    // Outside an app.asar (a developer's checkout) KEEL_NATIVE_BINDING is honoured: a missing
    // build fails to open the database.
    const named = runCli(path.join(app, 'dist/cli/keel.cjs'), path.join(work, 'nope.node'));
    expect(named.status).not.toBe(0);
    expect(named.stderr).toContain('Keel cannot open its data file');
  });

  it('ignores KEEL_NATIVE_BINDING when the CLI runs from inside app.asar, as installed', () => {
    // The same bundle, placed under a folder named app.asar as the launcher runs it (Node cannot
    // read the archive itself): the variable names a missing build, and the CLI does not load it.
    const installed = installedLike();
    const result = runCli(path.join(installed, 'dist/cli/keel.cjs'), path.join(work, 'nope.node'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('ignores KEEL_NATIVE_BINDING in the app too when its main runs from app.asar (on a stand-in Electron)', async () => {
    // The installed copy starts with a missing build named in the environment; the checkout-like
    // one honours it and cannot open its data.
    expect(await startMain(installedLike(), path.join(work, 'nope.node'))).toBe('ready');
    expect(await startMain(checkoutLike(), path.join(work, 'nope.node'))).toBe('errorBox');
  });

  it('puts the keel launcher in resources/bin, running the CLI on the app executable as Node', () => {
    const launcher = path.join(resources, 'bin/keel');
    expect(fs.statSync(launcher).mode & 0o111).not.toBe(0);
    if (realElectron) {
      // Electron with the run-as-Node fuse on finds the CLI inside app.asar and answers.
      const result = spawnSync(launcher, ['--version'], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect([result.status, result.stdout.trim()]).toEqual([0, version]);
    } else {
      const result = spawnSync(launcher, ['status', '--json'], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stdout.trim().split('\n')).toEqual([
        'ELECTRON_RUN_AS_NODE=1',
        `arg=${fs.realpathSync(resources)}/app.asar/dist/cli/keel.cjs`,
        'arg=status',
        'arg=--json',
      ]);
    }
    const cmd = fs.readFileSync(path.join(resources, 'bin/keel.cmd'), 'utf8');
    expect(cmd).toContain('set "ELECTRON_RUN_AS_NODE=1"');
    expect(cmd).toContain('"%~dp0..\\..\\Keel.exe" "%~dp0..\\app.asar\\dist\\cli\\keel.cjs" %*');
  });
});

describe('the fuses in the packaged executable (electronFuses)', () => {
  /** What electron-builder.yml asks for; the rest keep Electron's defaults. */
  const expected = (): FuseState[] => {
    const states = [...ELECTRON_DEFAULT_FUSES];
    // On: the keel command runs this executable as Node (README "The installed app").
    states[FuseV1Options.RunAsNode] = FuseState.ENABLE;
    states[FuseV1Options.EnableCookieEncryption] = FuseState.ENABLE;
    states[FuseV1Options.EnableNodeOptionsEnvironmentVariable] = FuseState.DISABLE;
    states[FuseV1Options.EnableNodeCliInspectArguments] = FuseState.DISABLE;
    states[FuseV1Options.EnableEmbeddedAsarIntegrityValidation] = FuseState.ENABLE;
    states[FuseV1Options.OnlyLoadAppFromAsar] = FuseState.ENABLE;
    states[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot] = FuseState.DISABLE;
    states[FuseV1Options.GrantFileProtocolExtraPrivileges] = FuseState.DISABLE;
    return states;
  };

  it('started from the wire Electron 45 ships', () => {
    expect(namedFuses(fusesBefore)).toEqual(namedFuses(ELECTRON_DEFAULT_FUSES));
  });

  it('has NODE_OPTIONS, --inspect and file:// privileges off, asar-only with integrity, cookies encrypted', async () => {
    const after = wireStates(await getCurrentFuseWire(executable));
    expect(namedFuses(after)).toEqual(namedFuses(expected()));
    // Six fuses differ from Electron's defaults: a package without the block would not pass.
    expect(after.filter((state, i) => state !== fusesBefore[i])).toHaveLength(6);
  });
});

describe('the native ABI check (afterPack)', () => {
  const electronAbi = native.electronAbi();
  const version = native.electronVersion();

  it("reports the offline package's Node-ABI module as a mismatch, loudly", () => {
    const file = path.join(resources, check.PACKAGED_MODULE);
    const moduleAbi = native.readModuleAbi(file);
    expect(moduleAbi).toBe(Number(process.versions.modules));
    const result = check.compareAbi({
      file,
      moduleAbi,
      electronAbi,
      electronVersion: version,
      nodeAbi: Number(process.versions.modules),
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('ABI MISMATCH');
    expect(result.message).toContain(`ABI ${moduleAbi} (that is Node`);
    expect(result.message).toContain(`Electron ${version} needs ABI ${electronAbi}`);
    expect(result.message).toContain(file);
  });

  it('passes a module with Electronʼs ABI, and names a module without any', () => {
    expect(
      check.compareAbi({ file: 'x.node', moduleAbi: 150, electronAbi: 150, electronVersion: '45.4.1' }),
    ).toEqual({
      ok: true,
    });
    expect(
      check.compareAbi({ file: 'x.node', moduleAbi: undefined, electronAbi: 150, electronVersion: '45.4.1' })
        .message,
    ).toMatch(/no node_register_module_v<N> symbol/);
  });

  it('fails the build as the hook, unless KEEL_SKIP_ABI_CHECK=1', async () => {
    const appOutDir = path.dirname(resources);
    const context = {
      appOutDir,
      packager: { config: {}, info: { framework: { version } }, getResourcesDir: () => resources },
    };
    const saved = process.env.KEEL_SKIP_ABI_CHECK;
    try {
      delete process.env.KEEL_SKIP_ABI_CHECK;
      await expect(check.afterPack(context)).rejects.toThrow(/ABI MISMATCH/);
      process.env.KEEL_SKIP_ABI_CHECK = '1';
      await expect(check.afterPack(context)).resolves.toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.KEEL_SKIP_ABI_CHECK;
      else process.env.KEEL_SKIP_ABI_CHECK = saved;
    }
  });
});
