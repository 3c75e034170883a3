/**
 * The preview's `window.keel`: the same API shape the Electron preload exposes, carried over
 * HTTP to the preview server, which runs the real handler table on a real SQLite file.
 * Loaded as a classic script before the app, so the app cannot tell the difference.
 */
import { buildApi, type IpcResult } from '../ipc/channels';
import type { KeelApi } from '../ipc/contract';
import { type StateEvent } from '../shared/state';

const unreachable: IpcResult<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'The Keel preview server is not reachable; is `npm run preview` running?',
  },
};

/** What a call put on the clipboard, as the preview server answers it (server.ts). */
type Copied = { text: string; html?: string };

const clipboardRefused: IpcResult<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'The browser did not let Keel use the clipboard; allow it for this page and copy again.',
  },
};

/**
 * The desktop app copies through main (Electron's clipboard); the preview through the browser's
 * Clipboard API: rich text as one ClipboardItem with text/html and text/plain, like main's.
 */
async function writeClipboard({ text, html }: Copied): Promise<void> {
  if (html === undefined) return navigator.clipboard.writeText(text);
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([text], { type: 'text/plain' }),
    }),
  ]);
}

const listeners = new Set<(event: StateEvent) => void>();
let source: EventSource | undefined;

function subscribe(listener: (event: StateEvent) => void): () => void {
  listeners.add(listener);
  if (!source) {
    source = new EventSource('/__keel/events');
    source.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as StateEvent;
      for (const l of [...listeners]) l(event);
    };
  }
  return () => {
    listeners.delete(listener);
  };
}

type Answer = IpcResult<unknown> & { clipboard?: Copied };

/** One POST to the preview server: a call's answer, or a batch's answers in order. */
async function post(body: unknown): Promise<{ answer: unknown } | IpcResult<never>> {
  let response: Response;
  try {
    response = await fetch('/__keel/ipc', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return unreachable;
  }
  // The lock refused (a new run of the preview has a new token): its one plain sentence.
  if (response.status === 401 || response.status === 403) {
    const message = (await response.text()).trim();
    return { ok: false, error: { code: 'forbidden', message } };
  }
  try {
    return { answer: (await response.json()) as unknown };
  } catch {
    return unreachable;
  }
}

/** A call's answer as the app sees it: the clipboard written first when the call copied. */
async function settle(answer: Answer): Promise<IpcResult<unknown>> {
  const { clipboard, ...result } = answer;
  if (clipboard === undefined || !result.ok) return result as IpcResult<unknown>;
  try {
    await writeClipboard(clipboard);
  } catch {
    return clipboardRefused;
  }
  return result as IpcResult<unknown>;
}

interface Pending {
  call: { channel: string; input: unknown };
  resolve(result: IpcResult<unknown>): void;
}

/**
 * Calls made in the same task (the window's first reads: five at once) go out as one request, not
 * five: each fetch costs the page's main thread a few milliseconds that Electron's IPC does not.
 * A lone call goes as before.
 */
let queued: Pending[] = [];
const MAX_BATCH = 16;

async function flush(): Promise<void> {
  const batch = queued;
  queued = [];
  if (batch.length === 0) return;
  if (batch.length === 1) {
    const [only] = batch as [Pending];
    const posted = await post(only.call);
    return only.resolve('answer' in posted ? await settle(posted.answer as Answer) : posted);
  }
  const posted = await post({ calls: batch.map((p) => p.call) });
  const answers = 'answer' in posted ? (posted.answer as { batch?: unknown }).batch : undefined;
  batch.forEach((pending, i) => {
    if (!('answer' in posted)) return pending.resolve(posted);
    const answer = Array.isArray(answers) ? (answers[i] as Answer | undefined) : undefined;
    void (answer ? settle(answer) : Promise.resolve(unreachable)).then(pending.resolve);
  });
}

const api = buildApi<KeelApi>(
  (channel, input) =>
    new Promise<IpcResult<unknown>>((resolve) => {
      if (queued.length === 0) queueMicrotask(() => void flush());
      queued.push({ call: { channel, input }, resolve });
      // The server takes at most MAX_BATCH calls in one request (server.ts).
      if (queued.length === MAX_BATCH) void flush();
    }),
  subscribe,
);

Object.defineProperty(window, 'keel', { value: api, writable: false, configurable: false });
