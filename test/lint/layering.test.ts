import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering is enforced by lint', () => {
  it('core/ may not import Electron, SQLite, I/O or other layers', async () => {
    const code = [
      "import { app } from 'electron';",
      "import Database from 'better-sqlite3';",
      "import fs from 'node:fs';",
      "import net from 'net';",
      "import { resolveDataDir } from '../storage/paths';",
      'export const all = [app, Database, fs, net, resolveDataDir];',
    ].join('\n');
    expect(await restrictedImports('src-main/core/probe.ts', code)).toHaveLength(5);
  });

  it('core/ may import core/ and pure libraries', async () => {
    const code =
      "import { z } from 'zod';\nimport { isValidZone } from './time';\nexport const all = [z, isValidZone];\n";
    expect(await restrictedImports('src-main/core/probe.ts', code)).toEqual([]);
  });

  it('only electron/, platform/ and preload/ import Electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await restrictedImports('src-main/services/probe.ts', code)).toHaveLength(1);
    expect(await restrictedImports('src-main/electron/probe.ts', code)).toEqual([]);
  });

  it('the renderer reaches main only through the contract', async () => {
    const code =
      "import { openDatabase } from '../../src-main/storage/database';\nexport const a = openDatabase;\n";
    expect(await restrictedImports('src-renderer/views/probe.ts', code)).toHaveLength(1);
  });
});
