// The Electron that test/packaging/package-content.test.ts packages: the real one when
// node_modules/electron/dist holds it, else a stub folder whose executable is a shell script that
// reports how it was called and carries a genuine fuse wire, so electron-builder's flipFuses
// (@electron/fuses) finds and flips it exactly as it does in Electron's binary.
import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';

/**
 * Electron 42 added a ninth fuse, WasmTrapHandlers (on by default), which @electron/fuses 1.8
 * does not name: it leaves it as it is. Electron 45's wire has nine fuses.
 */
export const WASM_TRAP_HANDLERS = 8;

/** Electron 45's fuse wire as it ships (the defaults in Electron's docs/tutorial/fuses.md). */
const DEFAULTS: Record<number, FuseState> = {
  [FuseV1Options.RunAsNode]: FuseState.ENABLE,
  [FuseV1Options.EnableCookieEncryption]: FuseState.DISABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.ENABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.ENABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.DISABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.DISABLE,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.ENABLE,
  [WASM_TRAP_HANDLERS]: FuseState.ENABLE,
};
export const ELECTRON_DEFAULT_FUSES: readonly FuseState[] = Array.from(
  { length: WASM_TRAP_HANDLERS + 1 },
  (_, i) => DEFAULTS[i]!,
);

/** The fuse wire as Electron lays it out: sentinel, schema version, length, one byte per fuse. */
export function fuseWire(states: readonly FuseState[]): Buffer {
  return Buffer.concat([
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([Number(FuseVersion.V1), states.length]),
    Buffer.from(states),
  ]);
}

/** A fuse wire read by getCurrentFuseWire, as an array of states in wire order. */
export function wireStates(wire: Record<string, unknown>): FuseState[] {
  const states: FuseState[] = [];
  for (let i = 0; typeof wire[i] === 'number'; i++) states.push(wire[i] as FuseState);
  return states;
}

/** Names the fuses of a wire, for readable failures: { RunAsNode: 'on', … }. */
export function namedFuses(states: readonly FuseState[]): Record<string, string> {
  const word = (s: FuseState) =>
    s === FuseState.ENABLE ? 'on' : s === FuseState.DISABLE ? 'off' : `byte ${s}`;
  return Object.fromEntries(
    states.map((s, i) => [i === WASM_TRAP_HANDLERS ? 'WasmTrapHandlers' : String(FuseV1Options[i]), word(s)]),
  );
}

/**
 * A stub Electron folder in `dir`: electron-builder copies it and renames `electron` to the app's
 * executable. The script prints ELECTRON_RUN_AS_NODE and its arguments; the fuse wire sits after
 * `exit`, where the shell never reads.
 */
export function stubElectronDist(dir: string): string {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const script =
    '#!/bin/sh\nprintf "ELECTRON_RUN_AS_NODE=%s\\n" "$ELECTRON_RUN_AS_NODE"\n' +
    'for a in "$@"; do printf "arg=%s\\n" "$a"; done\nexit 0\n# fuses: ';
  fs.writeFileSync(
    path.join(dir, 'electron'),
    Buffer.concat([Buffer.from(script), fuseWire(ELECTRON_DEFAULT_FUSES), Buffer.from('\n')]),
    { mode: 0o755 },
  );
  return dir;
}
