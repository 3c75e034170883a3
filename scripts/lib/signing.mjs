// What `npm run dist` does about code signing and notarization, decided from the environment
// alone (electron-builder.yml holds no secrets). Pure: scripts/dist.mjs prints the lines, adds the
// arguments and environment, and stops with the error if there is one;
// test/packaging/signing.test.ts checks every case.
//
// Without secrets (as on a contributor's machine or in CI) the packages are built unsigned and it
// says so on one line each: "signing skipped: <why>" and "notarization skipped: <why>".

/** Every variable in `names` is set to something. */
const all = (env, names) => names.every((name) => Boolean(env[name]));
/** The variables of a group that are missing, when some of the group are set and some are not. */
const partial = (env, names) =>
  names.some((name) => Boolean(env[name])) ? names.filter((name) => !env[name]) : [];

/** The three ways electron-builder (app-builder-lib MacTargetHelper) takes notarization secrets. */
export const NOTARIZE_APPLE_ID = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];
export const NOTARIZE_API_KEY = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'];
/** Azure Trusted Signing: where to sign (Keel's names) and how to log in (Azure's own names). */
export const AZURE_SIGNING = {
  endpoint: 'KEEL_AZURE_SIGNING_ENDPOINT',
  codeSigningAccountName: 'KEEL_AZURE_SIGNING_ACCOUNT',
  certificateProfileName: 'KEEL_AZURE_SIGNING_PROFILE',
  publisherName: 'KEEL_AZURE_SIGNING_PUBLISHER',
};
export const AZURE_LOGIN = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'];

const NOT_MAC = 'notarization skipped: only macOS apps are notarized';

function incomplete(what, missing) {
  return `keel: cannot package: ${what} is set up only in part; also set ${missing.join(', ')}, or unset the others.`;
}

function macPlan(env) {
  const lines = [];
  const args = [];
  const extraEnv = {};
  let signed = true;
  if (env.CSC_LINK) lines.push('signing: with the Developer ID certificate in CSC_LINK (hardened runtime)');
  else if (env.CSC_NAME)
    lines.push(`signing: with the keychain identity "${env.CSC_NAME}" (hardened runtime)`);
  else {
    signed = false;
    // Without it electron-builder would sign with whatever identity it finds in the keychain.
    extraEnv.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
    lines.push(
      'signing skipped: neither CSC_LINK (a .p12 Developer ID certificate, with CSC_KEY_PASSWORD) nor CSC_NAME (a keychain identity) is set; the app keeps an ad-hoc signature and Gatekeeper will not open it from a download',
    );
  }
  for (const group of [NOTARIZE_APPLE_ID, NOTARIZE_API_KEY]) {
    const missing = partial(env, group);
    if (missing.length > 0) return { lines, args, env: extraEnv, error: incomplete('notarization', missing) };
  }
  const how = all(env, NOTARIZE_APPLE_ID)
    ? 'the Apple ID in APPLE_ID'
    : all(env, NOTARIZE_API_KEY)
      ? 'the App Store Connect API key in APPLE_API_KEY'
      : env.APPLE_KEYCHAIN_PROFILE
        ? 'the notarytool keychain profile in APPLE_KEYCHAIN_PROFILE'
        : undefined;
  if (!signed || !how) {
    args.push('-c.mac.notarize=false');
    lines.push(
      !signed
        ? 'notarization skipped: the app is not signed, and Apple notarizes only signed apps'
        : `notarization skipped: none of ${NOTARIZE_API_KEY.join(' + ')}, ${NOTARIZE_APPLE_ID.join(' + ')} or APPLE_KEYCHAIN_PROFILE is set`,
    );
  } else lines.push(`notarization: with ${how}, after signing`);
  return { lines, args, env: extraEnv };
}

function winPlan(env) {
  const lines = [];
  const args = [];
  const azureNames = [...Object.values(AZURE_SIGNING), ...AZURE_LOGIN];
  const missing = partial(env, azureNames);
  if (missing.length > 0)
    return { lines, args, env: {}, error: incomplete('Azure Trusted Signing', missing) };
  if (all(env, azureNames)) {
    for (const [option, name] of Object.entries(AZURE_SIGNING)) {
      args.push(`-c.win.azureSignOptions.${option}=${env[name]}`);
    }
    lines.push(`signing: with Azure Trusted Signing (${env[AZURE_SIGNING.endpoint]})`);
  } else if (env.WIN_CSC_LINK || env.CSC_LINK) {
    lines.push(
      `signing: with the certificate in ${env.WIN_CSC_LINK ? 'WIN_CSC_LINK' : 'CSC_LINK'} (signtool)`,
    );
  } else {
    lines.push(
      `signing skipped: no WIN_CSC_LINK or CSC_LINK certificate (with its password in WIN_CSC_KEY_PASSWORD or CSC_KEY_PASSWORD) and no Azure Trusted Signing settings (${Object.values(AZURE_SIGNING).join(', ')} and ${AZURE_LOGIN.join(', ')}) are set; Windows will warn that the installer's publisher is unknown`,
    );
  }
  lines.push(NOT_MAC);
  return { lines, args, env: {} };
}

/**
 * The signing plan for packaging on `platform` with environment `env`:
 * `{ lines, args, env, error? }` — lines to print, arguments for electron-builder, variables to
 * add to its environment, and one sentence when the secrets are set up only in part.
 */
export function signingPlan(platform, env) {
  if (platform === 'darwin') return macPlan(env);
  if (platform === 'win32') return winPlan(env);
  return {
    lines: [
      'signing skipped: electron-builder does not sign Linux packages (AppImage, deb, rpm); publish their SHA-256 sums, or sign the repository that serves them',
      NOT_MAC,
    ],
    args: [],
    env: {},
  };
}
