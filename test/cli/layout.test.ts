import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(__dirname, '../../src-main/cli');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
const source = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('src-main/cli', () => {
  it('reaches the services only through the doors: session.ts opens them, no command calls one', () => {
    expect(files).toContain('session.ts');
    for (const file of files) {
      if (file === 'session.ts') continue;
      expect(source(file), file).not.toMatch(/from '\.\.\/services(?!\/(ports|errors)['/])|\bservices\./);
    }
  });

  it('keeps every file under 400 lines', () => {
    for (const file of files) expect(source(file).split('\n').length, file).toBeLessThanOrEqual(400);
  });
});
