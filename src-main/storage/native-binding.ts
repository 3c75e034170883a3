/**
 * KEEL_NATIVE_BINDING names a better-sqlite3 build for the running ABI. It is a development aid:
 * `npm start` runs Electron on the source folder with the Electron build it keeps in
 * .cache/electron-native/ (DESIGN.md "One native module, two runtimes"). An installed Keel ships
 * its own build, unpacked beside app.asar, and honouring the variable there would load any native
 * library named in the environment into Keel's process, under Keel's name and signature.
 *
 * Installed Keel runs its code from inside resources/app.asar: the app (the OnlyLoadAppFromAsar
 * fuse allows nothing else) and the `keel` command, whose launcher runs app.asar/dist/cli/keel.cjs.
 * So the variable is read only when the running bundle is not inside an .asar archive.
 */

/** Whether `codeFile` (a bundle's own path) lies inside an asar archive or its unpacked twin. */
export function runsFromPackage(codeFile: string): boolean {
  return codeFile.split(/[\\/]/).some((part) => /\.asar(\.unpacked)?$/i.test(part));
}

/**
 * The better-sqlite3 build named by KEEL_NATIVE_BINDING in `env`, or undefined when it is unset
 * or Keel runs from a package (`packaged`, e.g. Electron's app.isPackaged, or the bundle's path in
 * an app.asar). `codeFile` is this bundle's file: dist/main/main.cjs, dist/cli/keel.cjs….
 */
export function developmentNativeBinding(
  env: Readonly<Record<string, string | undefined>>,
  { packaged = false, codeFile = __filename }: { packaged?: boolean; codeFile?: string } = {},
): string | undefined {
  if (packaged || runsFromPackage(codeFile)) return undefined;
  return env.KEEL_NATIVE_BINDING || undefined;
}
