import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The window carries English only and loads another language's catalog on demand
 * (src-renderer/i18n/catalogs.ts). A value import of main's all-languages catalog, of intl.ts
 * (which reads it) or of the pseudo-locale's generator anywhere in the window would put every
 * language into its first chunk (the bench's renderer_first_view_js_gzip found it once).
 */
const ROOT = path.resolve(__dirname, '../../src-renderer');
const FORBIDDEN = /^import\s+(?!type\b)[^;]*from\s+'[./]+src-main\/shared\/i18n\/(catalog|intl|pseudo)'/m;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the window’s catalogs', () => {
  it('no window file imports main’s catalogs as values (only types)', () => {
    const offenders = files(ROOT).filter((file) => {
      const text = fs.readFileSync(file, 'utf8').replace(/\n\s+/g, ' ');
      return text.split('\n').some((line) => FORBIDDEN.test(line));
    });
    expect(offenders.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
