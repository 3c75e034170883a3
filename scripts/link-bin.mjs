// npm links the `bin` of dependencies, not the project's own, so `npx keel` would otherwise
// look the name up in the registry. Link node_modules/.bin/keel to the built CLI instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
const target = path.join(root, 'dist', 'cli', 'keel.cjs');

if (!fs.existsSync(target)) {
  console.error('keel: dist/cli/keel.cjs is missing; run "npm run build" first.');
  process.exit(1);
}
fs.mkdirSync(binDir, { recursive: true });
if (process.platform === 'win32') {
  fs.writeFileSync(path.join(binDir, 'keel.cmd'), `@node "%~dp0\\..\\..\\dist\\cli\\keel.cjs" %*\r\n`);
} else {
  const link = path.join(binDir, 'keel');
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, target), link);
}
