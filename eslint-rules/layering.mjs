/**
 * Keel's dependency map as one lint rule (in the spirit of VS Code's `code-layering`): every
 * import is resolved against the importing file, both ends are placed in a layer, and the arrow
 * must be one DESIGN.md draws. Packages are checked too: only electron/, platform/ and preload/
 * load Electron; core/ and shared/ load no I/O and no SQLite; the renderer loads no Node module.
 * test/lint/layering.test.ts proves each arrow with a probe.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Which layers each layer may import (its own always). `services/ports` is a layer of its own. */
export const ARROWS = {
  core: [],
  shared: ['core'],
  storage: ['core', 'shared'],
  'services/ports': ['core', 'shared'],
  services: ['core', 'shared', 'storage', 'services/ports'],
  ipc: ['core', 'shared', 'services', 'services/ports'],
  platform: ['core', 'shared', 'services/ports'],
  app: ['core', 'shared', 'services', 'services/ports', 'ipc'],
  preload: ['shared', 'ipc/channels', 'ipc/contract'],
  electron: ['core', 'shared', 'storage', 'services', 'services/ports', 'ipc', 'platform', 'app', 'version'],
  preview: ['core', 'shared', 'storage', 'services', 'services/ports', 'ipc', 'platform', 'app', 'version'],
  cli: ['core', 'shared', 'storage', 'services', 'services/ports', 'ipc', 'platform', 'app', 'version'],
  renderer: ['shared', 'ipc/contract'],
  version: [],
};

/** Layers reached only with `import type` (the contract's zod schemas stay in main's bundle). */
const TYPE_ONLY = { renderer: ['ipc/contract'], preload: ['ipc/contract'] };

/** Every Node built-in (`fs`, `node:tls`, `child_process`…), and packages that do I/O of their own. */
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const IO_PACKAGES = new Set(['better-sqlite3', 'electron', 'electron-log', '@homebridge/dbus-native']);
const isNodeOrIo = (source) =>
  NODE_BUILTINS.has(source) || source.startsWith('node:') || IO_PACKAGES.has(source);

/**
 * The core modules whose *values* shared/ may re-export to the renderer (ADR 0004): small, pure and
 * free of zod. Types may come from any core module.
 */
const SHARED_VALUE_SOURCES = new Set([
  'src-main/core/agreement-vocabulary',
  'src-main/core/checkin-vocabulary',
  'src-main/core/focus-vocabulary',
  'src-main/core/hour-cycle',
  'src-main/core/rules-vocabulary',
  'src-main/core/signoff-vocabulary',
  'src-main/core/time',
]);

/** The layer a repository-relative path belongs to, or null outside src-main/ and src-renderer/. */
export function layerOf(relativePath) {
  const p = relativePath.split(path.sep).join('/');
  if (p.startsWith('src-renderer/')) return 'renderer';
  if (!p.startsWith('src-main/')) return null;
  const rest = p.slice('src-main/'.length);
  if (rest === 'version.ts' || rest === 'version') return 'version';
  if (rest.startsWith('services/ports/') || rest === 'services/ports') return 'services/ports';
  if (rest === 'ipc/contract' || rest === 'ipc/contract.ts') return 'ipc/contract';
  if (rest === 'ipc/channels' || rest === 'ipc/channels.ts') return 'ipc/channels';
  const top = rest.split('/')[0];
  return top in ARROWS ? top : 'unknown';
}

/** Whether `from` may import `to` (sub-layers such as ipc/contract count as their parent too). */
function allowed(from, to) {
  if (from === to) return true;
  const parent = to.startsWith('ipc/') ? 'ipc' : to;
  if (from === parent) return true;
  const may = ARROWS[from] ?? [];
  return may.includes(to) || may.includes(parent);
}

function packageProblem(layer, source) {
  if (source === 'electron' && !['electron', 'platform', 'preload'].includes(layer)) {
    return 'Only electron/, platform/ and preload/ import Electron.';
  }
  if ((layer === 'core' || layer === 'shared') && isNodeOrIo(source)) {
    return `${layer}/ is pure: no Node built-ins, no SQLite and no I/O; take it as a port.`;
  }
  if (
    layer === 'renderer' &&
    (NODE_BUILTINS.has(source) || source.startsWith('node:') || IO_PACKAGES.has(source))
  ) {
    return 'The renderer talks to main only through window.keel.';
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the arrows of DESIGN.md.' },
    schema: [],
    messages: {
      arrow: '{{from}}/ may not import {{to}}/ (DESIGN.md: {{from}}/ may use {{may}}).',
      typeOnly: '{{from}}/ may import {{to}} only with `import type`.',
      sharedValue:
        'shared/ may take only types from {{module}}; values come from the small zod-free core modules (docs/decisions/0004).',
      package: '{{message}}',
    },
  },
  create(context) {
    const file = path.relative(ROOT, context.filename);
    const own = layerOf(file);
    if (own === null || own === 'unknown') return {};
    // ipc/contract and ipc/channels are layers only as targets (the renderer and the preload may
    // reach them alone); as importers they are ipc/.
    const from = own.startsWith('ipc/') ? 'ipc' : own;
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        const message = packageProblem(from, source);
        if (message) context.report({ node, messageId: 'package', data: { message } });
        return;
      }
      const target = path.relative(ROOT, path.resolve(path.dirname(context.filename), source));
      if (target.startsWith('..')) return;
      if (target === 'package.json') return;
      const to = layerOf(target);
      if (to === null) return;
      if (!allowed(from, to === 'unknown' ? target : to)) {
        const may = [from, ...(ARROWS[from] ?? [])].join(', ');
        context.report({ node, messageId: 'arrow', data: { from, to: to === 'unknown' ? target : to, may } });
        return;
      }
      if ((TYPE_ONLY[from] ?? []).includes(to) && !typeOnly) {
        context.report({ node, messageId: 'typeOnly', data: { from, to } });
        return;
      }
      const module = target
        .replace(/\.tsx?$/, '')
        .split(path.sep)
        .join('/');
      if (from === 'shared' && to === 'core' && !typeOnly && !SHARED_VALUE_SOURCES.has(module)) {
        context.report({ node, messageId: 'sharedValue', data: { module } });
      }
    };
    const isTypeOnly = (node) =>
      node.importKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source.value, false),
      CallExpression: (node) => {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === 'Literal'
        ) {
          check(node, node.arguments[0].value, false);
        }
      },
    };
  },
};
