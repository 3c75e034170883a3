import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let eslint: ESLint;

// ESLint loads its config and the TypeScript parser on first use: seconds on a busy machine.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'src-main/core/probe.ts') });
}, 60_000);

async function layeringProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'keel/layering').map((m) => m.message);
}

/**
 * DESIGN.md's picture, written out here independently of the rule: a probe file in each folder
 * imports a module of every other folder, and lint must refuse exactly the arrows not drawn.
 * electron/, preview/ and cli/ -> app/ -> services/ -> core/, storage/; platform/ implements
 * services/ports; ipc/ -> services/; shared/ and core/ import nothing outside themselves
 * (shared/ may take core/); the renderer imports shared/'s values and the contract's types.
 */
const PROBE_TARGET: Record<string, string> = {
  core: 'src-main/core/time',
  shared: 'src-main/shared/views',
  storage: 'src-main/storage/database',
  'services/ports': 'src-main/services/ports',
  services: 'src-main/services/focus-service',
  ipc: 'src-main/ipc/handlers',
  platform: 'src-main/platform/log',
  app: 'src-main/app/create-keel-app',
  electron: 'src-main/electron/window',
  preview: 'src-main/preview/server',
  cli: 'src-main/cli/keel',
  preload: 'src-main/preload/keel-api',
};
const PROBE_FILE: Record<string, string> = {
  core: 'src-main/core/probe.ts',
  shared: 'src-main/shared/probe.ts',
  storage: 'src-main/storage/probe.ts',
  'services/ports': 'src-main/services/ports/probe.ts',
  services: 'src-main/services/probe.ts',
  ipc: 'src-main/ipc/probe.ts',
  platform: 'src-main/platform/probe.ts',
  app: 'src-main/app/probe.ts',
  electron: 'src-main/electron/probe.ts',
  preview: 'src-main/preview/probe.ts',
  cli: 'src-main/cli/probe.ts',
  preload: 'src-main/preload/probe.ts',
  renderer: 'src-renderer/views/probe.ts',
};
const ROOTS = ['core', 'shared', 'storage', 'services/ports', 'services', 'ipc', 'platform', 'app'];
const EXPECTED: Record<string, string[]> = {
  core: [],
  shared: ['core'],
  storage: ['core', 'shared'],
  'services/ports': ['core', 'shared'],
  services: ['core', 'shared', 'storage', 'services/ports'],
  ipc: ['core', 'shared', 'services', 'services/ports'],
  platform: ['core', 'shared', 'services/ports'],
  app: ['core', 'shared', 'services', 'services/ports', 'ipc'],
  electron: ROOTS,
  preview: ROOTS,
  cli: ROOTS,
  preload: ['shared'],
  renderer: ['shared'],
};

function importLine(from: string, target: string): string {
  let spec = path.relative(path.dirname(path.join(root, PROBE_FILE[from]!)), path.join(root, target));
  if (!spec.startsWith('.')) spec = `./${spec}`;
  return `import * as probe from '${spec}';\nexport const a = probe;\n`;
}

describe('every arrow of the dependency map is enforced by lint', () => {
  for (const [from, allowed] of Object.entries(EXPECTED)) {
    it(`${from}/ may import ${allowed.length ? allowed.join(', ') : 'only itself'} and nothing else`, async () => {
      const refused: string[] = [];
      for (const [to, target] of Object.entries(PROBE_TARGET)) {
        if (to === from) continue;
        const problems = await layeringProblems(PROBE_FILE[from]!, importLine(from, target));
        if (problems.length > 0) refused.push(to);
      }
      const expectedRefused = Object.keys(PROBE_TARGET).filter((to) => to !== from && !allowed.includes(to));
      expect(refused.sort()).toEqual(expectedRefused.sort());
    }, 30_000);
  }
});

