/**
 * Keel's Content Security Policy, sent as a header with every app:// response. It must equal
 * the <meta> tag in src-renderer/index.html (a test compares them): the meta tag protects the
 * page wherever it is opened, the header protects everything the protocol serves. No
 * 'unsafe-eval', no inline scripts, and `connect-src 'none'`: the window talks to nothing but
 * main, through IPC (DESIGN.md: no network calls at all).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'";
