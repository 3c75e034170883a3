import { describe, expect, it } from 'vitest';
import {
  FakeSession,
  FakeWebContents,
  type Permission,
} from '../../src-main/electron/fakes/fake-web-contents';
import { denyAllPermissions, hardenWebContents, isAppUrl } from '../../src-main/electron/security';

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

describe('isAppUrl', () => {
  it('matches the origin exactly', () => {
    expect(isAppUrl('app://keel/assets/index.js')).toBe(true);
    expect(isAppUrl('app://keel:8080/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
