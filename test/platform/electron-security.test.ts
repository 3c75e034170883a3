import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeShell } from '../../src-main/electron/fakes/fake-shell';
import {
  FakeSession,
  FakeWebContents,
  type Permission,
} from '../../src-main/electron/fakes/fake-web-contents';
import {
  denyAllPermissions,
  EXTERNAL_URL_ALLOWLIST,
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  isAllowedExternalUrl,
  isAppUrl,
  openExternalSafely,
} from '../../src-main/electron/security';

describe('hardenWebContents', () => {
  function hardened(): FakeWebContents {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    return contents;
  }

  it('lets the page navigate within app://keel', () => {
    const contents = hardened();
    expect(contents.navigate('app://keel/index.html').defaultPrevented).toBe(false);
    expect(contents.navigate('app://keel/index.html#/settings').defaultPrevented).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://keel.evil/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('cancels navigation to %s', (url) => {
    const contents = hardened();
    expect(contents.navigate(url).defaultPrevented).toBe(true);
  });

  it('cancels redirects off the app origin', () => {
    const contents = hardened();
    expect(contents.redirect('https://example.com/').defaultPrevented).toBe(true);
    expect(contents.redirect('app://keel/index.html').defaultPrevented).toBe(false);
  });

  it('denies every new window, even one for the app itself', () => {
    const contents = hardened();
    expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('app://keel/index.html')).toEqual({ action: 'deny' });
  });

  it('refuses <webview>', () => {
    expect(hardened().attachWebview().defaultPrevented).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  const permissions: Permission[] = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'hid',
  ];

  it('refuses every permission request and check', async () => {
    const session = new FakeSession();
    expect(await session.request('media')).toBe(true); // Electron's default, before hardening
    denyAllPermissions(session);
    for (const permission of permissions) {
      expect(await session.request(permission)).toBe(false);
      expect(session.check(permission)).toBe(false);
    }
  });
});

