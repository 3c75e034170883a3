import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import { openDatabase } from '../../src-main/storage/database';
import { developmentNativeBinding, runsFromPackage } from '../../src-main/storage/native-binding';
import { tempDir } from '../helpers/temp';

const BINDING = '/home/dev/keel/.cache/electron-native/45.4.1/better_sqlite3.node';
const env = { KEEL_NATIVE_BINDING: BINDING };

/** Where installed Keel's bundles run from, on each platform, for the app and for `keel`. */
const PACKAGED = [
  '/opt/Keel/resources/app.asar/dist/main/main.cjs',
  '/tmp/.mount_KeelXyZ/resources/app.asar/dist/cli/keel.cjs',
  '/Applications/Keel.app/Contents/Resources/app.asar/dist/cli/keel.cjs',
  'C:\\Users\\me\\AppData\\Local\\Programs\\Keel\\resources\\app.asar\\dist\\main\\main.cjs',
  '/opt/Keel/resources/app.asar.unpacked/dist/worker/calendar-worker.cjs',
  '/opt/Keel/resources/APP.ASAR/dist/cli/keel.cjs',
];
/** Where a developer's bundles run from: a checkout (with names that merely contain "asar"). */
const DEVELOPMENT = [
  '/home/dev/keel/dist/main/main.cjs',
  '/home/dev/keel/dist/cli/keel.cjs',
  'C:\\src\\keel\\dist\\cli\\keel.cjs',
  '/home/dev/asar-tools/keel/dist/cli/keel.cjs',
  '/home/dev/keel.asar.bak/dist/cli/keel.cjs',
];

describe('KEEL_NATIVE_BINDING (a development aid only)', () => {
  it('is honoured when the bundle runs from a checkout', () => {
    for (const codeFile of DEVELOPMENT) {
      expect(runsFromPackage(codeFile), codeFile).toBe(false);
      expect(developmentNativeBinding(env, { codeFile }), codeFile).toBe(BINDING);
    }
  });

  it('is ignored when the bundle runs from inside app.asar (installed app and its keel command)', () => {
    for (const codeFile of PACKAGED) {
      expect(runsFromPackage(codeFile), codeFile).toBe(true);
      expect(developmentNativeBinding(env, { codeFile }), codeFile).toBeUndefined();
    }
  });

  it('is ignored when Electron says the app is packaged, wherever the bundle is', () => {
    expect(developmentNativeBinding(env, { packaged: true, codeFile: DEVELOPMENT[0] })).toBeUndefined();
    expect(developmentNativeBinding(env, { packaged: false, codeFile: DEVELOPMENT[0] })).toBe(BINDING);
  });

  it('is nothing when unset or empty', () => {
    expect(developmentNativeBinding({}, { codeFile: DEVELOPMENT[0] })).toBeUndefined();
    expect(
      developmentNativeBinding({ KEEL_NATIVE_BINDING: '' }, { codeFile: DEVELOPMENT[0] }),
    ).toBeUndefined();
  });
});

describe('openDatabase and KEEL_NATIVE_BINDING', () => {
  const saved = process.env.KEEL_NATIVE_BINDING;
  afterEach(() => {
    if (saved === undefined) delete process.env.KEEL_NATIVE_BINDING;
    else process.env.KEEL_NATIVE_BINDING = saved;
  });

  it('loads the build the variable names when run from a checkout (here: a missing one fails)', () => {
    // This test file runs from the checkout, so the variable is read: a file that does not
    // exist proves it is. (The packaged case is run for real in test/packaging.)
    const dir = tempDir();
    process.env.KEEL_NATIVE_BINDING = path.join(dir, 'nope.node');
    expect(() => openDatabase(path.join(dir, 'keel.db'))).toThrow(KeelError);
    delete process.env.KEEL_NATIVE_BINDING;
    openDatabase(path.join(dir, 'keel.db')).close();
  });
});
