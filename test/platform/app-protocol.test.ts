import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  appEntryUrl,
  createAppRequestHandler,
  registerAppScheme,
  resolveAppPath,
} from '../../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/csp';
import type { CustomScheme } from 'electron';
import { tempDir } from '../helpers/temp';

function site() {
  const base = tempDir();
  const root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><h1>Keel</h1>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'h1{}');
  // Beside the root, sharing its name as a prefix: a classic startsWith() traversal trap.
  fs.mkdirSync(path.join(base, 'renderer-secrets'));
  fs.writeFileSync(path.join(base, 'renderer-secrets', 'key.txt'), 'secret');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  const handle = createAppRequestHandler({ rootDir: root, csp: CONTENT_SECURITY_POLICY });
  return { root, handle };
}

describe('app:// protocol handler', () => {
  it('serves the entry page with the CSP and the right type', async () => {
    const { handle } = site();
    const response = await handle(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<h1>Keel</h1>');
  });

  it('serves / as index.html, and scripts and styles with their types', async () => {
    const { handle } = site();
    expect(await (await handle(new Request('app://keel/'))).text()).toContain('Keel');
    const js = await handle(new Request('app://keel/assets/index-abc.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await handle(new Request('app://keel/assets/index-abc.css?v=1'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    'app://keel/missing.js',
    'app://keel/assets',
    'app://keel/../secret.txt',
    'app://keel/%2e%2e/secret.txt',
    'app://keel/..%2fsecret.txt',
    'app://keel/assets/..%2f..%2fsecret.txt',
    'app://keel/..%5csecret.txt',
    'app://keel/%2e%2e%2frenderer-secrets%2fkey.txt',
    'app://keel/index.html%00.png',
    'app://keel/%E0%A4%A',
    'app://other/index.html',
  ])('answers 404 for %s and never reads outside the root', async (url) => {
    const { handle } = site();
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { handle } = site();
    expect((await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request(APP_ENTRY_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolves only paths inside the root', () => {
    const root = path.resolve('/srv/keel/renderer');
    expect(resolveAppPath('app://keel/assets/a.js', root)).toBe(path.join(root, 'assets', 'a.js'));
    expect(resolveAppPath('app://keel/%2e%2e%2f%2e%2e%2fetc%2fpasswd', root)).toBeUndefined();
    expect(resolveAppPath('https://keel/index.html', root)).toBeUndefined();
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme', () => {
    const registered: CustomScheme[][] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => void registered.push(schemes) });
    expect(registered).toEqual([[APP_SCHEME_PRIVILEGES]]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
  });
});

describe('appEntryUrl: the window learns its language from the URL', () => {
  const german = { getPreferredSystemLanguages: () => ['de-AT', 'en-US'], getSystemLocale: () => 'de-AT' };
  const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

  it("follows the OS's preferred languages when the setting is the computer's", () => {
    expect(query(appEntryUrl(german))).toMatchObject({ locale: 'de' });
    expect(query(appEntryUrl(german, 'system'))).toMatchObject({ locale: 'de' });
  });

  it('takes the language chosen in Settings over the OS, with the OS clock kept', () => {
    const url = appEntryUrl({ ...german, getSystemLocale: () => 'en-US' }, 'fr');
    expect(url.startsWith(APP_ENTRY_URL)).toBe(true);
    expect(query(url)).toMatchObject({ locale: 'fr', hourCycle: 'h12' });
  });
});
