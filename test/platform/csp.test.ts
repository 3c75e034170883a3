import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/csp';

const INDEX_HTML = path.resolve(__dirname, '../../src-renderer/index.html');

/** The content of `<meta http-equiv="Content-Security-Policy" content="…">`, attributes in any order. */
function metaCsp(html: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(/([\w-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      attributes.set((match[1] ?? '').toLowerCase(), match[3] ?? match[4] ?? '');
    }
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy')
      return attributes.get('content');
  }
  return undefined;
}

const normalise = (policy: string): string => policy.replace(/\s+/g, ' ').trim();

describe('Content Security Policy', () => {
  it("the header main sends equals the renderer's meta tag", () => {
    const html = fs.readFileSync(INDEX_HTML, 'utf8');
    const meta = metaCsp(html);
    expect(meta, 'src-renderer/index.html has no CSP meta tag').toBeDefined();
    expect(normalise(meta ?? '')).toBe(normalise(CONTENT_SECURITY_POLICY));
  });

  it('allows no eval, no inline scripts and no network', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
