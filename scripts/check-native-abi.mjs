// electron-builder `afterPack` hook (electron-builder.yml): refuses a package whose
// better-sqlite3 was built for another ABI than the Electron it ships with.
//
// Why: a native rebuild "for Electron" can report success yet build against Node's headers
// (an npm `nodedir` setting or inherited npm_config_* variables override the target), leaving
// a module that exports node_register_module_v115 in an app whose Electron needs v150. Such an
// app installs fine and then fails at its first database access. This hook reads the ABI of
// the packaged .node file and fails the build loudly instead.
//
// KEEL_SKIP_ABI_CHECK=1 turns it off. Only the offline package-content test uses that: it
// packages with npmRebuild=false (it cannot download Electron's headers), so the module it
// packages is Node's build, by design.
//
// electron-builder loads hooks with require() (or import() as a fallback) and calls the
// export named `afterPack`, else the default export, with its pack context.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronAbi, electronVersion, readModuleAbi, ROOT } from './electron-native.mjs';

/** Where the packaged better-sqlite3 binary sits, relative to the resources folder. */
export const PACKAGED_MODULE =
  'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node';

/**
 * The pure comparison: `{ ok: true }` when the module's ABI is Electron's, otherwise
 * `{ ok: false, message }` with a message that says what is wrong and how to fix it.
 * `moduleAbi` is undefined when the file exports no node_register_module_v<N> symbol.
 */
export function compareAbi({ file, moduleAbi, electronAbi: expected, electronVersion: version, nodeAbi }) {
  if (moduleAbi === expected) return { ok: true };
  const found =
    moduleAbi === undefined
      ? 'no node_register_module_v<N> symbol (not a build for Node or Electron)'
      : `ABI ${moduleAbi}` +
        (moduleAbi === nodeAbi
          ? ` (that is Node ${process.versions.node}'s own ABI: it was built for Node)`
          : '');
  return {
    ok: false,
    message:
      `Keel packaging: ABI MISMATCH in ${file}: it has ${found}, but Electron ${version} needs ABI ${expected}. ` +
      'The packaged app would fail to open its database. Rebuild it for Electron (electron-builder ' +
      'does with npmRebuild: true; make sure no npm nodedir/target setting or npm_config_* variable ' +
      'points node-gyp at Node) and package again. Refusing to continue.',
  };
}

/**
 * Electron's ABI for `version`: node_modules/electron/abi_version when that package is the same
 * version, else node-abi's table (electron-builder's own dependency).
 */
export async function electronAbiFor(version, root = ROOT) {
  if (!version || version === electronVersion(root)) return electronAbi(root);
  try {
    const nodeAbi = createRequire(path.join(root, 'package.json'))('node-abi');
    return Number(nodeAbi.getAbi(version, 'electron'));
  } catch (error) {
    throw new Error(
      `Keel packaging: cannot tell the ABI of Electron ${version} (${error instanceof Error ? error.message : error}).`,
      { cause: error },
    );
  }
}

/** Checks the better-sqlite3 binary under `resourcesDir`; throws on a mismatch or a missing file. */
export async function checkPackagedModule({ resourcesDir, version, root = ROOT }) {
  const file = path.join(resourcesDir, PACKAGED_MODULE);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Keel packaging: ${file} is missing: better-sqlite3's .node must be unpacked from app.asar (asarUnpack in electron-builder.yml).`,
    );
  }
  const expected = await electronAbiFor(version, root);
  const result = compareAbi({
    file,
    moduleAbi: readModuleAbi(file),
    electronAbi: expected,
    electronVersion: version,
    nodeAbi: Number(process.versions.modules),
  });
  if (!result.ok) throw new Error(result.message);
  return { file, abi: expected };
}

export async function afterPack(context) {
  if (process.env.KEEL_SKIP_ABI_CHECK === '1') {
    console.warn(
      '  • Keel: native ABI check skipped (KEEL_SKIP_ABI_CHECK=1); this package is for tests only',
    );
    return;
  }
  const { packager, appOutDir } = context;
  const version = packager.config.electronVersion ?? packager.info?.framework?.version ?? electronVersion();
  const root = packager.info?.projectDir ?? ROOT;
  const { file, abi } = await checkPackagedModule({
    resourcesDir: packager.getResourcesDir(appOutDir),
    version,
    root,
  });
  console.log(`  • Keel: ${path.relative(appOutDir, file)} has Electron ${version}'s ABI ${abi}`);
}

export default afterPack;
