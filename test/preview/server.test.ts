import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src-main/preview/server';
import { tempDir } from '../helpers/temp';

const CSP_META = `<meta\n  http-equiv="Content-Security-Policy"\n  content="default-src 'none'; script-src 'self'; connect-src 'none'" />`;
let preview: Preview | undefined;

async function start(testClockStart?: number): Promise<Preview> {
  const rendererDir = tempDir();
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    `<!doctype html><html><head>${CSP_META}</head><body><script type="module" src="./app.js"></script></body></html>`,
  );
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  const bridgeFile = path.join(tempDir(), 'bridge.js');
  fs.writeFileSync(bridgeFile, '/* bridge */');
  preview = await startPreview({ port: 0, dataDir: tempDir(), rendererDir, bridgeFile, testClockStart });
  return preview;
}

afterEach(async () => {
  await preview?.close();
  preview = undefined;
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('preview server', () => {
  it('serves the renderer with the bridge injected and connect-src limited to itself', async () => {
    const p = await start();
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${p.url}/`);
    const html = await res.text();
    expect(html).toContain('<script src="/__keel/bridge.js"></script>');
    expect(html).toContain("connect-src 'self'");
    expect(html).not.toContain("connect-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${p.url}/__keel/bridge.js`)).text()).toBe('/* bridge */');
    expect((await fetch(`${p.url}/app.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers IPC calls through the same validated handler table', async () => {
    const p = await start();
    const ok = await (
      await post(`${p.url}/__keel/ipc`, { channel: 'settings:set', input: { key: 'theme', value: 'dark' } })
    ).json();
    expect(ok).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(p.services.settings.get().theme).toBe('dark');
    const bad = await (
      await post(`${p.url}/__keel/ipc`, { channel: 'settings:set', input: { key: 'theme', value: 7 } })
    ).json();
    expect(bad).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'theme: Use system, light or dark.' },
    });
    const unknown = await (await post(`${p.url}/__keel/ipc`, { channel: 'fs:read', input: {} })).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses other sites, other hosts, non-JSON bodies and paths outside the renderer', async () => {
    const p = await start();
    const foreign = await post(
      `${p.url}/__keel/ipc`,
      { channel: 'app:status', input: {} },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    const text = await fetch(`${p.url}/__keel/ipc`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    const garbage = await fetch(`${p.url}/__keel/ipc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(await garbage.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await fetch(`${p.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    // fetch() will not send a forged Host header; a raw request will (as a DNS-rebinding page would).
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${p.url}/`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebinding).toBe(403);
  });

  it('has no test endpoints unless started with a test clock', async () => {
    const p = await start();
    expect((await fetch(`${p.url}/__keel/test/recorded`)).status).not.toBe(200);
    expect(await (await post(`${p.url}/__keel/test/clock`, { advanceMs: 1000 })).json()).toMatchObject({
      ok: false,
    });
  });

  it('with a test clock: moves time, records the tray and routes tray clicks', async () => {
    const start0 = Date.parse('2027-03-15T19:00:00Z');
    const p = await start(start0);
    const moved = await (await post(`${p.url}/__keel/test/clock`, { advanceMs: 60_000 })).json();
    expect(moved).toEqual({ ok: true, value: { now: start0 + 60_000 } });
    const recorded = (await (await fetch(`${p.url}/__keel/test/recorded`)).json()) as {
      now: number;
      tray: { state: string; menu: { label?: string }[] };
    };
    expect(recorded.now).toBe(start0 + 60_000);
    expect(recorded.tray.menu.map((i) => i.label)).toContain('Open Keel');
    await post(`${p.url}/__keel/test/tray`, { command: { kind: 'open' } });
    expect(p.shell.shown).toHaveLength(1);
    const status = (await (
      await post(`${p.url}/__keel/ipc`, { channel: 'app:status', input: {} })
    ).json()) as {
      value: { now: string };
    };
    expect(Date.parse(status.value.now)).toBe(start0 + 60_000);
  });
});