describe("the session: spellchecker off, every request but Keel's own refused", () => {
  const outside = [
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'ws://127.0.0.1:8080/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'blob:app://keel/0b6c7a5e-3f4e-4a2e-9d2b-1f2e3d4c5b6a',
    'ftp://example.com/',
    'chrome-extension://abcdefghijklmnop/page.html',
    'app://evil/index.html',
    'app://keel.evil/index.html',
    'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic',
    'devtools://devtools/bundled/devtools_app.html',
    'not a url',
    '',
  ];
  const inside = [
    'app://keel/index.html',
    'app://keel/assets/index-abc123.js',
    'data:text/html;charset=utf-8,%3Cp%3EHi%3C%2Fp%3E',
    'data:image/png;base64,iVBORw0KGgo=',
  ];

  it.each(outside)('refuses a request for %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });

  it.each(inside)('lets %s load', (url) => {
    expect(isAllowedRequest(url)).toBe(true);
  });

  it('lets the developer tools load their own pages only in development', () => {
    const devtools = 'devtools://devtools/bundled/devtools_app.html';
    expect(isAllowedRequest(devtools, { devTools: true })).toBe(true);
    expect(isAllowedRequest(devtools, { devTools: false })).toBe(false);
    expect(isAllowedRequest('https://example.com/', { devTools: true })).toBe(false);
  });

  it('cancels requests through the session, and names only the scheme it refused', async () => {
    const session = new FakeSession();
    expect(await session.load('https://example.com/')).toBe(true); // Electron's default
    const refused: string[] = [];
    hardenSession(session, { platform: 'linux', onRefused: (scheme) => refused.push(scheme) });
    for (const url of outside) expect(await session.load(url)).toBe(false);
    for (const url of inside) expect(await session.load(url)).toBe(true);
    expect(refused).toContain('https');
    expect(refused.filter((scheme) => scheme === 'https')).toHaveLength(1);
    expect(refused.join(' ')).not.toMatch(/example|passwd|127/);
  });

  it.each(['linux', 'win32'] as const)(
    'turns the spellchecker off with no dictionary download on %s',
    (platform) => {
      const session = new FakeSession();
      hardenSession(session, { platform });
      expect(session.spellChecker.enabled).toBe(false);
      expect(session.spellChecker.languages).toEqual([]);
      expect(isAllowedRequest(session.spellChecker.downloadUrl)).toBe(true);
      expect(session.spellChecker.downloadUrl.startsWith('app://keel/')).toBe(true);
    },
  );

  it('turns the spellchecker off on macOS too (it downloads nothing there)', async () => {
    const session = new FakeSession();
    hardenSession(session, { platform: 'darwin' });
    expect(session.spellChecker.enabled).toBe(false);
    expect(await session.request('media')).toBe(false);
  });

  it('refuses permissions as denyAllPermissions does', async () => {
    const session = new FakeSession();
    hardenSession(session, { platform: 'linux' });
    expect(await session.request('notifications')).toBe(false);
    expect(session.check('clipboard-read')).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('matches the origin exactly', () => {
    expect(isAppUrl('app://keel/assets/index.js')).toBe(true);
    expect(isAppUrl('app://keel:8080/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

/** URLs that must never reach the user's browser, whatever the page does. */
const NOT_OPENED = [
  'http://www.who.int/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://user:secret@www.who.int/',
  'https://user@www.who.int/',
  'https://evil-who.int/',
  'https://www.evil-who.int/',
  'https://www.who.int.evil.com/',
  'https://who.int.evil.com/',
  'https://evil.com/www.who.int',
  'https://evil.com/?https://www.who.int',
  'https://sub.www.who.int/',
  'https://www.who.int:8443/',
  'https://www.who.int./',
  'app://keel/index.html',
  'mailto:someone@who.int',
  'ftp://www.who.int/',
  'not a url',
  '',
];

describe('isAllowedExternalUrl', () => {
  it('lists only https origins, each with nothing but scheme and host', () => {
    expect(EXTERNAL_URL_ALLOWLIST.length).toBeGreaterThan(0);
    for (const origin of EXTERNAL_URL_ALLOWLIST) expect(new URL(origin).origin).toBe(origin);
    for (const origin of EXTERNAL_URL_ALLOWLIST) expect(origin.startsWith('https://')).toBe(true);
    expect(Object.isFrozen(EXTERNAL_URL_ALLOWLIST)).toBe(true);
  });

  it.each([
    'https://www.who.int/',
    'https://www.who.int/publications/m/item/WHO-UCN-MSD-MHE-2024.01',
    'https://WWW.WHO.INT/europe',
    'https://www.who.int:443/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each(NOT_OPENED)('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('openExternalSafely', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('hands an allowlisted URL to the opener and says so', () => {
    const shell = new FakeShell();
    expect(openExternalSafely('https://www.who.int/', shell)).toBe(true);
    expect(shell.opened).toEqual(['https://www.who.int/']);
  });

  it.each(NOT_OPENED)('never calls the opener for %s', (url) => {
    const shell = new FakeShell();
    expect(openExternalSafely(url, shell)).toBe(false);
    expect(shell.opened).toEqual([]);
  });

  it('logs, and does not throw, when the OS cannot open the URL', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const shell = new FakeShell();
    shell.failWith = new Error('no browser');
    expect(openExternalSafely('https://www.who.int/', shell)).toBe(true);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
  });
});

describe('hardenWebContents with a shell', () => {
  function hardenedWith(shell: FakeShell): FakeWebContents {
    const contents = new FakeWebContents();
    hardenWebContents(contents, { shell });
    return contents;
  }

  it('opens an allowlisted https link in the browser and still denies the window', () => {
    const shell = new FakeShell();
    const contents = hardenedWith(shell);
    expect(contents.openWindow('https://www.who.int/europe')).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://www.who.int/europe']);
  });

  it.each(NOT_OPENED)('denies %s and opens nothing', (url) => {
    const shell = new FakeShell();
    const contents = hardenedWith(shell);
    expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual([]);
  });

  it('still keeps the page home: navigating to an allowlisted URL is cancelled, not opened', () => {
    const shell = new FakeShell();
    const contents = hardenedWith(shell);
    expect(contents.navigate('https://www.who.int/').defaultPrevented).toBe(true);
    expect(contents.redirect('https://www.who.int/').defaultPrevented).toBe(true);
    expect(shell.opened).toEqual([]);
  });

  it('without a shell, opens nothing even for an allowlisted URL', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents);
    expect(contents.openWindow('https://www.who.int/')).toEqual({ action: 'deny' });
  });

  it('takes another origin as home when given one', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents, { origin: 'app://other' });
    expect(contents.navigate('app://other/index.html').defaultPrevented).toBe(false);
    expect(contents.navigate('app://keel/index.html').defaultPrevented).toBe(true);
  });
});
