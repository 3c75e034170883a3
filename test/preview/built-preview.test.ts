import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loopbackFetch } from '../helpers/loopback-fetch';
import { BUILT_PREVIEW, OPEN_LINE, startBuiltPreview, type RunningPreview } from '../helpers/preview';
import { tempDir } from '../helpers/temp';

/** `npm run preview` as a person runs it: the built server, from a shell with the usual umask. */
beforeAll(() => {
  if (!fs.existsSync(BUILT_PREVIEW))
    throw new Error('Run `npm run build` first: these tests run the built preview.');
});

let running: RunningPreview | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** Every entry under `dir` (itself included) with its permission bits. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (p: string) => {
    out[path.relative(dir, p) || '.'] = (fs.statSync(p).mode & 0o777).toString(8);
    if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
  return out;
}

describe('the built preview', { timeout: 30_000 }, () => {
  it('prints the URL to open once, with a fresh token each run, and that URL signs the browser in', async () => {
    const dataDir = path.join(tempDir(), 'data');
    running = await startBuiltPreview(dataDir, undefined);
    const out = running.stdout();
    const [first, second] = out.split('\n');
    expect(first).toMatch(OPEN_LINE);
    expect(running.url).toMatch(/^http:\/\/k[0-9a-f]{16}\.localhost:\d+$/);
    expect(second).toContain('keep it to yourself');
    expect(out.split(running.token)).toHaveLength(2);
    // The API answers the page that opened the printed URL, and nobody else.
    const call = (headers: Record<string, string>) =>
      loopbackFetch(`${running?.url}/__keel/ipc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ channel: 'app:status', input: {} }),
      });
    expect((await call(running.headers)).status).toBe(200);
    expect((await call({ origin: running.url })).status).toBe(401);
    const token = running.token;
    await running.stop();
    running = await startBuiltPreview(dataDir, undefined);
    expect(running.token).not.toBe(token);
  });

  it('--plain-host prints a 127.0.0.1 link and says what that costs', async () => {
    running = await startBuiltPreview(path.join(tempDir(), 'data'), undefined, { args: ['--plain-host'] });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.stdout()).toContain(
      "any other web page you open on 127.0.0.1 or localhost is sent this run's cookie",
    );
  });

  it('under umask 022 its data folder and every file in it are the user’s alone', async () => {
    const dataDir = path.join(tempDir(), 'data');
    running = await startBuiltPreview(dataDir, '2027-03-15T09:30:00Z', {
      command: ['sh', '-c', 'umask 022; exec "$0" "$@"'],
    });
    const set = await loopbackFetch(`${running.url}/__keel/ipc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...running.headers },
      body: JSON.stringify({ channel: 'talk:add', input: { text: 'Only mine' } }),
    });
    expect(set.status).toBe(200);
    const found = modes(dataDir);
    expect(found['keel.db']).toBe('600');
    for (const [entry, mode] of Object.entries(found)) {
      const isDir = fs.statSync(path.join(dataDir, entry)).isDirectory();
      expect(mode, entry).toBe(isDir ? '700' : '600');
    }
  });
});