describe('packages by layer', () => {
  it('core/ and shared/ may not load Electron, SQLite or I/O', async () => {
    const code = [
      "import { app } from 'electron';",
      "import Database from 'better-sqlite3';",
      "import fs from 'node:fs';",
      "import net from 'net';",
      "import { spawn } from 'child_process';",
      'export const all = [app, Database, fs, net, spawn];',
    ].join('\n');
    expect(await layeringProblems('src-main/core/probe.ts', code)).toHaveLength(5);
    expect(await layeringProblems('src-main/shared/probe.ts', code)).toHaveLength(5);
  });

  it('core/ and shared/ may not load any Node built-in or a package that does I/O', async () => {
    const code = [
      "import tls from 'node:tls';",
      "import http2 from 'http2';",
      "import log from 'electron-log';",
      "import * as dbus from '@homebridge/dbus-native';",
      'export const all = [tls, http2, log, dbus];',
    ].join('\n');
    expect(await layeringProblems('src-main/core/probe.ts', code)).toHaveLength(4);
    expect(await layeringProblems('src-main/shared/probe.ts', code)).toHaveLength(4);
  });

  it('shared/ takes only types from core/, and values only from its small zod-free modules', async () => {
    const typeOnly = "import type { Settings } from '../core/settings';\nexport type S = Settings;\n";
    const value = "import { settingsSchema } from '../core/settings';\nexport const s = settingsSchema;\n";
    const vocabulary =
      "import { MAX_UNFINISHED } from '../core/signoff-vocabulary';\nexport const m = MAX_UNFINISHED;\n";
    expect(await layeringProblems('src-main/shared/probe.ts', typeOnly)).toEqual([]);
    expect(await layeringProblems('src-main/shared/probe.ts', value)).toHaveLength(1);
    expect(await layeringProblems('src-main/shared/probe.ts', vocabulary)).toEqual([]);
  });

  it('core/ may import core/ and pure libraries', async () => {
    const code =
      "import { z } from 'zod';\nimport { isValidZone } from './time';\nexport const all = [z, isValidZone];\n";
    expect(await layeringProblems('src-main/core/probe.ts', code)).toEqual([]);
  });

  it('only electron/, platform/ and preload/ import Electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    for (const layer of ['services', 'app', 'ipc', 'cli', 'preview', 'storage']) {
      expect(await layeringProblems(`src-main/${layer}/probe.ts`, code)).toHaveLength(1);
    }
    for (const layer of ['electron', 'platform', 'preload']) {
      expect(await layeringProblems(`src-main/${layer}/probe.ts`, code)).toEqual([]);
    }
  });

  it('the renderer reaches main only through the contract, and only its types', async () => {
    expect(
      await layeringProblems(
        'src-renderer/views/probe.ts',
        "import type { KeelApi } from '../../src-main/ipc/contract';\nexport type A = KeelApi;\n",
      ),
    ).toEqual([]);
    expect(
      await layeringProblems(
        'src-renderer/views/probe.ts',
        "import { contract } from '../../src-main/ipc/contract';\nexport const a = contract;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layeringProblems(
        'src-renderer/views/probe.ts',
        "import fs from 'node:fs';\nimport Database from 'better-sqlite3';\nexport const a = [fs, Database];\n",
      ),
    ).toHaveLength(2);
    expect(
      await layeringProblems(
        'src-renderer/views/probe.ts',
        "import { spawn } from 'child_process';\nimport os from 'os';\nexport const a = [spawn, os];\n",
      ),
    ).toHaveLength(2);
  });

  it('the preload reaches only the channel list, shared/ and the contract types', async () => {
    expect(
      await layeringProblems(
        'src-main/preload/probe.ts',
        "import { CHANNELS } from '../ipc/channels';\nimport type { KeelApi } from '../ipc/contract';\nexport const a: KeelApi | string[] = [...CHANNELS];\n",
      ),
    ).toEqual([]);
    expect(
      await layeringProblems(
        'src-main/preload/probe.ts',
        "import { contract } from '../ipc/contract';\nexport const a = contract;\n",
      ),
    ).toHaveLength(1);
  });
});
