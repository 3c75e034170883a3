import http from 'node:http';
import { Readable } from 'node:stream';

/**
 * `fetch` for the preview's `http://k<hex>.localhost:<port>` URLs. Browsers resolve every
 * `*.localhost` name to loopback themselves; Node (glibc, undici) does not. This connects to
 * 127.0.0.1 and sends the URL's host in `Host`, as a browser does; headers given in `init`
 * (a forged `host` included) are sent as they are. Never follows redirects (like
 * `redirect: 'manual'`). The response resolves once its headers arrive, so an event stream can
 * be read or cancelled.
 */
export function loopbackFetch(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers,
        signal: init.signal,
        lookup: (_host, options, callback) =>
          options.all
            ? (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
                { address: '127.0.0.1', family: 4 },
              ])
            : callback(null, '127.0.0.1', 4),
      },
      (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, v);
        }
        const status = res.statusCode ?? 0;
        const empty = [101, 204, 205, 304].includes(status);
        if (empty) res.resume();
        const body = empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
        resolve(new Response(body, { status, headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
