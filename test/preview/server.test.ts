import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src-main/preview/server';
import { databasePath } from '../../src-main/storage/paths';
import { snapshot } from '../helpers/db-snapshot';
import { loopbackFetch } from '../helpers/loopback-fetch';
import { tempDir } from '../helpers/temp';

const CSP_META = `<meta\n  http-equiv="Content-Security-Policy"\n  content="default-src 'none'; script-src 'self'; connect-src 'none'" />`;
let preview: Preview | undefined;
let dataDir = '';

async function start(testClockStart?: number, plainHost?: boolean): Promise<Preview> {
  const rendererDir = tempDir();
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    `<!doctype html><html><head>${CSP_META}</head><body><script type="module" src="./app.js"></script></body></html>`,
  );
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  const bridgeFile = path.join(tempDir(), 'bridge.js');
  fs.writeFileSync(bridgeFile, '/* bridge */');
  dataDir = tempDir();
  preview = await startPreview({ port: 0, dataDir, rendererDir, bridgeFile, testClockStart, plainHost });
  return preview;
}

afterEach(async () => {
  await preview?.close();
  preview = undefined;
});

/** The `name=value` part of the cookie the token URL sets, the way a browser gets it. */
async function signIn(p: Preview): Promise<string> {
  const res = await loopbackFetch(p.openUrl);
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** What the page's own fetch sends: the cookie and this origin. */
const asPage = (p: Preview, cookie: string) => ({ cookie, origin: p.url });

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  loopbackFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** A request with a forged Host header, as a DNS-rebinding page or another local server sends. */
const raw = (url: string, headers: Record<string, string>) => loopbackFetch(url, { headers });

/** Opens the event stream and returns its status and type, then closes it. */
async function stream(url: string, headers: Record<string, string>): Promise<[number, string]> {
  const abort = new AbortController();
  const res = await loopbackFetch(`${url}/__keel/events`, { headers, signal: abort.signal });
  const answer: [number, string] = [res.status, res.headers.get('content-type') ?? ''];
  abort.abort();
  return answer;
}

describe('preview server', () => {
  it('the token URL sets an HttpOnly SameSite=Strict cookie and redirects to the clean URL', async () => {
    const p = await start();
    // A random host of this run's own, which browsers resolve to loopback (RFC 6761).
    expect(p.url).toMatch(/^http:\/\/k[0-9a-f]{16}\.localhost:\d+$/);
    expect(p.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.openUrl).toBe(`${p.url}/?token=${p.token}`);
    const res = await loopbackFetch(p.openUrl);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie') ?? '';
    const attributes = cookie.split(';').map((a) => a.trim());
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(cookie).not.toMatch(/Secure/i);
    // Host-only: no Domain, so the browser sends it to this run's host and to no other.
    expect(attributes.filter((a) => /^domain\b/i.test(a))).toEqual([]);
    expect(await res.text()).toBe('');
    // Each launch has its own token and its own host.
    const [firstToken, firstUrl] = [p.token, p.url];
    await p.close();
    const again = await start();
    expect(again.token).not.toBe(firstToken);
    expect(new URL(again.url).hostname).not.toBe(new URL(firstUrl).hostname);
  });

  it('serves the renderer with the bridge injected and connect-src limited to itself, once signed in', async () => {
    const p = await start();
    const res = await loopbackFetch(`${p.url}/`, { headers: { cookie: await signIn(p) } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/__keel/bridge.js"></script>');
    expect(html).toContain("connect-src 'self'");
    expect(html).not.toContain("connect-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The built scripts are public build output with no data: served without the cookie.
    expect(await (await loopbackFetch(`${p.url}/__keel/bridge.js`)).text()).toBe('/* bridge */');
    expect((await loopbackFetch(`${p.url}/app.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('without the cookie: the page says to open the printed URL, and the API and event stream refuse', async () => {
    const p = await start(Date.parse('2027-03-15T09:00:00Z'));
    const shell = await loopbackFetch(`${p.url}/`);
    expect(shell.status).toBe(401);
    expect(shell.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await shell.text();
    expect(text).toContain('Open the URL that "npm run preview" printed in its terminal');
    expect(text).not.toMatch(/<script|bridge|token=/);
    expect((await loopbackFetch(`${p.url}/index.html`)).status).toBe(401);
    const api = await post(`${p.url}/__keel/ipc`, { channel: 'app:status', input: {} }, { origin: p.url });
    expect(api.status).toBe(401);
    expect(await api.text()).toMatch(/^This tab is not signed in to the Keel preview\. .*\n$/);
    expect(await stream(p.url, {})).toEqual([401, 'text/plain; charset=utf-8']);
    expect(
      (await loopbackFetch(`${p.url}/__keel/test/recorded`, { headers: { origin: p.url } })).status,
    ).toBe(401);
    const clock = await post(`${p.url}/__keel/test/clock`, { advanceMs: 60_000 }, { origin: p.url });
    expect(clock.status).toBe(401);
  });

  it('a wrong token or a wrong cookie opens nothing', async () => {
    const p = await start();
    const sameLength = p.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const token of [sameLength, p.token.slice(0, -1), `${p.token}x`, '']) {
      const res = await loopbackFetch(`${p.url}/?token=${encodeURIComponent(token)}`);
      expect(res.status, token).toBe(403);
      expect(res.headers.get('set-cookie'), token).toBeNull();
      expect(await res.text()).toMatch(/^That link is not for this run of the Keel preview\./);
    }
    const name = (await signIn(p)).split('=')[0] ?? '';
    for (const cookie of [`${name}=${sameLength}`, `${name}=`, `other=${p.token}`, name]) {
      expect((await loopbackFetch(`${p.url}/`, { headers: { cookie } })).status, cookie).toBe(401);
      const api = await post(`${p.url}/__keel/ipc`, { channel: 'app:status', input: {} }, asPage(p, cookie));
      expect(api.status, cookie).toBe(401);
      expect((await stream(p.url, { cookie }))[0], cookie).toBe(401);
    }
  });

  it('API calls need this origin as well as the cookie; the event stream refuses other origins', async () => {
    const p = await start();
    const cookie = await signIn(p);
    const call = { channel: 'settings:set', input: { key: 'theme', value: 'dark' } };
    const noOrigin = await post(`${p.url}/__keel/ipc`, call, { cookie });
    expect(noOrigin.status).toBe(403);
    expect(await noOrigin.text()).toBe('Only the Keel preview page itself may call the preview.\n');
    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null', `${p.url}.evil.example`]) {
      expect((await post(`${p.url}/__keel/ipc`, call, { cookie, origin })).status, origin).toBe(403);
      expect((await stream(p.url, { cookie, origin }))[0], origin).toBe(403);
    }
    const crossSite = { ...asPage(p, cookie), 'sec-fetch-site': 'same-site' };
    expect((await post(`${p.url}/__keel/ipc`, call, crossSite)).status).toBe(403);
    expect((await stream(p.url, { cookie, 'sec-fetch-site': 'cross-site' }))[0]).toBe(403);
    expect(p.services.settings.get().theme).not.toBe('dark');

    const ok = await (await post(`${p.url}/__keel/ipc`, call, asPage(p, cookie))).json();
    expect(ok).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(p.services.settings.get().theme).toBe('dark');
    expect(await stream(p.url, { cookie })).toEqual([200, 'text/event-stream']);
    expect(await stream(p.url, { cookie, origin: p.url, 'sec-fetch-site': 'same-origin' })).toEqual([
      200,
      'text/event-stream',
    ]);
  });

  it('a refused "delete all my data" leaves the database file untouched', async () => {
    const p = await start();
    const cookie = await signIn(p);
    const page = asPage(p, cookie);
    await post(`${p.url}/__keel/ipc`, { channel: 'talk:add', input: { text: 'Keep me' } }, page);
    await post(
      `${p.url}/__keel/ipc`,
      { channel: 'settings:set', input: { key: 'theme', value: 'dark' } },
      page,
    );
    const file = databasePath(dataDir);
    const read = () => {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return snapshot(db);
      } finally {
        db.close();
      }
    };
    const before = read();
    expect(before).toContain('Keep me');
    const deleteAll = { channel: 'data:deleteAll', input: { confirm: true } };
    const refused: Record<string, string>[] = [
      {},
      { origin: p.url },
      { cookie },
      { cookie, origin: 'https://evil.example' },
    ];
    for (const headers of refused) {
      const res = await post(`${p.url}/__keel/ipc`, deleteAll, headers);
      expect([401, 403]).toContain(res.status);
    }
    expect(read()).toBe(before);
    // The same call from the page does delete: the check above could see a change.
    expect(await (await post(`${p.url}/__keel/ipc`, deleteAll, page)).json()).toMatchObject({ ok: true });
    expect(read()).not.toContain('Keep me');
  });

  it('forbids framing on every kind of response', async () => {
    const p = await start();
    const cookie = await signIn(p);
    const page = asPage(p, cookie);
    const responses: [string, Response][] = [
      ['token redirect', await loopbackFetch(p.openUrl)],
      ['wrong token', await loopbackFetch(`${p.url}/?token=nope`)],
      ['shell', await loopbackFetch(`${p.url}/`, { headers: { cookie } })],
      ['locked shell', await loopbackFetch(`${p.url}/`)],
      ['script', await loopbackFetch(`${p.url}/app.js`)],
      ['bridge', await loopbackFetch(`${p.url}/__keel/bridge.js`)],
      ['favicon', await loopbackFetch(`${p.url}/favicon.ico`)],
      ['missing file', await loopbackFetch(`${p.url}/nothing.js`)],
      ['wrong method', await loopbackFetch(`${p.url}/`, { method: 'DELETE' })],
      ['api', await post(`${p.url}/__keel/ipc`, { channel: 'app:status', input: {} }, page)],
      ['api refused', await post(`${p.url}/__keel/ipc`, { channel: 'app:status', input: {} })],
      [
        'api not json',
        await loopbackFetch(`${p.url}/__keel/ipc`, { method: 'POST', headers: page, body: '{' }),
      ],
      [
        'api error',
        await loopbackFetch(`${p.url}/__keel/ipc`, {
          method: 'POST',
          headers: { ...page, 'content-type': 'application/json' },
          body: '{',
        }),
      ],
      ['unknown host', await raw(`${p.url}/`, { host: 'evil.example' })],
    ];
    expect(new Set(responses.map(([, r]) => r.status))).toEqual(
      new Set([303, 403, 200, 401, 204, 404, 405, 415, 400]),
    );
    for (const [name, r] of responses) {
      const get = (h: string) => r.headers.get(h);
      expect(get('content-security-policy'), name).toContain("frame-ancestors 'none'");
      expect(get('x-frame-options'), name).toBe('DENY');
      expect(get('x-content-type-options'), name).toBe('nosniff');
    }
    const events = await loopbackFetch(`${p.url}/__keel/events`, { headers: { cookie } });
    expect(events.headers.get('x-frame-options')).toBe('DENY');
    await events.body?.cancel();
  });

  it('answers IPC calls through the same validated handler table', async () => {
    const p = await start();
    const page = asPage(p, await signIn(p));
    const bad = await (
      await post(`${p.url}/__keel/ipc`, { channel: 'settings:set', input: { key: 'theme', value: 7 } }, page)
    ).json();
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'theme: Use system, light or dark.',
        field: { path: ['theme'], message: 'Use system, light or dark.' },
      },
    });
    const unknown = await (await post(`${p.url}/__keel/ipc`, { channel: 'fs:read', input: {} }, page)).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('answers a batch of calls in order, each as if it had come alone; refuses an empty or oversized batch', async () => {
    const p = await start();
    const page = asPage(p, await signIn(p));
    const calls = [
      { channel: 'talk:add', input: { text: 'First' } },
      { channel: 'settings:set', input: { key: 'theme', value: 7 } },
      { channel: 'talk:list', input: {} },
      { channel: 'fs:read', input: {} },
    ];
    const res = await post(`${p.url}/__keel/ipc`, { calls }, page);
    expect(res.status).toBe(200);
    const { batch } = (await res.json()) as {
      batch: Array<{ ok: boolean; value?: unknown; error?: { code: string } }>;
    };
    expect(batch.map((a) => a.ok)).toEqual([true, false, true, false]);
    expect(batch[1]?.error?.code).toBe('invalid_input');
    // The third call sees what the first wrote: the calls ran one after another, in order.
    expect(JSON.stringify(batch[2]?.value)).toContain('First');
    expect(batch[3]?.error?.code).toBe('unknown_channel');
    for (const bad of [[], 'talk:list', Array.from({ length: 17 }, () => calls[2])]) {
      const refused = await post(`${p.url}/__keel/ipc`, { calls: bad }, page);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: 'Send from 1 to 16 calls at once.' },
      });
    }
  });

  it('refuses other hosts, non-JSON bodies and paths outside the renderer', async () => {
    const p = await start();
    const page = asPage(p, await signIn(p));
    const text = await loopbackFetch(`${p.url}/__keel/ipc`, {
      method: 'POST',
      headers: { ...page, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    expect((await loopbackFetch(`${p.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    for (const host of ['evil.example', `evil.example:${new URL(p.url).port}`]) {
      const rebinding = await raw(`${p.url}/`, { host, cookie: page.cookie });
      expect(rebinding.status).toBe(403);
    }
  });

  it('another local server replaying the cookie on 127.0.0.1 gets no data, and no name for the host', async () => {
    const p = await start(Date.parse('2027-03-15T09:00:00Z'));
    const cookie = await signIn(p);
    const { port, hostname } = new URL(p.url);
    const call = { channel: 'settings:set', input: { key: 'theme', value: 'dark' } };
    // What a browser sends to another web server on this machine carries no preview cookie
    // (the cookie is host-only), but even a stolen one must not work on another name.
    const otherHost = `k${'0'.repeat(16)}.localhost:${port}`;
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      const host = `${name}:${port}`;
      const forged = { host, cookie, origin: `http://${host}` };
      for (const [what, res] of [
        [
          'ipc',
          await loopbackFetch(`${p.url}/__keel/ipc`, {
            method: 'POST',
            headers: { ...forged, 'content-type': 'application/json' },
            body: JSON.stringify(call),
          }),
        ],
        ['shell', await raw(`${p.url}/`, forged)],
        ['events', await raw(`${p.url}/__keel/events`, { host, cookie })],
        ['recorded', await raw(`${p.url}/__keel/test/recorded`, forged)],
        ['token', await raw(p.openUrl, { host })],
      ] as const) {
        expect(res.status, `${host} ${what}`).toBe(421);
        expect(res.headers.get('set-cookie'), `${host} ${what}`).toBeNull();
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        const text = await res.text();
        expect(text, `${host} ${what}`).toMatch(/^This Keel preview answers only at the address in the link/);
        // The note never tells anyone on the machine this run's host name or token.
        expect(text).not.toContain(hostname);
        expect(text).not.toContain(p.token);
      }
    }
    for (const host of [otherHost, `${hostname}:1`, hostname, `${hostname}.:${port}`]) {
      const res = await raw(`${p.url}/`, { host, cookie, origin: `http://${host}` });
      expect(res.status, host).toBe(403);
    }
    expect(p.services.settings.get().theme).not.toBe('dark');
    // With the per-run host, the same call works: the refusals above could have seen a change.
    expect((await post(`${p.url}/__keel/ipc`, call, asPage(p, cookie))).status).toBe(200);
    expect(p.services.settings.get().theme).toBe('dark');
  });

  it('--plain-host serves 127.0.0.1 (for browsers without *.localhost), and no other name', async () => {
    const p = await start(undefined, true);
    expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const cookie = await signIn(p);
    const call = { channel: 'app:status', input: {} };
    expect((await post(`${p.url}/__keel/ipc`, call, asPage(p, cookie))).status).toBe(200);
    const host = `localhost:${new URL(p.url).port}`;
    expect((await raw(`${p.url}/`, { host, cookie })).status).toBe(421);
  });

  it('a malformed path gets a 400 and one plain sentence, with the safety headers', async () => {
    const p = await start();
    const cookie = await signIn(p);
    for (const target of ['/%E0%A4%A', '/%', '/app%ZZ.js', '//[']) {
      const res = await loopbackFetch(`${p.url}${target}`, { headers: { cookie } });
      expect(res.status, target).toBe(400);
      expect(res.headers.get('content-type'), target).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('x-frame-options'), target).toBe('DENY');
      expect(res.headers.get('content-security-policy'), target).toContain("frame-ancestors 'none'");
      expect(await res.text(), target).toBe('That address is not a valid path.\n');
    }
    // The server is still there.
    expect((await loopbackFetch(`${p.url}/app.js`)).status).toBe(200);
  });

  it('has no test endpoints unless started with a test clock', async () => {
    const p = await start();
    const page = asPage(p, await signIn(p));
    expect((await loopbackFetch(`${p.url}/__keel/test/recorded`, { headers: page })).status).toBe(404);
    expect(await (await post(`${p.url}/__keel/test/clock`, { advanceMs: 1000 }, page)).json()).toMatchObject({
      ok: false,
    });
  });

  it('with a test clock: moves time, records the tray and routes tray clicks', async () => {
    const start0 = Date.parse('2027-03-15T19:00:00Z');
    const p = await start(start0);
    const page = asPage(p, await signIn(p));
    const moved = await (await post(`${p.url}/__keel/test/clock`, { advanceMs: 60_000 }, page)).json();
    expect(moved).toEqual({ ok: true, value: { now: start0 + 60_000 } });
    const recorded = (await (
      await loopbackFetch(`${p.url}/__keel/test/recorded`, { headers: page })
    ).json()) as {
      now: number;
      tray: { state: string; menu: { label?: string }[] };
    };
    expect(recorded.now).toBe(start0 + 60_000);
    expect(recorded.tray.menu.map((i) => i.label)).toContain('Open Keel');
    await post(`${p.url}/__keel/test/tray`, { command: { kind: 'open' } }, page);
    expect(p.shell.shown).toHaveLength(1);
    const status = (await (
      await post(`${p.url}/__keel/ipc`, { channel: 'app:status', input: {} }, page)
    ).json()) as {
      value: { now: string };
    };
    expect(Date.parse(status.value.now)).toBe(start0 + 60_000);
  });
});
