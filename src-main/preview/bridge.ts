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

const api = buildApi<KeelApi>(async (channel, input) => {
  let response: Response;
  try {
    response = await fetch('/__keel/ipc', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, input }),
    });
  } catch {
    return unreachable;
  }
  // The lock refused (a new run of the preview has a new token): its one plain sentence.
  if (response.status === 401 || response.status === 403) {
    const message = (await response.text()).trim();
    return { ok: false, error: { code: 'forbidden', message } };
  }
  let answer: IpcResult<unknown> & { clipboard?: Copied };
  try {
    answer = (await response.json()) as IpcResult<unknown> & { clipboard?: Copied };
  } catch {
    return unreachable;
  }
  const { clipboard, ...result } = answer;
  if (clipboard === undefined || !result.ok) return result as IpcResult<unknown>;
  try {
    await writeClipboard(clipboard);
  } catch {
    return clipboardRefused;
  }
  return result as IpcResult<unknown>;
}, subscribe);

Object.defineProperty(window, 'keel', { value: api, writable: false, configurable: false });
