// scripts/lib/signing.mjs: what `npm run dist` does about signing and notarization, from the
// environment alone. Secrets absent: it says "… skipped: <why>" and builds; set up in part: one
// sentence and no build.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Plan {
  lines: string[];
  args: string[];
  env: Record<string, string>;
  error?: string;
}
/** What scripts/lib/signing.mjs exports (a plain .mjs script, so typed here by hand). */
interface Signing {
  signingPlan(platform: string, env: Record<string, string | undefined>): Plan;
}

const ROOT = path.resolve(__dirname, '../..');
const { signingPlan } = (await import(
  pathToFileURL(path.join(ROOT, 'scripts/lib/signing.mjs')).href
)) as Signing;

const APPLE_ID = {
  APPLE_ID: 'me@example.com',
  APPLE_APP_SPECIFIC_PASSWORD: 'abcd',
  APPLE_TEAM_ID: 'TEAM123',
};
const API_KEY = { APPLE_API_KEY: '/keys/AuthKey.p8', APPLE_API_KEY_ID: 'KEY1', APPLE_API_ISSUER: 'issuer' };
const AZURE = {
  KEEL_AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  KEEL_AZURE_SIGNING_ACCOUNT: 'keel',
  KEEL_AZURE_SIGNING_PROFILE: 'public',
  KEEL_AZURE_SIGNING_PUBLISHER: 'Keel contributors',
  AZURE_TENANT_ID: 't',
  AZURE_CLIENT_ID: 'c',
  AZURE_CLIENT_SECRET: 's',
};

describe('signing and notarization without secrets (as here)', () => {
  it('says on Linux that packages are not signed and not notarized, and builds', () => {
    const plan = signingPlan('linux', {});
    expect(plan.error).toBeUndefined();
    expect(plan.lines).toEqual([
      expect.stringMatching(/^signing skipped: electron-builder does not sign Linux packages/),
      'notarization skipped: only macOS apps are notarized',
    ]);
    expect(plan.args).toEqual([]);
  });

  it('on macOS skips signing (no keychain guessing) and notarization, saying why', () => {
    const plan = signingPlan('darwin', {});
    expect(plan.error).toBeUndefined();
    expect(plan.lines[0]).toMatch(/^signing skipped: neither CSC_LINK .* nor CSC_NAME/);
    expect(plan.lines[1]).toMatch(/^notarization skipped: the app is not signed/);
    expect(plan.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false' });
    expect(plan.args).toEqual(['-c.mac.notarize=false']);
  });

  it('on Windows skips signing, naming what would enable it', () => {
    const plan = signingPlan('win32', {});
    expect(plan.lines[0]).toMatch(/^signing skipped: no WIN_CSC_LINK or CSC_LINK certificate .* Azure/);
    expect(plan.lines[1]).toMatch(/^notarization skipped/);
    expect(plan.args).toEqual([]);
  });
});

describe('signing and notarization with secrets', () => {
  it('signs on macOS with CSC_LINK and notarizes with an API key or an Apple ID', () => {
    const withKey = signingPlan('darwin', { CSC_LINK: '/certs/id.p12', CSC_KEY_PASSWORD: 'pw', ...API_KEY });
    expect(withKey.lines).toEqual([
      expect.stringMatching(/^signing: with the Developer ID certificate in CSC_LINK/),
      expect.stringMatching(/^notarization: with the App Store Connect API key/),
    ]);
    expect([withKey.args, withKey.env]).toEqual([[], {}]);
    const withId = signingPlan('darwin', { CSC_NAME: 'Developer ID Application: Keel', ...APPLE_ID });
    expect(withId.lines[1]).toMatch(/^notarization: with the Apple ID/);
  });

  it('signs but does not notarize on macOS when only the certificate is set', () => {
    const plan = signingPlan('darwin', { CSC_LINK: '/certs/id.p12' });
    expect(plan.lines[1]).toMatch(/^notarization skipped: none of APPLE_API_KEY/);
    expect(plan.args).toEqual(['-c.mac.notarize=false']);
  });

  it('refuses notarization secrets set up in part, naming the missing ones', () => {
    const plan = signingPlan('darwin', { CSC_LINK: '/certs/id.p12', APPLE_ID: 'me@example.com' });
    expect(plan.error).toBe(
      'keel: cannot package: notarization is set up only in part; also set APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID, or unset the others.',
    );
  });

  it('signs on Windows with a certificate, or with Azure Trusted Signing passed to electron-builder', () => {
    expect(signingPlan('win32', { WIN_CSC_LINK: 'c.pfx' }).lines[0]).toMatch(/WIN_CSC_LINK \(signtool\)/);
    const azure = signingPlan('win32', AZURE);
    expect(azure.args).toEqual([
      '-c.win.azureSignOptions.endpoint=https://weu.codesigning.azure.net',
      '-c.win.azureSignOptions.codeSigningAccountName=keel',
      '-c.win.azureSignOptions.certificateProfileName=public',
      '-c.win.azureSignOptions.publisherName=Keel contributors',
    ]);
    const { AZURE_CLIENT_SECRET: _secret, ...partial } = AZURE;
    expect(signingPlan('win32', partial).error).toMatch(/Azure Trusted Signing .* AZURE_CLIENT_SECRET/);
  });
});
